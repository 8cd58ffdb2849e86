// 督办 API: the orders (list, sign / reply / return / close), the scan that issues and escalates them, and the
// county's rules. Reading the rules is open to every county role (the web app shows why an item is blue).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  countyQuerySchema,
  orderActionBodySchema,
  orderListQuerySchema,
  orderParamsSchema,
  orderSchema,
  scanBodySchema,
  scanSummarySchema,
  settingsSchema,
  updateSettingsBodySchema,
} from '../../contracts/tasks.ts';
import { can } from '../../domain/access.ts';
import { actOnSupervisionOrder } from '../../services/act-on-supervision-order.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { getSupervisionSettings } from '../../services/get-supervision-settings.ts';
import { listSupervisionOrders } from '../../services/list-supervision-orders.ts';
import { scanSupervision } from '../../services/scan-supervision.ts';
import { updateSupervisionSettings } from '../../services/update-supervision-settings.ts';
import { accessOf } from '../plugins/auth.ts';

export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/supervision/orders',
    { config: { access: 'task.read' }, schema: { querystring: orderListQuerySchema, response: { 200: z.object({ orders: z.array(orderSchema) }) } } },
    async (request) => ({ orders: await listSupervisionOrders(db, accessOf(request), request.query) }),
  );

  app.post(
    '/supervision/orders/:orderId/actions',
    { config: { access: 'supervision.reply' }, schema: { params: orderParamsSchema, body: orderActionBodySchema, response: { 200: orderSchema } } },
    async (request) => {
      const access = accessOf(request);
      // 办结 and 退回 are the bureau's (审核、督办); the service checks it too.
      if ((request.body.action === 'close' || request.body.action === 'return') && !can(access.user?.role ?? null, 'task.supervise')) {
        throw new ForbiddenError();
      }
      return actOnSupervisionOrder(db, access, { orderId: request.params.orderId, ...request.body });
    },
  );

  app.post(
    '/supervision/scan',
    { config: { access: 'supervision.issue' }, schema: { body: scanBodySchema.nullish(), response: { 200: scanSummarySchema } } },
    async (request) => scanSupervision(db, accessOf(request), { countyId: request.body?.countyId }),
  );

  app.get(
    '/supervision/settings',
    { config: { access: 'task.read' }, schema: { querystring: countyQuerySchema, response: { 200: settingsSchema } } },
    async (request) => getSupervisionSettings(db, accessOf(request), request.query.countyId),
  );

  app.put(
    '/supervision/settings',
    { config: { access: 'supervision.issue' }, schema: { body: updateSettingsBodySchema, response: { 200: settingsSchema } } },
    async (request) => updateSupervisionSettings(db, accessOf(request), request.body),
  );
};
