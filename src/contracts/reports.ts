// Zod schemas of the report API (评估报告): the generation request, the job with its progress and files. The routes
// validate and serialise with them; the web app reuses them. The type check at the bottom keeps them in step.
import { z } from 'zod';
import type { Same } from './same.ts';
import { REPORT_JOB_STATUSES, REPORT_KINDS } from '../domain/reports/model.ts';
import type { ReportJobRecord } from '../repositories/report-jobs.ts';

const id = (what: string) => z.uuid({ message: `${what}编号格式不正确 / invalid ${what} id` });
const year = z.number().int().min(2000).max(2100);
const kind = z.enum(REPORT_KINDS);

/** 生成一个规划的报告，或（市科技局）全市各区县批量生成. */
export const reportJobRequestSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('plan'), planId: id('规划'), kind, year: year.optional() }),
  z.strictObject({
    scope: z.literal('municipal'),
    municipality: z.string().trim().min(1).max(40).nullable().default(null),
    kind,
    year: year.optional(),
  }),
]);

export const reportJobParamsSchema = z.strictObject({ jobId: id('报告任务') });
export const reportFileParamsSchema = z.strictObject({ jobId: id('报告任务'), fileId: id('文件') });
export const reportJobsQuerySchema = z.strictObject({ planId: id('规划').optional() });

export const reportJobSchema = z.object({
  id: z.string(),
  countyId: z.string().nullable(),
  planId: z.string().nullable(),
  scope: z.enum(['plan', 'municipal']),
  municipality: z.string().nullable(),
  kind,
  year: z.number().int(),
  status: z.enum(REPORT_JOB_STATUSES),
  progress: z.number().int(),
  step: z.string().nullable(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() })),
});

export const reportJobListSchema = z.object({ jobs: z.array(reportJobSchema) });

const _jobInSync: Same<z.infer<typeof reportJobSchema>, ReportJobRecord> = true;
void _jobInSync;
