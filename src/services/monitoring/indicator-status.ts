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

// Period codes repeat across thousands of rows: parse each once.
const periodCache = new Map<string, Period>();
function cachedPeriod(code: string): Period {
  let period = periodCache.get(code);
  if (period === undefined) {
    period = parsePeriod(code);
    periodCache.set(code, period);
  }
  return period;
}

interface FoldedValue {
  observation: Observation;
  code: string;
  source: ValueSource;
}

/** Unfolds `2021:12.5:unit;2022:13:statistics` (see SERIES_*_SEPARATOR in the status repository). */
export function unfoldSeries(folded: string | null): FoldedValue[] {
  if (folded === null || folded === '') return [];
  return folded.split(';').map((item) => {
    const [code = '', value = '', source = ''] = item.split(':');
    const period = cachedPeriod(code);
    return {
      code,
      source: isValueSource(source) ? source : 'unit',
      observation: { dataYear: period.year, value: Number(value), period },
    };
  });
}

export function kindOf(row: PlanIndicator, override: TargetKind | null): { kind: TargetKind; reason: string; overridden: boolean } {
  if (override !== null) return { kind: override, reason: '由科技局人工指定指标类型', overridden: true };
  const inferred = inferTargetKind(row);
  return { kind: inferred.kind, reason: inferred.reason, overridden: false };
}

export function evaluateStatusRow(row: IndicatorStatusRow, asOf: Period): IndicatorStatusItem {
  const indicator = planIndicatorOf(row);
  const { kind, reason, overridden } = kindOf(indicator, row.targetKind);
  const tolerance = row.tolerance ?? DEFAULT_TOLERANCE;
  const values = unfoldSeries(row.folded);
  const latest = values.at(-1);
  const base = {
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
    kindReason: reason,
    kindOverridden: overridden,
    baseline: indicator.baseline,
    target: indicator.target,
    current:
      latest === undefined
        ? null
        : {
            value: latest.observation.value ?? 0,
            period: latest.code,
            periodLabel: periodLabel(cachedPeriod(latest.code)),
            dataYear: latest.observation.dataYear,
            source: latest.source,
            sourceLabel: VALUE_SOURCE_LABELS[latest.source],
          },
    tolerance,
    responsibleUnitId: row.responsibleUnitId,
    responsibleUnitName: row.responsibleUnitName,
  };
  const span = planSpanOf(row.planStart, row.planEnd, indicator);
  if (span === null) {
    const explanation = '规划期不明确（缺少基期年或目标年），无法评价';
    return {
      ...base,
      completion: null,
      schedule: null,
      status: '无法评价',
      statusColour: STATUS_COLOURS['无法评价'],
      explanation,
      forecast: { possible: false, method: '线性外推', reason: explanation },
    };
  }
  const evaluation = evaluateIndicator({
    kind,
    attribute: indicator.attribute,
    spec: targetSpecFromRow(indicator, span),
    series: values.map((v) => v.observation),
    asOf,
    tolerance,
  });
  const { verdict } = evaluation;
  return {
    ...base,
    completion: evaluation.completion.computable ? evaluation.completion.share : null,
    schedule: verdict.schedule?.share ?? null,
    status: verdict.status,
    statusColour: STATUS_COLOURS[verdict.status],
    explanation: evaluation.explanation,
    forecast: evaluation.forecast,
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
