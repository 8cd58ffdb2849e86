// 评估报告: request a report (one plan, or the municipal batch) as a background job, follow its progress, download
// its files. Thin: Zod in/out, the services do the work; every route needs `report.generate` (the batch also
// `plan.compare`, checked by the service).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  reportFileParamsSchema,
  reportJobListSchema,
  reportJobParamsSchema,
  reportJobRequestSchema,
  reportJobSchema,
  reportJobsQuerySchema,
} from '../../contracts/reports.ts';
import { getReportFile } from '../../services/get-report-file.ts';
import { getReportJob } from '../../services/get-report-job.ts';
import { listReportJobs } from '../../services/list-report-jobs.ts';
import { failInterruptedReportJobs, type ReportJobQueue } from '../../services/report-job-queue.ts';
import { requestReportJob } from '../../services/request-report-job.ts';
import { requestAccess } from '../scope.ts';
import { sendFile } from '../send-file.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs report jobs in the background (created in app.ts so tests can await `idle()`). */
    reportJobQueue: ReportJobQueue;
  }
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Jobs a previous server process left behind would otherwise show as running for ever.
  await failInterruptedReportJobs(db);

  app.post(
    '/reports/jobs',
    {
      config: { access: 'report.generate' },
      schema: { body: reportJobRequestSchema, response: { 202: reportJobSchema } },
    },
    async (request, reply) => {
      const access = requestAccess(request);
      const job = await requestReportJob(db, access, request.body);
      app.reportJobQueue.enqueue(job.id, access);
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/reports/jobs',
    { config: { access: 'report.generate' }, schema: { querystring: reportJobsQuerySchema, response: { 200: reportJobListSchema } } },
    async (request) => ({ jobs: await listReportJobs(db, requestAccess(request), { planId: request.query.planId }) }),
  );

  app.get(
    '/reports/jobs/:jobId',
    { config: { access: 'report.generate' }, schema: { params: reportJobParamsSchema, response: { 200: reportJobSchema } } },
    async (request) => getReportJob(db, requestAccess(request), request.params.jobId),
  );

  app.get(
    '/reports/jobs/:jobId/files/:fileId',
    { config: { access: 'report.generate' }, schema: { params: reportFileParamsSchema } },
    async (request, reply) => {
      const file = await getReportFile(db, requestAccess(request), request.params.jobId, request.params.fileId);
      return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes });
    },
  );
};
