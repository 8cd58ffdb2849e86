// R&D platforms and incubators. Scoped reads; versioned updates.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, platforms } from '../db/schema/index.ts';
import type { PlatformKind, PlatformLevel } from '../domain/registers/indicator-binding.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface PlatformColumns {
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  hostName: string;
  hostEnterpriseId: string | null;
  recognisedOn: string;
  revokedOn: string | null;
  docNumber: string | null;
  field: string | null;
  area: number | null;
  tenantCount: number | null;
}

export interface PlatformRecord extends PlatformColumns {
  id: string;
  countyId: string;
  countyName: string;
  version: number;
}

const columns = {
  id: platforms.id,
  countyId: platforms.countyId,
  countyName: counties.name,
  name: platforms.name,
  kind: platforms.kind,
  level: platforms.level,
  hostName: platforms.hostName,
  hostEnterpriseId: platforms.hostEnterpriseId,
  recognisedOn: platforms.recognisedOn,
  revokedOn: platforms.revokedOn,
  docNumber: platforms.docNumber,
  field: platforms.field,
  area: platforms.area,
  tenantCount: platforms.tenantCount,
  version: platforms.version,
};

export async function listPlatforms(exec: Executor, scope: TenantScope, filter: { kind?: PlatformKind | undefined } = {}): Promise<PlatformRecord[]> {
  return exec
    .select(columns)
    .from(platforms)
    .innerJoin(counties, eq(counties.id, platforms.countyId))
    .where(and(countyFilter(platforms.countyId, scope), filter.kind ? eq(platforms.kind, filter.kind) : undefined))
    .orderBy(asc(counties.name), asc(platforms.kind), asc(platforms.name));
}

export async function findPlatform(exec: Executor, scope: TenantScope, id: string): Promise<PlatformRecord | null> {
  const rows = await exec
    .select(columns)
    .from(platforms)
    .innerJoin(counties, eq(counties.id, platforms.countyId))
    .where(and(eq(platforms.id, id), countyFilter(platforms.countyId, scope)));
  return rows[0] ?? null;
}

export async function insertPlatform(exec: Executor, countyId: string, values: PlatformColumns): Promise<string> {
  const id = randomUUID();
  await exec.insert(platforms).values({ id, countyId, ...values });
  return id;
}

export async function updatePlatformIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: Partial<PlatformColumns>,
): Promise<boolean> {
  const rows = await exec
    .update(platforms)
    .set({ ...values, version: sql`${platforms.version} + 1` })
    .where(and(eq(platforms.id, key.id), eq(platforms.countyId, key.countyId), eq(platforms.version, key.version)))
    .returning({ id: platforms.id });
  return rows.length > 0;
}
