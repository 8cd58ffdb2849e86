// When a report is due: N days after the end of its period (configurable per indicator), and whether it is late.
// Dates are calendar days in China time, written as YYYY-MM-DD; "today" is passed in so tests can pin it.
import { yearFractionAtEnd, type Period, type PeriodKind } from '../period/period.ts';

/** Defaults when an indicator sets no due rule: yearly statistics come late (公报), monthly figures soon. */
export const DEFAULT_DUE_DAYS: Readonly<Record<PeriodKind, number>> = {
  year: 90,
  half: 30,
  quarter: 20,
  month: 15,
};

/** The last day of the period, YYYY-MM-DD. */
export function periodEndDate(period: Period): string {
  const endMonth = Math.round(yearFractionAtEnd(period) * 12); // 1..12
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(period.year, endMonth, 0));
  return last.toISOString().slice(0, 10);
}

export function dueDate(period: Period, dueDays: number | null): string {
  const days = dueDays ?? DEFAULT_DUE_DAYS[period.kind];
  const end = new Date(`${periodEndDate(period)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + days);
  return end.toISOString().slice(0, 10);
}

/** Today's date in China (Asia/Shanghai, UTC+8 without daylight saving), YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The period has ended by `today` (its last day is before today): only then is a report owed. */
export function periodHasEnded(period: Period, today: string): boolean {
  return periodEndDate(period) < today;
}

/** Late: the due day has passed. (Due on the day itself is not late.) */
export function isOverdue(due: string, today: string): boolean {
  return today > due;
}
