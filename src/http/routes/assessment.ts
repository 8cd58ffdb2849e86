// 考核 API: the yearly ranking of a county's 部门 and 乡镇, as JSON and as .xlsx.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentQuerySchema, assessmentSchema } from '../../contracts/tasks.ts';
import { FILE_TYPE_MIME } from '../../domain/reporting/file-type.ts';
import { assessUnits } from '../../services/assess-units.ts';
import { exportAssessment } from '../../services/export-assessment.ts';
import { accessOf } from '../plugins/auth.ts';

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
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', FILE_TYPE_MIME.xlsx)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.bytes);
    },
  );
};
