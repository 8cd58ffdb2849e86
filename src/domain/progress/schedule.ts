// 序时进度 (time-elapsed share), domain-rules §9.2: P_time = (y − Y0 − 1 + f) / (YT − Y0), where f is the share of
// year y elapsed at the end of the period (full year → f = 1, which gives the familiar (y − Y0) / (YT − Y0)).
import {
  formatPeriod,
  yearFractionAtEnd,
  type Period,
  type PlanSpan,
} from '../period/period.ts';

export type { PlanSpan } from '../period/period.ts';

/** Where a period falls relative to the plan: periods ending inside the base year come before it. */
export type SchedulePosition = 'before-plan' | 'within-plan' | 'after-plan';

export interface ScheduleShare {
  /** P_time as a fraction in [0, 1] (not a percentage), clamped. */
  share: number;
  /** The unclamped value: negative before the plan, above 1 after the target year. */
  raw: number;
  position: SchedulePosition;
  /** True for a period ending before the end of the base year: no time of the plan has passed. */
  outside: boolean;
  /** True for a period ending after the target year: the schedule stays at 100%. */
  afterPlan: boolean;
}

/** A plan span that cannot carry a schedule (target year not after the base year). */
export class PlanSpanError extends Error {
  constructor(readonly plan: PlanSpan) {
    super(
      `规划期无效：目标年 ${plan.targetYear} 须晚于基期年 ${plan.baseYear} / ` +
        `Invalid plan span: target year ${plan.targetYear} must be after base year ${plan.baseYear}`,
    );
    this.name = 'PlanSpanError';
  }
}

export function assertPlanSpan(plan: PlanSpan): void {
  if (!Number.isInteger(plan.baseYear) || !Number.isInteger(plan.targetYear) || plan.targetYear <= plan.baseYear) {
    throw new PlanSpanError(plan);
  }
}

/**
 * 序时进度 at the end of `period`. The base year's own full-year period is the starting point (share 0, within the
 * plan); a period ending earlier is flagged `outside` with share 0; after the target year the share is 1 with
 * `afterPlan`, because the whole plan period has elapsed.
 */
export function scheduleShare(plan: PlanSpan, period: Period): ScheduleShare {
  assertPlanSpan(plan);
  const years = plan.targetYear - plan.baseYear;
  // Whole twelfths first so that 2023Q2 gives exactly 0.5 in a five-year plan, not 0.49999….
  const elapsedMonths = (period.year - plan.baseYear - 1) * 12 + Math.round(yearFractionAtEnd(period) * 12);
  const raw = elapsedMonths / (12 * years);
  if (raw < 0) return { share: 0, raw, position: 'before-plan', outside: true, afterPlan: false };
  if (raw > 1) return { share: 1, raw, position: 'after-plan', outside: false, afterPlan: true };
  return { share: raw, raw, position: 'within-plan', outside: false, afterPlan: false };
}

/** The plain number, for callers that reject periods before the plan instead of flagging them. */
export function scheduleShareStrict(plan: PlanSpan, period: Period): number {
  const result = scheduleShare(plan, period);
  if (result.outside) {
    throw new RangeError(
      `${formatPeriod(period)} 早于规划基期 ${plan.baseYear} 年末，无序时进度 / ` +
        `${formatPeriod(period)} ends before the end of base year ${plan.baseYear}`,
    );
  }
  return result.share;
}
