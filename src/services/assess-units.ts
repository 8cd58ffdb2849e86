// 考核 of a county's 部门 and 乡镇 for one year: the four rates of domain/supervision/assessment.ts, weighted by the
// county's weights, ranked. Indicator completion comes from the monitoring service; report timeliness is judged over
// every report a unit owed (indicator assignments, and task progress periods at the county's cadence), filed or not,
// and told apart as 按时 / 迟报 / 未报 with the late and missing ones listed; task, milestone and 督办 timeliness from
// this module's tables.
import type { Database } from '../db/client.ts';
import { periodFromInput } from './monitoring/guards.ts';
import { formatPeriod, periodLabel, periodsInPlan, type Period } from '../domain/period/period.ts';
import { DEFAULT_DUE_DAYS, dueDate, periodEndDate } from '../domain/reporting/due.ts';
import {
  ASSESSMENT_COMPONENTS,
  judgeReports,
  rankUnits,
  reportBreakdowns,
  reportTally,
  taskReportPeriods,
  type FiledReport,
  type OwedReport,
  type AssessmentComponent,
  type AssessmentWeights,
  type ReportBreakdown,
  type Tally,
  type TaskReportFrequency,
  type UnitScore,
} from '../domain/supervision/assessment.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import { milestoneDatesIn, ordersToAnswerIn, taskDeadlinesIn, taskReportsOfCounty, tasksOfCounty } from '../repositories/assessment.ts';
import { listMonitoredIndicators } from '../repositories/indicator-settings.ts';
import { taskLinks } from '../repositories/tasks.ts';
import { listCounties } from '../repositories/counties.ts';
import { listPlans } from '../repositories/plans.ts';
import { listReportsOfUnits } from '../repositories/reports.ts';
import { countyScope } from '../repositories/scope.ts';
import { listUnits } from '../repositories/units.ts';
import type { Access } from './auth/access.ts';
import { ValidationError } from './errors.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { getPlanStatus } from './monitoring/get-plan-status.ts';
import { planSpanOf } from './monitoring/indicator-status.ts';
import { TASK_REPORT_DUE_WORKING_DAYS } from './save-task-report.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';
import { countyOfAccess } from './task-access.ts';

/** A report a unit owed and handed in late, or never: what a clerk follows up. */
export interface OverdueReport {
  kind: 'indicator' | 'task';
  /** The task's title; for indicator figures the first indicator's name and how many the report covers. */
  name: string;
  taskId: string | null;
  /** Period code (2024Q1) and its label (2024年第一季度). */
  period: string;
  periodLabel: string;
  dueOn: string;
  /** Null: 未报 (never handed in, or only a draft). */
  submittedOn: string | null;
  timeliness: 'late' | 'missing';
}

export interface AssessmentRow extends UnitScore {
  /** 报送及时 told apart: 按时 / 迟报 / 未报 (the reports tally is onTime of the three's sum). */
  reportBreakdown: ReportBreakdown;
  /** The late and missing reports behind the breakdown, by due date. */
  overdueReports: OverdueReport[];
}

export interface Assessment {
  countyId: string;
  countyName: string;
  year: number;
  weights: AssessmentWeights;
  /** The county's task report cadence the owed task reports were counted by. */
  taskReportFrequency: TaskReportFrequency;
  rows: AssessmentRow[];
}

/** What an owed report is, for the list of late and missing ones; keyed like OwedReport (unit | key). */
interface OwedDescription {
  kind: OverdueReport['kind'];
  name: string;
  taskId: string | null;
  period: Period;
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
  const { assessmentWeights, taskReportFrequency } = await settingsFor(db, countyId);
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
  // 报送及时: every report a unit owed whose due date falls in the year — the periods of its indicators' frequencies
  // and its tasks' progress periods at the county's cadence — judged against what it filed. One never filed counts
  // against it (missing).
  const owed: OwedReport[] = [];
  const filed: FiledReport[] = [];
  const described = new Map<string, OwedDescription>();
  const inYear = (due: string) => due >= from && due < to;
  const indicatorDue = new Map<string, OwedReport>();
  const indicatorNames = new Map<string, string[]>();
  for (const indicator of await listMonitoredIndicators(db, scope, {})) {
    const unitId = indicator.setting.responsibleUnitId;
    const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
    if (unitId === null || span === null) continue;
    for (const period of periodsInPlan(span, indicator.setting.frequency)) {
      // One report per unit and period covers all its indicators; it is due by the earliest of their rules (as the
      // 待报清单 says).
      const due = dueDate(period, indicator.setting.dueDays ?? DEFAULT_DUE_DAYS[period.kind]);
      const key = `indicator:${formatPeriod(period)}`;
      const entry = indicatorDue.get(`${unitId}|${key}`);
      if (!entry) {
        indicatorDue.set(`${unitId}|${key}`, { unitId, key, dueOn: due });
        described.set(`${unitId}|${key}`, { kind: 'indicator', name: '', taskId: null, period });
        indicatorNames.set(`${unitId}|${key}`, []);
      } else if (due < entry.dueOn) entry.dueOn = due;
      indicatorNames.get(`${unitId}|${key}`)?.push(indicator.row.name);
    }
  }
  for (const r of await listReportsOfUnits(db, scope, units.map((u) => u.id))) {
    const key = `indicator:${r.period}`;
    // A report filed for a period no assignment asks for (the assignment changed since) still counts, by the default rule.
    if (!indicatorDue.has(`${r.unitId}|${key}`)) {
      const period = periodFromInput(r.period);
      indicatorDue.set(`${r.unitId}|${key}`, { unitId: r.unitId, key, dueOn: dueDate(period, null) });
      described.set(`${r.unitId}|${key}`, { kind: 'indicator', name: '', taskId: null, period });
    }
    filed.push({ unitId: r.unitId, key, submittedOn: r.submittedAt === null ? null : chinaDate(new Date(r.submittedAt)) });
  }
  for (const [unitKey, description] of described) {
    const names = indicatorNames.get(unitKey) ?? [];
    const first = names[0];
    description.name = first === undefined ? '指标数据' : names.length === 1 ? `指标数据：${first}` : `指标数据：${first}等${names.length}项`;
  }
  owed.push(...[...indicatorDue.values()].filter((o) => inYear(o.dueOn)));

  const calendar = loadWorkingCalendar();
  const taskReportRows = await taskReportsOfCounty(db, countyId);
  for (const r of taskReportRows) filed.push({ unitId: r.unitId, key: `task:${r.taskId}:${r.period}`, submittedOn: r.submittedAt === null ? null : chinaDate(r.submittedAt) });
  const storedDue = new Map<string, string | null>(taskReportRows.map((r) => [`${r.unitId}|task:${r.taskId}:${r.period}`, r.dueOn]));
  const taskRows = await tasksOfCounty(db, countyId);
  const links = await taskLinks(db, [countyId], taskRows.map((t) => t.id));
  for (const task of taskRows) {
    const unitIds = [...new Set([task.leadUnitId, ...(links.unitIds.get(task.id) ?? [])].filter((u): u is string => u !== null))];
    const periods = taskReportPeriods({ startOn: task.startOn, createdOn: chinaDate(task.createdAt), doneOn: task.doneOn }, taskReportFrequency, today);
    for (const period of periods) {
      const code = formatPeriod(period);
      for (const unitId of unitIds) {
        const key = `task:${task.id}:${code}`;
        // Due as saving the report sets it (save-task-report.ts): working days after the period ends.
        const dueOn = storedDue.get(`${unitId}|${key}`) ?? calendar.addWorkingDays(periodEndDate(period), TASK_REPORT_DUE_WORKING_DAYS);
        if (!inYear(dueOn)) continue;
        owed.push({ unitId, key, dueOn });
        described.set(`${unitId}|${key}`, { kind: 'task', name: task.title, taskId: task.id, period });
      }
    }
  }
  const judged = judgeReports(owed, filed, today);
  const breakdowns = reportBreakdowns(judged);
  const overdue = new Map<string, OverdueReport[]>();
  for (const report of judged) {
    if (report.timeliness === 'on-time') continue;
    const description = described.get(`${report.unitId}|${report.key}`);
    if (!description) continue;
    const list = overdue.get(report.unitId) ?? [];
    list.push({
      kind: description.kind,
      name: description.name,
      taskId: description.taskId,
      period: formatPeriod(description.period),
      periodLabel: periodLabel(description.period),
      dueOn: report.dueOn,
      submittedOn: report.submittedOn,
      timeliness: report.timeliness,
    });
    overdue.set(report.unitId, list);
  }
  for (const [unitId, breakdown] of breakdowns) {
    const tally = counts.get(unitId);
    if (tally) tally.reports = reportTally(breakdown);
  }
  // 任务与节点按时: deadlines and milestones of the year that have come, done by their date.
  for (const row of [...(await taskDeadlinesIn(db, countyId, from, to, today)), ...(await milestoneDatesIn(db, countyId, from, to, today))]) {
    count(row.unitId, 'tasks', row.doneOn !== null && row.doneOn <= row.dueOn);
  }
  // 督办按时反馈: orders of the year answered by the deadline (an unanswered overdue one counts against).
  for (const o of await ordersToAnswerIn(db, countyId, from, to, today)) count(o.unitId, 'supervision', o.repliedOnTime === true);

  const ranked = rankUnits(
    units.map((u) => ({ unitId: u.id, unitName: u.name, unitKind: u.kind, counts: counts.get(u.id) ?? ({} as Record<AssessmentComponent, Tally>) })),
    assessmentWeights,
  );
  const rows = ranked.map((row) => ({
    ...row,
    reportBreakdown: breakdowns.get(row.unitId) ?? { onTime: 0, late: 0, missing: 0 },
    overdueReports: (overdue.get(row.unitId) ?? []).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name, 'zh')),
  }));
  return { countyId, countyName: county?.name ?? '', year: input.year, weights: assessmentWeights, taskReportFrequency, rows };
}
