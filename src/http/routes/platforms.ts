// 研发平台 API: 企业技术研发中心 … 孵化器, with level, host, recognition and revocation dates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, platformBody, platformPatchBody, platformSchema } from '../../contracts/registers.ts';
import { PLATFORM_KINDS } from '../../domain/registers/indicator-binding.ts';
import { createPlatform } from '../../services/registers/create-platform.ts';
import { listPlatforms } from '../../services/registers/list-platforms.ts';
import { updatePlatform } from '../../services/registers/update-platform.ts';
import { accessOf } from '../plugins/auth.ts';

const stored = platformSchema.omit({ activeToday: true });

export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/platforms',
    {
      config: { access: 'register.read' },
      schema: { querystring: z.strictObject({ kind: z.enum(PLATFORM_KINDS).optional() }), response: { 200: z.object({ platforms: z.array(platformSchema) }) } },
    },
    async (request) => ({ platforms: await listPlatforms(db, accessOf(request), request.query) }),
  );
  app.post(
    '/platforms',
    { config: { access: 'register.manage' }, schema: { body: platformBody, response: { 201: stored } } },
    async (request, reply) => reply.status(201).send(await createPlatform(db, accessOf(request), request.body)),
  );
  app.patch(
    '/platforms/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: platformPatchBody, response: { 200: stored } } },
    async (request) => updatePlatform(db, accessOf(request), { id: request.params.id, ...request.body }),
  );
};
