// Runs one queued report job: queued → running (progress and step as it goes) → done with its files, or failed with
// the reason in words. Never throws: whatever goes wrong ends up on the job row for the page to show.
import type { Database } from '../db/client.ts';
import { PlanDocumentError } from '../domain/plan/model.ts';
import {
  failReportJob,
  findReportJob,
  finishReportJob,
  insertReportFiles,
  setReportJobProgress,
  startReportJob,
} from '../repositories/report-jobs.ts';
import type { Access } from './auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { generateMunicipalReports } from './generate-municipal-reports.ts';
import { generateReport } from './generate-report.ts';
import type { ReportFile } from './render-report.ts';

export async function runReportJob(db: Database, access: Access, jobId: string): Promise<void> {
  const job = await findReportJob(db, access.scope, jobId);
  if (!job || !(await startReportJob(db, jobId))) return;
  // Progress arrives synchronously from the generators; writes are chained (never two at once on one job) and only
  // made when the figure moved a whole percent or the step changed.
  let written = Promise.resolve();
  let last = { progress: -1, step: '' };
  const onProgress = (share: number, step: string) => {
    const progress = Math.min(99, Math.round(share * 100));
    if (progress === last.progress && step === last.step) return;
    last = { progress, step };
    written = written.then(() => setReportJobProgress(db, jobId, progress, step)).catch(() => undefined);
  };
  try {
    let files: ReportFile[];
    if (job.scope === 'plan') {
      if (job.planId === null) throw new NotFoundError('plan', '', '规划已被删除，无法生成报告 / the plan was deleted');
      files = (await generateReport(db, access, { planId: job.planId, kind: job.kind, year: job.year }, onProgress)).files;
    } else {
      files = [(await generateMunicipalReports(db, access, { municipality: job.municipality, kind: job.kind, year: job.year }, onProgress)).zip];
    }
    await written;
    await db.transaction(async (tx) => {
      await insertReportFiles(tx, { id: job.id, countyId: job.countyId }, files);
      await finishReportJob(tx, job.id);
    });
  } catch (error) {
    await written;
    await failReportJob(db, job.id, failureReason(error));
  }
}

/** What the page shows for a failed job: the service's own message, or a plain statement for the unexpected. */
export function failureReason(error: unknown): string {
  if (
    error instanceof NotFoundError ||
    error instanceof ValidationError ||
    error instanceof ForbiddenError ||
    error instanceof PlanDocumentError
  ) {
    return error.message;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `生成报告时发生内部错误，请联系管理员（${detail.slice(0, 300)}）/ internal error while generating the report`;
}
