// 考核 API: the yearly ranking of a county's 部门 and 乡镇, as JSON and as .xlsx.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentQuerySchema, assessmentSchema } from '../../contracts/tasks.ts';
import { FILE_TYPE_MIME } from '../../domain/reporting/file-type.ts';
import { assessUnits } from '../../services/assess-units.ts';
import { exportAssessment } from '../../services/export-assessment.ts';
import { accessOf } from '../plugins/auth.ts';
import { sendFile } from '../send-file.ts';

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/assessment',
    { config: { access: 'assessment.read' }, schema: { querystring: assessmentQuerySchema, response: { 200: assessmentSchema } } },
    async (request) => assessUnits(db, accessOf(request), request.query),
  );

  app.get(
    '/assessment.xlsx',
    { config: { access: 'assessment.read' }, schema: { querystring: assessmentQuerySchema } },
    async (request, reply) => {
      const file = await exportAssessment(db, accessOf(request), request.query);
      return sendFile(reply, { fileName: file.fileName, contentType: FILE_TYPE_MIME.xlsx, bytes: file.bytes });
    },
  );
};
