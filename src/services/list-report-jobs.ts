// The latest report jobs in scope (of one plan, or all), newest first: the page's 生成记录.
import type { Database } from '../db/client.ts';
import { listReportJobs as listJobRows, type ReportJobRecord } from '../repositories/report-jobs.ts';
import type { Access } from './auth/access.ts';
import { requireAction } from './monitoring/guards.ts';

export async function listReportJobs(db: Database, access: Access, filter: { planId?: string | undefined }): Promise<ReportJobRecord[]> {
  requireAction(access, 'report.generate');
  return listJobRows(db, access.scope, { planId: filter.planId, limit: 50 });
}
