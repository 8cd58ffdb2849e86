// The audit log: search (paged) and .xlsx export, both inside the caller's county scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAudit } from '../../services/export-audit.ts';
import { AUDIT_PAGE_MAX, searchAudit } from '../../services/search-audit.ts';
import { accessOf } from '../plugins/auth.ts';
import { FILE_TYPE_MIME } from '../../domain/reporting/file-type.ts';
import { sendFile } from '../send-file.ts';

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: '日期格式应为 YYYY-MM-DD 或 ISO 时间 / use YYYY-MM-DD or an ISO date-time',
});

const filterShape = {
  entity: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(64).optional(),
  actor: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).optional(),
  from: instant.optional(),
  to: instant.optional(),
};

const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  countyId: z.uuid().nullable(),
  countyName: z.string().nullable(),
  actor: z.string(),
  role: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        querystring: z.strictObject({
          ...filterShape,
          limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }) },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return searchAudit(app.database.db, accessOf(request), filter, { limit, offset });
    },
  );

  app.get(
    '/audit/export',
    { config: { access: 'audit.read' }, schema: { querystring: z.strictObject(filterShape) } },
    async (request, reply) => {
      const { bytes } = await exportAudit(app.database.db, accessOf(request), request.query);
      const fileName = `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return sendFile(reply, { fileName, contentType: FILE_TYPE_MIME.xlsx, bytes }, 'audit.xlsx');
    },
  );
};
