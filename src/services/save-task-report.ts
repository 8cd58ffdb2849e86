// A unit enters (or corrects) its progress report on a task for a period: text and % done. Only the units taking
// part in the task may report; a unit_reporter only for their own unit. The report stays a draft until submitted;
// a returned report can be corrected and submitted again (the workflow of indicator reports, domain/reporting).
import type { Database, Executor } from '../db/client.ts';
import { formatPeriod, parsePeriod, PeriodParseError } from '../domain/period/period.ts';
import { periodEndDate } from '../domain/reporting/due.ts';
import { isEditable, WorkflowError } from '../domain/reporting/workflow.ts';
import { TASK_REPORT_FREQUENCY_LABELS, type TaskReportFrequency } from '../domain/supervision/assessment.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findTaskReport, findTaskReportFor, insertTaskReport, updateTaskReportIfVersion, type TaskReportRow } from '../repositories/task-reports.ts';
import { findTaskRow, taskLinks } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { taskReportViews, type TaskReportView } from './list-task-reports.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';
import { ownUnit } from './task-access.ts';

/** A task report is due this many working days after its period ends. */
export const TASK_REPORT_DUE_WORKING_DAYS = 5;

const TASK_REPORT_PERIOD_EXAMPLES: Readonly<Record<TaskReportFrequency, string>> = {
  month: ' 2025M07（2025年7月）',
  quarter: ' 2025Q3（2025年第三季度）',
  half: ' 2025H1（2025年上半年）',
  year: ' 2025（2025年）',
};

export interface SaveTaskReportInput {
  taskId: string;
  /** The reporting unit; a unit_reporter's own unit when omitted. */
  unitId?: string | undefined;
  period: string;
  text: string;
  percentDone: number | null;
  /** The version read, when correcting an existing report. */
  version?: number | undefined;
}

export async function participatingUnits(exec: Executor, countyId: string, taskId: string, leadUnitId: string | null): Promise<string[]> {
  const links = await taskLinks(exec, [countyId], [taskId]);
  return [leadUnitId, ...(links.unitIds.get(taskId) ?? [])].filter((u): u is string => u !== null);
}

export async function saveTaskReport(db: Database, access: Access, input: SaveTaskReportInput): Promise<TaskReportView> {
  let period;
  try {
    period = parsePeriod(input.period);
  } catch (error) {
    if (error instanceof PeriodParseError) throw new ValidationError(error.message, [{ path: '/period', message: error.message }]);
    throw error;
  }
  const code = formatPeriod(period);
  if (input.percentDone !== null && !(input.percentDone >= 0 && input.percentDone <= 100)) {
    throw new ValidationError('完成百分比须在 0–100 之间 / percent must be 0–100', [{ path: '/percentDone', message: '0–100' }]);
  }
  const row = await db.transaction(async (tx) => {
    const task = await findTaskRow(tx, access.scope, input.taskId);
    if (!task) throw new NotFoundError('task', input.taskId, '任务不存在 / task not found');
    const own = ownUnit(access);
    const unitId = own ?? input.unitId;
    if (!unitId) throw new ValidationError('请指定填报单位 / a unit is required', [{ path: '/unitId', message: '必须指定 / required' }]);
    if (own !== null && input.unitId !== undefined && input.unitId !== own) throw new NotFoundError('task', input.taskId, '任务不存在 / task not found');
    const units = await participatingUnits(tx, task.countyId, task.id, task.leadUnitId);
    if (!units.includes(unitId)) {
      // A reporter whose unit has no part in the task learns nothing about it.
      if (own !== null) throw new NotFoundError('task', input.taskId, '任务不存在 / task not found');
      throw new ValidationError('该单位不是本任务的牵头或责任单位 / unit takes no part in this task', [{ path: '/unitId', message: '非本任务单位' }]);
    }
    const existing = await findTaskReportFor(tx, { countyId: task.countyId, taskId: task.id, unitId, period: code });
    if (!existing) {
      // A new report must be for a period of the county's cadence: 考核 owes exactly those periods, so a 2024Q3
      // report under 月报 would answer none of them and the unit would still count as 未报. (A report already stored
      // under an earlier cadence may still be corrected.)
      const { taskReportFrequency } = await settingsFor(tx, task.countyId);
      if (period.kind !== taskReportFrequency) {
        const message = `本县任务进展按${TASK_REPORT_FREQUENCY_LABELS[taskReportFrequency]}报送，期间应为${TASK_REPORT_PERIOD_EXAMPLES[taskReportFrequency]}形式 / period must be a ${taskReportFrequency}`;
        throw new ValidationError(message, [{ path: '/period', message }]);
      }
      const dueOn = loadWorkingCalendar().addWorkingDays(periodEndDate(period), TASK_REPORT_DUE_WORKING_DAYS);
      const inserted = await insertTaskReport(tx, {
        countyId: task.countyId,
        taskId: task.id,
        unitId,
        period: code,
        text: input.text.trim(),
        percentDone: input.percentDone,
        dueOn,
      });
      if (!inserted) throw new VersionConflictError('task_report', null);
      await appendAudit(tx, { countyId: task.countyId, ...auditActor(access.actor), action: 'task-report.create', entity: 'task_report', entityId: inserted.id, after: reportAudit(inserted) });
      return inserted;
    }
    if (!isEditable(existing.state)) throw new WorkflowError(existing.state, 'enter');
    if (input.version !== undefined && input.version !== existing.version) throw new VersionConflictError('task_report', reportAudit(existing));
    const after = await updateTaskReportIfVersion(
      tx,
      { countyId: existing.countyId, id: existing.id, version: input.version ?? existing.version },
      { text: input.text.trim(), percentDone: input.percentDone },
    );
    if (!after) throw new VersionConflictError('task_report', null);
    await appendAudit(tx, {
      countyId: existing.countyId,
      ...auditActor(access.actor),
      action: 'task-report.update',
      entity: 'task_report',
      entityId: existing.id,
      before: reportAudit(existing),
      after: reportAudit(after),
    });
    return after;
  });
  const [view] = await taskReportViews(db, access, [row]);
  if (!view) throw new Error('report view missing');
  return view;
}

export function reportAudit(row: TaskReportRow): Record<string, unknown> {
  return { taskId: row.taskId, unitId: row.unitId, period: row.period, text: row.text, percentDone: row.percentDone, state: row.state, reason: row.reason };
}

/** A report in scope that the caller may act on as its unit (a unit_reporter only their own unit's). */
export async function reportForUnitAction(exec: Executor, access: Access, reportId: string): Promise<TaskReportRow> {
  const report = await findTaskReport(exec, access.scope, reportId);
  const own = ownUnit(access);
  if (!report || (own !== null && report.unitId !== own)) throw new NotFoundError('task_report', reportId, '报告不存在 / report not found');
  return report;
}
