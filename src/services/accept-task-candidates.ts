// The bureau decides on candidates: accept one as a task, merge several into one new task, or merge them into an
// existing task (their text is appended to its description). Only candidates still 'proposed' can be taken, so two
// clerks deciding at once cannot both use the same candidate (the second gets 409).
import type { Database } from '../db/client.ts';
import { appendAudit } from '../repositories/audit.ts';
import { countyScope } from '../repositories/scope.ts';
import { findCandidates, findTaskRow, settleCandidates, updateTaskIfVersion, type CandidateRow } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { insertTaskWithLinks } from './create-task.ts';
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import type { TaskFields } from './task-input.ts';
import { buildTaskViews, colourContext, type TaskView } from './task-view.ts';

export interface AcceptCandidatesInput {
  candidateIds: string[];
  /** Merge into this existing task instead of creating one. */
  intoTaskId?: string | undefined;
  /** Fields of the new task (title defaults to the first candidate's). */
  task?: TaskFields | undefined;
}

const MAX_DEFAULT_TITLE = 40;

function defaultTitle(candidate: CandidateRow): string {
  if (candidate.title) return candidate.title;
  const text = candidate.text.replace(/\s+/g, '');
  return text.length > MAX_DEFAULT_TITLE ? `${text.slice(0, MAX_DEFAULT_TITLE)}…` : text;
}

function candidateText(candidate: CandidateRow): string {
  return candidate.title && candidate.kind === 'box-item' ? `${candidate.title}：${candidate.text}` : candidate.text;
}

export async function acceptTaskCandidates(db: Database, access: Access, input: AcceptCandidatesInput, now: Date = new Date()): Promise<TaskView> {
  const ids = [...new Set(input.candidateIds)];
  if (ids.length === 0) throw new ValidationError('请选择候选任务 / choose at least one candidate');
  const candidates = await findCandidates(db, access.scope, ids);
  if (candidates.length !== ids.length) throw new NotFoundError('task_candidate', ids.join(','), '候选任务不存在 / candidate not found');
  const first = candidates[0];
  if (!first) throw new NotFoundError('task_candidate', ids.join(','), '候选任务不存在 / candidate not found');
  const countyId = first.countyId;
  if (candidates.some((c) => c.planId !== first.planId)) throw new ValidationError('只能合并同一规划的候选任务 / candidates of one plan only');
  const taken = candidates.filter((c) => c.state !== 'proposed');
  if (taken.length > 0) throw new ConflictError(`候选任务已处理过：${taken.map((c) => defaultTitle(c)).join('、')} / candidate already decided`);
  const scope = countyScope(countyId);

  const taskId = await db.transaction(async (tx) => {
    if (input.intoTaskId) {
      const task = await findTaskRow(tx, access.scope, input.intoTaskId);
      if (!task || task.countyId !== countyId) throw new NotFoundError('task', input.intoTaskId, '任务不存在 / task not found');
      const description = [task.description, ...candidates.map(candidateText)].filter((t) => t.trim() !== '').join('\n\n');
      const updated = await updateTaskIfVersion(tx, { countyId, taskId: task.id, version: task.version }, { description });
      if (!updated) throw new VersionConflictError('task', null);
      const moved = await settleCandidates(tx, countyId, ids, { state: 'merged', taskId: task.id, note: null });
      if (moved.length !== ids.length) throw new ConflictError('候选任务已被他人处理 / candidate decided by someone else');
      await appendAudit(tx, {
        countyId,
        ...auditActor(access.actor),
        action: 'task.candidates.merge',
        entity: 'task',
        entityId: task.id,
        before: { description: task.description },
        after: { description, candidateIds: ids },
      });
      return task.id;
    }
    const fields = input.task ?? {};
    const newId = await insertTaskWithLinks(
      tx,
      access,
      countyId,
      {
        ...fields,
        title: fields.title?.trim() || defaultTitle(first),
        description: fields.description ?? candidates.map(candidateText).join('\n\n'),
        planId: first.planId,
        outline: first.outline,
      },
      now,
    );
    const acceptedFirst = await settleCandidates(tx, countyId, [first.id], { state: 'accepted', taskId: newId, note: null });
    const mergedRest = await settleCandidates(tx, countyId, ids.slice(1), { state: 'merged', taskId: newId, note: null });
    if (acceptedFirst.length + mergedRest.length !== ids.length) throw new ConflictError('候选任务已被他人处理 / candidate decided by someone else');
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: ids.length > 1 ? 'task.candidates.merge' : 'task.candidates.accept',
      entity: 'task',
      entityId: newId,
      after: { candidateIds: ids },
    });
    return newId;
  });
  const row = await findTaskRow(db, scope, taskId);
  if (!row) throw new Error('task not found after accepting');
  const [view] = await buildTaskViews(db, scope, [row], colourContext(db, now));
  if (!view) throw new Error('task view missing');
  return view;
}
