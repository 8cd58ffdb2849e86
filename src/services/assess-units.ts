// 考核 of a county's 部门 and 乡镇 for one year: the four rates of domain/supervision/assessment.ts, weighted by the
// county's weights, ranked. Indicator completion and indicator-report timeliness come from the monitoring service
// and its reports; task, milestone, task-report and 督办 timeliness from this module's tables.
import type { Database } from '../db/client.ts';
import { periodFromInput } from './monitoring/guards.ts';
import { dueDate } from '../domain/reporting/due.ts';
import {
  ASSESSMENT_COMPONENTS,
  rankUnits,
  type AssessmentComponent,
  type AssessmentWeights,
  type Tally,
  type UnitScore,
} from '../domain/supervision/assessment.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import { milestoneDatesIn, ordersToAnswerIn, taskDeadlinesIn, taskReportsDueIn } from '../repositories/assessment.ts';
import { listCounties } from '../repositories/counties.ts';
import { listPlans } from '../repositories/plans.ts';
import { listReportsOfUnits } from '../repositories/reports.ts';
import { countyScope } from '../repositories/scope.ts';
import { listUnits } from '../repositories/units.ts';
import type { Access } from './auth/access.ts';
import { ValidationError } from './errors.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { getPlanStatus } from './monitoring/get-plan-status.ts';
import { countyOfAccess } from './task-access.ts';

export interface Assessment {
  countyId: string;
  countyName: string;
  year: number;
  weights: AssessmentWeights;
  rows: UnitScore[];
}

const ON_PACE = new Set(['提前实现', '快于预期', '基本符合预期']);
const JUDGED = new Set([...ON_PACE, '滞后', '约束性未达标']);

export async function assessUnits(db: Database, access: Access, input: { year: number; countyId?: string | undefined }, now: Date = new Date()): Promise<Assessment> {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    throw new ValidationError('年份不正确 / invalid year', [{ path: '/year', message: '2000–2100' }]);
  }
  const countyId = await countyOfAccess(db, access, input.countyId);
  const county = (await listCounties(db)).find((c) => c.id === countyId);
  const scope = countyScope(countyId);
  const today = chinaDate(now);
  const from = `${input.year}-01-01`;
  const to = `${input.year + 1}-01-01`;
  const { assessmentWeights } = await settingsFor(db, countyId);
  const units = await listUnits(db, scope);
  const counts = new Map<string, Record<AssessmentComponent, Tally>>(
    units.map((u) => [u.id, Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, { good: 0, total: 0 }])) as Record<AssessmentComponent, Tally>]),
  );
  const count = (unitId: string | null, component: AssessmentComponent, good: boolean) => {
    const tally = unitId === null ? undefined : counts.get(unitId)?.[component];
    if (!tally) return;
    tally.total += 1;
    if (good) tally.good += 1;
  };

  // 指标完成: the status of each responsible indicator for the year.
  for (const plan of await listPlans(db, scope)) {
    const status = await getPlanStatus(db, access, { planId: plan.id, period: String(input.year) });
    for (const i of status.indicators) if (JUDGED.has(i.status)) count(i.responsibleUnitId, 'indicators', ON_PACE.has(i.status));
  }
  // 报送及时: indicator reports (due by the period's default rule) and task reports due in the year.
  for (const r of await listReportsOfUnits(db, scope, units.map((u) => u.id))) {
    const period = periodFromInput(r.period);
    const due = dueDate(period, null);
    if (due < from || due >= to || due > today) continue;
    count(r.unitId, 'reports', r.submittedAt !== null && chinaDate(new Date(r.submittedAt)) <= due);
  }
  for (const r of await taskReportsDueIn(db, countyId, from, to, today)) {
    count(r.unitId, 'reports', r.submittedAt !== null && r.dueOn !== null && chinaDate(r.submittedAt) <= r.dueOn);
  }
  // 任务与节点按时: deadlines and milestones of the year that have come, done by their date.
  for (const row of [...(await taskDeadlinesIn(db, countyId, from, to, today)), ...(await milestoneDatesIn(db, countyId, from, to, today))]) {
    count(row.unitId, 'tasks', row.doneOn !== null && row.doneOn <= row.dueOn);
  }
  // 督办按时反馈: orders of the year answered by the deadline (an unanswered overdue one counts against).
  for (const o of await ordersToAnswerIn(db, countyId, from, to, today)) count(o.unitId, 'supervision', o.repliedOnTime === true);

  const rows = rankUnits(
    units.map((u) => ({ unitId: u.id, unitName: u.name, unitKind: u.kind, counts: counts.get(u.id) ?? ({} as Record<AssessmentComponent, Tally>) })),
    assessmentWeights,
  );
  return { countyId, countyName: county?.name ?? '', year: input.year, weights: assessmentWeights, rows };
}
