// The report form of one unit for one period: what it owes, what it has entered, last year's figure beside each,
// which figures are outliers still needing an explanation, and the report's state, due date and reason.
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel } from '../../domain/period/period.ts';
import { DEFAULT_DUE_DAYS, chinaToday, dueDate, isOverdue } from '../../domain/reporting/due.ts';
import type { OutlierVerdict } from '../../domain/reporting/outlier.ts';
import { isHandedIn } from '../../domain/reporting/workflow.ts';
import type { MonitoredIndicator } from '../../repositories/indicator-settings.ts';
import { listValuesOfReport, type ValueRecord } from '../../repositories/indicator-values.ts';
import { findReportOfUnit, type ReportRecord } from '../../repositories/reports.ts';
import { countyScope } from '../../repositories/scope.ts';
import { findUnit, type UnitRecord } from '../../repositories/units.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { kindOf } from './indicator-status.ts';
import { mayReadUnit, periodFromInput, requireAction } from './guards.ts';
import { owedIndicators } from './owed-indicators.ts';
import { outlierOf } from './outliers.ts';

export interface ReportItem {
  indicator: MonitoredIndicator;
  /** The unit the figure should be in; null for 年均增长 indicators (reported as a level) or when the plan gives none. */
  expectedUnit: string | null;
  value: ValueRecord | null;
  previous: number | null;
  outlier: OutlierVerdict;
}

export interface ReportSheet {
  unit: UnitRecord;
  period: string;
  periodLabel: string;
  dueDate: string;
  overdue: boolean;
  report: ReportRecord | null;
  items: ReportItem[];
}

export async function getReport(
  db: Database,
  access: Access,
  input: { unitId: string; period: string; today?: string | undefined },
): Promise<ReportSheet> {
  requireAction(access, 'monitoring.read');
  const unit = await findUnit(db, access.scope, input.unitId);
  if (!unit || !mayReadUnit(access, unit.id)) throw new NotFoundError('unit', input.unitId, '单位不存在 / unit not found');
  const period = periodFromInput(input.period);
  const code = formatPeriod(period);
  const scope = countyScope(unit.countyId);
  const [owed, report] = await Promise.all([
    owedIndicators(db, unit.countyId, unit.id, period),
    findReportOfUnit(db, scope, unit.id, code),
  ]);
  const values = new Map((report ? await listValuesOfReport(db, scope, report.id) : []).map((v) => [v.indicatorId, v]));
  const items: ReportItem[] = [];
  for (const indicator of owed) {
    const value = values.get(indicator.id) ?? null;
    const growth = kindOf(indicator.row, indicator.setting.targetKind).kind === 'annual-growth';
    const { previous, verdict } = value
      ? await outlierOf(db, indicator, period, value.value)
      : { previous: null, verdict: { outlier: false } as const };
    items.push({ indicator, expectedUnit: growth ? null : indicator.row.unit, value, previous, outlier: verdict });
  }
  // The earliest due rule among the owed indicators is the report's deadline.
  const dueDays = owed.length > 0 ? Math.min(...owed.map((i) => i.setting.dueDays ?? DEFAULT_DUE_DAYS[period.kind])) : null;
  const due = dueDate(period, dueDays);
  const today = input.today ?? chinaToday();
  return {
    unit,
    period: code,
    periodLabel: periodLabel(period),
    dueDate: due,
    overdue: !(report && isHandedIn(report.state)) && isOverdue(due, today),
    report,
    items,
  };
}
