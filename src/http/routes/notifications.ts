// 通知 API: the signed-in user's own notifications and their opt-in e-mail address. Any signed-in user.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationEmailBodySchema, notificationQuerySchema, notificationSchema, readNotificationsBodySchema } from '../../contracts/tasks.ts';
import { listNotifications, readNotifications, setNotificationEmail } from '../../services/list-notifications.ts';
import { accessOf } from '../plugins/auth.ts';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/notifications',
    {
      config: { access: 'session' },
      schema: {
        querystring: notificationQuerySchema,
        response: { 200: z.object({ notifications: z.array(notificationSchema), unread: z.number().int(), email: z.string().nullable() }) },
      },
    },
    async (request) => listNotifications(db, accessOf(request), { unreadOnly: request.query.unread === 'true', limit: request.query.limit }),
  );

  app.post(
    '/notifications/read',
    { config: { access: 'session' }, schema: { body: readNotificationsBodySchema, response: { 200: z.object({ marked: z.number().int() }) } } },
    async (request) => readNotifications(db, accessOf(request), request.body.ids),
  );

  app.put(
    '/notifications/email',
    { config: { access: 'session' }, schema: { body: notificationEmailBodySchema, response: { 200: z.object({ email: z.string().nullable() }) } } },
    async (request) => setNotificationEmail(db, accessOf(request), request.body.email),
  );
};
