// Indicator values of every source. Reads are scoped; writes pin the county. Officiality is kept consistent here:
// at most one official value per (indicator, period) — a partial unique index backs it up.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { auditLog, indicatorValues, reports, spotChecks, units, valueAttachments } from '../db/schema/index.ts';
import type { PeriodKind } from '../domain/period/period.ts';
import type { ReportState } from '../domain/reporting/workflow.ts';
import type { ValueSource } from '../domain/reporting/vocabulary.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface ValueRecord {
  id: string;
  countyId: string;
  indicatorId: string;
  period: string;
  periodKind: PeriodKind;
  dataYear: number;
  periodSort: number;
  source: ValueSource;
  reportId: string | null;
  /** The report's state for unit values; null for the bureau's own entries (统计局, 登记系统). */
  reportState: ReportState | null;
  unitId: string | null;
  unitName: string | null;
  value: number;
  measureUnit: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  isOfficial: boolean;
  officialReason: string | null;
  enteredBy: string;
  isSample: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  attachmentCount: number;
}

const attachmentCount = sql<number>`(select count(*)::int from ${valueAttachments} where ${valueAttachments.valueId} = ${indicatorValues.id} and ${valueAttachments.countyId} = ${indicatorValues.countyId})`;

const columns = {
  id: indicatorValues.id,
  countyId: indicatorValues.countyId,
  indicatorId: indicatorValues.indicatorId,
  period: indicatorValues.period,
  periodKind: indicatorValues.periodKind,
  dataYear: indicatorValues.dataYear,
  periodSort: indicatorValues.periodSort,
  source: indicatorValues.source,
  reportId: indicatorValues.reportId,
  reportState: reports.state,
  unitId: indicatorValues.unitId,
  unitName: units.name,
  value: indicatorValues.value,
  measureUnit: indicatorValues.measureUnit,
  caliberNote: indicatorValues.caliberNote,
  comment: indicatorValues.comment,
  explanation: indicatorValues.explanation,
  isOfficial: indicatorValues.isOfficial,
  officialReason: indicatorValues.officialReason,
  enteredBy: indicatorValues.enteredBy,
  isSample: indicatorValues.isSample,
  version: indicatorValues.version,
  createdAt: indicatorValues.createdAt,
  updatedAt: indicatorValues.updatedAt,
  attachmentCount,
};

function selectValues(exec: Executor) {
  return exec
    .select(columns)
    .from(indicatorValues)
    .leftJoin(reports, eq(reports.id, indicatorValues.reportId))
    .leftJoin(units, eq(units.id, indicatorValues.unitId));
}

type Row = Awaited<ReturnType<typeof selectValues>>[number];

function toRecord(row: Row): ValueRecord {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function findValue(exec: Executor, scope: TenantScope, valueId: string): Promise<ValueRecord | null> {
  const rows = await selectValues(exec).where(
    and(eq(indicatorValues.id, valueId), countyFilter(indicatorValues.countyId, scope)),
  );
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function findValueBySource(
  exec: Executor,
  scope: TenantScope,
  key: { indicatorId: string; period: string; source: ValueSource },
): Promise<ValueRecord | null> {
  const rows = await selectValues(exec).where(
    and(
      eq(indicatorValues.indicatorId, key.indicatorId),
      eq(indicatorValues.period, key.period),
      eq(indicatorValues.source, key.source),
      countyFilter(indicatorValues.countyId, scope),
    ),
  );
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function listValuesOfReport(exec: Executor, scope: TenantScope, reportId: string): Promise<ValueRecord[]> {
  const rows = await selectValues(exec)
    .where(and(eq(indicatorValues.reportId, reportId), countyFilter(indicatorValues.countyId, scope)))
    .orderBy(asc(indicatorValues.indicatorId));
  return rows.map(toRecord);
}

export async function listValuesOfIndicator(
  exec: Executor,
  scope: TenantScope,
  indicatorId: string,
): Promise<ValueRecord[]> {
  const rows = await selectValues(exec)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), countyFilter(indicatorValues.countyId, scope)))
    .orderBy(asc(indicatorValues.periodSort), asc(indicatorValues.source));
  return rows.map(toRecord);
}

/** Submitted or approved unit values not yet spot-checked: the pool a 抽样核查 draws from. */
export async function listSpotCheckPool(
  exec: Executor,
  scope: TenantScope,
  filter: { period?: string | undefined },
): Promise<{ id: string; countyId: string }[]> {
  return exec
    .select({ id: indicatorValues.id, countyId: indicatorValues.countyId })
    .from(indicatorValues)
    .innerJoin(reports, eq(reports.id, indicatorValues.reportId))
    .where(
      and(
        countyFilter(indicatorValues.countyId, scope),
        inArray(reports.state, ['submitted', 'approved']),
        filter.period ? eq(indicatorValues.period, filter.period) : undefined,
        notExists(
          exec
            .select({ one: sql`1` })
            .from(spotChecks)
            .where(and(eq(spotChecks.valueId, indicatorValues.id), eq(spotChecks.countyId, indicatorValues.countyId))),
        ),
      ),
    )
    .orderBy(asc(indicatorValues.id));
}

/**
 * The official figure of an indicator for one period (e.g. last year's, for the outlier rule); null when none.
 */
export async function findOfficialValue(
  exec: Executor,
  countyId: string,
  indicatorId: string,
  period: string,
): Promise<number | null> {
  const rows = await exec
    .select({ value: indicatorValues.value })
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.countyId, countyId),
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.period, period),
        eq(indicatorValues.isOfficial, true),
      ),
    );
  return rows[0]?.value ?? null;
}

export interface NewValue {
  countyId: string;
  indicatorId: string;
  period: string;
  periodKind: PeriodKind;
  dataYear: number;
  periodSort: number;
  source: ValueSource;
  reportId: string | null;
  unitId: string | null;
  value: number;
  measureUnit: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  enteredBy: string;
  isOfficial?: boolean;
  officialReason?: string | null;
  isSample?: boolean;
}

/** Inserts one value; null when (indicator, period, source) already has one (a concurrent entry won). */
export async function insertValue(exec: Executor, input: NewValue): Promise<string | null> {
  const rows = await exec
    .insert(indicatorValues)
    .values({ id: randomUUID(), ...input })
    .onConflictDoNothing({
      target: [indicatorValues.countyId, indicatorValues.indicatorId, indicatorValues.period, indicatorValues.source],
    })
    .returning({ id: indicatorValues.id });
  return rows[0]?.id ?? null;
}

/** Multi-row inserts in chunks (sample data, bench); one statement per chunk keeps large loads fast. */
export async function insertValues(exec: Executor, rows: readonly NewValue[], chunk = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await exec.insert(indicatorValues).values(rows.slice(i, i + chunk).map((r) => ({ id: randomUUID(), ...r })));
  }
}

export interface ValueChange {
  value: number;
  measureUnit: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  enteredBy: string;
}

/** Updates a value still at `expectedVersion`; a person's edit makes it real data (sample flag cleared). */
export async function updateValue(
  exec: Executor,
  value: { id: string; countyId: string },
  expectedVersion: number,
  change: ValueChange,
): Promise<boolean> {
  const rows = await exec
    .update(indicatorValues)
    .set({ ...change, isSample: false, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorValues.id, value.id),
        eq(indicatorValues.countyId, value.countyId),
        eq(indicatorValues.version, expectedVersion),
      ),
    )
    .returning({ id: indicatorValues.id });
  return rows.length > 0;
}

/** Makes `valueId` the official figure of its (indicator, period), taking the mark from any other source. */
export async function markOfficial(
  exec: Executor,
  value: { id: string; countyId: string; indicatorId: string; period: string },
  reason: string,
): Promise<void> {
  await exec
    .update(indicatorValues)
    .set({ isOfficial: false, officialReason: null, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorValues.countyId, value.countyId),
        eq(indicatorValues.indicatorId, value.indicatorId),
        eq(indicatorValues.period, value.period),
        eq(indicatorValues.isOfficial, true),
        ne(indicatorValues.id, value.id),
      ),
    );
  await exec
    .update(indicatorValues)
    .set({ isOfficial: true, officialReason: reason, version: sql`${indicatorValues.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(indicatorValues.id, value.id), eq(indicatorValues.countyId, value.countyId)));
}

const other = alias(indicatorValues, 'other');

/**
 * On approval: each value of the report becomes official where its (indicator, period) has no official figure yet
 * (a figure the bureau chose from another source keeps its mark). Returns the ids marked.
 */
export async function markReportValuesOfficial(
  exec: Executor,
  report: { id: string; countyId: string },
  reason: string,
): Promise<string[]> {
  const rows = await exec
    .update(indicatorValues)
    .set({ isOfficial: true, officialReason: reason, version: sql`${indicatorValues.version} + 1` })
    .where(
      and(
        eq(indicatorValues.reportId, report.id),
        eq(indicatorValues.countyId, report.countyId),
        notExists(
          exec
            .select({ one: sql`1` })
            .from(other)
            .where(
              and(
                eq(other.countyId, indicatorValues.countyId),
                eq(other.indicatorId, indicatorValues.indicatorId),
                eq(other.period, indicatorValues.period),
                eq(other.isOfficial, true),
              ),
            ),
        ),
      ),
    )
    .returning({ id: indicatorValues.id });
  return rows.map((r) => r.id);
}

/**
 * On reopening: the report's values stop counting until approved again — only reviewed figures are official.
 * Returns the ids that lost the mark.
 */
export async function clearReportOfficial(exec: Executor, report: { id: string; countyId: string }): Promise<string[]> {
  const rows = await exec
    .update(indicatorValues)
    .set({ isOfficial: false, officialReason: null, version: sql`${indicatorValues.version} + 1` })
    .where(
      and(
        eq(indicatorValues.reportId, report.id),
        eq(indicatorValues.countyId, report.countyId),
        eq(indicatorValues.isOfficial, true),
      ),
    )
    .returning({ id: indicatorValues.id });
  return rows.map((r) => r.id);
}

export interface ValueHistoryEntry {
  valueId: string;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** The audit trail of some values (who entered, corrected, made official), oldest first: one query for all. */
export async function listValueHistory(
  exec: Executor,
  scope: TenantScope,
  valueIds: readonly string[],
): Promise<ValueHistoryEntry[]> {
  if (valueIds.length === 0) return [];
  const rows = await exec
    .select({
      valueId: auditLog.entityId,
      at: auditLog.at,
      actor: auditLog.actor,
      role: auditLog.role,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'indicator_value'),
        inArray(auditLog.entityId, [...valueIds]),
        countyFilter(auditLog.countyId, scope),
      ),
    )
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({ ...r, valueId: r.valueId ?? '', at: r.at.toISOString() }));
}
