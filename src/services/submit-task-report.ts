// 提交: the unit sends its report for review. Text is required (a bare percentage explains nothing).
import type { Database } from '../db/client.ts';
import { nextReportState } from '../domain/reporting/workflow.ts';
import { appendAudit } from '../repositories/audit.ts';
import { updateTaskReportIfVersion } from '../repositories/task-reports.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ValidationError, VersionConflictError } from './errors.ts';
import { taskReportViews, type TaskReportView } from './list-task-reports.ts';
import { reportAudit, reportForUnitAction } from './save-task-report.ts';

export async function submitTaskReport(db: Database, access: Access, reportId: string, version: number, now: Date = new Date()): Promise<TaskReportView> {
  const row = await db.transaction(async (tx) => {
    const before = await reportForUnitAction(tx, access, reportId);
    if (before.version !== version) throw new VersionConflictError('task_report', reportAudit(before));
    const state = nextReportState(before.state, 'submit');
    if (before.text.trim() === '') throw new ValidationError('请填写进展情况后再提交 / describe the progress before submitting', [{ path: '/text', message: '不能为空 / required' }]);
    const after = await updateTaskReportIfVersion(
      tx,
      { countyId: before.countyId, id: before.id, version },
      { state, submittedBy: access.actor.name, submittedAt: now },
    );
    if (!after) throw new VersionConflictError('task_report', null);
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: 'task-report.submit', entity: 'task_report', entityId: before.id, before: reportAudit(before), after: reportAudit(after) });
    return after;
  });
  const [view] = await taskReportViews(db, access, [row]);
  if (!view) throw new Error('report view missing');
  return view;
}
