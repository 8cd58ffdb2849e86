// 企业库 API (issue 6): enterprises and yearly figures, Excel import, evaluations, certifications with expiry alerts,
// and the 梯度培育 funnel. Thin: Zod in/out, the service does the work; access per route from the permission table.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertSchema,
  alertsQuery,
  certificationBody,
  certificationPatchBody,
  certificationSchema,
  enterpriseBody,
  enterpriseListItemSchema,
  enterprisePatchBody,
  enterpriseQuery,
  enterpriseSchema,
  evaluateBody,
  evaluationSchema,
  figuresBody,
  figuresParams,
  figuresSchema,
  funnelSchema,
  idParams,
  importQuery,
  importResultSchema,
  yearQuery,
} from '../../contracts/registers.ts';
import { CERTIFICATION_KINDS } from '../../domain/registers/certifications.ts';
import { ValidationError } from '../../services/errors.ts';
import { createEnterprise } from '../../services/registers/create-enterprise.ts';
import { buildEnterpriseTemplate, MAX_IMPORT_BYTES } from '../../services/registers/enterprise-workbook.ts';
import { evaluateEnterprise } from '../../services/registers/evaluate-enterprise.ts';
import { getEnterprise } from '../../services/registers/get-enterprise.ts';
import { getFunnel } from '../../services/registers/get-funnel.ts';
import { importEnterprises } from '../../services/registers/import-enterprises.ts';
import { listCertifications, listExpiryAlerts } from '../../services/registers/list-certifications.ts';
import { listEnterprises } from '../../services/registers/list-enterprises.ts';
import { recordCertification } from '../../services/registers/record-certification.ts';
import { saveEnterpriseFigures } from '../../services/registers/save-enterprise-figures.ts';
import { updateCertification } from '../../services/registers/update-certification.ts';
import { updateEnterprise } from '../../services/registers/update-enterprise.ts';
import { accessOf } from '../plugins/auth.ts';
import { sendFile } from '../send-file.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const enterpriseDetailSchema = enterpriseSchema.extend({
  figures: z.array(figuresSchema),
  certifications: z.array(certificationSchema.omit({ state: true })),
  evaluations: z.array(evaluationSchema),
});

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/enterprises',
    {
      config: { access: 'register.read' },
      schema: { querystring: enterpriseQuery, response: { 200: z.object({ enterprises: z.array(enterpriseListItemSchema), total: z.number().int() }) } },
    },
    async (request) => listEnterprises(db, accessOf(request), request.query),
  );

  app.post(
    '/enterprises',
    { config: { access: 'register.manage' }, schema: { body: enterpriseBody, response: { 201: enterpriseSchema } } },
    async (request, reply) => reply.status(201).send(await createEnterprise(db, accessOf(request), request.body)),
  );

  app.get(
    '/enterprises/import-template.xlsx',
    { config: { access: 'register.manage' } },
    async (_request, reply) =>
      sendFile(reply, { fileName: '企业名录导入模板.xlsx', contentType: XLSX, bytes: await buildEnterpriseTemplate() }, 'enterprise-template.xlsx'),
  );

  // The import takes the workbook as the raw request body (any content type): the service checks the bytes.
  await app.register(async (files) => {
    files.removeContentTypeParser('text/plain');
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES + 1024 * 1024 }, (_request, body, done) => done(null, body));
    files.withTypeProvider<ZodTypeProvider>().post(
      '/enterprises/import',
      { config: { access: 'register.manage' }, schema: { querystring: importQuery, response: { 200: importResultSchema, 422: importResultSchema } } },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new ValidationError('请上传 Excel 文件（请求体为文件内容）/ send the workbook as the request body');
        const result = await importEnterprises(db, accessOf(request), { bytes: body, fileName: 'upload.xlsx', dryRun: request.query.dryRun === 'true' });
        return reply.status(result.status === 'invalid' ? 422 : 200).send(result);
      },
    );
  });

  app.get(
    '/enterprises/:id',
    { config: { access: 'register.read' }, schema: { params: idParams, response: { 200: enterpriseDetailSchema } } },
    async (request) => getEnterprise(db, accessOf(request), request.params.id),
  );

  app.patch(
    '/enterprises/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: enterprisePatchBody, response: { 200: enterpriseSchema } } },
    async (request) => updateEnterprise(db, accessOf(request), { id: request.params.id, ...request.body }),
  );

  app.put(
    '/enterprises/:id/figures/:year',
    { config: { access: 'register.manage' }, schema: { params: figuresParams, body: figuresBody, response: { 200: figuresSchema } } },
    async (request) => {
      const { version, ...values } = request.body;
      return saveEnterpriseFigures(db, accessOf(request), { enterpriseId: request.params.id, year: request.params.year, version, values });
    },
  );

  app.post(
    '/enterprises/:id/evaluations',
    { config: { access: 'register.evaluate' }, schema: { params: idParams, body: evaluateBody, response: { 201: evaluationSchema } } },
    async (request, reply) => reply.status(201).send(await evaluateEnterprise(db, accessOf(request), { ...request.body, enterpriseId: request.params.id })),
  );

  app.get(
    '/certifications',
    {
      config: { access: 'register.read' },
      schema: {
        querystring: z.strictObject({ kind: z.enum(CERTIFICATION_KINDS).optional() }),
        response: { 200: z.object({ certifications: z.array(certificationSchema) }) },
      },
    },
    async (request) => ({ certifications: await listCertifications(db, accessOf(request), { kind: request.query.kind }) }),
  );

  app.get(
    '/certifications/alerts',
    { config: { access: 'register.read' }, schema: { querystring: alertsQuery, response: { 200: z.object({ alerts: z.array(alertSchema) }) } } },
    async (request) => ({ alerts: await listExpiryAlerts(db, accessOf(request), request.query) }),
  );

  app.post(
    '/certifications',
    { config: { access: 'register.manage' }, schema: { body: certificationBody, response: { 201: certificationSchema.omit({ state: true }) } } },
    async (request, reply) => reply.status(201).send(await recordCertification(db, accessOf(request), request.body)),
  );

  app.patch(
    '/certifications/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: certificationPatchBody, response: { 200: certificationSchema.omit({ state: true }) } } },
    async (request) => updateCertification(db, accessOf(request), { id: request.params.id, ...request.body }),
  );

  app.get(
    '/registers/funnel',
    { config: { access: 'register.county' }, schema: { querystring: yearQuery, response: { 200: funnelSchema } } },
    async (request) => getFunnel(db, accessOf(request), request.query.year),
  );
};
