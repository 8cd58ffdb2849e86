// Sign-in enforcement for every route, in one onRequest hook that runs before the body is parsed or validated:
//   1. the session cookie → request.auth (the signed-in user, or null);
//   2. the route's declared access: 'public' | 'session' | a permission action (src/domain/access.ts).
//      /api routes that declare nothing are 'session' — a forgotten declaration fails closed, never open;
//   3. state-changing methods must echo the session's CSRF token in `x-csrf-token`;
//   4. a user with a one-time password may only reach the routes that let them change it.
// Declare access on a route with `config: { access: 'plan.edit' }`, or add `preHandler: requirePermission(…)`.
// Every route's access is recorded in `app.routeAccessTable` (the access-matrix test walks it).
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { can, isAction, type Action } from '../../domain/access.ts';
import { principalAccess, type Access } from '../../services/auth/access.ts';
import type { AuthOptions } from '../../services/auth/options.ts';
import { resolveSession, type ResolvedSession } from '../../services/auth/resolve-session.ts';
import { tokensEqual } from '../../services/auth/sessions.ts';
import { ForbiddenError, UnauthenticatedError } from '../../services/errors.ts';

export const SESSION_COOKIE = 'kechuang_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route: anyone, any signed-in user, or the roles holding an action in the permission table. */
export type RouteAccess = 'public' | 'session' | Action;

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
  /** Actions checked by `requirePermission` hooks on top of `access`. */
  permissions: Action[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session of the caller; null when not signed in. */
    auth: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the user still has to replace a one-time password (me, change-password, logout). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyInstance {
    routeAccessTable: RouteAccessEntry[];
    authOptions: AuthOptions;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Public /api routes registered by modules that do not declare access themselves (monitoring probes). */
const PUBLIC_API_URLS = new Set(['/api/health']);

type PermissionHook = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { permission: Action };

/**
 * A preHandler (or onRequest) hook refusing callers whose role lacks `action`. Prefer `config: { access }` on the
 * route — it is checked before body validation, so a refused caller learns nothing about the expected input.
 */
export function requirePermission(action: Action): PermissionHook {
  const hook = async (request: FastifyRequest) => {
    const auth = request.auth;
    if (!auth) throw new UnauthenticatedError();
    if (!can(auth.principal.role, action)) throw new ForbiddenError();
  };
  return Object.assign(hook, { permission: action });
}

/** The caller's Access (scope + audit actor). Only for routes that require a session. */
export function accessOf(request: FastifyRequest): Access {
  if (!request.auth) throw new UnauthenticatedError();
  return principalAccess(request.auth.principal, request.ip);
}

export const authPlugin = fp<{ options: AuthOptions }>(
  async (app, { options }) => {
    app.decorate('authOptions', options);
    app.decorate('routeAccessTable', [] as RouteAccessEntry[]);
    app.decorateRequest('auth', null);
    await app.register(cookie);
    // Only routes that opt in (the login route) are rate-limited; sign-in also has the per-account lockout.
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        Object.assign(new Error(`尝试过于频繁，请 ${context.after} 后再试 / too many attempts, retry in ${context.after}`), {
          statusCode: 429,
          code: 'rate-limited',
        }),
    });

    app.addHook('onRoute', (route: RouteOptions) => {
      const isApi = route.url.startsWith('/api/') || route.url === '/api';
      const declared = route.config?.access;
      if (declared !== undefined && declared !== 'public' && declared !== 'session' && !isAction(declared)) {
        throw new Error(`${route.method} ${route.url}: unknown access "${String(declared)}" (see src/domain/access.ts)`);
      }
      const access: RouteAccess = declared ?? (PUBLIC_API_URLS.has(route.url) || !isApi ? 'public' : 'session');
      route.config = { ...route.config, access };
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        app.routeAccessTable.push({ method, url: route.url, access, permissions: permissionHooksOf(route) });
      }
    });

    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      // A path under /api answered by something that is not an /api route — the 404 handler, or the web app's
      // static wildcard (`/*`) — needs a session: unknown API paths are not public.
      const routeUrl = request.routeOptions.url;
      const access: RouteAccess =
        isApiUrl(request.url) && !(routeUrl !== undefined && isApiUrl(routeUrl)) ? 'session' : (config.access ?? 'public');
      const token = request.cookies[SESSION_COOKIE];
      request.auth = token ? await resolveSession(app.database.db, token) : null;
      // Public routes still learn who is signed in (a signed-in user keeps their county scope there), but never
      // require it.
      if (access === 'public') return;

      const auth = request.auth;
      if (!auth) throw new UnauthenticatedError();

      if (STATE_CHANGING.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !tokensEqual(sent, auth.csrfToken)) {
          throw new ForbiddenError('请求校验失败，请刷新页面后重试 / missing or wrong CSRF token', 'csrf');
        }
      }
      if (auth.principal.mustChangePassword && config.allowPendingPasswordChange !== true) {
        throw new ForbiddenError('请先修改初始密码 / change your one-time password first', 'password-change-required');
      }
      if (isAction(access) && !can(auth.principal.role, access)) throw new ForbiddenError();
    });

    // Answers under /api carry user data: never let a shared cache or the browser's back button keep them.
    app.addHook('onSend', async (request, reply) => {
      if (isApiUrl(request.url) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    });
  },
  { name: 'kechuang-auth' },
);

function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function permissionHooksOf(route: RouteOptions): Action[] {
  const hooks = [route.onRequest, route.preValidation, route.preHandler].flatMap((h) => (h === undefined ? [] : Array.isArray(h) ? h : [h]));
  return hooks.flatMap((h) => {
    const permission = (h as Partial<PermissionHook>).permission;
    return permission !== undefined ? [permission] : [];
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    // Secure whenever the request came over HTTPS; a plain-HTTP LAN install still works.
    secure: 'auto',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/' });
}
