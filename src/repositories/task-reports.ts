// Task progress reports and their attachments. Scoped reads; versioned state changes.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { taskReportAttachments, taskReports } from '../db/schema/index.ts';
import type { FileType } from '../domain/reporting/file-type.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type TaskReportRow = typeof taskReports.$inferSelect;

export interface AttachmentInfo {
  id: string;
  reportId: string;
  fileName: string;
  fileType: FileType;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

export async function findTaskReport(exec: Executor, scope: TenantScope, id: string): Promise<TaskReportRow | null> {
  const rows = await exec
    .select()
    .from(taskReports)
    .where(and(eq(taskReports.id, id), countyFilter(taskReports.countyId, scope)));
  return rows[0] ?? null;
}

export async function findTaskReportFor(
  exec: Executor,
  key: { countyId: string; taskId: string; unitId: string; period: string },
): Promise<TaskReportRow | null> {
  const rows = await exec
    .select()
    .from(taskReports)
    .where(
      and(
        eq(taskReports.countyId, key.countyId),
        eq(taskReports.taskId, key.taskId),
        eq(taskReports.unitId, key.unitId),
        eq(taskReports.period, key.period),
      ),
    );
  return rows[0] ?? null;
}

/** Inserts a draft; null when (task, unit, period) already has one (a concurrent first save). */
export async function insertTaskReport(
  exec: Executor,
  input: { countyId: string; taskId: string; unitId: string; period: string; text: string; percentDone: number | null; dueOn: string },
): Promise<TaskReportRow | null> {
  const rows = await exec
    .insert(taskReports)
    .values({ id: randomUUID(), ...input })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function updateTaskReportIfVersion(
  exec: Executor,
  key: { countyId: string; id: string; version: number },
  values: Partial<
    Pick<TaskReportRow, 'text' | 'percentDone' | 'state' | 'reason' | 'submittedBy' | 'submittedAt' | 'reviewedBy' | 'reviewedAt'>
  >,
): Promise<TaskReportRow | null> {
  const rows = await exec
    .update(taskReports)
    .set({ ...values, version: sql`${taskReports.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(taskReports.id, key.id), eq(taskReports.countyId, key.countyId), eq(taskReports.version, key.version)))
    .returning();
  return rows[0] ?? null;
}

export async function listTaskReports(
  exec: Executor,
  scope: TenantScope,
  filter: { taskId?: string | undefined; unitId?: string | null | undefined; state?: TaskReportRow['state'] | undefined },
): Promise<TaskReportRow[]> {
  return exec
    .select()
    .from(taskReports)
    .where(
      and(
        countyFilter(taskReports.countyId, scope),
        filter.taskId ? eq(taskReports.taskId, filter.taskId) : undefined,
        filter.unitId ? eq(taskReports.unitId, filter.unitId) : undefined,
        filter.state ? eq(taskReports.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(taskReports.period), asc(taskReports.createdAt));
}

/** Latest approved % done of a task, over all its units and periods (the newest approval wins). */
export async function latestApprovedPercent(exec: Executor, countyId: string, taskId: string): Promise<number | null> {
  const rows = await exec
    .select({ percentDone: taskReports.percentDone })
    .from(taskReports)
    .where(
      and(
        eq(taskReports.countyId, countyId),
        eq(taskReports.taskId, taskId),
        eq(taskReports.state, 'approved'),
        sql`${taskReports.percentDone} is not null`,
      ),
    )
    .orderBy(desc(taskReports.period), desc(taskReports.reviewedAt))
    .limit(1);
  return rows[0]?.percentDone ?? null;
}

export async function insertAttachment(
  exec: Executor,
  input: { countyId: string; reportId: string; fileName: string; fileType: FileType; bytes: Uint8Array; sha256: string; uploadedBy: string },
): Promise<AttachmentInfo> {
  const id = randomUUID();
  const rows = await exec
    .insert(taskReportAttachments)
    .values({ id, ...input, size: input.bytes.length })
    .returning(infoColumns);
  const row = rows[0];
  if (!row) throw new Error('attachment insert returned nothing');
  return toInfo(row);
}

const infoColumns = {
  id: taskReportAttachments.id,
  reportId: taskReportAttachments.reportId,
  fileName: taskReportAttachments.fileName,
  fileType: taskReportAttachments.fileType,
  size: taskReportAttachments.size,
  sha256: taskReportAttachments.sha256,
  uploadedBy: taskReportAttachments.uploadedBy,
  createdAt: taskReportAttachments.createdAt,
};

function toInfo(row: Omit<AttachmentInfo, 'createdAt'> & { createdAt: Date }): AttachmentInfo {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function listAttachments(exec: Executor, scope: TenantScope, reportIds: readonly string[]): Promise<AttachmentInfo[]> {
  if (reportIds.length === 0) return [];
  const rows = await exec
    .select(infoColumns)
    .from(taskReportAttachments)
    .where(and(countyFilter(taskReportAttachments.countyId, scope), inArray(taskReportAttachments.reportId, [...reportIds])))
    .orderBy(asc(taskReportAttachments.createdAt));
  return rows.map(toInfo);
}

export async function countAttachments(exec: Executor, countyId: string, reportId: string): Promise<number> {
  const rows = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(taskReportAttachments)
    .where(and(eq(taskReportAttachments.countyId, countyId), eq(taskReportAttachments.reportId, reportId)));
  return rows[0]?.n ?? 0;
}

export async function findAttachmentBytes(
  exec: Executor,
  scope: TenantScope,
  id: string,
): Promise<(AttachmentInfo & { bytes: Uint8Array; countyId: string }) | null> {
  const rows = await exec
    .select({ ...infoColumns, bytes: taskReportAttachments.bytes, countyId: taskReportAttachments.countyId })
    .from(taskReportAttachments)
    .where(and(eq(taskReportAttachments.id, id), countyFilter(taskReportAttachments.countyId, scope)));
  const row = rows[0];
  return row ? { ...toInfo(row), bytes: row.bytes, countyId: row.countyId } : null;
}
