// 填报: enter or correct one figure. A unit's figure goes into its report for the period (created on first entry),
// which must still be editable; the bureau's own figures (统计局, 登记系统) need the review right and count at once.
import type { Executor } from '../../db/client.ts';
import { formatPeriod } from '../../domain/period/period.ts';
import type { ValueSource } from '../../domain/reporting/vocabulary.ts';
import { findMonitoredIndicator } from '../../repositories/indicator-settings.ts';
import { findValue, type ValueRecord } from '../../repositories/indicator-values.ts';
import { isPlanStillCurrent } from '../../repositories/plans.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { periodFromInput, requireAction, requireOwnUnit } from './guards.ts';
import { assertReportEditable, assertValueAcceptable, claimReport, openReport, saveValue } from './value-writes.ts';

export interface EnterValueInput {
  indicatorId: string;
  /** 2023, 2023H1, 2023Q2, 2023M07 */
  period: string;
  source: ValueSource;
  value: number;
  measureUnit?: string | null | undefined;
  caliberNote?: string | null | undefined;
  comment?: string | null | undefined;
  explanation?: string | null | undefined;
  /** The version of the figure the writer saw; 0 for a new one. A stale version answers 409 with the current one. */
  expectedVersion: number;
}

/**
 * `db` may be an open transaction: the figure's writes then join it (as a savepoint), so a caller that writes more
 * afterwards — the register sync and the records behind its figure — commits or rolls back both together.
 */
export async function enterValue(db: Executor, access: Access, input: EnterValueInput): Promise<ValueRecord> {
  requireAction(access, input.source === 'unit' ? 'value.enter' : 'value.review');
  const indicator = await findMonitoredIndicator(db, access.scope, input.indicatorId);
  if (!indicator) throw new NotFoundError('indicator', input.indicatorId, '指标不存在 / indicator not found');
  const period = periodFromInput(input.period);
  const fields = {
    value: input.value,
    measureUnit: clean(input.measureUnit),
    caliberNote: clean(input.caliberNote),
    comment: clean(input.comment),
    explanation: clean(input.explanation),
  };
  assertValueAcceptable(indicator, period, input.source, fields);
  const unitId = indicator.setting.responsibleUnitId;
  if (input.source === 'unit') {
    if (unitId === null) {
      throw new ValidationError('该指标尚未指定责任单位，请先在指标设置中指定 / no responsible unit assigned yet');
    }
    requireOwnUnit(access, unitId);
  }
  const id = await db.transaction(async (tx) => {
    // A figure for an indicator of a replaced version (导入新版本 moved its data on) would be lost to every view.
    if (!(await isPlanStillCurrent(tx, indicator.planId))) {
      throw new VersionConflictError(
        'plan',
        { planId: indicator.planId },
        '该规划已导入新版本，数据已随新版本迁移，请刷新后在新版本中填报 / this plan has a newer version: refresh and enter the figure there',
      );
    }
    const report = input.source === 'unit' && unitId !== null ? await openReport(tx, indicator.countyId, unitId, formatPeriod(period)) : null;
    if (report) assertReportEditable(report);
    const saved = await saveValue(tx, access, {
      indicator,
      period,
      source: input.source,
      report,
      fields,
      expectedVersion: input.expectedVersion,
    });
    if (report) await claimReport(tx, report);
    return saved.id;
  });
  const stored = await findValue(db, access.scope, id);
  if (!stored) throw new Error('stored value not found');
  return stored;
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
