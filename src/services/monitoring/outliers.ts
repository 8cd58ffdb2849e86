// The outlier rule (domain/reporting/outlier.ts) needs last year's figure; this finds it: the official value of the
// same period a year earlier, or the plan's base value when last year is the base year.
import type { Executor } from '../../db/client.ts';
import { formatPeriod, type Period } from '../../domain/period/period.ts';
import { checkOutlier, isPercentageIndicator, type OutlierVerdict } from '../../domain/reporting/outlier.ts';
import type { MonitoredIndicator } from '../../repositories/indicator-settings.ts';
import { findOfficialValue } from '../../repositories/indicator-values.ts';
import { kindOf } from './indicator-status.ts';

export async function previousFigure(exec: Executor, indicator: MonitoredIndicator, period: Period): Promise<number | null> {
  const lastYear = { ...period, year: period.year - 1 } as Period;
  const official = await findOfficialValue(exec, indicator.countyId, indicator.id, formatPeriod(lastYear));
  if (official !== null) return official;
  const baseline = indicator.row.baseline;
  return period.kind === 'year' && baseline !== null && baseline.year === lastYear.year ? baseline.value : null;
}

export async function outlierOf(
  exec: Executor,
  indicator: MonitoredIndicator,
  period: Period,
  value: number,
): Promise<{ previous: number | null; verdict: OutlierVerdict }> {
  const previous = await previousFigure(exec, indicator, period);
  // A 年均增长 indicator is reported as a level (万元), never as a percentage, whatever its plan unit says.
  const growth = kindOf(indicator.row, indicator.setting.targetKind).kind === 'annual-growth';
  const percentage = !growth && isPercentageIndicator(indicator.row);
  return { previous, verdict: checkOutlier({ value, previous, percentage }) };
}
