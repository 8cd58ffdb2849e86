// 科技特派员 API: commissioners, dispatches (三方协议, with the signed agreement's files), service logs with the served
// unit's confirmation and photos, and the annual assessment.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementRemoveQuery,
  agreementUploadQuery,
  assessBody,
  assessmentSchema,
  commissionerBody,
  commissionerDetailSchema,
  commissionerPatchBody,
  commissionerSchema,
  confirmLogBody,
  dispatchAgreementFilesSchema,
  dispatchBody,
  dispatchSchema,
  idParams,
  photoQuery,
  serviceLogBody,
  serviceLogSchema,
} from '../../contracts/registers.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/reporting/file-type.ts';
import { ValidationError } from '../../services/errors.ts';
import { addServiceLogPhoto, getServiceLogPhoto } from '../../services/registers/add-service-log-photo.ts';
import { assessCommissioner } from '../../services/registers/assess-commissioner.ts';
import { confirmServiceLog } from '../../services/registers/confirm-service-log.ts';
import { createCommissioner } from '../../services/registers/create-commissioner.ts';
import { dispatchCommissioner } from '../../services/registers/dispatch-commissioner.ts';
import { getAgreementFile, listDispatchAgreementFiles } from '../../services/registers/get-agreement-file.ts';
import { getCommissioner } from '../../services/registers/get-commissioner.ts';
import { listCommissioners } from '../../services/registers/list-commissioners.ts';
import { logCommissionerService } from '../../services/registers/log-commissioner-service.ts';
import { removeAgreementFile } from '../../services/registers/remove-agreement-file.ts';
import { updateCommissioner } from '../../services/registers/update-commissioner.ts';
import { uploadAgreementFile } from '../../services/registers/upload-agreement-file.ts';
import { accessOf } from '../plugins/auth.ts';
import { sendFile } from '../send-file.ts';

export const commissionerRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/commissioners',
    { config: { access: 'register.read' }, schema: { response: { 200: z.object({ commissioners: z.array(commissionerSchema) }) } } },
    async (request) => ({ commissioners: await listCommissioners(db, accessOf(request)) }),
  );
  app.post(
    '/commissioners',
    { config: { access: 'register.manage' }, schema: { body: commissionerBody, response: { 201: commissionerSchema } } },
    async (request, reply) => reply.status(201).send(await createCommissioner(db, accessOf(request), request.body)),
  );
  app.get(
    '/commissioners/:id',
    { config: { access: 'register.read' }, schema: { params: idParams, response: { 200: commissionerDetailSchema } } },
    async (request) => getCommissioner(db, accessOf(request), request.params.id),
  );
  app.patch(
    '/commissioners/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: commissionerPatchBody, response: { 200: commissionerSchema } } },
    async (request) => updateCommissioner(db, accessOf(request), { id: request.params.id, ...request.body }),
  );
  app.post(
    '/commissioners/:id/dispatches',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: dispatchBody, response: { 201: dispatchSchema } } },
    async (request, reply) => reply.status(201).send(await dispatchCommissioner(db, accessOf(request), { commissionerId: request.params.id, ...request.body })),
  );
  app.post(
    '/commissioners/:id/service-logs',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: serviceLogBody, response: { 201: serviceLogSchema } } },
    async (request, reply) => reply.status(201).send(await logCommissionerService(db, accessOf(request), { commissionerId: request.params.id, ...request.body })),
  );
  app.post(
    '/service-logs/:id/confirm',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: confirmLogBody, response: { 200: serviceLogSchema } } },
    async (request) => confirmServiceLog(db, accessOf(request), { logId: request.params.id, ...request.body }),
  );
  app.post(
    '/commissioners/:id/assessments',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: assessBody, response: { 201: assessmentSchema } } },
    async (request, reply) => reply.status(201).send(await assessCommissioner(db, accessOf(request), { commissionerId: request.params.id, ...request.body })),
  );
  app.get(
    '/service-log-photos/:id',
    { config: { access: 'register.county' }, schema: { params: idParams } },
    async (request, reply) => {
      const photo = await getServiceLogPhoto(db, accessOf(request), request.params.id);
      return reply.header('content-type', photo.mime).send(Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength));
    },
  );
  app.get(
    '/dispatches/:id/agreement-files',
    { config: { access: 'register.read' }, schema: { params: idParams, response: { 200: dispatchAgreementFilesSchema } } },
    async (request) => listDispatchAgreementFiles(db, accessOf(request), request.params.id),
  );
  app.get(
    '/dispatch-agreement-files/:id',
    { config: { access: 'register.read' }, schema: { params: idParams } },
    async (request, reply) => {
      const file = await getAgreementFile(db, accessOf(request), request.params.id);
      return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes });
    },
  );
  app.delete(
    '/dispatch-agreement-files/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, querystring: agreementRemoveQuery, response: { 200: dispatchAgreementFilesSchema } } },
    async (request) => removeAgreementFile(db, accessOf(request), { fileId: request.params.id, version: request.query.version }),
  );

  // Photos and agreement files arrive as the raw request body (any content type); the services check the bytes.
  await app.register(async (files) => {
    files.removeContentTypeParser('text/plain');
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 * 1024 }, (_request, body, done) => done(null, body));
    files.withTypeProvider<ZodTypeProvider>().post(
      '/service-logs/:id/photos',
      {
        config: { access: 'register.manage' },
        schema: { params: idParams, querystring: photoQuery, response: { 201: z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int() }) } },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new ValidationError('请上传照片（请求体为文件内容）/ send the photo as the request body');
        return reply.status(201).send(await addServiceLogPhoto(db, accessOf(request), { logId: request.params.id, fileName: request.query.fileName, bytes: body }));
      },
    );
    files.withTypeProvider<ZodTypeProvider>().post(
      '/dispatches/:id/agreement-files',
      {
        config: { access: 'register.manage' },
        schema: { params: idParams, querystring: agreementUploadQuery, response: { 201: dispatchAgreementFilesSchema } },
      },
      async (request, reply) => {
        // No body at all is an empty file (the service names it); a parsed JSON body is not a file.
        const body = request.body ?? new Uint8Array();
        if (!(body instanceof Uint8Array)) throw new ValidationError('请上传文件（请求体为文件内容）/ send the file as the request body');
        const { fileName, version, replaces } = request.query;
        return reply.status(201).send(await uploadAgreementFile(db, accessOf(request), { dispatchId: request.params.id, fileName, version, replacesFileId: replaces, bytes: body }));
      },
    );
  });
};
