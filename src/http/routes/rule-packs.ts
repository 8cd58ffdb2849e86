// 规则包 API: every signed-in user reads the packs (with their 文号, source and validity); 市科技局 publishes.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishRulePackBody, rulePackSchema } from '../../contracts/registers.ts';
import { RULE_PACK_KINDS } from '../../domain/registers/rule-packs.ts';
import { listRulePacks } from '../../services/registers/list-rule-packs.ts';
import { publishRulePack } from '../../services/registers/publish-rule-pack.ts';
import { accessOf } from '../plugins/auth.ts';

export const rulePackRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/rule-packs',
    {
      config: { access: 'session' },
      schema: { querystring: z.strictObject({ kind: z.enum(RULE_PACK_KINDS).optional() }), response: { 200: z.object({ rulePacks: z.array(rulePackSchema) }) } },
    },
    async (request) => ({ rulePacks: await listRulePacks(db, request.query.kind) }),
  );
  app.post(
    '/rule-packs',
    { config: { access: 'rulepack.publish' }, schema: { body: publishRulePackBody, response: { 201: rulePackSchema.omit({ inForceToday: true }) } } },
    async (request, reply) => reply.status(201).send(await publishRulePack(db, accessOf(request), request.body)),
  );
};
