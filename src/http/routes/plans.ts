import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planDetailSchema, planIdParamsSchema, planSummarySchema } from '../../contracts/plan.ts';
import { getPlan } from '../../services/get-plan.ts';
import { listPlans } from '../../services/list-plans.ts';
import { requestScope } from '../scope.ts';

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    { schema: { response: { 200: z.object({ plans: z.array(planSummarySchema) }) } } },
    async (request) => ({ plans: await listPlans(app.database.db, requestScope(request)) }),
  );

  app.get(
    '/plans/:id',
    { schema: { params: planIdParamsSchema, response: { 200: planDetailSchema } } },
    async (request) => getPlan(app.database.db, requestScope(request), request.params.id),
  );
};
