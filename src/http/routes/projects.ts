// 项目台账 API: build the ledger from a plan's project list, list it with totals, record a year, edit a project.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ledgerListingSchema,
  ledgerQuerySchema,
  ledgerYearSchema,
  planParamsSchema,
  projectParamsSchema,
  projectYearParamsSchema,
  saveLedgerYearBodySchema,
  updateLedgerProjectBodySchema,
} from '../../contracts/tasks.ts';
import { buildProjectLedger } from '../../services/build-project-ledger.ts';
import { listProjectLedger } from '../../services/list-project-ledger.ts';
import { saveLedgerYear } from '../../services/save-ledger-year.ts';
import { updateLedgerProject } from '../../services/update-ledger-project.ts';
import { accessOf } from '../plugins/auth.ts';

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    '/plans/:planId/ledger',
    {
      config: { access: 'task.manage' },
      schema: { params: planParamsSchema, response: { 200: z.object({ added: z.number().int(), total: z.number().int() }) } },
    },
    async (request) => buildProjectLedger(db, accessOf(request), request.params.planId),
  );

  app.get(
    '/projects',
    { config: { access: 'task.read' }, schema: { querystring: ledgerQuerySchema, response: { 200: ledgerListingSchema } } },
    async (request) => listProjectLedger(db, accessOf(request), request.query),
  );

  app.patch(
    '/projects/:projectId',
    {
      config: { access: 'task.manage' },
      schema: { params: projectParamsSchema, body: updateLedgerProjectBodySchema, response: { 200: z.object({ id: z.uuid(), version: z.number().int() }) } },
    },
    async (request) => updateLedgerProject(db, accessOf(request), { projectId: request.params.projectId, ...request.body }),
  );

  app.put(
    '/projects/:projectId/years/:year',
    { config: { access: 'task.report' }, schema: { params: projectYearParamsSchema, body: saveLedgerYearBodySchema, response: { 200: ledgerYearSchema } } },
    async (request) => saveLedgerYear(db, accessOf(request), { projectId: request.params.projectId, year: request.params.year, ...request.body }),
  );
};
