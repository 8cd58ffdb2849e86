// The writes every way of entering figures shares (the form, the Excel upload): open the unit's report for the
// period, check a figure against its indicator, insert or update it with its audit row, and bump the report's
// version so concurrent writers are detected. Callers own the transaction.
import type { Executor } from '../../db/client.ts';
import { formatPeriod, PERIOD_KIND_LABELS, type Period } from '../../domain/period/period.ts';
import { measureUnitProblem } from '../../domain/reporting/measure-unit.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import type { ValueSource } from '../../domain/reporting/vocabulary.ts';
import { nextReportState } from '../../domain/reporting/workflow.ts';
import { appendAudit } from '../../repositories/audit.ts';
import type { MonitoredIndicator } from '../../repositories/indicator-settings.ts';
import {
  findOfficialValue,
  findValueBySource,
  insertValue,
  markOfficial,
  updateValue,
  type ValueRecord,
} from '../../repositories/indicator-values.ts';
import { findReportOfUnit, insertReport, updateReport, type ReportRecord } from '../../repositories/reports.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ValidationError, VersionConflictError } from '../errors.ts';
import { kindOf, planSpanOf } from './indicator-status.ts';

export interface ValueFields {
  value: number;
  measureUnit: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
}

/** Why this figure cannot be stored for this indicator and period, as field problems (empty when fine). */
export function valueProblems(
  indicator: MonitoredIndicator,
  period: Period,
  source: ValueSource,
  fields: Pick<ValueFields, 'value' | 'measureUnit'>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!Number.isFinite(fields.value)) problems.push({ path: '/value', message: '数值无效 / not a number' });
  // 年均增长 indicators are reported as the level (e.g. R&D 经费 万元); their unit (%) describes the computed rate.
  const expected = kindOf(indicator.row, indicator.setting.targetKind).kind === 'annual-growth' ? null : indicator.row.unit;
  const unitProblem = measureUnitProblem(fields.measureUnit, expected);
  if (unitProblem !== null) problems.push({ path: '/measureUnit', message: unitProblem });
  const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
  // Units report the plan's years; the bureau may also record the base year (e.g. a base value the plan left blank).
  const first = span === null ? null : source === 'unit' ? span.baseYear + 1 : span.baseYear;
  if (span !== null && first !== null && (period.year < first || period.year > span.targetYear)) {
    problems.push({ path: '/period', message: `期间 ${formatPeriod(period)} 不在规划期 ${first}—${span.targetYear} 年内` });
  }
  if (source === 'unit' && period.kind !== indicator.setting.frequency) {
    problems.push({
      path: '/period',
      message: `该指标按${PERIOD_KIND_LABELS[indicator.setting.frequency]}报送，期间“${formatPeriod(period)}”不符`,
    });
  }
  return problems;
}

export function assertValueAcceptable(
  indicator: MonitoredIndicator,
  period: Period,
  source: ValueSource,
  fields: Pick<ValueFields, 'value' | 'measureUnit'>,
): void {
  const problems = valueProblems(indicator, period, source, fields);
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
}

/** The unit's report for the period, created (填报中) on first entry. */
export async function openReport(tx: Executor, countyId: string, unitId: string, period: string): Promise<ReportRecord> {
  const scope = countyScope(countyId);
  const existing = await findReportOfUnit(tx, scope, unitId, period);
  if (existing) return existing;
  await insertReport(tx, { countyId, unitId, period });
  // Either ours, or the one a concurrent first entry created a moment ago: both are the report to write to.
  const created = await findReportOfUnit(tx, scope, unitId, period);
  if (!created) throw new Error('report not found after insert');
  return created;
}

/** Refuses writes to a report waiting for review or approved (WorkflowError, 409). */
export function assertReportEditable(report: ReportRecord): void {
  nextReportState(report.state, 'enter');
}

/** Claims the report's current version (bumping it); a concurrent writer that read the same version fails here. */
export async function claimReport(tx: Executor, report: ReportRecord, expectedVersion = report.version): Promise<void> {
  if (!(await updateReport(tx, report, expectedVersion, {}))) {
    const current = await findReportOfUnit(tx, countyScope(report.countyId), report.unitId, report.period);
    throw new VersionConflictError('report', current);
  }
}

export interface SaveValueInput {
  indicator: MonitoredIndicator;
  period: Period;
  source: ValueSource;
  report: ReportRecord | null;
  fields: ValueFields;
  /** The version the writer saw: 0 for "new", or 'latest' when a report-level version check already guards it. */
  expectedVersion: number | 'latest';
}

export interface SavedValue {
  id: string;
  created: boolean;
}

/** Inserts or updates one figure and appends its audit row (before/after). */
export async function saveValue(tx: Executor, access: Access, input: SaveValueInput): Promise<SavedValue> {
  const { indicator, period, source, fields } = input;
  const code = formatPeriod(period);
  const scope = countyScope(indicator.countyId);
  const existing = await findValueBySource(tx, scope, { indicatorId: indicator.id, period: code, source });
  const audit = {
    countyId: indicator.countyId,
    ...auditActor(access.actor),
    entity: 'indicator_value',
  };
  if (existing) {
    const expected = input.expectedVersion === 'latest' ? existing.version : input.expectedVersion;
    if (expected !== existing.version || !(await updateValue(tx, existing, expected, { ...fields, enteredBy: access.actor.name }))) {
      throw new VersionConflictError('indicator_value', await findValueBySource(tx, scope, { indicatorId: indicator.id, period: code, source }));
    }
    await appendAudit(tx, { ...audit, action: 'value.update', entityId: existing.id, before: snapshot(existing), after: fields });
    return { id: existing.id, created: false };
  }
  if (input.expectedVersion !== 'latest' && input.expectedVersion !== 0) {
    throw new VersionConflictError('indicator_value', null);
  }
  const id = await insertValue(tx, {
    countyId: indicator.countyId,
    indicatorId: indicator.id,
    period: code,
    periodKind: period.kind,
    dataYear: period.year,
    periodSort: periodSortKey(period),
    source,
    reportId: input.report?.id ?? null,
    unitId: input.report?.unitId ?? null,
    ...fields,
    enteredBy: access.actor.name,
  });
  if (id === null) {
    throw new VersionConflictError('indicator_value', await findValueBySource(tx, scope, { indicatorId: indicator.id, period: code, source }));
  }
  await appendAudit(tx, { ...audit, action: 'value.enter', entityId: id, after: { period: code, source, ...fields } });
  // The bureau's own figures (统计局, 登记系统) count on entry: the first for its period becomes the official one.
  if (source !== 'unit' && (await findOfficialValue(tx, indicator.countyId, indicator.id, code)) === null) {
    await markOfficial(tx, { id, countyId: indicator.countyId, indicatorId: indicator.id, period: code }, '首个录入的数据来源');
    await appendAudit(tx, { ...audit, action: 'value.official', entityId: id, after: { reason: '首个录入的数据来源' } });
  }
  return { id, created: true };
}

export function snapshot(value: ValueRecord): ValueFields & { version: number } {
  return {
    value: value.value,
    measureUnit: value.measureUnit,
    caliberNote: value.caliberNote,
    comment: value.comment,
    explanation: value.explanation,
    version: value.version,
  };
}
