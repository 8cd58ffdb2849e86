// A period as one integer that orders exactly as comparePeriods (by end, then the longer period last), so SQL can
// order values and cut them at "as of" with a plain integer comparison.
import { yearFractionAtEnd, yearFractionAtStart, type Period } from '../period/period.ts';

export function periodSortKey(period: Period): number {
  const endMonth = period.year * 12 + Math.round(yearFractionAtEnd(period) * 12);
  const months = Math.round((yearFractionAtEnd(period) - yearFractionAtStart(period)) * 12);
  return endMonth * 16 + months;
}
