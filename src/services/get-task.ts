// One task with its milestones, reports (with attachment lists) and 督办单.
import type { Database } from '../db/client.ts';
import { listOrders } from '../repositories/supervision.ts';
import { findTaskRow } from '../repositories/tasks.ts';
import type { Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';
import { listTaskReports, type TaskReportView } from './list-task-reports.ts';
import { orderView, type OrderView } from './list-supervision-orders.ts';
import { ownUnit } from './task-access.ts';
import { buildTaskViews, colourContext, type TaskView } from './task-view.ts';

export interface TaskDetail extends TaskView {
  reports: TaskReportView[];
  orders: OrderView[];
}

export async function getTask(db: Database, access: Access, taskId: string, now: Date = new Date()): Promise<TaskDetail> {
  const row = await findTaskRow(db, access.scope, taskId);
  if (!row) throw new NotFoundError('task', taskId, '任务不存在 / task not found');
  const [view] = await buildTaskViews(db, access.scope, [row], colourContext(db, now));
  if (!view) throw new NotFoundError('task', taskId, '任务不存在 / task not found');
  const unit = ownUnit(access);
  // A unit_reporter sees a task only when their unit takes part in it — otherwise it answers like a missing one.
  if (unit !== null && ![view.leadUnit?.id, view.supervisingUnit?.id, ...view.responsibleUnits.map((u) => u.id)].includes(unit)) {
    throw new NotFoundError('task', taskId, '任务不存在 / task not found');
  }
  const [reports, orders] = await Promise.all([
    listTaskReports(db, access, { taskId }),
    listOrders(db, access.scope, { itemKind: 'task', itemId: taskId, unitId: unit }),
  ]);
  const unitName = (id: string | null) => [view.leadUnit, view.supervisingUnit, ...view.responsibleUnits].find((u) => u?.id === id)?.name ?? null;
  return { ...view, reports, orders: orders.map((o) => orderView(o, unitName(o.unitId))) };
}
