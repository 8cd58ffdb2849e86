// The tenant scope of a request. Until accounts and roles exist (issue: Accounts, roles, county isolation) every
// request reads all counties, as the municipal bureau would; this is the single place that will read the session.
import type { FastifyRequest } from 'fastify';
import { ALL_COUNTIES, type TenantScope } from '../repositories/scope.ts';

export function requestScope(_request: FastifyRequest): TenantScope {
  return ALL_COUNTIES;
}
