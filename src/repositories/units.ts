// 部门/乡镇 of a county. Reads are scoped; an insert names its county explicitly (the service checks the scope).
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, units, type UnitKind } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface UnitRecord {
  id: string;
  countyId: string;
  countyName: string;
  name: string;
  kind: UnitKind;
}

const columns = { id: units.id, countyId: units.countyId, countyName: counties.name, name: units.name, kind: units.kind };

export async function listUnits(exec: Executor, scope: TenantScope): Promise<UnitRecord[]> {
  return exec
    .select(columns)
    .from(units)
    .innerJoin(counties, eq(counties.id, units.countyId))
    .where(countyFilter(units.countyId, scope))
    .orderBy(asc(counties.name), asc(units.kind), asc(units.name));
}

export async function findUnit(exec: Executor, scope: TenantScope, unitId: string): Promise<UnitRecord | null> {
  const rows = await exec
    .select(columns)
    .from(units)
    .innerJoin(counties, eq(counties.id, units.countyId))
    .where(and(eq(units.id, unitId), countyFilter(units.countyId, scope)));
  return rows[0] ?? null;
}

/** Inserts a unit; null when the county already has a unit of that name. */
export async function insertUnit(
  exec: Executor,
  input: { countyId: string; name: string; kind: UnitKind },
): Promise<string | null> {
  const id = randomUUID();
  const rows = await exec
    .insert(units)
    .values({ id, ...input })
    .onConflictDoNothing({ target: [units.countyId, units.name] })
    .returning({ id: units.id });
  return rows[0]?.id ?? null;
}
