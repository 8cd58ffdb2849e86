// Download of one generated file (.docx / .xlsx / .zip); another county's file answers like a missing one.
import type { Database } from '../db/client.ts';
import { findReportFile, type ReportJobFileInfo } from '../repositories/report-jobs.ts';
import type { Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';
import { requireAction } from './monitoring/guards.ts';

export async function getReportFile(
  db: Database,
  access: Access,
  jobId: string,
  fileId: string,
): Promise<ReportJobFileInfo & { bytes: Uint8Array }> {
  requireAction(access, 'report.generate');
  const file = await findReportFile(db, access.scope, jobId, fileId);
  if (!file) throw new NotFoundError('report_file', fileId, '报告文件不存在 / report file not found');
  return file;
}
