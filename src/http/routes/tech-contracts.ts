// 技术合同 API: registered contracts (成交额 and 技术交易额 apart) and the county's yearly totals by 输出/吸纳.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contractBody, contractPatchBody, contractQuery, contractSchema, contractTotalsQuery, contractTotalsSchema, idParams } from '../../contracts/registers.ts';
import { createTechContract } from '../../services/registers/create-tech-contract.ts';
import { getTechContractTotals } from '../../services/registers/get-tech-contract-totals.ts';
import { listTechContracts } from '../../services/registers/list-tech-contracts.ts';
import { updateTechContract } from '../../services/registers/update-tech-contract.ts';
import { accessOf } from '../plugins/auth.ts';

export const techContractRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/tech-contracts',
    { config: { access: 'register.read' }, schema: { querystring: contractQuery, response: { 200: z.object({ contracts: z.array(contractSchema) }) } } },
    async (request) => ({ contracts: await listTechContracts(db, accessOf(request), request.query) }),
  );
  app.get(
    '/tech-contracts/totals',
    { config: { access: 'register.county' }, schema: { querystring: contractTotalsQuery, response: { 200: contractTotalsSchema } } },
    async (request) => getTechContractTotals(db, accessOf(request), request.query),
  );
  app.post(
    '/tech-contracts',
    { config: { access: 'register.manage' }, schema: { body: contractBody, response: { 201: contractSchema } } },
    async (request, reply) => reply.status(201).send(await createTechContract(db, accessOf(request), request.body)),
  );
  app.patch(
    '/tech-contracts/:id',
    { config: { access: 'register.manage' }, schema: { params: idParams, body: contractPatchBody, response: { 200: contractSchema } } },
    async (request) => updateTechContract(db, accessOf(request), { id: request.params.id, ...request.body }),
  );
};
