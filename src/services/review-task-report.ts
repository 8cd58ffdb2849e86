// 审核: the bureau approves a submitted task report, or returns it with a reason the unit will see. Approval moves
// the task's % done to the newest approved figure (the colour rules read it).
import type { Database } from '../db/client.ts';
import { nextReportState } from '../domain/reporting/workflow.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findTaskReport, latestApprovedPercent, updateTaskReportIfVersion } from '../repositories/task-reports.ts';
import { setTaskPercent } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { taskReportViews, type TaskReportView } from './list-task-reports.ts';
import { reportAudit } from './save-task-report.ts';

export interface ReviewTaskReportInput {
  reportId: string;
  version: number;
  decision: 'approve' | 'return';
  reason?: string | undefined;
}

export async function reviewTaskReport(db: Database, access: Access, input: ReviewTaskReportInput, now: Date = new Date()): Promise<TaskReportView> {
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'return' && reason === '') {
    throw new ValidationError('退回须填写理由 / a reason is required to return a report', [{ path: '/reason', message: '不能为空 / required' }]);
  }
  const row = await db.transaction(async (tx) => {
    const before = await findTaskReport(tx, access.scope, input.reportId);
    if (!before) throw new NotFoundError('task_report', input.reportId, '报告不存在 / report not found');
    if (before.version !== input.version) throw new VersionConflictError('task_report', reportAudit(before));
    const state = nextReportState(before.state, input.decision);
    const after = await updateTaskReportIfVersion(
      tx,
      { countyId: before.countyId, id: before.id, version: input.version },
      { state, reason: input.decision === 'return' ? reason : null, reviewedBy: access.actor.name, reviewedAt: now },
    );
    if (!after) throw new VersionConflictError('task_report', null);
    if (input.decision === 'approve') await setTaskPercent(tx, before.countyId, before.taskId, await latestApprovedPercent(tx, before.countyId, before.taskId));
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: input.decision === 'approve' ? 'task-report.approve' : 'task-report.return',
      entity: 'task_report',
      entityId: before.id,
      before: reportAudit(before),
      after: reportAudit(after),
    });
    return after;
  });
  const [view] = await taskReportViews(db, access, [row]);
  if (!view) throw new Error('report view missing');
  return view;
}
