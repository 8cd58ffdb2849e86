// Checks every register use case shares: the role's permission (HTTP checks it on the route too; the CLI operator
// acts with full rights), the county a write lands in (always the signed-in user's own), and the enterprise an
// `enterprise` user is confined to.
import type { Database } from '../../db/client.ts';
import { can, type Action } from '../../domain/access.ts';
import { chinaToday } from '../../domain/registers/dates.ts';
import { listCounties } from '../../repositories/counties.ts';
import { scopeAllows } from '../../repositories/scope.ts';
import { enterpriseFilter, type Access } from '../auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';

export function requireAction(access: Access, action: Action): void {
  if (access.user !== null && !can(access.user.role, action)) throw new ForbiddenError();
}

/**
 * The county a new register record belongs to: a county user's own county (never one named in the request); the
 * operator (CLI) names it. The municipal bureau keeps no registers of its own.
 */
export async function writeCounty(db: Database, access: Access, requested?: string | null): Promise<string> {
  if (access.user !== null) {
    if (access.user.countyId === null) throw new ForbiddenError('市级账户不维护区县登记数据，请以区县账户操作 / county accounts only');
    return access.user.countyId;
  }
  if (!requested) throw new ValidationError('必须指定区县 / a county is required', [{ path: '/countyId', message: '必须指定区县 / required' }]);
  const county = (await listCounties(db)).find((c) => c.id === requested || c.name === requested);
  if (!county || !scopeAllows(access.scope, county.id)) throw new NotFoundError('county', requested, '区县不存在 / county not found');
  return county.id;
}

const NO_ENTERPRISE = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The enterprise an `enterprise` user may see (their own); null = no such confinement. users.enterprise_id is free
 * text: one that is not a register id (or missing) confines to an id that matches nothing — never to everything,
 * and never into a uuid comparison the database would refuse.
 */
export function onlyEnterprise(access: Access): string | null {
  const own = enterpriseFilter(access);
  if (own === null) return null;
  return UUID.test(own) ? own.toLowerCase() : NO_ENTERPRISE;
}

export function today(): string {
  return chinaToday();
}

export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function invalid(problems: string[], path = '/'): never {
  throw new ValidationError(problems.join('；'), problems.map((message) => ({ path, message })));
}
