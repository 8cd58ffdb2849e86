// Who is acting, and over which data. Every service that reads or writes tenant data takes an `Access`: its scope
// feeds the repositories' county filter, its actor fills the audit row. HTTP derives it from the session only
// (src/http/scope.ts); the CLI and first-start jobs use `operatorAccess` (the operator at the console sees all).
import type { Role } from '../../domain/access.ts';
import type { AuditEntry } from '../../repositories/audit.ts';
import { ALL_COUNTIES, countyScope, type TenantScope } from '../../repositories/scope.ts';

/** The signed-in user as resolved from the session. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  unitId: string | null;
  enterpriseId: string | null;
  mustChangePassword: boolean;
}

/** What the audit log records about who wrote. */
export interface Actor {
  name: string;
  role: Role | null;
  unitId: string | null;
  ip: string | null;
}

export interface Access {
  scope: TenantScope;
  actor: Actor;
  /** The signed-in user; null for the operator's CLI and system jobs, which act with full rights. */
  user: Principal | null;
}

export function principalScope(principal: Principal): TenantScope {
  if (principal.role === 'municipal') return ALL_COUNTIES;
  // The database guarantees (users_county_ck) that every non-municipal user has a county; this guards a future
  // schema change rather than a reachable state, and fails closed: a scope that matches nothing.
  if (principal.countyId === null) return { kind: 'counties', countyIds: [] };
  return countyScope(principal.countyId);
}

export function principalAccess(principal: Principal, ip: string | null): Access {
  return {
    scope: principalScope(principal),
    actor: { name: principal.username, role: principal.role, unitId: principal.unitId, ip },
    user: principal,
  };
}

export function operatorAccess(actorName: string): Access {
  return { scope: ALL_COUNTIES, actor: { name: actorName, role: null, unitId: null, ip: null }, user: null };
}

/**
 * The unit a unit_reporter is confined to (their assigned indicators and tasks only); null for every other role.
 * Services listing assignments add `unit_id = unitFilter(access)` when it is not null.
 */
export function unitFilter(access: Access): string | null {
  return access.user?.role === 'unit_reporter' ? access.user.unitId : null;
}

/** The enterprise an `enterprise` user is confined to; null for every other role. */
export function enterpriseFilter(access: Access): string | null {
  return access.user?.role === 'enterprise' ? (access.user.enterpriseId ?? '') : null;
}

/** The who-columns of an audit row. */
export function auditActor(actor: Actor): Pick<AuditEntry, 'actor' | 'role' | 'unitId' | 'ip'> {
  return { actor: actor.name, role: actor.role, unitId: actor.unitId, ip: actor.ip };
}
