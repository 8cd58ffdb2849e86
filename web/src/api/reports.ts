// Report API (src/http/routes/reports.ts): request a report job, poll it, download its files.
import type { reportJobRequestSchema, reportJobSchema } from '@contracts/reports.ts';
import type { z } from 'zod';
import { api } from './client.ts';

export type ReportJob = z.infer<typeof reportJobSchema>;
export type ReportJobRequest = z.input<typeof reportJobRequestSchema>;

export function requestReport(request: ReportJobRequest): Promise<ReportJob> {
  return api.post<ReportJob>('/api/reports/jobs', request);
}

export function fetchReportJob(jobId: string): Promise<ReportJob> {
  return api.get<ReportJob>(`/api/reports/jobs/${jobId}`);
}

export function downloadReportFile(job: ReportJob, file: ReportJob['files'][number]): Promise<void> {
  return api.download(`/api/reports/jobs/${job.id}/files/${file.id}`, file.fileName);
}
