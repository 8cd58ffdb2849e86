// 指标监测 API (files): Excel template download and upload (dry run / commit), table exports, attachments. Bodies
// of uploads are raw bytes (any content type) — the services decide what a file is by its content, not its label.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentParamsSchema,
  attachmentQuerySchema,
  attachmentSchema,
  compareQuerySchema,
  periodQuerySchema,
  planStatusParamsSchema,
  sheetUploadQuerySchema,
  sheetUploadSchema,
  unitPeriodParamsSchema,
  valueParamsSchema,
} from '../../contracts/monitoring.ts';
import { FILE_TYPE_MIME, MAX_ATTACHMENT_BYTES } from '../../domain/reporting/file-type.ts';
import { ValidationError } from '../../services/errors.ts';
import { downloadReportTemplate } from '../../services/monitoring/download-report-template.ts';
import { exportComparison, exportPlanStatus } from '../../services/monitoring/export-indicator-table.ts';
import { getAttachment, listValueAttachments } from '../../services/monitoring/get-attachment.ts';
import { uploadAttachment } from '../../services/monitoring/upload-attachment.ts';
import { uploadReportSheet } from '../../services/monitoring/upload-report-sheet.ts';
import { accessOf } from '../plugins/auth.ts';
import { sendFile } from '../send-file.ts';

// Room above the 20 MB attachment limit so an oversize file gets the service's Chinese message, not a bare 413.
const UPLOAD_BODY_LIMIT = MAX_ATTACHMENT_BYTES + 5 * 1024 * 1024;

function bytesOf(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new ValidationError('请上传文件（请求体为文件内容）/ send the file as the request body');
}

export const monitoringFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Uploads arrive as raw bytes whatever the browser calls them; JSON bodies still parse as JSON (and are refused).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/monitoring/plans/:planId/status.xlsx',
    { config: { access: 'monitoring.read' }, schema: { params: planStatusParamsSchema, querystring: periodQuerySchema } },
    async (request, reply) => {
      const file = await exportPlanStatus(db, accessOf(request), { planId: request.params.planId, period: request.query.period });
      return sendFile(reply, { fileName: file.fileName, contentType: FILE_TYPE_MIME.xlsx, bytes: file.bytes });
    },
  );

  app.get(
    '/monitoring/comparison.xlsx',
    { config: { access: 'plan.compare' }, schema: { querystring: compareQuerySchema } },
    async (request, reply) => {
      const file = await exportComparison(db, accessOf(request), {
        period: request.query.period,
        countyIds: request.query.counties?.split(',').filter((id) => id !== ''),
      });
      return sendFile(reply, { fileName: file.fileName, contentType: FILE_TYPE_MIME.xlsx, bytes: file.bytes });
    },
  );

  app.get(
    '/monitoring/units/:unitId/reports/:period/template.xlsx',
    { config: { access: 'value.enter' }, schema: { params: unitPeriodParamsSchema } },
    async (request, reply) => {
      const file = await downloadReportTemplate(db, accessOf(request), request.params);
      return sendFile(reply, { fileName: file.fileName, contentType: FILE_TYPE_MIME.xlsx, bytes: file.bytes });
    },
  );

  app.post(
    '/monitoring/reports/upload',
    {
      config: { access: 'value.enter' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: { querystring: sheetUploadQuerySchema, response: { 200: sheetUploadSchema } },
    },
    async (request) =>
      uploadReportSheet(db, accessOf(request), { bytes: bytesOf(request.body), commit: request.query.commit === 'true' }),
  );

  app.post(
    '/monitoring/values/:valueId/attachments',
    {
      config: { access: 'value.enter' },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: { params: valueParamsSchema, querystring: attachmentQuerySchema, response: { 201: attachmentSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await uploadAttachment(db, accessOf(request), {
          valueId: request.params.valueId,
          kind: request.query.kind,
          fileName: request.query.fileName,
          bytes: bytesOf(request.body),
        }),
      ),
  );

  app.get(
    '/monitoring/values/:valueId/attachments',
    {
      config: { access: 'monitoring.read' },
      schema: { params: valueParamsSchema, response: { 200: z.object({ attachments: z.array(attachmentSchema) }) } },
    },
    async (request) => ({ attachments: await listValueAttachments(db, accessOf(request), request.params.valueId) }),
  );

  app.get(
    '/monitoring/attachments/:attachmentId',
    { config: { access: 'monitoring.read' }, schema: { params: attachmentParamsSchema } },
    async (request, reply) => {
      const file = await getAttachment(db, accessOf(request), request.params.attachmentId);
      return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes });
    },
  );
};
