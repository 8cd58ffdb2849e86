// 任务 and 任务候选. Reads go through TenantScope (scope.ts); writes name the county explicitly and the service has
// checked it against the scope. Versioned updates match on version and return null when someone wrote first.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { readTogether, type Executor } from '../db/client.ts';
import { planIndicators, plans, taskCandidates, taskIndicators, tasks, taskUnits, units, type CandidateState, type TaskState } from '../db/schema/index.ts';
import type { OutlinePlace, TaskCandidateProposal } from '../domain/tasks/candidates.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type CandidateRow = typeof taskCandidates.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export async function countCandidates(exec: Executor, countyId: string, planId: string): Promise<number> {
  const rows = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(taskCandidates)
    .where(and(eq(taskCandidates.countyId, countyId), eq(taskCandidates.planId, planId)));
  return rows[0]?.n ?? 0;
}

export async function insertCandidates(
  exec: Executor,
  owner: { countyId: string; planId: string },
  proposals: readonly TaskCandidateProposal[],
): Promise<void> {
  // Chunks keep each INSERT well under PostgreSQL's bind-parameter limit for long plans.
  for (let start = 0; start < proposals.length; start += 200) {
    const chunk = proposals.slice(start, start + 200);
    await exec.insert(taskCandidates).values(
      chunk.map((p, i) => ({
        id: randomUUID(),
        ...owner,
        ordinal: start + i,
        kind: p.kind,
        title: p.title,
        text: p.text,
        outline: p.outline,
        line: p.line,
        boxNumber: p.box?.number ?? null,
        boxTitle: p.box?.title ?? null,
        boxItem: p.box?.item ?? null,
      })),
    );
  }
}

export async function listCandidates(
  exec: Executor,
  scope: TenantScope,
  planId: string,
  state?: CandidateState,
): Promise<CandidateRow[]> {
  return exec
    .select()
    .from(taskCandidates)
    .where(
      and(
        eq(taskCandidates.planId, planId),
        countyFilter(taskCandidates.countyId, scope),
        state ? eq(taskCandidates.state, state) : undefined,
      ),
    )
    .orderBy(asc(taskCandidates.ordinal));
}

export async function findCandidates(exec: Executor, scope: TenantScope, ids: readonly string[]): Promise<CandidateRow[]> {
  if (ids.length === 0) return [];
  return exec
    .select()
    .from(taskCandidates)
    .where(and(inArray(taskCandidates.id, [...ids]), countyFilter(taskCandidates.countyId, scope)))
    .orderBy(asc(taskCandidates.ordinal));
}

/**
 * Moves candidates out of 'proposed' — only those still proposed, so two clerks accepting the same candidate cannot
 * both succeed. Returns the ids actually moved.
 */
export async function settleCandidates(
  exec: Executor,
  countyId: string,
  ids: readonly string[],
  values: { state: Exclude<CandidateState, 'proposed'>; taskId: string | null; note: string | null },
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await exec
    .update(taskCandidates)
    .set({ ...values, version: sql`${taskCandidates.version} + 1` })
    .where(and(eq(taskCandidates.countyId, countyId), inArray(taskCandidates.id, [...ids]), eq(taskCandidates.state, 'proposed')))
    .returning({ id: taskCandidates.id });
  return rows.map((r) => r.id);
}

/** Back to 'proposed' (a dropped candidate reconsidered). */
export async function reopenCandidate(exec: Executor, countyId: string, id: string, version: number): Promise<CandidateRow | null> {
  const rows = await exec
    .update(taskCandidates)
    .set({ state: 'proposed', taskId: null, note: null, version: sql`${taskCandidates.version} + 1` })
    .where(and(eq(taskCandidates.countyId, countyId), eq(taskCandidates.id, id), eq(taskCandidates.version, version)))
    .returning();
  return rows[0] ?? null;
}

export interface NewTask {
  countyId: string;
  planId: string | null;
  title: string;
  description: string;
  outline: OutlinePlace[];
  leadUnitId: string | null;
  supervisingUnitId: string | null;
  startOn: string;
  deadline: string | null;
}

export async function insertTask(exec: Executor, input: NewTask): Promise<string> {
  const id = randomUUID();
  await exec.insert(tasks).values({ id, ...input });
  return id;
}

export type TaskColumns = Partial<
  Pick<TaskRow, 'title' | 'description' | 'leadUnitId' | 'supervisingUnitId' | 'startOn' | 'deadline' | 'state' | 'doneOn' | 'percentDone'>
>;

export async function updateTaskIfVersion(
  exec: Executor,
  key: { countyId: string; taskId: string; version: number },
  values: TaskColumns,
): Promise<TaskRow | null> {
  const rows = await exec
    .update(tasks)
    .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tasks.id, key.taskId), eq(tasks.countyId, key.countyId), eq(tasks.version, key.version)))
    .returning();
  return rows[0] ?? null;
}

/** Unversioned write of the approved % done (the report review is the versioned step). */
export async function setTaskPercent(exec: Executor, countyId: string, taskId: string, percentDone: number | null): Promise<void> {
  await exec
    .update(tasks)
    .set({ percentDone, updatedAt: sql`now()` })
    .where(and(eq(tasks.id, taskId), eq(tasks.countyId, countyId)));
}

export async function replaceTaskUnits(exec: Executor, countyId: string, taskId: string, unitIds: readonly string[]): Promise<void> {
  await exec.delete(taskUnits).where(and(eq(taskUnits.countyId, countyId), eq(taskUnits.taskId, taskId)));
  if (unitIds.length > 0) await exec.insert(taskUnits).values([...new Set(unitIds)].map((unitId) => ({ countyId, taskId, unitId })));
}

export async function replaceTaskIndicators(
  exec: Executor,
  countyId: string,
  taskId: string,
  indicatorIds: readonly string[],
): Promise<void> {
  await exec.delete(taskIndicators).where(and(eq(taskIndicators.countyId, countyId), eq(taskIndicators.taskId, taskId)));
  if (indicatorIds.length > 0) {
    await exec.insert(taskIndicators).values([...new Set(indicatorIds)].map((indicatorId) => ({ countyId, taskId, indicatorId })));
  }
}

export interface TaskFilter {
  planId?: string | undefined;
  state?: TaskState | undefined;
  /** Only tasks this unit leads or is responsible for (unit_reporter users, or a filter in the list). */
  unitId?: string | null | undefined;
}

/** Tasks in scope; `unitId` restricts to tasks the unit leads or shares (责任单位). */
export async function listTaskRows(exec: Executor, scope: TenantScope, filter: TaskFilter): Promise<TaskRow[]> {
  const conditions: (SQL | undefined)[] = [
    countyFilter(tasks.countyId, scope),
    filter.planId ? eq(tasks.planId, filter.planId) : undefined,
    filter.state ? eq(tasks.state, filter.state) : undefined,
  ];
  if (filter.unitId) {
    conditions.push(
      or(
        eq(tasks.leadUnitId, filter.unitId),
        eq(tasks.supervisingUnitId, filter.unitId),
        sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${taskUnits.countyId} = ${tasks.countyId} and ${taskUnits.unitId} = ${filter.unitId})`,
      ),
    );
  }
  return exec
    .select()
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.deadline), desc(tasks.createdAt));
}

export async function findTaskRow(exec: Executor, scope: TenantScope, taskId: string): Promise<TaskRow | null> {
  const rows = await exec
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), countyFilter(tasks.countyId, scope)));
  return rows[0] ?? null;
}

export interface TaskLinks {
  unitIds: Map<string, string[]>;
  indicatorIds: Map<string, string[]>;
}

/** Responsible units and served indicators of many tasks of one county, in two queries. */
export async function taskLinks(exec: Executor, countyIds: readonly string[], taskIds: readonly string[]): Promise<TaskLinks> {
  const result: TaskLinks = { unitIds: new Map(), indicatorIds: new Map() };
  if (taskIds.length === 0) return result;
  const counties = [...new Set(countyIds)];
  const [unitRows, indicatorRows] = await readTogether(
    exec,
    () => exec
      .select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(inArray(taskUnits.countyId, counties), inArray(taskUnits.taskId, [...taskIds])))
      .orderBy(asc(units.name)),
    () => exec
      .select({ taskId: taskIndicators.taskId, indicatorId: taskIndicators.indicatorId })
      .from(taskIndicators)
      .where(and(inArray(taskIndicators.countyId, counties), inArray(taskIndicators.taskId, [...taskIds]))),
  );
  for (const r of unitRows) result.unitIds.set(r.taskId, [...(result.unitIds.get(r.taskId) ?? []), r.unitId]);
  for (const r of indicatorRows) result.indicatorIds.set(r.taskId, [...(result.indicatorIds.get(r.taskId) ?? []), r.indicatorId]);
  return result;
}

/** Locks the plan row for the transaction: proposals of one plan run one after the other. */
export async function lockPlan(exec: Executor, countyId: string, planId: string): Promise<void> {
  await exec
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.countyId, countyId)))
    .for('update');
}

/** Which of `ids` are indicators of the county's plans. */
export async function indicatorIdsOfCounty(exec: Executor, countyId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await exec
    .select({ id: planIndicators.id })
    .from(planIndicators)
    .where(and(eq(planIndicators.countyId, countyId), inArray(planIndicators.id, [...ids])));
  return rows.map((r) => r.id);
}
