// Edits a task (fields, units, indicators, done/undone). Optimistic locking: a stale version changes nothing and
// answers 409 with the current task; before/after go to the audit log in the same transaction.
import type { Database, Executor } from '../db/client.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import { appendAudit } from '../repositories/audit.ts';
import { countyScope } from '../repositories/scope.ts';
import { findTaskRow, replaceTaskIndicators, replaceTaskUnits, updateTaskIfVersion, type TaskColumns, type TaskRow } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { checkTaskFields, type TaskFields } from './task-input.ts';
import { buildTaskViews, colourContext, type TaskView } from './task-view.ts';

export interface UpdateTaskInput extends TaskFields {
  taskId: string;
  version: number;
  /** true: mark done (today unless doneOn given); false: reopen. */
  done?: boolean | undefined;
  doneOn?: string | undefined;
}

export async function updateTask(db: Database, access: Access, input: UpdateTaskInput, now: Date = new Date()): Promise<TaskView> {
  // Views are built on the executor in hand: inside the transaction a query on `db` would wait for it (PGlite has
  // one connection) and never return.
  const viewOf = async (exec: Executor, row: TaskRow) => {
    const [view] = await buildTaskViews(exec, countyScope(row.countyId), [row], colourContext(exec, now));
    if (!view) throw new Error('task view missing');
    return view;
  };
  const updated = await db.transaction(async (tx) => {
    const before = await findTaskRow(tx, access.scope, input.taskId);
    if (!before) throw new NotFoundError('task', input.taskId, '任务不存在 / task not found');
    if (before.version !== input.version) throw new VersionConflictError('task', await viewOf(tx, before));
    const startOn = input.startOn ?? before.startOn;
    const deadline = input.deadline === undefined ? before.deadline : input.deadline;
    await checkTaskFields(tx, before.countyId, input, startOn, deadline);
    const values: TaskColumns = {};
    if (input.title !== undefined) values.title = input.title.trim();
    if (input.description !== undefined) values.description = input.description.trim();
    if (input.leadUnitId !== undefined) values.leadUnitId = input.leadUnitId;
    if (input.supervisingUnitId !== undefined) values.supervisingUnitId = input.supervisingUnitId;
    if (input.startOn !== undefined) values.startOn = input.startOn;
    if (input.deadline !== undefined) values.deadline = input.deadline;
    if (input.done === true) {
      values.state = 'done';
      values.doneOn = input.doneOn ?? chinaDate(now);
    } else if (input.done === false) {
      values.state = 'active';
      values.doneOn = null;
    }
    const touchesLinks = input.responsibleUnitIds !== undefined || input.indicatorIds !== undefined;
    if (Object.keys(values).length === 0 && !touchesLinks) throw new ValidationError('没有要修改的内容 / nothing to change');
    const after = await updateTaskIfVersion(tx, { countyId: before.countyId, taskId: before.id, version: input.version }, values);
    if (!after) throw new VersionConflictError('task', null);
    if (input.responsibleUnitIds !== undefined) await replaceTaskUnits(tx, before.countyId, before.id, input.responsibleUnitIds);
    if (input.indicatorIds !== undefined) await replaceTaskIndicators(tx, before.countyId, before.id, input.indicatorIds);
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: input.done === true ? 'task.done' : 'task.update',
      entity: 'task',
      entityId: before.id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof typeof before]])),
      after: { ...values, responsibleUnitIds: input.responsibleUnitIds, indicatorIds: input.indicatorIds },
    });
    return after;
  });
  return viewOf(db, updated);
}
