// 抽样核查 records. Reads scoped; a draw inserts one row per drawn value, all under one batch id.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { indicatorValues, planIndicators, spotChecks } from '../db/schema/index.ts';
import type { SpotCheckOutcome } from '../domain/reporting/vocabulary.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface SpotCheckRecord {
  id: string;
  countyId: string;
  valueId: string;
  batchId: string;
  indicatorId: string;
  indicatorName: string;
  period: string;
  value: number;
  drawnBy: string;
  drawnAt: string;
  outcome: SpotCheckOutcome | null;
  note: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  version: number;
}

function selectSpotChecks(exec: Executor) {
  return exec
    .select({
      id: spotChecks.id,
      countyId: spotChecks.countyId,
      valueId: spotChecks.valueId,
      batchId: spotChecks.batchId,
      indicatorId: indicatorValues.indicatorId,
      indicatorName: planIndicators.name,
      period: indicatorValues.period,
      value: indicatorValues.value,
      drawnBy: spotChecks.drawnBy,
      drawnAt: spotChecks.createdAt,
      outcome: spotChecks.outcome,
      note: spotChecks.note,
      checkedBy: spotChecks.checkedBy,
      checkedAt: spotChecks.checkedAt,
      version: spotChecks.version,
    })
    .from(spotChecks)
    .innerJoin(indicatorValues, eq(indicatorValues.id, spotChecks.valueId))
    .innerJoin(planIndicators, eq(planIndicators.id, indicatorValues.indicatorId));
}

type Row = Awaited<ReturnType<typeof selectSpotChecks>>[number];

function toRecord(row: Row): SpotCheckRecord {
  return { ...row, drawnAt: row.drawnAt.toISOString(), checkedAt: row.checkedAt?.toISOString() ?? null };
}

export async function listSpotChecks(
  exec: Executor,
  scope: TenantScope,
  filter: { batchId?: string | undefined },
): Promise<SpotCheckRecord[]> {
  const rows = await selectSpotChecks(exec)
    .where(and(countyFilter(spotChecks.countyId, scope), filter.batchId ? eq(spotChecks.batchId, filter.batchId) : undefined))
    .orderBy(asc(spotChecks.createdAt), asc(planIndicators.ordinal));
  return rows.map(toRecord);
}

export async function findSpotCheck(exec: Executor, scope: TenantScope, id: string): Promise<SpotCheckRecord | null> {
  const rows = await selectSpotChecks(exec).where(and(eq(spotChecks.id, id), countyFilter(spotChecks.countyId, scope)));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function insertSpotChecks(
  exec: Executor,
  batchId: string,
  drawnBy: string,
  values: readonly { id: string; countyId: string }[],
): Promise<void> {
  if (values.length === 0) return;
  await exec
    .insert(spotChecks)
    .values(values.map((v) => ({ id: randomUUID(), countyId: v.countyId, valueId: v.id, batchId, drawnBy })));
}

export async function recordSpotCheckOutcome(
  exec: Executor,
  check: { id: string; countyId: string },
  expectedVersion: number,
  outcome: { outcome: SpotCheckOutcome; note: string | null; checkedBy: string },
): Promise<boolean> {
  const rows = await exec
    .update(spotChecks)
    .set({ ...outcome, checkedAt: sql`now()`, version: sql`${spotChecks.version} + 1` })
    .where(and(eq(spotChecks.id, check.id), eq(spotChecks.countyId, check.countyId), eq(spotChecks.version, expectedVersion)))
    .returning({ id: spotChecks.id });
  return rows.length > 0;
}
