// 项目台账: key projects and their yearly figures. Scoped reads; versioned writes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { ledgerProjects, ledgerProjectYears, planProjects } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type LedgerProjectRow = typeof ledgerProjects.$inferSelect;
export type LedgerYearRow = typeof ledgerProjectYears.$inferSelect;
export type PlanProjectRow = typeof planProjects.$inferSelect;

export async function planProjectsNotInLedger(exec: Executor, countyId: string, planId: string): Promise<PlanProjectRow[]> {
  return exec
    .select()
    .from(planProjects)
    .where(
      and(
        eq(planProjects.countyId, countyId),
        eq(planProjects.planId, planId),
        sql`not exists (select 1 from ${ledgerProjects} where ${ledgerProjects.countyId} = ${planProjects.countyId} and ${ledgerProjects.sourceProjectId} = ${planProjects.id})`,
      ),
    )
    .orderBy(asc(planProjects.ordinal));
}

export type NewLedgerProject = Omit<LedgerProjectRow, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'doneOn'>;

/** Inserts ledger entries; a plan row already in the ledger (a concurrent build) is skipped. Returns ids inserted. */
export async function insertLedgerProjects(exec: Executor, rows: readonly NewLedgerProject[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await exec
    .insert(ledgerProjects)
    .values(rows.map((r) => ({ id: randomUUID(), ...r })))
    .onConflictDoNothing()
    .returning({ id: ledgerProjects.id });
  return inserted.map((r) => r.id);
}

export async function listLedgerProjects(
  exec: Executor,
  scope: TenantScope,
  filter: { planId?: string | undefined; unitId?: string | null | undefined },
): Promise<LedgerProjectRow[]> {
  return exec
    .select()
    .from(ledgerProjects)
    .where(
      and(
        countyFilter(ledgerProjects.countyId, scope),
        filter.planId ? eq(ledgerProjects.planId, filter.planId) : undefined,
        filter.unitId ? eq(ledgerProjects.leadUnitId, filter.unitId) : undefined,
      ),
    )
    .orderBy(asc(ledgerProjects.countyId), asc(ledgerProjects.category), sql`${ledgerProjects.seq} collate "C"`, asc(ledgerProjects.name));
}

export async function findLedgerProject(exec: Executor, scope: TenantScope, id: string): Promise<LedgerProjectRow | null> {
  const rows = await exec
    .select()
    .from(ledgerProjects)
    .where(and(eq(ledgerProjects.id, id), countyFilter(ledgerProjects.countyId, scope)));
  return rows[0] ?? null;
}

export async function updateLedgerProjectIfVersion(
  exec: Executor,
  key: { countyId: string; id: string; version: number },
  values: Partial<Pick<LedgerProjectRow, 'leadUnitId' | 'category' | 'site' | 'nature' | 'content' | 'totalInvestment' | 'startYear' | 'endYear' | 'doneOn'>>,
): Promise<LedgerProjectRow | null> {
  const rows = await exec
    .update(ledgerProjects)
    .set({ ...values, version: sql`${ledgerProjects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(ledgerProjects.id, key.id), eq(ledgerProjects.countyId, key.countyId), eq(ledgerProjects.version, key.version)))
    .returning();
  return rows[0] ?? null;
}

export async function yearsOf(exec: Executor, scope: TenantScope, projectIds: readonly string[]): Promise<LedgerYearRow[]> {
  if (projectIds.length === 0) return [];
  return exec
    .select()
    .from(ledgerProjectYears)
    .where(and(countyFilter(ledgerProjectYears.countyId, scope), inArray(ledgerProjectYears.projectId, [...projectIds])))
    .orderBy(asc(ledgerProjectYears.year));
}

export async function findLedgerYear(exec: Executor, countyId: string, projectId: string, year: number): Promise<LedgerYearRow | null> {
  const rows = await exec
    .select()
    .from(ledgerProjectYears)
    .where(and(eq(ledgerProjectYears.countyId, countyId), eq(ledgerProjectYears.projectId, projectId), eq(ledgerProjectYears.year, year)));
  return rows[0] ?? null;
}

export type LedgerYearValues = Pick<LedgerYearRow, 'plannedInvestment' | 'completedInvestment' | 'imageProgress' | 'percentDone' | 'updatedBy'>;

/** First entry for a year; null when someone inserted it concurrently (the caller answers 409). */
export async function insertLedgerYear(
  exec: Executor,
  key: { countyId: string; projectId: string; year: number },
  values: LedgerYearValues,
): Promise<LedgerYearRow | null> {
  const rows = await exec
    .insert(ledgerProjectYears)
    .values({ id: randomUUID(), ...key, ...values })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function updateLedgerYearIfVersion(
  exec: Executor,
  key: { countyId: string; id: string; version: number },
  values: LedgerYearValues,
): Promise<LedgerYearRow | null> {
  const rows = await exec
    .update(ledgerProjectYears)
    .set({ ...values, version: sql`${ledgerProjectYears.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(ledgerProjectYears.id, key.id), eq(ledgerProjectYears.countyId, key.countyId), eq(ledgerProjectYears.version, key.version)))
    .returning();
  return rows[0] ?? null;
}
