// Corrections to what the parser extracted. Optimistic locking: send the `version` you read; a stale write gets
// 409 with the current record.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { planIndicatorSchema } from '../../contracts/plan.ts';
import { updatePlanIndicator } from '../../services/update-plan-indicator.ts';
import { accessOf } from '../plugins/auth.ts';

const year = z.number().int().min(1949).max(2100);
const finite = z.number().refine(Number.isFinite, { message: '必须是有限数值 / must be finite' });
const text = z.string().trim().max(200);

export const indicatorPatchSchema = z
  .strictObject({
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    unit: text.nullable().optional(),
    attribute: z.enum(['预期性', '约束性']).nullable().optional(),
    baselineYear: year.nullable().optional(),
    baselineValue: finite.nullable().optional(),
    baselineText: text.nullable().optional(),
    targetYear: year.nullable().optional(),
    targetValue: finite.nullable().optional(),
    targetComparator: z.enum(['>=', '<=']).nullable().optional(),
    targetText: text.nullable().optional(),
    cumulative: z.boolean().optional(),
    annualGrowthRate: finite.nullable().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: '没有要修改的内容 / nothing to change',
  });

export const planEditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/plans/:planId/indicators/:indicatorId',
    {
      config: { access: 'plan.edit' },
      schema: {
        params: z.strictObject({
          planId: z.uuid({ message: '规划编号格式不正确 / invalid plan id' }),
          indicatorId: z.uuid({ message: '指标编号格式不正确 / invalid indicator id' }),
        }),
        querystring: z.strictObject({}),
        body: indicatorPatchSchema,
        response: { 200: planIndicatorSchema.extend({ id: z.uuid(), version: z.number().int() }) },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return updatePlanIndicator(app.database.db, accessOf(request), {
        planId: request.params.planId,
        indicatorId: request.params.indicatorId,
        version,
        patch,
      });
    },
  );
};
