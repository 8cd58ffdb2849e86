// 任务 API: candidates from a plan (propose / accept / merge / drop), tasks, milestones, progress reports with
// attachments and their review. Thin: Zod in and out, the services decide. Uploads are raw bytes (the file is judged
// by its content, not its label), as for indicator evidence.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptCandidatesBodySchema,
  addMilestoneBodySchema,
  attachmentUploadQuerySchema,
  candidateParamsSchema,
  candidateQuerySchema,
  candidateSchema,
  createTaskBodySchema,
  deleteMilestoneQuerySchema,
  dropCandidateBodySchema,
  milestoneParamsSchema,
  milestoneSchema,
  planParamsSchema,
  proposeBodySchema,
  proposeResultSchema,
  restoreCandidateBodySchema,
  reviewTaskReportBodySchema,
  saveTaskReportBodySchema,
  taskAttachmentParamsSchema,
  taskAttachmentSchema,
  taskDetailSchema,
  taskListQuerySchema,
  taskParamsSchema,
  taskReportListQuerySchema,
  taskReportParamsSchema,
  taskReportSchema,
  taskSchema,
  updateMilestoneBodySchema,
  updateTaskBodySchema,
  versionBodySchema,
} from '../../contracts/tasks.ts';
import { FILE_TYPE_MIME, MAX_ATTACHMENT_BYTES } from '../../domain/reporting/file-type.ts';
import { acceptTaskCandidates } from '../../services/accept-task-candidates.ts';
import { addTaskReportAttachment, getTaskReportAttachment } from '../../services/add-task-report-attachment.ts';
import { createTask } from '../../services/create-task.ts';
import { dropTaskCandidate, restoreTaskCandidate } from '../../services/drop-task-candidate.ts';
import { ValidationError } from '../../services/errors.ts';
import { getTask } from '../../services/get-task.ts';
import { listTaskCandidates } from '../../services/list-task-candidates.ts';
import { listTaskReports } from '../../services/list-task-reports.ts';
import { listTasks } from '../../services/list-tasks.ts';
import { proposeTaskCandidates } from '../../services/propose-task-candidates.ts';
import { reviewTaskReport } from '../../services/review-task-report.ts';
import { addMilestone, deleteMilestone, updateMilestone } from '../../services/save-milestone.ts';
import { saveTaskReport } from '../../services/save-task-report.ts';
import { submitTaskReport } from '../../services/submit-task-report.ts';
import { updateTask } from '../../services/update-task.ts';
import { accessOf } from '../plugins/auth.ts';
import { sendFile } from '../send-file.ts';

// Room above the 20 MB attachment limit so an oversize file gets the service's Chinese message, not a bare 413.
const UPLOAD_BODY_LIMIT = MAX_ATTACHMENT_BYTES + 5 * 1024 * 1024;

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/plans/:planId/task-candidates',
    { config: { access: 'task.manage' }, schema: { params: planParamsSchema, body: proposeBodySchema.nullish(), response: { 200: proposeResultSchema } } },
    async (request) => proposeTaskCandidates(db, accessOf(request), request.params.planId, { chapters: request.body?.chapters }),
  );

  app.get(
    '/plans/:planId/task-candidates',
    {
      config: { access: 'task.read' },
      schema: { params: planParamsSchema, querystring: candidateQuerySchema, response: { 200: z.object({ candidates: z.array(candidateSchema) }) } },
    },
    async (request) => ({ candidates: await listTaskCandidates(db, accessOf(request), request.params.planId, request.query.state) }),
  );

  app.post(
    '/task-candidates/accept',
    { config: { access: 'task.manage' }, schema: { body: acceptCandidatesBodySchema, response: { 201: taskSchema } } },
    async (request, reply) => reply.status(201).send(await acceptTaskCandidates(db, accessOf(request), request.body)),
  );

  app.post(
    '/task-candidates/:candidateId/drop',
    { config: { access: 'task.manage' }, schema: { params: candidateParamsSchema, body: dropCandidateBodySchema, response: { 200: candidateSchema } } },
    async (request) => dropTaskCandidate(db, accessOf(request), request.params.candidateId, request.body.note),
  );

  app.post(
    '/task-candidates/:candidateId/restore',
    { config: { access: 'task.manage' }, schema: { params: candidateParamsSchema, body: restoreCandidateBodySchema, response: { 200: candidateSchema } } },
    async (request) => restoreTaskCandidate(db, accessOf(request), request.params.candidateId, request.body.version),
  );

  app.get(
    '/tasks',
    { config: { access: 'task.read' }, schema: { querystring: taskListQuerySchema, response: { 200: z.object({ tasks: z.array(taskSchema) }) } } },
    async (request) => ({ tasks: await listTasks(db, accessOf(request), request.query) }),
  );

  app.post(
    '/tasks',
    { config: { access: 'task.manage' }, schema: { body: createTaskBodySchema, response: { 201: taskSchema } } },
    async (request, reply) => reply.status(201).send(await createTask(db, accessOf(request), request.body)),
  );

  app.get(
    '/tasks/:taskId',
    { config: { access: 'task.read' }, schema: { params: taskParamsSchema, response: { 200: taskDetailSchema } } },
    async (request) => getTask(db, accessOf(request), request.params.taskId),
  );

  app.patch(
    '/tasks/:taskId',
    { config: { access: 'task.manage' }, schema: { params: taskParamsSchema, body: updateTaskBodySchema, response: { 200: taskSchema } } },
    async (request) => updateTask(db, accessOf(request), { taskId: request.params.taskId, ...request.body }),
  );

  app.post(
    '/milestones',
    { config: { access: 'task.manage' }, schema: { body: addMilestoneBodySchema, response: { 201: milestoneSchema } } },
    async (request, reply) => reply.status(201).send(await addMilestone(db, accessOf(request), request.body)),
  );

  app.patch(
    '/milestones/:milestoneId',
    { config: { access: 'task.report' }, schema: { params: milestoneParamsSchema, body: updateMilestoneBodySchema, response: { 200: milestoneSchema } } },
    async (request) => updateMilestone(db, accessOf(request), { id: request.params.milestoneId, ...request.body }),
  );

  app.delete(
    '/milestones/:milestoneId',
    { config: { access: 'task.manage' }, schema: { params: milestoneParamsSchema, querystring: deleteMilestoneQuerySchema } },
    async (request, reply) => {
      await deleteMilestone(db, accessOf(request), request.params.milestoneId, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/task-reports',
    { config: { access: 'task.read' }, schema: { querystring: taskReportListQuerySchema, response: { 200: z.object({ reports: z.array(taskReportSchema) }) } } },
    async (request) => ({ reports: await listTaskReports(db, accessOf(request), request.query) }),
  );

  app.put(
    '/tasks/:taskId/reports',
    { config: { access: 'task.report' }, schema: { params: taskParamsSchema, body: saveTaskReportBodySchema, response: { 200: taskReportSchema } } },
    async (request) => saveTaskReport(db, accessOf(request), { taskId: request.params.taskId, ...request.body }),
  );

  app.post(
    '/task-reports/:reportId/submit',
    { config: { access: 'task.report' }, schema: { params: taskReportParamsSchema, body: versionBodySchema, response: { 200: taskReportSchema } } },
    async (request) => submitTaskReport(db, accessOf(request), request.params.reportId, request.body.version),
  );

  app.post(
    '/task-reports/:reportId/review',
    { config: { access: 'task.supervise' }, schema: { params: taskReportParamsSchema, body: reviewTaskReportBodySchema, response: { 200: taskReportSchema } } },
    async (request) => reviewTaskReport(db, accessOf(request), { reportId: request.params.reportId, ...request.body }),
  );

  app.get(
    '/task-attachments/:attachmentId',
    { config: { access: 'task.read' }, schema: { params: taskAttachmentParamsSchema } },
    async (request, reply) => {
      const file = await getTaskReportAttachment(db, accessOf(request), request.params.attachmentId);
      return sendFile(reply, { fileName: file.fileName, contentType: FILE_TYPE_MIME[file.fileType], bytes: file.bytes });
    },
  );

  // Uploads in their own scope: the catch-all raw-bytes parser must not change how the JSON routes above parse.
  await app.register(async (uploads) => {
    uploads.removeContentTypeParser('text/plain');
    uploads.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/task-reports/:reportId/attachments',
      {
        config: { access: 'task.report' },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: { params: taskReportParamsSchema, querystring: attachmentUploadQuerySchema, response: { 201: taskAttachmentSchema } },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new ValidationError('请上传文件（请求体为文件内容）/ send the file as the request body');
        return reply.status(201).send(
          await addTaskReportAttachment(db, accessOf(request), { reportId: request.params.reportId, fileName: request.query.fileName, bytes: body }),
        );
      },
    );
  });
};
