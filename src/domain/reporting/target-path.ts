// The path an indicator should follow from its base value to its target: one point per year of the plan, where the
// value would stand if it kept exactly to 序时进度, with the ±ε band of 基本符合预期 around it. Charts draw it behind
// the reported values. Levels move in equal steps (a straight line), growth and reductions compound, cumulative
// flows add up to N, a threshold already kept is a flat line at its limit.
import { yearPeriod, type PlanSpan } from '../period/period.ts';
import { scheduleShare } from '../progress/schedule.ts';
import { targetReduction, type TargetSpec } from '../progress/completion.ts';
import { satisfies, type TargetKind } from '../progress/target-kind.ts';

export interface TargetPathPoint {
  year: number;
  /** 序时进度 at the end of the year, fraction. */
  schedule: number;
  /** Where the value should be at that schedule share. */
  value: number;
  /** The band of 基本符合预期: the values at schedule − ε and schedule + ε (each clamped to the plan's 0…1). */
  low: number;
  high: number;
}

/**
 * Null when the kind has no drawable path (missing base or target). `baseline` is X0 as resolved for the status
 * (the plan's base value, else the base-year observation).
 */
export function targetPath(kind: TargetKind, spec: TargetSpec, baseline: number | null, tolerance: number): TargetPathPoint[] | null {
  const at = valueAtShare(kind, spec, baseline);
  if (at === null) return null;
  const span: PlanSpan = { baseYear: spec.baseYear, targetYear: spec.targetYear };
  const points: TargetPathPoint[] = [];
  for (let year = spec.baseYear; year <= spec.targetYear; year++) {
    const schedule = scheduleShare(span, yearPeriod(year)).share;
    const a = at(Math.max(0, schedule - tolerance));
    const b = at(Math.min(1, schedule + tolerance));
    points.push({ year, schedule, value: at(schedule), low: Math.min(a, b), high: Math.max(a, b) });
  }
  return points;
}

/** Where the value stands when `share` of the plan is done (share 0 = base, 1 = target); null without base/target. */
export function valueAtShare(kind: TargetKind, spec: TargetSpec, x0: number | null): ((share: number) => number) | null {
  const target = spec.target;
  const years = spec.targetYear - spec.baseYear;
  switch (kind) {
    case 'cumulative-new':
      return target === null ? null : (s) => target * s;
    case 'annual-growth': {
      if (x0 === null || x0 <= 0) return null;
      const g =
        spec.annualGrowthRate !== null
          ? spec.annualGrowthRate / 100
          : target !== null && target > 0
            ? (target / x0) ** (1 / years) - 1
            : null;
      return g === null || g <= -1 ? null : (s) => x0 * (1 + g) ** (s * years);
    }
    case 'cumulative-reduction': {
      const r = targetReduction(spec);
      return x0 === null || r === null ? null : (s) => x0 * (1 - r * s);
    }
    case 'threshold': {
      if (target === null || spec.comparator === null) return null;
      // A limit already kept is a line not to cross; a limit still to reach is approached like a level.
      if (x0 === null || satisfies(x0, spec.comparator, target)) return () => target;
      return (s) => x0 + (target - x0) * s;
    }
    case 'level-up':
    case 'level-down':
    case 'cumulative-stock':
      return x0 === null || target === null ? null : (s) => x0 + (target - x0) * s;
  }
}
