// 预测 to the target year from the annual series, to flag indicators unlikely to be met (预警) in the 中期评估 and
// the 后半期 recommendations. Deliberately simple, named methods: the report must say how the figure was obtained.
import type { IndicatorAttribute } from '../plan/model.ts';
import { type DatedValue, type TargetSpec, type Observation, targetReduction, usableObservations } from './completion.ts';
import { assertPlanSpan } from './schedule.ts';
import { comparatorSign, formatPlain, satisfies, type TargetKind } from './target-kind.ts';
import { formatPercent } from './status.ts';

export const FORECAST_METHODS = ['线性外推', '复合增长外推', '年均增量外推'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Levels and stocks move by roughly equal steps; growth and reductions compound; flows repeat. */
export const FORECAST_METHOD_BY_KIND: Readonly<Record<TargetKind, ForecastMethod>> = {
  'level-up': '线性外推',
  'level-down': '线性外推',
  threshold: '线性外推',
  'cumulative-stock': '线性外推',
  'cumulative-new': '年均增量外推',
  'annual-growth': '复合增长外推',
  'cumulative-reduction': '复合增长外推',
};

export const WARNING_LABEL = '预警';
/** The phrase used for a binding indicator projected to miss (中期评估 "存在的主要问题"). */
export const BINDING_WARNING_LABEL = '预计难以完成的主要约束性指标';

/** Fewer points than this give no trend, only a guess. */
export const MIN_FORECAST_POINTS = 2;

export interface ForecastInput {
  kind: TargetKind;
  attribute: IndicatorAttribute | null;
  spec: TargetSpec;
  series: readonly Observation[];
}

/** The projection's figures, without words: what a municipal comparison of thousands of cells needs. */
export interface ForecastProjection {
  possible: true;
  method: ForecastMethod;
  targetYear: number;
  /**
   * The projected figure in the target year, in the kind's own terms: the level (levels, stocks, thresholds,
   * growth, reductions) or the running total (cumulative-new).
   */
  projectedValue: number;
  /** What projectedValue is compared with: XT, the limit, N, X0·(1+g)^n for growth, X0·(1 − r) for reductions. */
  targetValue: number;
  /** The P_done the projection would give in the target year (fraction, unclamped). */
  projectedShare: number;
  /** annual-growth: the projected CAGR over the plan (fraction); reductions: the projected reduction. Else null. */
  projectedRate: number | null;
  /** True when the projection misses the target: 预警. */
  warning: boolean;
  /** A 约束性 indicator projected to miss: 预计难以完成的主要约束性指标. */
  bindingWarning: boolean;
  /** Number of annual points the method used (including the base value). */
  pointsUsed: number;
}

export interface ForecastMade extends ForecastProjection {
  label: typeof WARNING_LABEL | null;
  /** One Chinese sentence: method, projected figure, target, verdict. */
  summary: string;
}

export interface ForecastNotMade {
  possible: false;
  method: ForecastMethod;
  reason: string;
}

export type ProjectionResult = ForecastProjection | ForecastNotMade;
export type ForecastResult = ForecastMade | ForecastNotMade;

interface Point {
  year: number;
  value: number;
}

/** Ordinary least squares y = a + b·x. Requires ≥ 2 distinct x. */
export function linearFit(points: readonly Point[]): { intercept: number; slope: number } {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.year, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * Projects to spec.targetYear. Points are the full-year observations from the base year to the target year, plus
 * the plan's base value when the series has no base-year figure (it is a real observation and anchors the trend).
 * Part-year figures are left out: a mid-year stock or a year-to-date flow is not on the annual trend.
 */
export function forecastToTarget(input: ForecastInput): ForecastResult {
  const projection = projectToTarget(input);
  return projection.possible ? describeProjection(input, projection) : projection;
}

function notMade(method: ForecastMethod, reason: string): ForecastNotMade {
  return { possible: false, method, reason };
}

/** forecastToTarget's figures without its sentence (same rules; see there). */
export function projectToTarget(input: ForecastInput): ProjectionResult {
  return projectFromValues(input, usableObservations(input.series));
}

/** projectToTarget on observations already made usable (usableObservations), so a caller can share them. */
export function projectFromValues(input: Omit<ForecastInput, 'series'>, values: readonly DatedValue[]): ProjectionResult {
  const { kind, spec } = input;
  assertPlanSpan(spec);
  const method = FORECAST_METHOD_BY_KIND[kind];
  // The latest full-year figure per year inside the plan span (observations come oldest first, so later wins).
  // The latest full-year figure per plan year, indexed by year − base year (a plan spans a handful of years).
  const span = spec.targetYear - spec.baseYear;
  const byYear = new Array<number | undefined>(span + 1);
  // X0 when the plan gives none: the first full-year figure of the base year (as resolveBaseline reads it).
  let baseYearValue: number | null = null;
  for (const v of values) {
    if (v.period.kind !== 'year' || v.dataYear < spec.baseYear || v.dataYear > spec.targetYear) continue;
    byYear[v.dataYear - spec.baseYear] = v.value;
    if (v.dataYear === spec.baseYear && baseYearValue === null) baseYearValue = v.value;
  }
  const binding = input.attribute === '约束性';

  if (kind === 'cumulative-new') {
    const n = spec.target;
    if (n === null || n <= 0) return notMade(method, '缺少有效的目标累计量，无法预测');
    let flows = 0;
    let sum = 0;
    for (let offset = 1; offset <= span; offset += 1) {
      const value = byYear[offset];
      if (value === undefined) continue;
      flows += 1;
      sum += value;
    }
    if (flows < MIN_FORECAST_POINTS) return notMade(method, `基期后年度新增量不足${MIN_FORECAST_POINTS}年，无法预测`);
    const average = sum / flows;
    // Years of the plan without a figure (future, or gaps) are filled with the observed yearly average.
    const unobserved = spec.targetYear - spec.baseYear - flows;
    const projected = sum + average * unobserved;
    return projection(method, spec.targetYear, projected, n, projected / n, null, projected < n, flows, binding);
  }

  const x0 = spec.baseline ?? baseYearValue;
  if (x0 !== null && byYear[0] === undefined) byYear[0] = x0;
  const points: Point[] = [];
  for (let offset = 0; offset <= span; offset += 1) {
    const value = byYear[offset];
    if (value !== undefined) points.push({ year: spec.baseYear + offset, value });
  }
  if (points.length < MIN_FORECAST_POINTS) return notMade(method, `年度数据不足${MIN_FORECAST_POINTS}个（含基期值），无法预测`);

  if (method === '复合增长外推') {
    for (const p of points) if (p.value <= 0) return notMade(method, '存在非正数值，无法按复合增长外推');
    const logs: Point[] = [];
    for (const p of points) logs.push({ year: p.year, value: Math.log(p.value) });
    const fit = linearFit(logs);
    const projected = Math.exp(fit.intercept + fit.slope * spec.targetYear);
    if (x0 === null || x0 <= 0) return notMade(method, '缺少有效的基期值，无法与目标比较');
    const years = spec.targetYear - spec.baseYear;
    if (kind === 'annual-growth') {
      const g =
        spec.annualGrowthRate !== null
          ? spec.annualGrowthRate / 100
          : spec.baseline !== null && spec.target !== null && spec.target > 0
            ? (spec.target / x0) ** (1 / years) - 1
            : null;
      if (g === null || g <= -1 || g === 0) return notMade(method, '缺少有效的年均增速目标，无法预测');
      const targetLevel = x0 * (1 + g) ** years;
      const share = Math.log(projected / x0) / (years * Math.log(1 + g));
      const rate = (projected / x0) ** (1 / years) - 1;
      return projection(method, spec.targetYear, projected, targetLevel, share, rate, share < 1 - 1e-9, points.length, binding);
    }
    const r = targetReduction(spec);
    if (r === null || r <= 0) return notMade(method, '缺少有效的目标降低率，无法预测');
    const reduction = 1 - projected / x0;
    return projection(method, spec.targetYear, projected, x0 * (1 - r), reduction / r, reduction, reduction < r - 1e-9, points.length, binding);
  }

  const fit = linearFit(points);
  const projected = fit.intercept + fit.slope * spec.targetYear;
  const target = spec.target;
  if (target === null) return notMade(method, '缺少目标值，无法判断预测是否达标');
  if (kind === 'threshold') {
    if (spec.comparator === null) return notMade(method, '门槛值缺少比较符，无法判断预测是否达标');
    const met = satisfies(projected, spec.comparator, target);
    // Same modes as completion: a floor already kept scores 1/0, a floor still to reach scores like a level.
    const keep = x0 === null || satisfies(x0, spec.comparator, target);
    const share = keep ? (met ? 1 : 0) : (projected - x0) / (target - x0);
    return projection(method, spec.targetYear, projected, target, share, null, !met, points.length, binding);
  }
  if (x0 === null) return notMade(method, '缺少基期值，无法预测完成进度');
  const downward = kind === 'level-down' || (kind === 'cumulative-stock' && target < x0);
  const met = satisfies(projected, downward ? '<=' : '>=', target);
  const share = target === x0 ? (met ? 1 : 0) : (projected - x0) / (target - x0);
  return projection(method, spec.targetYear, projected, target, share, null, !met, points.length, binding);
}

function projection(
  method: ForecastMethod,
  targetYear: number,
  projectedValue: number,
  targetValue: number,
  projectedShare: number,
  projectedRate: number | null,
  warning: boolean,
  pointsUsed: number,
  binding: boolean,
): ForecastProjection {
  return {
    possible: true,
    method,
    targetYear,
    projectedValue,
    targetValue,
    projectedShare,
    projectedRate,
    warning,
    bindingWarning: warning && binding,
    pointsUsed,
  };
}

/** The projection in words, for the table's 预测 column and the report's 预警 paragraph. */
export function describeProjection(input: Pick<ForecastInput, 'kind' | 'spec'>, p: ForecastProjection): ForecastMade {
  const target =
    input.kind === 'threshold' && input.spec.comparator !== null
      ? `${comparatorSign(input.spec.comparator)}${formatPlain(p.targetValue)}`
      : formatPlain(p.targetValue);
  const what = input.kind === 'cumulative-new' ? '累计' : '';
  const rate =
    p.projectedRate === null
      ? ''
      : input.kind === 'annual-growth'
        ? `（年均增长 ${formatPercent(p.projectedRate)}%）`
        : `（累计降低 ${formatPercent(p.projectedRate)}%）`;
  const verdict = !p.warning
    ? '可完成目标'
    : p.bindingWarning
      ? `${WARNING_LABEL}：${BINDING_WARNING_LABEL}`
      : `${WARNING_LABEL}：预计难以完成目标`;
  return {
    possible: true,
    method: p.method,
    targetYear: p.targetYear,
    projectedValue: p.projectedValue,
    targetValue: p.targetValue,
    projectedShare: p.projectedShare,
    projectedRate: p.projectedRate,
    warning: p.warning,
    bindingWarning: p.bindingWarning,
    label: p.warning ? WARNING_LABEL : null,
    pointsUsed: p.pointsUsed,
    summary: `按${p.method}，预计${p.targetYear}年${what}达到 ${formatPlain(p.projectedValue)}${rate}，目标 ${target}，${verdict}`,
  };
}
