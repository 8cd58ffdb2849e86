// 指标 ← 登记系统 API: bind a plan indicator to a register rule, see the computed figure with its records, and write it
// into monitoring as source 登记系统.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bindBody, bindingSchema, idParams, registerFigureSchema, storedRegisterFigureSchema, yearQuery, yearSchema } from '../../contracts/registers.ts';
import { bindIndicator } from '../../services/registers/bind-indicator.ts';
import { computeBoundFigure } from '../../services/registers/compute-register-figure.ts';
import { listRegisterBindings } from '../../services/registers/list-register-bindings.ts';
import { listRegisterFigures } from '../../services/registers/list-register-figures.ts';
import { syncRegisterFigure } from '../../services/registers/sync-register-figure.ts';
import { accessOf } from '../plugins/auth.ts';

export const registerBindingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/register-bindings',
    { config: { access: 'register.county' }, schema: { response: { 200: z.object({ bindings: z.array(bindingSchema) }) } } },
    async (request) => ({ bindings: await listRegisterBindings(db, accessOf(request)) }),
  );
  app.post(
    '/register-bindings',
    { config: { access: 'register.bind' }, schema: { body: bindBody, response: { 200: bindingSchema } } },
    async (request) => bindIndicator(db, accessOf(request), request.body),
  );
  app.get(
    '/register-bindings/:id/figure',
    { config: { access: 'register.county' }, schema: { params: idParams, querystring: yearQuery, response: { 200: registerFigureSchema } } },
    async (request) => computeBoundFigure(db, accessOf(request), { bindingId: request.params.id, year: request.query.year }),
  );
  app.post(
    '/register-bindings/:id/sync',
    { config: { access: 'register.bind' }, schema: { params: idParams, body: z.strictObject({ year: yearSchema }), response: { 200: registerFigureSchema } } },
    async (request) => syncRegisterFigure(db, accessOf(request), { bindingId: request.params.id, year: request.body.year }),
  );
  app.get(
    '/indicators/:id/register-figures',
    { config: { access: 'register.county' }, schema: { params: idParams, response: { 200: z.object({ figures: z.array(storedRegisterFigureSchema) }) } } },
    async (request) => ({ figures: await listRegisterFigures(db, accessOf(request), request.params.id) }),
  );
};
