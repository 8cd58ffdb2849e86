import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planDetailSchema, planIdParamsSchema, planSummarySchema } from '../../contracts/plan.ts';
import { getPlan } from '../../services/get-plan.ts';
import { getPlanSource } from '../../services/get-plan-source.ts';
import { listPlans } from '../../services/list-plans.ts';
import { publicReadScope } from '../scope.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    // Plans are published documents: 公众 may read them (see publicReadScope for what a signed-in user sees).
    { config: { access: 'public' }, schema: { response: { 200: z.object({ plans: z.array(planSummarySchema) }) } } },
    async (request) => ({ plans: await listPlans(app.database.db, publicReadScope(request)) }),
  );

  app.get(
    '/plans/:id',
    { config: { access: 'public' }, schema: { params: planIdParamsSchema, response: { 200: planDetailSchema } } },
    async (request) => getPlan(app.database.db, publicReadScope(request), request.params.id),
  );

  app.get(
    '/plans/:id/source',
    {
      config: { access: 'public' },
      schema: { params: planIdParamsSchema, response: { 200: z.object({ text: z.string().nullable() }) } },
    },
    async (request) => getPlanSource(app.database.db, publicReadScope(request), request.params.id),
  );
};
