// One report job with its progress and files — a job of another county answers exactly like a missing one.
import type { Database } from '../db/client.ts';
import { findReportJob, type ReportJobRecord } from '../repositories/report-jobs.ts';
import type { Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';
import { requireAction } from './monitoring/guards.ts';

export async function getReportJob(db: Database, access: Access, jobId: string): Promise<ReportJobRecord> {
  requireAction(access, 'report.generate');
  const job = await findReportJob(db, access.scope, jobId);
  if (!job) throw new NotFoundError('report_job', jobId, '报告任务不存在 / report job not found');
  return job;
}
