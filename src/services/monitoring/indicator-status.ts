// Turns rows of the status query into what the status table shows, evaluating each indicator in the pure domain.
// Shared by the plan status, the municipal comparison and the exports, so they can never disagree.
import { parsePeriod, periodLabel, type Period, type PlanSpan } from '../../domain/period/period.ts';
import type { PlanIndicator } from '../../domain/plan/model.ts';
import {
  DEFAULT_TOLERANCE,
  evaluateIndicator,
  inferTargetKind,
  STATUS_COLOURS,
  TARGET_KIND_LABELS,
  targetSpecFromRow,
  type ForecastResult,
  type Observation,
  type StatusOutcome,
  type TargetKind,
} from '../../domain/progress/index.ts';
import { VALUE_SOURCE_LABELS, isValueSource, type ValueSource } from '../../domain/reporting/vocabulary.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { periodFromInput } from './guards.ts';
import { planIndicatorOf } from '../../repositories/indicator-settings.ts';
import type { IndicatorStatusRow } from '../../repositories/monitoring-status.ts';

export interface CurrentValue {
  value: number;
  period: string;
  periodLabel: string;
  dataYear: number;
  source: ValueSource;
  sourceLabel: string;
}

export interface IndicatorStatusItem {
  countyId: string;
  countyName: string;
  planId: string;
  indicatorId: string;
  seq: string;
  name: string;
  unit: string | null;
  attribute: PlanIndicator['attribute'];
  kind: TargetKind;
  kindLabel: string;
  kindReason: string;
  kindOverridden: boolean;
  baseline: PlanIndicator['baseline'];
  target: PlanIndicator['target'];
  /** The latest official value up to the period asked for. */
  current: CurrentValue | null;
  /** 完成进度 and 序时进度 as fractions (0.6 = 60%); null when not computable. */
  completion: number | null;
  schedule: number | null;
  status: StatusOutcome;
  statusColour: string;
  explanation: string;
  tolerance: number;
  forecast: ForecastResult;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
}

/** The plan's span: 十四五 2021—2025 → base 2020, target 2025; the row's own years when the plan gives none. */
export function planSpanOf(planStart: number | null, planEnd: number | null, row: PlanIndicator): PlanSpan | null {
  const baseYear = planStart !== null ? planStart - 1 : (row.baseline?.year ?? null);
  const targetYear = planEnd ?? row.target?.year ?? null;
  return baseYear !== null && targetYear !== null && targetYear > baseYear ? { baseYear, targetYear } : null;
}

// Period codes repeat across thousands of rows: parse each once. (Plain loops below, no per-call closures: under
// tsx every named closure costs a defineProperty, which adds up over 40k indicators.)
const periodCache = new Map<string, { period: Period; sort: number; label: string }>();
function cachedPeriod(code: string): { period: Period; sort: number; label: string } {
  let entry = periodCache.get(code);
  if (entry === undefined) {
    const period = parsePeriod(code);
    entry = { period, sort: periodSortKey(period), label: periodLabel(period) };
    periodCache.set(code, entry);
  }
  return entry;
}

interface FoldedValue {
  observation: Observation;
  code: string;
  sort: number;
  source: ValueSource;
}

/** Unfolds `2021:12.5:unit;2022:13:statistics` (see IndicatorStatusRow.folded), oldest first. */
export function unfoldSeries(folded: string | null): FoldedValue[] {
  if (folded === null || folded === '') return [];
  const items = folded.split(';');
  const values: FoldedValue[] = [];
  for (const item of items) {
    const first = item.indexOf(':');
    const last = item.lastIndexOf(':');
    const code = item.slice(0, first);
    const source = item.slice(last + 1);
    const { period, sort } = cachedPeriod(code);
    values.push({
      code,
      sort,
      source: isValueSource(source) ? source : 'unit',
      observation: { dataYear: period.year, value: Number(item.slice(first + 1, last)), period },
    });
  }
  if (values.length > 1) values.sort(bySort);
  return values;
}

function bySort(a: FoldedValue, b: FoldedValue): number {
  return a.sort - b.sort;
}

export function kindOf(row: PlanIndicator, override: TargetKind | null): { kind: TargetKind; reason: string; overridden: boolean } {
  if (override !== null) return { kind: override, reason: '由科技局人工指定指标类型', overridden: true };
  const inferred = inferTargetKind(row);
  return { kind: inferred.kind, reason: inferred.reason, overridden: false };
}

export function evaluateStatusRow(row: IndicatorStatusRow, asOf: Period): IndicatorStatusItem {
  const indicator = planIndicatorOf(row);
  const inferred = kindOf(indicator, row.targetKind);
  const kind = inferred.kind;
  const tolerance = row.tolerance ?? DEFAULT_TOLERANCE;
  const values = unfoldSeries(row.folded);
  const latest = values[values.length - 1];
  const span = planSpanOf(row.planStart, row.planEnd, indicator);
  let completion: number | null = null;
  let schedule: number | null = null;
  let status: StatusOutcome = '无法评价';
  let explanation = '规划期不明确（缺少基期年或目标年），无法评价';
  let forecast: ForecastResult = { possible: false, method: '线性外推', reason: explanation };
  if (span !== null) {
    const evaluation = evaluateIndicator({
      kind,
      attribute: indicator.attribute,
      spec: targetSpecFromRow(indicator, span),
      series: observationsOf(values),
      asOf,
      tolerance,
    });
    completion = evaluation.completion.computable ? evaluation.completion.share : null;
    schedule = evaluation.verdict.schedule?.share ?? null;
    status = evaluation.verdict.status;
    explanation = evaluation.explanation;
    forecast = evaluation.forecast;
  }
  // One literal of one shape for every row (no spreads): cheaper to build and to serialise 40k times.
  return {
    countyId: row.countyId,
    countyName: row.countyName,
    planId: row.planId,
    indicatorId: row.indicatorId,
    seq: row.seq,
    name: row.name,
    unit: row.unit,
    attribute: indicator.attribute,
    kind,
    kindLabel: TARGET_KIND_LABELS[kind],
    kindReason: inferred.reason,
    kindOverridden: inferred.overridden,
    baseline: indicator.baseline,
    target: indicator.target,
    current:
      latest === undefined
        ? null
        : {
            value: latest.observation.value ?? 0,
            period: latest.code,
            periodLabel: cachedPeriod(latest.code).label,
            dataYear: latest.observation.dataYear,
            source: latest.source,
            sourceLabel: VALUE_SOURCE_LABELS[latest.source],
          },
    completion,
    schedule,
    status,
    statusColour: STATUS_COLOURS[status],
    explanation,
    tolerance,
    forecast,
    responsibleUnitId: row.responsibleUnitId,
    responsibleUnitName: row.responsibleUnitName,
  };
}

function observationsOf(values: readonly FoldedValue[]): Observation[] {
  const observations = new Array<Observation>(values.length);
  for (let n = 0; n < values.length; n += 1) observations[n] = (values[n] as FoldedValue).observation;
  return observations;
}

/** The period a status is asked for, or by default the last full year that has ended (within the plan). */
export function statusPeriod(code: string | undefined, planEnd: number | null, today = new Date()): Period {
  if (code !== undefined) return periodFromInput(code);
  const lastEnded = today.getFullYear() - 1;
  return { kind: 'year', year: planEnd === null ? lastEnded : Math.min(planEnd, lastEnded) };
}

export function countStatuses(items: readonly { status: StatusOutcome }[]): Partial<Record<StatusOutcome, number>> {
  const counts: Partial<Record<StatusOutcome, number>> = {};
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}
