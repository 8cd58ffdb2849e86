// 完成进度 (P_done), domain-rules §9.2, one formula per target kind. Never returns NaN or Infinity: whatever the
// formula cannot express (no data, zero base for a growth kind, a target equal to nothing…) comes back as a typed
// "not computable" result with a Chinese reason the bureau can act on.
import type { Comparator, PlanIndicator } from '../plan/model.ts';
import { comparePeriods, formatPeriod, yearPeriod, type Period, type PlanSpan } from '../period/period.ts';
import { satisfies, type TargetKind } from './target-kind.ts';

/** The numbers a target is judged against, in the plan table's own units. */
export interface TargetSpec {
  /** 基期年 Y0, e.g. 2020. */
  baseYear: number;
  /** 目标年 YT, e.g. 2025. */
  targetYear: number;
  /** 基期值 X0; null when the plan leaves it blank (－). A full-year observation for Y0 then stands in. */
  baseline: number | null;
  /**
   * 目标值 XT. For cumulative-new it is the planned total N; for cumulative-reduction without a base value it is the
   * reduction r in percent (13.5 = 降低13.5%); for threshold it is the limit.
   */
  target: number | null;
  /** ≥ / ≤ written on the target (threshold kind). */
  comparator: Comparator | null;
  /** 年均增速 in percent as in the plan table (10 = 10%). */
  annualGrowthRate: number | null;
}

/** One monitored value. */
export interface Observation {
  /** 数据年份: the year the statistic describes. All math uses this year, not the report year. */
  dataYear: number;
  value: number | null;
  /**
   * The period inside dataYear the value covers; absent = the whole year. Stocks and levels are read at the
   * period's end; flows (cumulative-new) are year-to-date.
   */
  period?: Period;
  /** 报告年份 (e.g. 2024 for 2023 bulletin data): kept for display only. */
  reportYear?: number;
}

export type NotComputableCode =
  | 'no-data'
  | 'before-plan'
  | 'base-year-data'
  | 'missing-baseline'
  | 'zero-baseline'
  | 'non-positive-value'
  | 'missing-target'
  | 'invalid-target'
  | 'missing-growth-rate'
  | 'zero-growth-rate'
  | 'missing-years';

/**
 * threshold: 'keep' when the base value already satisfies the limit (空气优良天数 353, ≥330: every year must stay
 * above), 'reach' when it does not (森林覆盖率 63.04, ≥65: must first get there).
 */
export type ThresholdMode = 'keep' | 'reach';

export interface ThresholdDetail {
  comparator: Comparator;
  limit: number;
  met: boolean;
  mode: ThresholdMode;
}

export interface CompletionComputed {
  computable: true;
  kind: TargetKind;
  /**
   * P_done as a fraction, unclamped: above 1 when the target is exceeded (reported as-is, e.g. 完成进度 125.0%),
   * below 0 when the indicator moved away from the target since the base year. Only bars clamp (barShare).
   */
  share: number;
  /** share clamped to [0, 1], for progress bars only. */
  barShare: number;
  /** The target itself is already met (level reached, total reached, limit satisfied, growth end-level reached). */
  reached: boolean;
  /** The period of the evaluated observation (its dataYear's period). */
  period: Period;
  dataYear: number;
  /** The actual used: Xy, or the running total Σx_t for cumulative-new. */
  value: number;
  /** X0 used (from the plan, else the base-year observation); null where the kind does not need it. */
  baseline: number | null;
  /** XT, N, or the limit; for cumulative-reduction the reduction r as a fraction. */
  target: number | null;
  baseYear: number;
  targetYear: number;
  /** annual-growth: actual CAGR g_y and target g, as fractions (0.1 = 10%). */
  actualGrowth: number | null;
  targetGrowth: number | null;
  /** cumulative-reduction: 1 − Xy/X0 and r, as fractions. */
  actualReduction: number | null;
  targetReduction: number | null;
  threshold: ThresholdDetail | null;
}

export interface CompletionNotComputable {
  computable: false;
  kind: TargetKind;
  code: NotComputableCode;
  /** Chinese, one sentence, says what is missing or why the formula does not apply. */
  reason: string;
  period: Period | null;
  dataYear: number | null;
  baseYear: number;
  targetYear: number;
}

export type CompletionResult = CompletionComputed | CompletionNotComputable;

export interface CompletionOptions {
  /** Evaluate as of this period: later observations are ignored (for history tables). */
  asOf?: Period;
}

/** Builds the spec from an imported row; plan years fill in when the row has no base/target cell. */
export function targetSpecFromRow(
  row: Pick<PlanIndicator, 'baseline' | 'target' | 'annualGrowthRate'>,
  plan: PlanSpan,
): TargetSpec {
  return {
    baseYear: row.baseline?.year ?? plan.baseYear,
    targetYear: row.target?.year ?? plan.targetYear,
    baseline: row.baseline?.value ?? null,
    target: row.target?.value ?? null,
    comparator: row.target?.comparator ?? null,
    annualGrowthRate: row.annualGrowthRate,
  };
}

export function observationPeriod(observation: Observation): Period {
  const period = observation.period ?? yearPeriod(observation.dataYear);
  if (period.year !== observation.dataYear) {
    throw new RangeError(
      `观测期间 ${formatPeriod(period)} 不在数据年份 ${observation.dataYear} 内 / ` +
        `period ${formatPeriod(period)} is outside data year ${observation.dataYear}`,
    );
  }
  return period;
}

/** An observation ready for the formulas: its period resolved, its value a finite number. */
export interface DatedValue {
  period: Period;
  dataYear: number;
  value: number;
}

/** Usable observations (finite value, not after asOf), oldest first. */
export function usableObservations(series: readonly Observation[], options: CompletionOptions = {}): DatedValue[] {
  const values: DatedValue[] = [];
  for (const observation of series) {
    const period = observationPeriod(observation);
    if (observation.value === null || !Number.isFinite(observation.value)) continue;
    if (options.asOf !== undefined && comparePeriods(period, options.asOf) > 0) continue;
    values.push({ period, dataYear: observation.dataYear, value: observation.value });
  }
  for (let n = 1; n < values.length; n += 1) {
    if (comparePeriods((values[n - 1] as DatedValue).period, (values[n] as DatedValue).period) > 0) {
      return values.sort(byPeriod);
    }
  }
  return values;
}

function byPeriod(a: DatedValue, b: DatedValue): number {
  return comparePeriods(a.period, b.period);
}

function isFullYear(value: DatedValue): boolean {
  return value.period.kind === 'year';
}

/** X0: the plan's base value, else a full-year observation of the base year. */
export function resolveBaseline(spec: TargetSpec, values: readonly DatedValue[]): number | null {
  if (spec.baseline !== null) return spec.baseline;
  return values.find((v) => isFullYear(v) && v.dataYear === spec.baseYear)?.value ?? null;
}

const EPSILON = 1e-9;

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** P_done for one indicator. See the kind-specific functions below for each formula and its edge cases. */
export function completionShare(
  kind: TargetKind,
  spec: TargetSpec,
  series: readonly Observation[],
  options: CompletionOptions = {},
): CompletionResult {
  return completionOfValues(kind, spec, usableObservations(series, options));
}

/** completionShare on observations already made usable (usableObservations), so a caller can share them. */
export function completionOfValues(kind: TargetKind, spec: TargetSpec, values: readonly DatedValue[]): CompletionResult {
  switch (kind) {
    case 'level-up':
    case 'level-down':
    case 'cumulative-stock':
      return levelCompletion(kind, spec, values);
    case 'threshold':
      return thresholdCompletion(spec, values);
    case 'cumulative-new':
      return cumulativeNewCompletion(spec, values);
    case 'annual-growth':
      return annualGrowthCompletion(spec, values);
    case 'cumulative-reduction':
      return reductionCompletion(spec, values);
  }
}

type Failure = Omit<CompletionNotComputable, 'computable' | 'kind' | 'baseYear' | 'targetYear'>;

// The builders below write every field out (no spreads): at municipal scale V8's generic object copy behind `...`
// cost more than the formulas themselves.
function notComputable(kind: TargetKind, spec: TargetSpec, failure: Failure): CompletionNotComputable {
  return {
    computable: false,
    kind,
    code: failure.code,
    reason: failure.reason,
    period: failure.period,
    dataYear: failure.dataYear,
    baseYear: spec.baseYear,
    targetYear: spec.targetYear,
  };
}

function noData(kind: TargetKind, spec: TargetSpec, reason = '暂无监测数据'): CompletionNotComputable {
  return notComputable(kind, spec, { code: 'no-data', reason, period: null, dataYear: null });
}

type Extras = 'actualGrowth' | 'targetGrowth' | 'actualReduction' | 'targetReduction' | 'threshold';
type Computed = Omit<
  CompletionComputed,
  'computable' | 'kind' | 'barShare' | 'baseYear' | 'targetYear' | 'period' | 'dataYear' | Extras
> &
  Partial<Pick<CompletionComputed, Extras>>;

function computed(kind: TargetKind, spec: TargetSpec, at: DatedValue, result: Computed): CompletionComputed {
  return {
    computable: true,
    kind,
    share: result.share,
    barShare: clamp01(result.share),
    reached: result.reached,
    period: at.period,
    dataYear: at.dataYear,
    value: result.value,
    baseline: result.baseline,
    target: result.target,
    baseYear: spec.baseYear,
    targetYear: spec.targetYear,
    actualGrowth: result.actualGrowth ?? null,
    targetGrowth: result.targetGrowth ?? null,
    actualReduction: result.actualReduction ?? null,
    targetReduction: result.targetReduction ?? null,
    threshold: result.threshold ?? null,
  };
}

/** A value describing time before the plan started: an earlier year, or part of the base year. */
function beforePlan(spec: TargetSpec, at: DatedValue): boolean {
  return at.dataYear < spec.baseYear || (at.dataYear === spec.baseYear && !isFullYear(at));
}

function beforePlanFailure(kind: TargetKind, spec: TargetSpec, at: DatedValue): CompletionNotComputable {
  return notComputable(kind, spec, {
    code: 'before-plan',
    reason: `最新数据为${formatPeriod(at.period)}，早于规划基期${spec.baseYear}年末，无法评价规划期进度`,
    period: at.period,
    dataYear: at.dataYear,
  });
}

/**
 * level-up / level-down / cumulative-stock: (Xy − X0) / (XT − X0). The sign of the denominator carries the direction,
 * so the same formula serves 越小越好. When XT = X0 (hold the level) the share is 1 if the actual is on the right
 * side of the target, else 0. A target on the wrong side for the kind (level-up with XT < X0) is an override error.
 */
function levelCompletion(
  kind: 'level-up' | 'level-down' | 'cumulative-stock',
  spec: TargetSpec,
  values: readonly DatedValue[],
): CompletionResult {
  const at = values.at(-1);
  if (at === undefined) return noData(kind, spec);
  if (beforePlan(spec, at)) return beforePlanFailure(kind, spec, at);
  const where = { period: at.period, dataYear: at.dataYear };
  const x0 = resolveBaseline(spec, values);
  if (x0 === null) {
    return notComputable(kind, spec, { code: 'missing-baseline', reason: '缺少基期值，无法计算完成进度', ...where });
  }
  const xt = spec.target;
  if (xt === null) {
    return notComputable(kind, spec, { code: 'missing-target', reason: '缺少目标值，无法计算完成进度', ...where });
  }
  if ((kind === 'level-up' && xt < x0) || (kind === 'level-down' && xt > x0)) {
    return notComputable(kind, spec, {
      code: 'invalid-target',
      reason: `目标值 ${xt} ${xt < x0 ? '低于' : '高于'}基期值 ${x0}，与"${kind === 'level-up' ? '越大越好' : '越小越好'}"的类型不符，请核对指标类型`,
      ...where,
    });
  }
  // cumulative-stock has no fixed direction: a stock planned to shrink is judged downwards.
  const comparator: Comparator = kind === 'level-down' || (kind === 'cumulative-stock' && xt < x0) ? '<=' : '>=';
  const reached = satisfies(at.value, comparator, xt);
  const share = xt === x0 ? (reached ? 1 : 0) : (at.value - x0) / (xt - x0);
  return computed(kind, spec, at, { share, reached, value: at.value, baseline: x0, target: xt });
}

/**
 * threshold: met iff the latest value satisfies the comparator. In 'keep' mode (base already satisfies) the share is
 * 1 when met and 0 when breached — there is no distance to cover, only a line not to cross. In 'reach' mode the share
 * is the level formula (Xy − X0) / (limit − X0), so pace can be judged before the value gets there.
 */
function thresholdCompletion(spec: TargetSpec, values: readonly DatedValue[]): CompletionResult {
  const kind = 'threshold';
  const at = values.at(-1);
  if (at === undefined) return noData(kind, spec);
  if (beforePlan(spec, at)) return beforePlanFailure(kind, spec, at);
  const where = { period: at.period, dataYear: at.dataYear };
  const limit = spec.target;
  if (limit === null) {
    return notComputable(kind, spec, { code: 'missing-target', reason: '缺少门槛值，无法判断是否达标', ...where });
  }
  if (spec.comparator === null) {
    return notComputable(kind, spec, {
      code: 'invalid-target',
      reason: '门槛值缺少"≥/≤"比较符，无法判断是否达标，请核对指标类型',
      ...where,
    });
  }
  const comparator = spec.comparator;
  const x0 = resolveBaseline(spec, values);
  const met = satisfies(at.value, comparator, limit);
  const mode: ThresholdMode = x0 !== null && !satisfies(x0, comparator, limit) ? 'reach' : 'keep';
  // In reach mode x0 ≠ limit (x0 fails the inclusive comparator, the limit satisfies it), so the division is safe.
  const share = mode === 'keep' || x0 === null ? (met ? 1 : 0) : (at.value - x0) / (limit - x0);
  return computed(kind, spec, at, {
    share,
    reached: met,
    value: at.value,
    baseline: x0,
    target: limit,
    threshold: { comparator, limit, met, mode },
  });
}

/**
 * cumulative-new: Σ_{Y0 < t ≤ y} x_t / N. The base year's flow is not counted (§9.2). Each year contributes its
 * latest observation (a year-to-date figure for a part year). A year missing inside the window makes the sum
 * understate the truth and would mislabel the indicator 滞后, so it is refused, naming the years.
 * Years after the target year are not added: the plan's total is over its own period.
 */
function cumulativeNewCompletion(spec: TargetSpec, values: readonly DatedValue[]): CompletionResult {
  const kind = 'cumulative-new';
  const total = spec.target;
  const at = values.at(-1);
  if (at === undefined) return noData(kind, spec);
  if (beforePlan(spec, at)) return beforePlanFailure(kind, spec, at);
  const where = { period: at.period, dataYear: at.dataYear };
  if (at.dataYear === spec.baseYear) {
    return notComputable(kind, spec, {
      code: 'base-year-data',
      reason: `仅有基期${spec.baseYear}年数据，基期当年新增量不计入规划期累计`,
      ...where,
    });
  }
  if (total === null) {
    return notComputable(kind, spec, { code: 'missing-target', reason: '缺少目标累计量，无法计算完成进度', ...where });
  }
  if (total <= 0) {
    return notComputable(kind, spec, {
      code: 'invalid-target',
      reason: `目标累计量 ${total} 不是正数，无法计算完成进度`,
      ...where,
    });
  }
  const lastYear = Math.min(at.dataYear, spec.targetYear);
  const byYear = new Map<number, number>();
  // values are oldest first, so the last write per year is its latest (most complete) figure.
  for (const v of values) if (v.dataYear > spec.baseYear && v.dataYear <= lastYear) byYear.set(v.dataYear, v.value);
  const missing: number[] = [];
  let sum = 0;
  for (let year = spec.baseYear + 1; year <= lastYear; year++) {
    const flow = byYear.get(year);
    if (flow === undefined) missing.push(year);
    else sum += flow;
  }
  if (missing.length > 0) {
    return notComputable(kind, spec, {
      code: 'missing-years',
      reason: `缺少${missing.map((y) => `${y}年`).join('、')}新增量数据，无法累计`,
      ...where,
    });
  }
  return computed(kind, spec, at, {
    share: sum / total,
    reached: sum >= total,
    value: sum,
    baseline: null,
    target: total,
  });
}

/** The latest full-year value: growth and reduction rates are defined on annual figures only. */
function latestFullYear(values: readonly DatedValue[]): DatedValue | undefined {
  return values.filter(isFullYear).at(-1);
}

/**
 * annual-growth: g_y = (Xy/X0)^(1/(y − Y0)) − 1 and P_done = ln(Xy/X0) / ((YT − Y0)·ln(1 + g)): the share of the
 * plan's compound growth already achieved, so a full year on track gives exactly the schedule share.
 * Not computable: no X0, X0 = 0 (the ratio is infinite), X0 or Xy ≤ 0 (no logarithm), g = 0 (ln 1 = 0),
 * g ≤ −100%, or only base-year data (y = Y0, no elapsed year). Actual decline (Xy < X0) is computable: it gives a
 * negative share and a negative g_y, reported as-is because going backwards is exactly what the bureau must see.
 * Without a 年均 rate but with both X0 and XT in the plan, g is implied as (XT/X0)^(1/(YT−Y0)) − 1.
 */
function annualGrowthCompletion(spec: TargetSpec, values: readonly DatedValue[]): CompletionResult {
  const kind = 'annual-growth';
  const at = latestFullYear(values);
  if (at === undefined) return noData(kind, spec, '暂无年度监测数据');
  if (at.dataYear < spec.baseYear) return beforePlanFailure(kind, spec, at);
  const where = { period: at.period, dataYear: at.dataYear };
  if (at.dataYear === spec.baseYear) {
    return notComputable(kind, spec, {
      code: 'base-year-data',
      reason: `仅有基期${spec.baseYear}年数据，尚无增长可计算`,
      ...where,
    });
  }
  const x0 = resolveBaseline(spec, values);
  if (x0 === null) {
    return notComputable(kind, spec, {
      code: 'missing-baseline',
      reason: `缺少基期${spec.baseYear}年数值，无法计算年均增速`,
      ...where,
    });
  }
  if (x0 === 0) {
    return notComputable(kind, spec, { code: 'zero-baseline', reason: '基期值为0，无法计算增速', ...where });
  }
  if (x0 < 0 || at.value <= 0) {
    return notComputable(kind, spec, {
      code: 'non-positive-value',
      reason: `${x0 < 0 ? `基期值 ${x0}` : `${at.dataYear}年数值 ${at.value}`} 不是正数，无法按复合增长计算`,
      ...where,
    });
  }
  const years = spec.targetYear - spec.baseYear;
  let g: number;
  if (spec.annualGrowthRate !== null) {
    g = spec.annualGrowthRate / 100;
  } else if (spec.baseline !== null && spec.target !== null && spec.target > 0) {
    g = (spec.target / x0) ** (1 / years) - 1;
  } else {
    return notComputable(kind, spec, { code: 'missing-growth-rate', reason: '缺少年均增速目标，无法计算完成进度', ...where });
  }
  if (Math.abs(g) < EPSILON) {
    return notComputable(kind, spec, {
      code: 'zero-growth-rate',
      reason: '目标年均增速为0，无法按复合增长折算完成进度',
      ...where,
    });
  }
  if (g <= -1) {
    return notComputable(kind, spec, {
      code: 'invalid-target',
      reason: `目标年均增速 ${spec.annualGrowthRate ?? g * 100}% 不合理（不低于 −100%）`,
      ...where,
    });
  }
  const ratio = at.value / x0;
  const share = Math.log(ratio) / (years * Math.log(1 + g));
  return computed(kind, spec, at, {
    share,
    reached: share >= 1 - EPSILON,
    value: at.value,
    baseline: x0,
    target: x0 * (1 + g) ** years,
    actualGrowth: ratio ** (1 / (at.dataYear - spec.baseYear)) - 1,
    targetGrowth: g,
  });
}

/**
 * The reduction r as a fraction: from two levels in the plan (0.5 → 0.43 吨标煤/万元: r = 1 − XT/X0), or, when the
 * plan gives only the target, from that target read as a percentage (降低13.5% → r = 0.135).
 */
export function targetReduction(spec: TargetSpec): number | null {
  if (spec.target === null) return null;
  if (spec.baseline !== null) return spec.baseline === 0 ? null : 1 - spec.target / spec.baseline;
  return spec.target / 100;
}

/**
 * cumulative-reduction: P_done = (1 − Xy/X0) / r. Not computable without X0, with X0 ≤ 0, a negative Xy, no r, or
 * r ≤ 0. An increase since the base year gives a negative share, reported as-is.
 */
function reductionCompletion(spec: TargetSpec, values: readonly DatedValue[]): CompletionResult {
  const kind = 'cumulative-reduction';
  const at = latestFullYear(values);
  if (at === undefined) return noData(kind, spec, '暂无年度监测数据');
  if (at.dataYear < spec.baseYear) return beforePlanFailure(kind, spec, at);
  const where = { period: at.period, dataYear: at.dataYear };
  const x0 = resolveBaseline(spec, values);
  if (x0 === null) {
    return notComputable(kind, spec, {
      code: 'missing-baseline',
      reason: `缺少基期${spec.baseYear}年数值，无法计算降低率`,
      ...where,
    });
  }
  if (x0 === 0) {
    return notComputable(kind, spec, { code: 'zero-baseline', reason: '基期值为0，无法计算降低率', ...where });
  }
  if (x0 < 0 || at.value < 0) {
    return notComputable(kind, spec, {
      code: 'non-positive-value',
      reason: `${x0 < 0 ? `基期值 ${x0}` : `${at.dataYear}年数值 ${at.value}`} 为负数，无法计算降低率`,
      ...where,
    });
  }
  const r = targetReduction(spec);
  if (r === null) {
    return notComputable(kind, spec, { code: 'missing-target', reason: '缺少目标降低率，无法计算完成进度', ...where });
  }
  if (r <= 0) {
    return notComputable(kind, spec, {
      code: 'invalid-target',
      reason: '目标降低率不是正数，与"降低"类指标不符，请核对指标类型',
      ...where,
    });
  }
  const reduction = 1 - at.value / x0;
  return computed(kind, spec, at, {
    share: reduction / r,
    reached: reduction >= r - EPSILON,
    value: at.value,
    baseline: x0,
    target: r,
    actualReduction: reduction,
    targetReduction: r,
  });
}
