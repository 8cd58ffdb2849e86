// 节点 of a task or a ledger project: add, edit (versioned), mark done with evidence, delete. A unit_reporter may
// only mark done the milestones of tasks their unit takes part in (it is their evidence); the bureau does the rest.
import type { Database, Executor } from '../db/client.ts';
import { chinaDate, isIsoDate } from '../domain/supervision/calendar.ts';
import { appendAudit } from '../repositories/audit.ts';
import { deleteMilestone as deleteMilestoneRow, findMilestone, insertMilestone, updateMilestoneIfVersion, type MilestoneRow } from '../repositories/milestones.ts';
import { findLedgerProject } from '../repositories/projects-ledger.ts';
import { findTaskRow, taskLinks } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { ownUnit } from './task-access.ts';
import { milestoneView, type MilestoneView } from './task-view.ts';

export interface NewMilestoneInput {
  taskId?: string | undefined;
  projectId?: string | undefined;
  name: string;
  dueOn: string;
  doneOn?: string | null | undefined;
  evidence?: string | null | undefined;
}

function checkDates(values: { dueOn?: string | undefined; doneOn?: string | null | undefined }): void {
  const problems: { path: string; message: string }[] = [];
  if (values.dueOn !== undefined && !isIsoDate(values.dueOn)) problems.push({ path: '/dueOn', message: '日期格式应为 YYYY-MM-DD / invalid date' });
  if (values.doneOn && !isIsoDate(values.doneOn)) problems.push({ path: '/doneOn', message: '日期格式应为 YYYY-MM-DD / invalid date' });
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
}

/** The owner's county, checked against the scope (and, for a unit_reporter, their unit's part in the task). */
async function ownerCounty(exec: Executor, access: Access, owner: { taskId?: string | null; projectId?: string | null }): Promise<string> {
  if (owner.taskId) {
    const task = await findTaskRow(exec, access.scope, owner.taskId);
    if (!task) throw new NotFoundError('task', owner.taskId, '任务不存在 / task not found');
    const unit = ownUnit(access);
    if (unit !== null) {
      const links = await taskLinks(exec, [task.countyId], [task.id]);
      const involved = [task.leadUnitId, task.supervisingUnitId, ...(links.unitIds.get(task.id) ?? [])];
      if (!involved.includes(unit)) throw new NotFoundError('task', owner.taskId, '任务不存在 / task not found');
    }
    return task.countyId;
  }
  if (owner.projectId) {
    const project = await findLedgerProject(exec, access.scope, owner.projectId);
    if (!project) throw new NotFoundError('ledger_project', owner.projectId, '项目不存在 / project not found');
    const unit = ownUnit(access);
    if (unit !== null && project.leadUnitId !== unit) throw new NotFoundError('ledger_project', owner.projectId, '项目不存在 / project not found');
    return project.countyId;
  }
  throw new ValidationError('节点须属于任务或项目 / a milestone belongs to a task or a project');
}

export async function addMilestone(db: Database, access: Access, input: NewMilestoneInput): Promise<MilestoneView> {
  if (ownUnit(access) !== null) throw new ForbiddenError('填报员不能新增节点 / reporters cannot add milestones');
  if ((input.taskId === undefined) === (input.projectId === undefined)) {
    throw new ValidationError('节点须且只能属于一个任务或项目 / exactly one of taskId, projectId');
  }
  const name = input.name.trim();
  if (name === '') throw new ValidationError('节点名称不能为空 / name required', [{ path: '/name', message: '不能为空 / required' }]);
  checkDates(input);
  return db.transaction(async (tx) => {
    const countyId = await ownerCounty(tx, access, input);
    const owner = input.taskId ? { taskId: input.taskId } : { projectId: input.projectId ?? '' };
    const row = await insertMilestone(tx, {
      countyId,
      owner,
      name,
      dueOn: input.dueOn,
      doneOn: input.doneOn ?? null,
      evidence: input.evidence?.trim() || null,
    });
    await appendAudit(tx, { countyId, ...auditActor(access.actor), action: 'milestone.create', entity: 'milestone', entityId: row.id, after: milestoneView(row) });
    return milestoneView(row);
  });
}

export interface UpdateMilestoneInput {
  id: string;
  version: number;
  name?: string | undefined;
  dueOn?: string | undefined;
  /** A date marks it done; null undoes it. */
  doneOn?: string | null | undefined;
  evidence?: string | null | undefined;
  /** Shortcut: mark done today. */
  done?: boolean | undefined;
}

export async function updateMilestone(db: Database, access: Access, input: UpdateMilestoneInput, now: Date = new Date()): Promise<MilestoneView> {
  checkDates(input);
  return db.transaction(async (tx) => {
    const before = await findMilestone(tx, access.scope, input.id);
    if (!before) throw new NotFoundError('milestone', input.id, '节点不存在 / milestone not found');
    await ownerCounty(tx, access, before);
    if (before.version !== input.version) throw new VersionConflictError('milestone', milestoneView(before));
    const values: Partial<Pick<MilestoneRow, 'name' | 'dueOn' | 'doneOn' | 'evidence'>> = {};
    const reporter = ownUnit(access) !== null;
    if (!reporter && input.name !== undefined) values.name = input.name.trim();
    if (!reporter && input.dueOn !== undefined) values.dueOn = input.dueOn;
    if (reporter && (input.name !== undefined || input.dueOn !== undefined)) {
      throw new ForbiddenError('填报员只能填写完成日期和佐证材料 / reporters may only record completion');
    }
    if (input.done === true) values.doneOn = chinaDate(now);
    if (input.doneOn !== undefined) values.doneOn = input.doneOn;
    if (input.evidence !== undefined) values.evidence = input.evidence?.trim() || null;
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    if (values.name === '') throw new ValidationError('节点名称不能为空 / name required');
    const after = await updateMilestoneIfVersion(tx, { countyId: before.countyId, id: before.id, version: input.version }, values);
    if (!after) throw new VersionConflictError('milestone', null);
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: values.doneOn ? 'milestone.done' : 'milestone.update',
      entity: 'milestone',
      entityId: before.id,
      before: milestoneView(before),
      after: milestoneView(after),
    });
    return milestoneView(after);
  });
}

export async function deleteMilestone(db: Database, access: Access, id: string, version: number): Promise<void> {
  if (ownUnit(access) !== null) throw new ForbiddenError('填报员不能删除节点 / reporters cannot delete milestones');
  await db.transaction(async (tx) => {
    const before = await findMilestone(tx, access.scope, id);
    if (!before) throw new NotFoundError('milestone', id, '节点不存在 / milestone not found');
    if (!(await deleteMilestoneRow(tx, before.countyId, id, version))) throw new VersionConflictError('milestone', milestoneView(before));
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: 'milestone.delete', entity: 'milestone', entityId: id, before: milestoneView(before) });
  });
}
