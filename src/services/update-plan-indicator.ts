// The bureau corrects an indicator cell the parser extracted. Optimistic locking: the request names the version it
// read; a stale write changes nothing and gets the current record back (409) — no write is silently lost.
// Before/after go to the audit log in the same transaction as the change.
import type { Database } from '../db/client.ts';
import type { Comparator, IndicatorAttribute } from '../domain/plan/model.ts';
import { appendAudit } from '../repositories/audit.ts';
import {
  findIndicatorRow,
  updateIndicatorIfVersion,
  type IndicatorColumns,
  type IndicatorRow,
} from '../repositories/plan-edits.ts';
import { toStoredIndicator, type StoredIndicator } from '../repositories/plans.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';

export interface IndicatorPatch {
  name?: string | undefined;
  unit?: string | null | undefined;
  attribute?: IndicatorAttribute | null | undefined;
  baselineYear?: number | null | undefined;
  baselineValue?: number | null | undefined;
  baselineText?: string | null | undefined;
  targetYear?: number | null | undefined;
  targetValue?: number | null | undefined;
  targetComparator?: Comparator | null | undefined;
  targetText?: string | null | undefined;
  cumulative?: boolean | undefined;
  annualGrowthRate?: number | null | undefined;
}

export interface UpdatePlanIndicatorInput {
  planId: string;
  indicatorId: string;
  /** The version the editor read. */
  version: number;
  patch: IndicatorPatch;
}

export async function updatePlanIndicator(db: Database, access: Access, input: UpdatePlanIndicatorInput): Promise<StoredIndicator> {
  return db.transaction(async (tx) => {
    const before = await findIndicatorRow(tx, access.scope, input.planId, input.indicatorId);
    // Another county's indicator answers exactly like a missing one.
    if (!before) throw new NotFoundError('plan_indicator', input.indicatorId, '指标不存在 / indicator not found');
    if (before.version !== input.version) throw new VersionConflictError('plan_indicator', toStoredIndicator(before));

    const values = changedColumns(before, input.patch);
    const after = await updateIndicatorIfVersion(
      tx,
      { countyId: before.countyId, planId: before.planId, indicatorId: before.id, version: input.version },
      values,
    );
    if (!after) {
      // Someone committed between our read and our write (PostgreSQL re-checks the version under the row lock).
      const current = await findIndicatorRow(tx, access.scope, input.planId, input.indicatorId);
      throw new VersionConflictError('plan_indicator', current ? toStoredIndicator(current) : null);
    }
    const stored = toStoredIndicator(after);
    await appendAudit(tx, {
      countyId: after.countyId,
      ...auditActor(access.actor),
      action: 'indicator.update',
      entity: 'plan_indicator',
      entityId: after.id,
      before: toStoredIndicator(before),
      after: stored,
    });
    return stored;
  });
}

/** The patch as column values, with the cell text following a corrected value, and the result checked as a whole. */
function changedColumns(before: IndicatorRow, patch: IndicatorPatch): Partial<IndicatorColumns> {
  const values: Partial<IndicatorColumns> = {};
  for (const [key, value] of Object.entries(patch) as [keyof IndicatorPatch, unknown][]) {
    if (value !== undefined) (values as Record<string, unknown>)[key] = value;
  }
  if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
  if (values.name !== undefined) {
    values.name = values.name.trim();
    if (values.name.length === 0) throw new ValidationError('指标名称不能为空 / name required', [{ path: '/name', message: '不能为空 / required' }]);
  }
  const cumulative = values.cumulative ?? before.cumulative;
  // The text is "the cell as written"; a corrected number without new text would show the old figure, so the text
  // is rewritten from the number (【】 marks a cumulative figure, as in the plan tables).
  const cellText = (value: number | null) => (value === null ? '—' : cumulative ? `【${value}】` : String(value));
  if (patch.baselineValue !== undefined && patch.baselineText === undefined) values.baselineText = cellText(patch.baselineValue);
  if (patch.targetValue !== undefined && patch.targetText === undefined) values.targetText = cellText(patch.targetValue);

  const merged = { ...before, ...values };
  const problems: { path: string; message: string }[] = [];
  if (merged.baselineYear === null && (merged.baselineValue !== null || (patch.baselineText ?? null) !== null)) {
    problems.push({ path: '/baselineYear', message: '填写基期值时须有基期年份 / baseline value needs a baseline year' });
  }
  if (merged.targetYear === null && (merged.targetValue !== null || (patch.targetText ?? null) !== null)) {
    problems.push({ path: '/targetYear', message: '填写目标值时须有目标年份 / target value needs a target year' });
  }
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
  return values;
}
