// 节点 of tasks and ledger projects. Scoped reads; versioned updates.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { milestones } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type MilestoneRow = typeof milestones.$inferSelect;

export type MilestoneOwner = { taskId: string; projectId?: undefined } | { projectId: string; taskId?: undefined };

export async function insertMilestone(
  exec: Executor,
  input: { countyId: string; owner: MilestoneOwner; name: string; dueOn: string; doneOn: string | null; evidence: string | null },
): Promise<MilestoneRow> {
  const rows = await exec
    .insert(milestones)
    .values({
      id: randomUUID(),
      countyId: input.countyId,
      taskId: input.owner.taskId ?? null,
      projectId: input.owner.projectId ?? null,
      name: input.name,
      dueOn: input.dueOn,
      doneOn: input.doneOn,
      evidence: input.evidence,
    })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('milestone insert returned nothing');
  return row;
}

export async function findMilestone(exec: Executor, scope: TenantScope, id: string): Promise<MilestoneRow | null> {
  const rows = await exec
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, id), countyFilter(milestones.countyId, scope)));
  return rows[0] ?? null;
}

export async function updateMilestoneIfVersion(
  exec: Executor,
  key: { countyId: string; id: string; version: number },
  values: Partial<Pick<MilestoneRow, 'name' | 'dueOn' | 'doneOn' | 'evidence'>>,
): Promise<MilestoneRow | null> {
  const rows = await exec
    .update(milestones)
    .set({ ...values, version: sql`${milestones.version} + 1` })
    .where(and(eq(milestones.id, key.id), eq(milestones.countyId, key.countyId), eq(milestones.version, key.version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteMilestone(exec: Executor, countyId: string, id: string, version: number): Promise<boolean> {
  const rows = await exec
    .delete(milestones)
    .where(and(eq(milestones.id, id), eq(milestones.countyId, countyId), eq(milestones.version, version)))
    .returning({ id: milestones.id });
  return rows.length > 0;
}

/** Milestones of many tasks or projects (one county or several), by due date. */
export async function milestonesOf(
  exec: Executor,
  scope: TenantScope,
  owners: { taskIds?: readonly string[]; projectIds?: readonly string[] },
): Promise<MilestoneRow[]> {
  const taskIds = owners.taskIds ?? [];
  const projectIds = owners.projectIds ?? [];
  if (taskIds.length === 0 && projectIds.length === 0) return [];
  return exec
    .select()
    .from(milestones)
    .where(
      and(
        countyFilter(milestones.countyId, scope),
        taskIds.length > 0 ? inArray(milestones.taskId, [...taskIds]) : inArray(milestones.projectId, [...projectIds]),
      ),
    )
    .orderBy(asc(milestones.dueOn), asc(milestones.name));
}
