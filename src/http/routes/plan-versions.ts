// 导入新版本: a newer version of a stored plan document, uploaded as the raw request body (any content type;
// the file name, URL-encoded, in `x-file-name`). Preview is a dry run; the commit stores the new version.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  planIdParamsSchema,
  planReimportPreviewSchema,
  planReimportResultSchema,
  planUploadHeadersSchema,
} from '../../contracts/plan.ts';
import { MAX_PLAN_BYTES } from '../../domain/plan/read-plan-document.ts';
import { ValidationError } from '../../services/errors.ts';
import { previewPlanReimport } from '../../services/preview-plan-reimport.ts';
import { reimportPlan } from '../../services/reimport-plan.ts';
import { accessOf } from '../plugins/auth.ts';

// Room above the 50 MB plan limit so a slightly oversize file gets the parser's Chinese message, not a bare 413.
const PLAN_BODY_LIMIT = MAX_PLAN_BYTES + 5 * 1024 * 1024;

function fileOf(body: unknown, encodedName: string): { fileName: string; bytes: Uint8Array } {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError('请上传规划文件（请求体为文件内容）/ send the document as the request body');
  }
  let fileName: string;
  try {
    fileName = decodeURIComponent(encodedName);
  } catch {
    throw new ValidationError('文件名编码不正确（x-file-name 须为 URL 编码）/ x-file-name must be URL-encoded');
  }
  // Only the base name: a path in the header must not reach the audit log or the stored record.
  fileName = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).trim();
  if (fileName === '') throw new ValidationError('文件名不能为空 / file name required');
  return { fileName, bytes: body };
}

export const planVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Documents arrive as raw bytes whatever the browser calls them; JSON bodies still parse as JSON (and are refused).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PLAN_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/plans/:id/reimport/preview',
    {
      config: { access: 'plan.import' },
      bodyLimit: PLAN_BODY_LIMIT,
      schema: { params: planIdParamsSchema, headers: planUploadHeadersSchema, response: { 200: planReimportPreviewSchema } },
    },
    async (request) => previewPlanReimport(db, accessOf(request), { planId: request.params.id, ...fileOf(request.body, request.headers['x-file-name']) }),
  );

  app.post(
    '/plans/:id/reimport',
    {
      config: { access: 'plan.import' },
      bodyLimit: PLAN_BODY_LIMIT,
      schema: {
        params: planIdParamsSchema,
        headers: planUploadHeadersSchema,
        response: { 200: planReimportResultSchema, 201: planReimportResultSchema },
      },
    },
    async (request, reply) => {
      const result = await reimportPlan(db, accessOf(request), { planId: request.params.id, ...fileOf(request.body, request.headers['x-file-name']) });
      return reply.status(result.status === 'imported' ? 201 : 200).send(result);
    },
  );
};
