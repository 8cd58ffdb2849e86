// Adds a task by hand (not from a plan candidate). Audited; the task starts today unless told otherwise.
import type { Database, Transaction } from '../db/client.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import type { OutlinePlace } from '../domain/tasks/candidates.ts';
import { appendAudit } from '../repositories/audit.ts';
import { countyScope } from '../repositories/scope.ts';
import { findTaskRow, insertTask, replaceTaskIndicators, replaceTaskUnits } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ValidationError } from './errors.ts';
import { checkTaskFields, type TaskFields } from './task-input.ts';
import { buildTaskViews, colourContext, type TaskView } from './task-view.ts';
import { countyOfAccess } from './task-access.ts';

export interface CreateTaskInput extends TaskFields {
  title: string;
  countyId?: string | undefined;
  planId?: string | null | undefined;
}

/** Inserts a task with its links inside `tx` (shared with accepting candidates). */
export async function insertTaskWithLinks(
  tx: Transaction,
  access: Access,
  countyId: string,
  input: TaskFields & { title: string; planId: string | null; outline: OutlinePlace[] },
  now: Date,
): Promise<string> {
  const startOn = input.startOn ?? chinaDate(now);
  const deadline = input.deadline ?? null;
  await checkTaskFields(tx, countyId, input, startOn, deadline);
  const taskId = await insertTask(tx, {
    countyId,
    planId: input.planId,
    title: input.title.trim(),
    description: input.description?.trim() ?? '',
    outline: input.outline,
    leadUnitId: input.leadUnitId ?? null,
    supervisingUnitId: input.supervisingUnitId ?? null,
    startOn,
    deadline,
  });
  await replaceTaskUnits(tx, countyId, taskId, input.responsibleUnitIds ?? []);
  await replaceTaskIndicators(tx, countyId, taskId, input.indicatorIds ?? []);
  await appendAudit(tx, {
    countyId,
    ...auditActor(access.actor),
    action: 'task.create',
    entity: 'task',
    entityId: taskId,
    after: { ...input, startOn, deadline },
  });
  return taskId;
}

export async function createTask(db: Database, access: Access, input: CreateTaskInput, now: Date = new Date()): Promise<TaskView> {
  const countyId = await countyOfAccess(db, access, input.countyId);
  if (input.title.trim() === '') throw new ValidationError('任务名称不能为空 / title required', [{ path: '/title', message: '不能为空 / required' }]);
  const taskId = await db.transaction((tx) =>
    insertTaskWithLinks(tx, access, countyId, { ...input, planId: input.planId ?? null, outline: [] }, now),
  );
  const row = await findTaskRow(db, countyScope(countyId), taskId);
  if (!row) throw new Error('inserted task not found');
  const [view] = await buildTaskViews(db, countyScope(countyId), [row], colourContext(db, now));
  if (!view) throw new Error('task view missing');
  return view;
}
