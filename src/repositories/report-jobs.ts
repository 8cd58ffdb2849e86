// Report generation jobs and their files. Reads go through TenantScope (county users never see a municipal batch
// job: its county_id is NULL and the county filter is an equality); writes name the job explicitly.
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { reportJobFiles, reportJobs, type ReportJobScope, type ReportJobStatus } from '../db/schema/index.ts';
import type { ReportKind } from '../domain/reports/model.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface ReportJobFileInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface ReportJobRecord {
  id: string;
  countyId: string | null;
  planId: string | null;
  scope: ReportJobScope;
  municipality: string | null;
  kind: ReportKind;
  year: number;
  status: ReportJobStatus;
  progress: number;
  step: string | null;
  error: string | null;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  files: ReportJobFileInfo[];
}

export interface NewReportJob {
  countyId: string | null;
  planId: string | null;
  scope: ReportJobScope;
  municipality: string | null;
  kind: ReportKind;
  year: number;
  requestedBy: string;
}

type JobRow = typeof reportJobs.$inferSelect;

function toRecord(row: JobRow, files: ReportJobFileInfo[]): ReportJobRecord {
  return {
    id: row.id,
    countyId: row.countyId,
    planId: row.planId,
    scope: row.scope,
    municipality: row.municipality,
    kind: row.kind,
    year: row.year,
    status: row.status,
    progress: row.progress,
    step: row.step,
    error: row.error,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    files,
  };
}

const fileInfoColumns = {
  id: reportJobFiles.id,
  jobId: reportJobFiles.jobId,
  fileName: reportJobFiles.fileName,
  contentType: reportJobFiles.contentType,
  size: reportJobFiles.size,
  sha256: reportJobFiles.sha256,
};

export async function insertReportJob(exec: Executor, input: NewReportJob): Promise<string> {
  const id = randomUUID();
  await exec.insert(reportJobs).values({ id, ...input });
  return id;
}

async function filesOf(exec: Executor, jobIds: readonly string[]): Promise<Map<string, ReportJobFileInfo[]>> {
  const byJob = new Map<string, ReportJobFileInfo[]>();
  if (jobIds.length === 0) return byJob;
  const rows = await exec
    .select(fileInfoColumns)
    .from(reportJobFiles)
    .where(inArray(reportJobFiles.jobId, [...jobIds]))
    .orderBy(asc(reportJobFiles.jobId), asc(reportJobFiles.ordinal));
  for (const { jobId, ...info } of rows) {
    const list = byJob.get(jobId) ?? [];
    list.push(info);
    byJob.set(jobId, list);
  }
  return byJob;
}

export async function findReportJob(exec: Executor, scope: TenantScope, jobId: string): Promise<ReportJobRecord | null> {
  const rows = await exec
    .select()
    .from(reportJobs)
    .where(and(eq(reportJobs.id, jobId), countyFilter(reportJobs.countyId, scope)));
  const row = rows[0];
  if (!row) return null;
  const files = await filesOf(exec, [row.id]);
  return toRecord(row, files.get(row.id) ?? []);
}

export async function listReportJobs(
  exec: Executor,
  scope: TenantScope,
  filter: { planId?: string | undefined; limit: number },
): Promise<ReportJobRecord[]> {
  const rows = await exec
    .select()
    .from(reportJobs)
    .where(and(countyFilter(reportJobs.countyId, scope), filter.planId ? eq(reportJobs.planId, filter.planId) : undefined))
    .orderBy(desc(reportJobs.createdAt), desc(reportJobs.id))
    .limit(filter.limit);
  const files = await filesOf(
    exec,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, files.get(r.id) ?? []));
}

/** queued → running; false when the job was not queued (another worker took it). */
export async function startReportJob(exec: Executor, jobId: string): Promise<boolean> {
  const rows = await exec
    .update(reportJobs)
    .set({ status: 'running', startedAt: sql`now()`, updatedAt: sql`now()`, progress: 0 })
    .where(and(eq(reportJobs.id, jobId), eq(reportJobs.status, 'queued')))
    .returning({ id: reportJobs.id });
  return rows.length > 0;
}

export async function setReportJobProgress(exec: Executor, jobId: string, progress: number, step: string): Promise<void> {
  await exec
    .update(reportJobs)
    .set({ progress: Math.max(0, Math.min(100, Math.round(progress))), step, updatedAt: sql`now()` })
    .where(and(eq(reportJobs.id, jobId), eq(reportJobs.status, 'running')));
}

export async function finishReportJob(exec: Executor, jobId: string): Promise<void> {
  await exec
    .update(reportJobs)
    .set({ status: 'done', progress: 100, step: '完成', finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(reportJobs.id, jobId));
}

export async function failReportJob(exec: Executor, jobId: string, reason: string): Promise<void> {
  await exec
    .update(reportJobs)
    .set({ status: 'failed', error: reason, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(reportJobs.id, jobId));
}

/**
 * Jobs left queued or running by a process that stopped (no heartbeat since `before`) are failed with a reason, so
 * the page never shows a job spinning forever.
 */
export async function failStaleReportJobs(exec: Executor, before: Date, reason: string): Promise<number> {
  const rows = await exec
    .update(reportJobs)
    .set({ status: 'failed', error: reason, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(inArray(reportJobs.status, ['queued', 'running']), lt(reportJobs.updatedAt, before)))
    .returning({ id: reportJobs.id });
  return rows.length;
}

export interface NewReportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function insertReportFiles(
  exec: Executor,
  job: { id: string; countyId: string | null },
  files: readonly NewReportFile[],
): Promise<void> {
  if (files.length === 0) return;
  await exec.insert(reportJobFiles).values(
    files.map((f, ordinal) => ({
      id: randomUUID(),
      countyId: job.countyId,
      jobId: job.id,
      ordinal,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.bytes.byteLength,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      bytes: f.bytes,
    })),
  );
}

export async function findReportFile(
  exec: Executor,
  scope: TenantScope,
  jobId: string,
  fileId: string,
): Promise<(ReportJobFileInfo & { bytes: Uint8Array }) | null> {
  const rows = await exec
    .select({ ...fileInfoColumns, bytes: reportJobFiles.bytes })
    .from(reportJobFiles)
    .innerJoin(reportJobs, eq(reportJobs.id, reportJobFiles.jobId))
    .where(and(eq(reportJobFiles.id, fileId), eq(reportJobFiles.jobId, jobId), countyFilter(reportJobs.countyId, scope)));
  const row = rows[0];
  if (!row) return null;
  const { jobId: _job, ...file } = row;
  return file;
}
