// Assembles ReportData for one plan and year from the other rooms' services — the ONLY place that knows where a
// report's figures come from: indicator status from monitoring (getPlanStatus), tasks and 督办 from the task room,
// the project ledger, and reports still owed. Everything is read at call time, inside the caller's county scope.
import type { Database } from '../db/client.ts';
import { DEFAULT_TOLERANCE } from '../domain/progress/status.ts';
import {
  authorityOf,
  type FigureProvenance,
  type ReportColour,
  type ReportData,
  type ReportIndicator,
  type ReportKind,
  type ReportMissingReport,
  type ReportProject,
  type ReportSupervisionItem,
  type ReportTask,
} from '../domain/reports/model.ts';
import { REPORT_STATE_LABELS, type ReportState } from '../domain/reporting/workflow.ts';
import { VALUE_SOURCE_LABELS, isValueSource } from '../domain/reporting/vocabulary.ts';
import { findPlanDetail } from '../repositories/plans.ts';
import { findCountyById, listOfficialValueProvenance, type OfficialValueProvenance } from '../repositories/report-data.ts';
import { countyScope } from '../repositories/scope.ts';
import type { Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';
import { listProjectLedger, type LedgerProjectView } from './list-project-ledger.ts';
import { listSupervisionOrders } from './list-supervision-orders.ts';
import { listTasks } from './list-tasks.ts';
import { getPlanStatus } from './monitoring/get-plan-status.ts';
import type { IndicatorStatusItem } from './monitoring/indicator-status.ts';
import { listOutstandingReports, type OutstandingReport } from './monitoring/list-outstanding-reports.ts';
import type { TaskView } from './task-view.ts';

export interface CollectReportInput {
  planId: string;
  kind: ReportKind;
  year: number;
  /** Generation time (tests pin it). */
  now?: Date;
  /**
   * Reports still owed, when the caller already listed them for many counties at once (the municipal batch);
   * otherwise they are listed here.
   */
  outstanding?: readonly OutstandingReport[];
}

export async function collectReportData(db: Database, caller: Access, input: CollectReportInput): Promise<ReportData> {
  const now = input.now ?? new Date();
  const found = await findPlanDetail(db, caller.scope, input.planId);
  // Another county's plan answers exactly like a missing one.
  if (!found) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
  const plan = found;
  // Narrowed to the plan's county: a municipal or operator caller must not pull every county's tasks and owed
  // reports into one county's report (and the queries stay single-county).
  const access: Access = { ...caller, scope: countyScope(plan.countyId) };
  const [county, status, tasks, ledger, orders, outstanding] = await Promise.all([
    findCountyById(db, access.scope, plan.countyId),
    getPlanStatus(db, access, { planId: plan.id, period: String(input.year) }),
    listTasks(db, access, { planId: plan.id }, now),
    listProjectLedger(db, access, { planId: plan.id }, now),
    listSupervisionOrders(db, access, { state: 'open' }),
    input.outstanding ? Promise.resolve(input.outstanding) : listOutstandingReports(db, access),
  ]);
  const provenance = await listOfficialValueProvenance(
    db,
    access.scope,
    plan.countyId,
    status.indicators.map((i) => i.indicatorId),
  );

  const indicators = status.indicators.map((item) => toReportIndicator(item, provenance));
  const planItems = new Set([
    ...indicators.map((i) => i.id),
    ...tasks.map((t) => t.id),
    ...ledger.projects.map((p) => p.id),
  ]);
  return {
    kind: input.kind,
    year: input.year,
    generatedAt: now.toISOString(),
    county: county ?? { id: plan.countyId, name: plan.countyName, municipality: null },
    plan: {
      id: plan.id,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      issuer: plan.issuer,
      docNumber: plan.docNumber,
      issuedOn: plan.issuedOn,
      chapters: plan.outline.filter((o) => o.level === 1).map((o) => ({ label: o.label, title: o.title })),
    },
    authority: authorityOf(plan.countyName),
    tolerance: status.indicators[0]?.tolerance ?? DEFAULT_TOLERANCE,
    indicators,
    tasks: tasks.map(toReportTask),
    projects: ledger.projects.map((p) => toReportProject(p, input.year)),
    supervision: orders
      .filter((o) => o.countyId === plan.countyId && planItems.has(o.itemId))
      .map(
        (o): ReportSupervisionItem => ({
          kind: o.itemKind,
          itemId: o.itemId,
          title: o.itemTitle,
          unitName: o.unitName,
          colour: o.colour as ReportColour,
          stateLabel: o.stateLabel,
          issuedOn: o.issuedOn,
          replyDueOn: o.replyDueOn,
          reasons: o.reasons.map((r) => r.text),
        }),
      ),
    missingReports: outstanding
      .filter((o) => o.countyId === plan.countyId && Number(o.period.slice(0, 4)) <= input.year)
      .map(toMissingReport),
  };
}

function provenanceOf(row: OfficialValueProvenance | undefined, item: IndicatorStatusItem): FigureProvenance {
  const source = item.current?.source ?? 'unit';
  const base = {
    valueId: row?.valueId ?? null,
    sourceLabel: isValueSource(source) ? VALUE_SOURCE_LABELS[source] : source,
    unitName: row?.unitName ?? null,
    officialReason: row?.officialReason ?? null,
    caliberNote: row?.caliberNote ?? null,
  };
  if (row?.reportState) {
    // A unit's figure is official only once its report was approved; the reviewer and time are the approval.
    return {
      ...base,
      approvalLabel: REPORT_STATE_LABELS[row.reportState as ReportState] ?? row.reportState,
      approvedBy: row.reviewedBy,
      approvedAt: row.reviewedAt?.toISOString() ?? null,
    };
  }
  // 统计局 / 登记系统 figures are entered by the bureau itself: the entry is the approval.
  return { ...base, approvalLabel: '科技局录入', approvedBy: row?.enteredBy ?? null, approvedAt: row?.updatedAt.toISOString() ?? null };
}

function toReportIndicator(item: IndicatorStatusItem, provenance: readonly OfficialValueProvenance[]): ReportIndicator {
  const current = item.current;
  const row = current ? provenance.find((p) => p.indicatorId === item.indicatorId && p.period === current.period) : undefined;
  return {
    id: item.indicatorId,
    seq: item.seq,
    name: item.name,
    unit: item.unit,
    attribute: item.attribute,
    baselineText: item.baseline?.text ?? null,
    baselineYear: item.baseline?.year ?? null,
    targetText: item.target?.text ?? null,
    targetYear: item.target?.year ?? null,
    kindLabel: item.kindLabel,
    current: current
      ? {
          value: current.value,
          period: current.period,
          periodLabel: current.periodLabel,
          dataYear: current.dataYear,
          provenance: provenanceOf(row, item),
        }
      : null,
    completion: item.completion,
    schedule: item.schedule,
    status: item.status,
    explanation: item.explanation,
    forecastWarning: item.forecast.possible && item.forecast.warning ? item.forecast.summary : null,
    responsibleUnit: item.responsibleUnitName,
  };
}

function toReportTask(task: TaskView): ReportTask {
  const chapter = task.outline.find((o) => o.level === 1) ?? null;
  return {
    id: task.id,
    title: task.title,
    chapter: chapter ? { label: chapter.label, title: chapter.title } : null,
    leadUnit: task.leadUnit?.name ?? null,
    responsibleUnits: task.responsibleUnits.map((u) => u.name),
    deadline: task.deadline,
    done: task.state === 'done',
    doneOn: task.doneOn,
    percentDone: task.percentDone,
    milestonesTotal: task.milestones.length,
    milestonesDone: task.milestones.filter((m) => m.doneOn !== null).length,
    colour: task.colour,
    colourReasons: task.colourReasons.map((r) => r.text),
  };
}

/** Sums of the years up to the report year; null when no year up to then has a figure (nothing entered). */
function sumUpTo(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(present.reduce((s, v) => s + v, 0) * 100) / 100;
}

function toReportProject(project: LedgerProjectView, year: number): ReportProject {
  const upTo = project.years.filter((y) => y.year <= year).sort((a, b) => a.year - b.year);
  const inYear = upTo.find((y) => y.year === year);
  const withPercent = upTo.filter((y) => y.percentDone !== null).at(-1);
  const withImage = upTo.filter((y) => y.imageProgress.trim() !== '').at(-1);
  return {
    id: project.id,
    seq: project.seq,
    category: project.category,
    name: project.name,
    leadUnit: project.leadUnit?.name ?? project.leadUnitName,
    nature: project.nature,
    startYear: project.startYear,
    endYear: project.endYear,
    totalInvestment: project.totalInvestment,
    plannedToDate: sumUpTo(upTo.map((y) => y.plannedInvestment)),
    completedToDate: sumUpTo(upTo.map((y) => y.completedInvestment)),
    plannedInYear: inYear?.plannedInvestment ?? null,
    completedInYear: inYear?.completedInvestment ?? null,
    percentDone: withPercent?.percentDone ?? null,
    imageProgress: withImage?.imageProgress ?? null,
    done: project.doneOn !== null && Number(project.doneOn.slice(0, 4)) <= year,
  };
}

function toMissingReport(o: OutstandingReport): ReportMissingReport {
  const stateLabel =
    o.state === null ? '未填报' : o.state === 'submitted' ? '已提交，待审核' : REPORT_STATE_LABELS[o.state];
  return {
    unitName: o.unitName,
    periodLabel: o.periodLabel,
    dueDate: o.dueDate,
    overdue: o.overdue,
    stateLabel,
    indicatorCount: o.indicatorCount,
  };
}
