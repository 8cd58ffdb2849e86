import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period/period.ts';
import {
  PlanSpanError,
  scheduleShare,
  scheduleShareStrict,
  type SchedulePosition,
} from '../../src/domain/progress/schedule.ts';

const FIVE_YEARS = { baseYear: 2020, targetYear: 2025 };

describe('scheduleShare (序时进度)', () => {
  it.each([
    // (y − Y0 − 1 + f) / (YT − Y0) with Y0 = 2020, YT = 2025
    ['2021', 0.2], // (2021−2020−1+1)/5 = 1/5
    ['2022', 0.4], // 2/5
    ['2023', 0.6], // 3/5
    ['2025', 1], // 5/5: the target year itself is still within the plan
    ['2023Q2', 0.5], // (2023−2020−1+0.5)/5 = 2.5/5
    ['2023H1', 0.5], // (2 + 1/2)/5
    ['2023Q3', 0.55], // (2 + 3/4)/5 = 2.75/5
    ['2023M07', 31 / 60], // (2 + 7/12)/5 = (31/12)/5 = 31/60 ≈ 0.5167
    ['2021M01', 1 / 60], // (0 + 1/12)/5
    ['2025M12', 1], // (4 + 12/12)/5
    ['2020', 0], // the base year: starting point, share 0, not outside
  ] as const)('%s → %d, within the plan', (code, share) => {
    const result = scheduleShare(FIVE_YEARS, parsePeriod(code));
    expect(result.share).toBeCloseTo(share, 12);
    expect(result.position).toBe<SchedulePosition>('within-plan');
    expect(result.outside).toBe(false);
    expect(result.afterPlan).toBe(false);
  });

  it('2023Q2 in a 2020→2025 plan is exactly 0.5 (no floating-point residue)', () => {
    expect(scheduleShare(FIVE_YEARS, parsePeriod('2023Q2')).share).toBe(0.5);
  });

  it.each([
    // before the plan: raw < 0, share clamped to 0, flagged outside
    ['2019', -0.2, 0, 'before-plan', true, false], // (2019−2020−1+1)/5 = −1/5
    ['2020Q3', -0.05, 0, 'before-plan', true, false], // (0−1+0.75)/5 = −0.25/5
    ['2020M11', -1 / 60, 0, 'before-plan', true, false], // (−1 + 11/12)/5
    // after the target year: share 1, flagged afterPlan
    ['2026', 1.2, 1, 'after-plan', false, true], // 6/5
    ['2026Q1', 1.05, 1, 'after-plan', false, true], // (5 + 0.25)/5
  ] as const)('%s → raw %d, share %d, %s', (code, raw, share, position, outside, afterPlan) => {
    const result = scheduleShare(FIVE_YEARS, parsePeriod(code));
    expect(result.raw).toBeCloseTo(raw, 12);
    expect(result.share).toBe(share);
    expect(result.position).toBe(position);
    expect(result.outside).toBe(outside);
    expect(result.afterPlan).toBe(afterPlan);
  });

  it.each([
    [{ baseYear: 2020, targetYear: 2030 }, '2023', 0.3], // 3/10
    [{ baseYear: 2020, targetYear: 2030 }, '2023Q2', 0.25], // 2.5/10
    [{ baseYear: 2015, targetYear: 2020 }, '2018', 0.6], // 3/5
    [{ baseYear: 2022, targetYear: 2023 }, '2023M03', 0.25], // (0 + 3/12)/1
  ])('%j at %s → %d', (plan, code, share) => {
    expect(scheduleShare(plan, parsePeriod(code)).share).toBeCloseTo(share, 12);
  });

  it.each([
    { baseYear: 2025, targetYear: 2025 },
    { baseYear: 2025, targetYear: 2020 },
    { baseYear: 2020.5, targetYear: 2025 },
  ])('rejects the plan span %j', (plan) => {
    expect(() => scheduleShare(plan, parsePeriod('2023'))).toThrow(PlanSpanError);
    expect(() => scheduleShare(plan, parsePeriod('2023'))).toThrow(/规划期无效.*Invalid plan span/);
  });

  it('scheduleShareStrict returns the number, and throws before the plan', () => {
    expect(scheduleShareStrict(FIVE_YEARS, parsePeriod('2024'))).toBeCloseTo(0.8, 12); // 4/5
    expect(scheduleShareStrict(FIVE_YEARS, parsePeriod('2027'))).toBe(1);
    expect(() => scheduleShareStrict(FIVE_YEARS, parsePeriod('2019'))).toThrow(RangeError);
  });
});
