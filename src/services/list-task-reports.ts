// Task progress reports with their attachment lists; a unit_reporter sees only their unit's.
import { readTogether, type Executor } from '../db/client.ts';
import type { ReportState } from '../domain/reporting/workflow.ts';
import { listAttachments, listTaskReports as listRows, type AttachmentInfo, type TaskReportRow } from '../repositories/task-reports.ts';
import { listUnits } from '../repositories/units.ts';
import type { Access } from './auth/access.ts';
import { ownUnit } from './task-access.ts';

export interface TaskReportView {
  id: string;
  taskId: string;
  unitId: string;
  unitName: string;
  period: string;
  text: string;
  percentDone: number | null;
  state: ReportState;
  reason: string | null;
  dueOn: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  attachments: AttachmentInfo[];
}

export function taskReportView(row: TaskReportRow, unitName: string, attachments: AttachmentInfo[]): TaskReportView {
  return {
    id: row.id,
    taskId: row.taskId,
    unitId: row.unitId,
    unitName,
    period: row.period,
    text: row.text,
    percentDone: row.percentDone,
    state: row.state,
    reason: row.reason,
    dueOn: row.dueOn,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    version: row.version,
    attachments,
  };
}

export async function taskReportViews(exec: Executor, access: Access, rows: readonly TaskReportRow[]): Promise<TaskReportView[]> {
  if (rows.length === 0) return [];
  const [units, attachments] = await readTogether(
    exec,
    () => listUnits(exec, access.scope),
    () => listAttachments(exec, access.scope, rows.map((r) => r.id)),
  );
  const names = new Map(units.map((u) => [u.id, u.name] as const));
  return rows.map((row) =>
    taskReportView(row, names.get(row.unitId) ?? '（已删除的单位）', attachments.filter((a) => a.reportId === row.id)),
  );
}

export async function listTaskReports(
  exec: Executor,
  access: Access,
  filter: { taskId?: string | undefined; unitId?: string | undefined; state?: ReportState | undefined },
): Promise<TaskReportView[]> {
  const rows = await listRows(exec, access.scope, { ...filter, unitId: ownUnit(access) ?? filter.unitId });
  return taskReportViews(exec, access, rows);
}
