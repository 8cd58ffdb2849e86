// Reports: what one unit files for one period. Every change to a report or its values bumps its version, so an
// upload made from a stale template, or a second upload racing the first, is refused instead of interleaved.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { reports, units } from '../db/schema/index.ts';
import type { ReportState } from '../domain/reporting/workflow.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface ReportRecord {
  id: string;
  countyId: string;
  unitId: string;
  unitName: string;
  period: string;
  state: ReportState;
  reason: string | null;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  isSample: boolean;
  version: number;
  updatedAt: string;
}

const columns = {
  id: reports.id,
  countyId: reports.countyId,
  unitId: reports.unitId,
  unitName: units.name,
  period: reports.period,
  state: reports.state,
  reason: reports.reason,
  submittedBy: reports.submittedBy,
  submittedAt: reports.submittedAt,
  reviewedBy: reports.reviewedBy,
  reviewedAt: reports.reviewedAt,
  isSample: reports.isSample,
  version: reports.version,
  updatedAt: reports.updatedAt,
};

type Row = Awaited<ReturnType<typeof selectReports>>[number];

function selectReports(exec: Executor) {
  return exec.select(columns).from(reports).innerJoin(units, eq(units.id, reports.unitId));
}

function toRecord(row: Row): ReportRecord {
  return {
    ...row,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findReport(exec: Executor, scope: TenantScope, reportId: string): Promise<ReportRecord | null> {
  const rows = await selectReports(exec).where(and(eq(reports.id, reportId), countyFilter(reports.countyId, scope)));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function findReportOfUnit(
  exec: Executor,
  scope: TenantScope,
  unitId: string,
  period: string,
): Promise<ReportRecord | null> {
  const rows = await selectReports(exec).where(
    and(eq(reports.unitId, unitId), eq(reports.period, period), countyFilter(reports.countyId, scope)),
  );
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function listReportsOfUnits(
  exec: Executor,
  scope: TenantScope,
  unitIds: readonly string[],
): Promise<ReportRecord[]> {
  if (unitIds.length === 0) return [];
  const rows = await selectReports(exec)
    .where(and(inArray(reports.unitId, [...unitIds]), countyFilter(reports.countyId, scope)))
    .orderBy(asc(reports.period));
  return rows.map(toRecord);
}

/** Creates the report in 填报中; null when one for (unit, period) exists already (e.g. a racing upload made it). */
export async function insertReport(
  exec: Executor,
  input: { countyId: string; unitId: string; period: string; state?: ReportState; isSample?: boolean },
): Promise<string | null> {
  const rows = await exec
    .insert(reports)
    .values({ id: randomUUID(), state: 'draft', ...input })
    .onConflictDoNothing({ target: [reports.countyId, reports.unitId, reports.period] })
    .returning({ id: reports.id });
  return rows[0]?.id ?? null;
}

export interface ReportChange {
  state?: ReportState;
  reason?: string | null;
  submittedBy?: string | null;
  submittedAt?: Date | null;
  reviewedBy?: string | null;
  reviewedAt?: Date | null;
}

/**
 * Applies a change if the report is still at `expectedVersion`; bumps the version and clears the sample flag (a
 * report a person has worked on is no longer sample data). False on a stale write.
 */
export async function updateReport(
  exec: Executor,
  report: { id: string; countyId: string },
  expectedVersion: number,
  change: ReportChange,
): Promise<boolean> {
  const rows = await exec
    .update(reports)
    .set({ ...change, isSample: false, version: sql`${reports.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reports.id, report.id), eq(reports.countyId, report.countyId), eq(reports.version, expectedVersion)))
    .returning({ id: reports.id });
  return rows.length > 0;
}
