// 部门/乡镇 of the caller's county (all counties for the municipal bureau).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_KINDS } from '../../db/schema/index.ts';
import { createUnit } from '../../services/auth/create-unit.ts';
import { listUnits } from '../../services/auth/list-units.ts';
import { accessOf } from '../plugins/auth.ts';

const noQuery = z.strictObject({});

const unitSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
});

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      config: { access: 'unit.read' },
      schema: { querystring: noQuery, response: { 200: z.object({ units: z.array(unitSchema) }) } },
    },
    async (request) => ({ units: await listUnits(app.database.db, accessOf(request)) }),
  );

  app.post(
    '/units',
    {
      config: { access: 'unit.manage' },
      schema: {
        querystring: noQuery,
        body: z.strictObject({
          name: z.string().trim().min(1).max(64),
          kind: z.enum(UNIT_KINDS),
          countyId: z.uuid().optional(),
        }),
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(app.database.db, accessOf(request), request.body)),
  );
};
