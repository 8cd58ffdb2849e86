// Sign in / out, who am I (with the CSRF token the page must send back), and changing one's own password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIONS, can, ROLE_LABELS } from '../../domain/access.ts';
import { changePassword } from '../../services/auth/change-password.ts';
import { getCurrentUser } from '../../services/auth/get-current-user.ts';
import { logIn } from '../../services/auth/log-in.ts';
import { logOut } from '../../services/auth/log-out.ts';
import { PASSWORD_MAX_LENGTH } from '../../services/auth/passwords.ts';
import type { UserRecord } from '../../repositories/users.ts';
import { accessOf, clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { userSchema } from './users.ts';

// No route here takes query parameters; unknown ones are refused like unknown body fields.
const noQuery = z.strictObject({});

const meSchema = z.object({
  user: userSchema,
  roleLabel: z.string(),
  csrfToken: z.string(),
  /** What this user may do (from the permission table), so the page can hide what the server would refuse. */
  permissions: z.array(z.string()),
});

function me(user: UserRecord, csrfToken: string) {
  return {
    user,
    roleLabel: ROLE_LABELS[user.role],
    csrfToken,
    permissions: ACTIONS.filter((action) => can(user.role, action)),
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.authOptions.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        querystring: noQuery,
        body: z.strictObject({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
        }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const result = await logIn(
        app.database.db,
        { username: request.body.username, password: request.body.password, ip: request.ip },
        app.authOptions,
      );
      setSessionCookie(reply, result.token, result.expiresAt);
      return me(result.user, result.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'session', allowPendingPasswordChange: true },
      schema: { querystring: noQuery, body: z.strictObject({}).nullish(), response: { 204: z.null() } },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) await logOut(app.database.db, accessOf(request), auth.sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { access: 'session', allowPendingPasswordChange: true }, schema: { querystring: noQuery, response: { 200: meSchema } } },
    async (request) => {
      const user = await getCurrentUser(app.database.db, accessOf(request));
      return me(user, request.auth?.csrfToken ?? '');
    },
  );

  app.post(
    '/auth/change-password',
    {
      config: { access: 'session', allowPendingPasswordChange: true },
      schema: {
        querystring: noQuery,
        body: z.strictObject({
          currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
          newPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(app.database.db, accessOf(request), {
        ...request.body,
        sessionId: request.auth?.sessionId ?? '',
      });
      return reply.status(204).send(null);
    },
  );
};
