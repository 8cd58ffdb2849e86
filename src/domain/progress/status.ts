// 评价 in the national mid-term vocabulary (domain-rules §9.2; Xinhua 2023-12-26): 提前实现 / 快于预期 /
// 基本符合预期 / 滞后, plus 约束性未达标 for binding indicators, which are never "基本符合" when below pace.
import type { IndicatorAttribute } from '../plan/model.ts';
import { periodLabel } from '../period/period.ts';
import type { CompletionComputed, CompletionResult } from './completion.ts';
import { scheduleShare, type ScheduleShare } from './schedule.ts';
import { comparatorSign, formatPlain } from './target-kind.ts';

/** The official labels, best first. */
export const INDICATOR_STATUSES = ['提前实现', '快于预期', '基本符合预期', '滞后', '约束性未达标'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/**
 * What a table cell shows: an official label, 无数据 (no value yet), or 无法评价 (a value exists but the formula does
 * not apply, e.g. base value 0 for a growth indicator — calling that 无数据 would hide a data problem).
 */
export type StatusOutcome = IndicatorStatus | '无数据' | '无法评价';
export const STATUS_OUTCOMES: readonly StatusOutcome[] = [...INDICATOR_STATUSES, '无数据', '无法评价'];

/** Display colours: greens for ahead, blue on pace, amber behind, red for a binding miss, greys for no verdict. */
export const STATUS_COLOURS: Readonly<Record<StatusOutcome, string>> = {
  提前实现: '#1a7f37',
  快于预期: '#2da44e',
  基本符合预期: '#0969da',
  滞后: '#bf8700',
  约束性未达标: '#cf222e',
  无数据: '#8c959f',
  无法评价: '#6e7781',
};

export function isIndicatorStatus(value: string): value is IndicatorStatus {
  return (INDICATOR_STATUSES as readonly string[]).includes(value);
}

/** ε: how far P_done may sit from P_time and still be 基本符合预期. Not standardised nationally (§9.2), so configurable. */
export const DEFAULT_TOLERANCE = 0.05;

// Shares come out of divisions (0.7 − 0.4 = 0.29999…): a gap of "exactly" 5 points must count as within ε, and a
// binding indicator exactly on pace must not count as below it.
const SLACK = 1e-9;

/** Which rule decided, so a report or a reviewer can see why. */
export type StatusRule =
  | 'no-data'
  | 'not-computable'
  | 'reached'
  | 'threshold-kept'
  | 'threshold-breach'
  | 'growth-on-track'
  | 'growth-below'
  | 'binding-below-pace'
  | 'pace';

export interface StatusInput {
  attribute: IndicatorAttribute | null;
  completion: CompletionResult;
  /** ε as a fraction (0.05 = 5 percentage points). */
  tolerance?: number;
}

export interface StatusVerdict {
  status: StatusOutcome;
  rule: StatusRule;
  attribute: IndicatorAttribute | null;
  completion: CompletionResult;
  /** 序时进度 at the end of the evaluated data period; null without data. */
  schedule: ScheduleShare | null;
  /** P_done − P_time as a fraction; null without a computable share. */
  gap: number | null;
  tolerance: number;
}

/**
 * Rules, in order:
 * 1. not computable → 无数据 (no value) or 无法评价;
 * 2. threshold, 'keep' mode: satisfied → 基本符合预期 (a floor kept is on plan, not "achieved early": it must be kept
 *    to the end); breached → 约束性未达标 (约束性) or 滞后 (预期性);
 *    threshold, 'reach' mode: satisfied → as a reached target (rule 3); not satisfied in/after the target year →
 *    breach as above; otherwise judged on pace like a level (rule 5);
 * 3. target reached → 提前实现 before the target year; in or after the target year → 基本符合预期 (按期实现):
 *    "提前" would be false;
 * 4. annual-growth: g_y ≥ g → 快于预期 when P_done − P_time > ε, else 基本符合预期; g_y < g → 滞后 / 约束性未达标
 *    (§9.2 judges growth strictly against g, with no ε below it);
 * 5. pace: 约束性 and P_done < P_time (any amount) → 约束性未达标; P_done − P_time > ε → 快于预期;
 *    |P_done − P_time| ≤ ε → 基本符合预期; else 滞后.
 * P_time is taken at the data period of the value (a 2023 statistic published in 2024 is judged against the 2023
 * schedule share), so statistics that lag their report year are not penalised for the lag.
 */
export function classifyStatus(input: StatusInput): StatusVerdict {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`容差 ε 须为非负数：${tolerance} / tolerance must be a non-negative number`);
  }
  const { completion, attribute } = input;
  if (!completion.computable) {
    const schedule =
      completion.period === null
        ? null
        : scheduleShare({ baseYear: completion.baseYear, targetYear: completion.targetYear }, completion.period);
    const status: StatusOutcome = completion.code === 'no-data' ? '无数据' : '无法评价';
    const rule: StatusRule = completion.code === 'no-data' ? 'no-data' : 'not-computable';
    return { status, rule, attribute, completion, schedule, gap: null, tolerance };
  }
  const schedule = scheduleShare({ baseYear: completion.baseYear, targetYear: completion.targetYear }, completion.period);
  const gap = completion.share - schedule.share;
  const [status, rule] = decide(completion, attribute === '约束性', schedule.raw >= 1, gap, tolerance);
  // One literal of one shape for every verdict (no spread of a shared base): cheap at 40k+ indicators a call.
  return { status, rule, attribute, completion, schedule, gap, tolerance };
}

/** Rules 2–5 above for a computable share; `due`: the period ends at or after the end of the target year. */
function decide(
  completion: CompletionComputed,
  binding: boolean,
  due: boolean,
  gap: number,
  tolerance: number,
): readonly [IndicatorStatus, StatusRule] {
  const miss: IndicatorStatus = binding ? '约束性未达标' : '滞后';
  const threshold = completion.threshold;
  if (threshold !== null) {
    if (threshold.mode === 'keep') return threshold.met ? ['基本符合预期', 'threshold-kept'] : [miss, 'threshold-breach'];
    if (!threshold.met && due) return [miss, 'threshold-breach'];
  }
  if (completion.reached) return [due ? '基本符合预期' : '提前实现', 'reached'];

  if (completion.kind === 'annual-growth' && completion.actualGrowth !== null && completion.targetGrowth !== null) {
    const g = completion.targetGrowth;
    const onTrack = g > 0 ? completion.actualGrowth >= g - SLACK : completion.actualGrowth <= g + SLACK;
    if (!onTrack) return [miss, 'growth-below'];
    return [gap > tolerance + SLACK ? '快于预期' : '基本符合预期', 'growth-on-track'];
  }

  if (binding && gap < -SLACK) return ['约束性未达标', 'binding-below-pace'];
  if (gap > tolerance + SLACK) return ['快于预期', 'pace'];
  if (gap >= -tolerance - SLACK) return ['基本符合预期', 'pace'];
  return ['滞后', 'pace'];
}

/** A share as a percentage with one decimal: 0.38 → "38.0". */
export function formatPercent(share: number): string {
  return (Math.round(share * 1000) / 10).toFixed(1);
}

/**
 * One Chinese sentence for the 评价 column, e.g. 完成进度 38.0%，序时进度 60.0%，滞后 22.0 个百分点. The gap is taken from
 * the two rounded figures so that the sentence's own arithmetic checks out for a reader.
 */
export function explainStatus(verdict: StatusVerdict): string {
  const c = verdict.completion;
  if (!c.computable) return c.code === 'no-data' ? c.reason : `无法计算完成进度：${c.reason}`;
  const when = periodLabel(c.period);
  const threshold = c.threshold;
  if (threshold !== null && (threshold.mode === 'keep' || verdict.rule === 'threshold-breach' || threshold.met)) {
    const requirement = `"${comparatorSign(threshold.comparator)}${formatPlain(threshold.limit)}"`;
    const binding = verdict.attribute === '约束性' ? '约束性' : '';
    if (!threshold.met) return `${when}数值 ${formatPlain(c.value)}，未达到${requirement}的${binding}要求`;
    if (threshold.mode === 'keep') return `${when}数值 ${formatPlain(c.value)}，满足${requirement}的${binding}要求`;
    return `${when}数值 ${formatPlain(c.value)}，已达到${requirement}，规划期内须持续保持`;
  }
  const done = formatPercent(c.share);
  if (verdict.rule === 'reached') {
    const how = verdict.status === '提前实现' ? '已提前实现目标' : '已按期实现目标';
    return `完成进度 ${done}%，${how}（${when}${actualAndTarget(c)}）`;
  }
  const time = formatPercent(verdict.schedule?.share ?? 0);
  const pace = paceClause(done, time);
  const growth =
    c.actualGrowth !== null && c.targetGrowth !== null
      ? `实际年均增长 ${formatPercent(c.actualGrowth)}%，目标年均增长 ${formatPercent(c.targetGrowth)}%，`
      : '';
  const binding = verdict.rule === 'binding-below-pace' ? '，约束性指标低于序时进度' : '';
  return `${growth}完成进度 ${done}%，序时进度 ${time}%，${pace}${binding}`;
}

function paceClause(done: string, time: string): string {
  const points = (Math.round((Number(done) - Number(time)) * 10) / 10).toFixed(1);
  if (Number(points) === 0) return '与序时进度持平';
  return Number(points) > 0 ? `领先 ${points} 个百分点` : `滞后 ${points.replace('-', '')} 个百分点`;
}

function actualAndTarget(c: CompletionComputed): string {
  switch (c.kind) {
    case 'annual-growth':
      return `实际年均增长 ${formatPercent(c.actualGrowth ?? 0)}%，目标年均增长 ${formatPercent(c.targetGrowth ?? 0)}%`;
    case 'cumulative-reduction':
      return `累计降低 ${formatPercent(c.actualReduction ?? 0)}%，目标降低 ${formatPercent(c.targetReduction ?? 0)}%`;
    case 'cumulative-new':
      return `累计 ${formatPlain(c.value)}，目标 ${formatPlain(c.target ?? 0)}`;
    default:
      return `数值 ${formatPlain(c.value)}，目标值 ${formatPlain(c.target ?? 0)}`;
  }
}
