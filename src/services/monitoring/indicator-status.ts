// Turns rows of the status query into what the status table shows, evaluating each indicator in the pure domain.
// Shared by the plan status, the municipal comparison and the exports, so they can never disagree.
import { parsePeriod, periodLabel, type Period, type PlanSpan } from '../../domain/period/period.ts';
import type { PlanIndicator } from '../../domain/plan/model.ts';
import {
  DEFAULT_TOLERANCE,
  describeProjection,
  explainStatus,
  measureIndicator,
  inferTargetKind,
  STATUS_COLOURS,
  TARGET_KIND_LABELS,
  targetSpecFromRow,
  type ForecastResult,
  type IndicatorEvaluationInput,
  type IndicatorMeasurement,
  type Observation,
  type StatusOutcome,
  type TargetKind,
  type TargetSpec,
} from '../../domain/progress/index.ts';
import { VALUE_SOURCE_LABELS, VALUE_SOURCES, type ValueSource } from '../../domain/reporting/vocabulary.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { periodFromInput } from './guards.ts';
import { planIndicatorOf } from '../../repositories/plans.ts';
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
interface PeriodEntry {
  code: string;
  period: Period;
  sort: number;
  label: string;
}
const periodCache = new Map<string, PeriodEntry>();
const yearCache = new Map<number, PeriodEntry>();
function cachedPeriod(code: string): PeriodEntry {
  let entry = periodCache.get(code);
  if (entry === undefined) {
    const period = parsePeriod(code);
    entry = { code, period, sort: periodSortKey(period), label: periodLabel(period) };
    periodCache.set(code, entry);
  }
  return entry;
}

/** The period coded between `from` and `to`; a plain year ("2024", most values) is read without slicing a string. */
function periodAt(folded: string, from: number, to: number): PeriodEntry {
  if (to - from === 4) {
    let year = 0;
    for (let n = from; n < to; n += 1) {
      const digit = folded.charCodeAt(n) - 48;
      if (digit < 0 || digit > 9) return cachedPeriod(folded.slice(from, to));
      year = year * 10 + digit;
    }
    let entry = yearCache.get(year);
    if (entry === undefined) {
      entry = cachedPeriod(String(year));
      yearCache.set(year, entry);
    }
    return entry;
  }
  return cachedPeriod(folded.slice(from, to));
}

export interface LatestValue {
  observation: Observation;
  code: string;
  source: ValueSource;
}

export interface UnfoldedSeries {
  /** Oldest first. */
  observations: Observation[];
  latest: LatestValue | undefined;
}

/**
 * Unfolds `2021:12.5:unit;2022:13:statistics` (see IndicatorStatusRow.folded), oldest first. One pass with
 * indexOf, no split, one object per value, and the period code and source read only for the latest value: at
 * municipal scale this runs over 250k+ items a call. The status index hands values over oldest first, so the
 * sort is usually skipped.
 */
export function unfoldSeries(folded: string | null): UnfoldedSeries {
  if (folded === null || folded === '') return { observations: [], latest: undefined };
  let observations: Observation[] = [];
  const sorts: number[] = [];
  let sorted = true;
  // The latest value: the greatest sort key, the last such in the text (as a stable sort would leave it).
  let latestSort = -Infinity;
  let latestAt = -1;
  let codeAt = 0;
  let codeEnd = 0;
  let sourceStart = 0;
  let sourceEnd = 0;
  let start = 0;
  while (start < folded.length) {
    let end = folded.indexOf(';', start);
    if (end === -1) end = folded.length;
    const first = folded.indexOf(':', start);
    const last = folded.lastIndexOf(':', end - 1);
    const entry = periodAt(folded, start, first);
    if (sorts.length > 0 && entry.sort < (sorts[sorts.length - 1] as number)) sorted = false;
    if (entry.sort >= latestSort) {
      latestSort = entry.sort;
      latestAt = observations.length;
      codeAt = start;
      codeEnd = first;
      sourceStart = last + 1;
      sourceEnd = end;
    }
    sorts.push(entry.sort);
    observations.push({ dataYear: entry.period.year, value: Number(folded.slice(first + 1, last)), period: entry.period });
    start = end + 1;
  }
  const latestObservation = observations[latestAt] as Observation;
  if (!sorted) {
    const order = sorts.map((_, n) => n).sort((a, b) => (sorts[a] as number) - (sorts[b] as number));
    const unsorted = observations;
    observations = order.map((n) => unsorted[n] as Observation);
  }
  return {
    observations,
    latest: { observation: latestObservation, code: folded.slice(codeAt, codeEnd), source: sourceAt(folded, sourceStart, sourceEnd) },
  };
}

/** The source name between `from` and `to`, read in place; an unknown name counts as a unit's report. */
function sourceAt(folded: string, from: number, to: number): ValueSource {
  for (const source of VALUE_SOURCES) {
    if (to - from === source.length && folded.startsWith(source, from)) return source;
  }
  return 'unit';
}

export function kindOf(row: PlanIndicator, override: TargetKind | null): { kind: TargetKind; reason: string; overridden: boolean } {
  if (override !== null) return { kind: override, reason: '由科技局人工指定指标类型', overridden: true };
  const inferred = inferTargetKind(row);
  return { kind: inferred.kind, reason: inferred.reason, overridden: false };
}

/** What evaluating one row needs from the status query (the municipal comparison reads only these). */
export type StatusEvaluationRow = Omit<
  IndicatorStatusRow,
  'countyId' | 'countyName' | 'planId' | 'planTitle' | 'ordinal' | 'frequency' | 'responsibleUnitId' | 'responsibleUnitName'
>;

/**
 * What evaluating an indicator needs besides its values, read from its plan-table row and settings once: the
 * municipal comparison keeps these between calls (see comparison-frame-cache.ts) and evaluates only the values.
 */
export interface PreparedIndicator {
  indicatorId: string;
  indicator: PlanIndicator;
  inferred: { kind: TargetKind; reason: string; overridden: boolean };
  tolerance: number;
  /** null when the plan span is unknown (no base or target year): nothing can be judged. */
  spec: TargetSpec | null;
}

export function prepareIndicator(row: Omit<StatusEvaluationRow, 'folded'>): PreparedIndicator {
  const indicator = planIndicatorOf(row);
  const span = planSpanOf(row.planStart, row.planEnd, indicator);
  return {
    indicatorId: row.indicatorId,
    indicator,
    inferred: kindOf(indicator, row.targetKind),
    tolerance: row.tolerance ?? DEFAULT_TOLERANCE,
    spec: span === null ? null : targetSpecFromRow(indicator, span),
  };
}

interface Measurement {
  latest: LatestValue | undefined;
  /** null when the plan span is unknown. */
  measured: { input: IndicatorEvaluationInput; result: IndicatorMeasurement } | null;
}

const NO_SPAN = '规划期不明确（缺少基期年或目标年），无法评价';

function measurePrepared(prepared: PreparedIndicator, folded: string | null, asOf: Period): Measurement {
  const { observations, latest } = unfoldSeries(folded);
  if (prepared.spec === null) return { latest, measured: null };
  const input: IndicatorEvaluationInput = {
    kind: prepared.inferred.kind,
    attribute: prepared.indicator.attribute,
    spec: prepared.spec,
    series: observations,
    asOf,
    tolerance: prepared.tolerance,
  };
  return { latest, measured: { input, result: measureIndicator(input) } };
}

function currentOf(latest: LatestValue | undefined): CurrentValue | null {
  if (latest === undefined) return null;
  return {
    value: latest.observation.value ?? 0,
    period: latest.code,
    periodLabel: cachedPeriod(latest.code).label,
    dataYear: latest.observation.dataYear,
    source: latest.source,
    sourceLabel: VALUE_SOURCE_LABELS[latest.source],
  };
}

export function evaluateStatusRow(row: IndicatorStatusRow, asOf: Period): IndicatorStatusItem {
  const prepared = prepareIndicator(row);
  const { indicator, inferred, tolerance } = prepared;
  const { latest, measured } = measurePrepared(prepared, row.folded, asOf);
  const kind = inferred.kind;
  let completion: number | null = null;
  let schedule: number | null = null;
  let status: StatusOutcome = '无法评价';
  let explanation = NO_SPAN;
  let forecast: ForecastResult = { possible: false, method: '线性外推', reason: NO_SPAN };
  if (measured !== null) {
    const { verdict, projection } = measured.result;
    const c = verdict.completion;
    completion = c.computable ? c.share : null;
    schedule = verdict.schedule?.share ?? null;
    status = verdict.status;
    explanation = explainStatus(verdict);
    forecast = projection.possible ? describeProjection(measured.input, projection) : projection;
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
    current: currentOf(latest),
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

/**
 * One cell of the municipal comparison: a status's figures without its sentences. Thousands of counties side by
 * side need the verdict and the numbers; the explanation and the forecast sentence are one click away in the
 * county's own status table (evaluateStatusRow, same math).
 */
export interface StatusCell {
  indicatorId: string;
  kind: TargetKind;
  status: StatusOutcome;
  /** 完成进度 and 序时进度 as fractions; null when not computable. */
  completion: number | null;
  schedule: number | null;
  current: CurrentValue | null;
  /** Projected to miss the target (预警); bindingWarning: a 约束性 indicator so projected. */
  warning: boolean;
  bindingWarning: boolean;
}

export function evaluateStatusCell(prepared: PreparedIndicator, folded: string | null, asOf: Period): StatusCell {
  const { latest, measured } = measurePrepared(prepared, folded, asOf);
  const kind = prepared.inferred.kind;
  if (measured === null) {
    return { indicatorId: prepared.indicatorId, kind, status: '无法评价', completion: null, schedule: null, current: currentOf(latest), warning: false, bindingWarning: false };
  }
  const { verdict, projection } = measured.result;
  const c = verdict.completion;
  return {
    indicatorId: prepared.indicatorId,
    kind,
    status: verdict.status,
    completion: c.computable ? c.share : null,
    schedule: verdict.schedule?.share ?? null,
    current: currentOf(latest),
    warning: projection.possible && projection.warning,
    bindingWarning: projection.possible && projection.bindingWarning,
  };
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
