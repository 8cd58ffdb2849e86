// 区县归属 API: the counties in the caller's scope, and the 市科技局's edit of a county's 所属地市 (versioned, 409).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countyListSchema, countyParams, countyPatchBody, countySchema } from '../../contracts/counties.ts';
import { assignCountyMunicipality } from '../../services/assign-county-municipality.ts';
import { listCounties } from '../../services/list-counties.ts';
import { accessOf } from '../plugins/auth.ts';

export const countyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/counties',
    { config: { access: 'plan.read' }, schema: { querystring: z.strictObject({}), response: { 200: countyListSchema } } },
    async (request) => ({ counties: await listCounties(db, accessOf(request)) }),
  );
  app.patch(
    '/counties/:id',
    { config: { access: 'county.manage' }, schema: { params: countyParams, body: countyPatchBody, response: { 200: countySchema } } },
    async (request) => assignCountyMunicipality(db, accessOf(request), { countyId: request.params.id, ...request.body }),
  );
};
