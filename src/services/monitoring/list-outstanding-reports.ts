// 待报清单: for every unit in reach (a unit reporter: their own), each period it owes a report for — periods of its
// indicators' frequencies that have ended — with the due date, the overdue flag and where the report stands.
// Approved reports are done and left out; submitted ones are listed as handed in (waiting for review).
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel, periodsInPlan } from '../../domain/period/period.ts';
import { DEFAULT_DUE_DAYS, chinaToday, dueDate, isOverdue, periodHasEnded } from '../../domain/reporting/due.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { isHandedIn, type ReportState } from '../../domain/reporting/workflow.ts';
import { listMonitoredIndicators } from '../../repositories/indicator-settings.ts';
import { listReportsOfUnits } from '../../repositories/reports.ts';
import { unitFilter, type Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';
import { planSpanOf } from './indicator-status.ts';

export interface OutstandingReport {
  countyId: string;
  unitId: string;
  unitName: string;
  period: string;
  periodLabel: string;
  dueDate: string;
  overdue: boolean;
  /** null: nothing entered yet. */
  reportId: string | null;
  reportVersion: number | null;
  state: ReportState | null;
  reason: string | null;
  indicatorCount: number;
}

export async function listOutstandingReports(
  db: Database,
  access: Access,
  input: { unitId?: string | undefined; today?: string | undefined } = {},
): Promise<OutstandingReport[]> {
  requireAction(access, 'monitoring.read');
  const unitId = unitFilter(access) ?? input.unitId;
  const today = input.today ?? chinaToday();
  const indicators = (await listMonitoredIndicators(db, access.scope, { responsibleUnitId: unitId })).filter(
    (i) => i.setting.responsibleUnitId !== null,
  );
  const owed = new Map<string, OutstandingReport & { sort: number }>();
  for (const indicator of indicators) {
    const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
    const responsible = indicator.setting.responsibleUnitId;
    if (span === null || responsible === null) continue;
    for (const period of periodsInPlan(span, indicator.setting.frequency)) {
      if (!periodHasEnded(period, today)) break;
      const code = formatPeriod(period);
      const key = `${responsible}|${code}`;
      const due = dueDate(period, indicator.setting.dueDays ?? DEFAULT_DUE_DAYS[period.kind]);
      const entry = owed.get(key);
      if (entry) {
        entry.indicatorCount += 1;
        if (due < entry.dueDate) entry.dueDate = due;
        continue;
      }
      owed.set(key, {
        countyId: indicator.countyId,
        unitId: responsible,
        unitName: indicator.setting.responsibleUnitName ?? '',
        period: code,
        periodLabel: periodLabel(period),
        dueDate: due,
        overdue: false,
        reportId: null,
        reportVersion: null,
        state: null,
        reason: null,
        indicatorCount: 1,
        sort: periodSortKey(period),
      });
    }
  }
  const unitIds = [...new Set([...owed.values()].map((o) => o.unitId))];
  for (const report of await listReportsOfUnits(db, access.scope, unitIds)) {
    const entry = owed.get(`${report.unitId}|${report.period}`);
    if (!entry) continue;
    if (report.state === 'approved') {
      owed.delete(`${report.unitId}|${report.period}`);
      continue;
    }
    Object.assign(entry, { reportId: report.id, reportVersion: report.version, state: report.state, reason: report.reason });
  }
  return [...owed.values()]
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || a.sort - b.sort)
    .map(({ sort: _sort, ...entry }) => ({
      ...entry,
      overdue: !(entry.state !== null && isHandedIn(entry.state)) && isOverdue(entry.dueDate, today),
    }));
}
