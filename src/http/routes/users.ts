// Accounts: list (county-scoped), create with a one-time password, reset a password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import type { UserRecord } from '../../repositories/users.ts';
import { createUser } from '../../services/auth/create-user.ts';
import { listUsers } from '../../services/auth/list-users.ts';
import { resetPassword } from '../../services/auth/reset-password.ts';
import { accessOf } from '../plugins/auth.ts';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  countyId: z.uuid().nullable(),
  countyName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  failedLogins: z.number().int(),
  lockedUntil: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});

const noQuery = z.strictObject({});

const oneTimeSchema = z.object({
  user: userSchema,
  /** Shown once: hand it to the user, who must change it at first sign-in. */
  oneTimePassword: z.string(),
});

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: 'user.read' },
      schema: { querystring: noQuery, response: { 200: z.object({ users: z.array(userSchema) }) } },
    },
    async (request) => ({ users: await listUsers(app.database.db, accessOf(request)) }),
  );

  app.post(
    '/users',
    {
      config: { access: 'user.manage' },
      schema: {
        querystring: noQuery,
        body: z.strictObject({
          username: z.string().min(2).max(64),
          displayName: z.string().min(1).max(64).optional(),
          role: z.enum(ROLES),
          countyId: z.uuid().optional(),
          unitId: z.uuid().optional(),
          enterpriseId: z.string().min(1).max(64).optional(),
        }),
        response: { 201: oneTimeSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await createUser(app.database.db, accessOf(request), {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        county: body.countyId ? { id: body.countyId } : undefined,
        unit: body.unitId ? { id: body.unitId } : undefined,
        enterpriseId: body.enterpriseId,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: 'user.manage' },
      schema: {
        params: z.strictObject({ id: z.uuid({ message: '用户编号格式不正确 / invalid user id' }) }),
        querystring: noQuery,
        body: z.strictObject({}).nullish(),
        response: { 200: oneTimeSchema },
      },
    },
    async (request) => resetPassword(app.database.db, accessOf(request), { userId: request.params.id }),
  );
};

// Compile-time check: the response schema describes the repository's record.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const userMatches: Same<z.infer<typeof userSchema>, UserRecord> = true;
void userMatches;
