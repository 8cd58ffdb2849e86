import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, plans } from '../db/schema/index.ts';
import { isCurrentPlan } from './plans.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface County {
  id: string;
  name: string;
  municipality: string | null;
}

export async function findCountyByName(exec: Executor, name: string): Promise<County | null> {
  const rows = await exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .where(eq(counties.name, name));
  return rows[0] ?? null;
}

export async function insertCounty(exec: Executor, name: string, municipality: string | null = null): Promise<County> {
  const county = { id: randomUUID(), name, municipality };
  await exec.insert(counties).values(county);
  return county;
}

export async function listCounties(exec: Executor): Promise<County[]> {
  return exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .orderBy(asc(counties.name));
}

/** A county as the 区县归属 screen shows it: its 所属地市, the lock version, and how many current plans it has. */
export interface CountyRecord extends County {
  version: number;
  /** Current plans (no newer version supersedes them) — a county without one has nothing to report yet. */
  planCount: number;
}

// Correlated count per county row: a handful of counties per bureau, each an index lookup on plans (county_id).
// Qualified by hand: in a one-table select drizzle prints columns bare, and a bare "id" would bind to plans.id.
const currentPlanCount = sql<number>`(select count(*)::int from ${plans} where ${plans}."county_id" = ${counties}."id" and ${isCurrentPlan()})`;

const recordColumns = {
  id: counties.id,
  name: counties.name,
  municipality: counties.municipality,
  version: counties.version,
  planCount: currentPlanCount,
};

/** The counties in the scope, with version and plan count, in name order. */
export async function listCountyRecords(exec: Executor, scope: TenantScope): Promise<CountyRecord[]> {
  return exec.select(recordColumns).from(counties).where(countyFilter(counties.id, scope)).orderBy(asc(counties.name));
}

/** One county (by id) in the scope; null when it does not exist or lies outside the scope. */
export async function findCountyRecord(exec: Executor, scope: TenantScope, id: string): Promise<CountyRecord | null> {
  const rows = await exec
    .select(recordColumns)
    .from(counties)
    .where(and(eq(counties.id, id), countyFilter(counties.id, scope)));
  return rows[0] ?? null;
}

/**
 * Sets the county's 所属地市 when its version is still `version`, bumping it; false when someone else wrote first.
 * Only municipality and version change — the name stays, so the plan-frame stamp trigger (0010, fires on a name
 * change) leaves the comparison's cached frames alone.
 */
export async function updateCountyMunicipalityIfVersion(
  exec: Executor,
  key: { id: string; version: number },
  municipality: string | null,
): Promise<boolean> {
  const rows = await exec
    .update(counties)
    .set({ municipality, version: sql`${counties.version} + 1` })
    .where(and(eq(counties.id, key.id), eq(counties.version, key.version)))
    .returning({ id: counties.id });
  return rows.length > 0;
}
