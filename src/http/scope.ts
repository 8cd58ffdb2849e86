// The tenant scope of a request — derived from the signed-in session ONLY, never from the URL, query or body:
// municipal → all counties; every other role → their own county (unit_reporter and enterprise users additionally
// carry a unit / enterprise filter, see services/auth/access.ts unitFilter / enterpriseFilter). No session → 401
// (the auth plugin already refuses such requests on every non-public /api route; this is the second lock).
import type { FastifyRequest } from 'fastify';
import { ALL_COUNTIES, type TenantScope } from '../repositories/scope.ts';
import type { Access } from '../services/auth/access.ts';
import { accessOf } from './plugins/auth.ts';

export function requestScope(request: FastifyRequest): TenantScope {
  return accessOf(request).scope;
}

/** Scope plus the audit actor (user, role, unit, IP) for services that write. */
export function requestAccess(request: FastifyRequest): Access {
  return accessOf(request);
}

/**
 * Scope of a PUBLIC read (published plans, 此件公开发布): a signed-in user keeps their own scope, so a county user's
 * workspace lists their county only; an anonymous visitor (公众) reads every published plan.
 */
export function publicReadScope(request: FastifyRequest): TenantScope {
  return request.auth ? requestScope(request) : ALL_COUNTIES;
}
