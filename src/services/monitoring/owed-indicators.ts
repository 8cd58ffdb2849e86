// What a unit owes for a period: the indicators it is responsible for whose frequency matches the period and whose
// plan covers it. The report form, the Excel template, submission and the outstanding list all ask this.
import type { Executor } from '../../db/client.ts';
import type { Period } from '../../domain/period/period.ts';
import { listMonitoredIndicators, type MonitoredIndicator } from '../../repositories/indicator-settings.ts';
import { countyScope } from '../../repositories/scope.ts';
import { planSpanOf } from './indicator-status.ts';

export function owesFor(indicator: MonitoredIndicator, period: Period): boolean {
  if (indicator.setting.frequency !== period.kind) return false;
  const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
  return span !== null && period.year > span.baseYear && period.year <= span.targetYear;
}

export async function owedIndicators(
  exec: Executor,
  countyId: string,
  unitId: string,
  period: Period,
): Promise<MonitoredIndicator[]> {
  const assigned = await listMonitoredIndicators(exec, countyScope(countyId), { responsibleUnitId: unitId });
  return assigned.filter((indicator) => owesFor(indicator, period));
}
