// Who may touch which task data, beyond the role check on the route: the county comes from the scope, and a
// unit_reporter is confined to the tasks, reports and 督办单 of their own unit (services/auth/access.ts unitFilter).
import type { Executor } from '../db/client.ts';
import { listCounties } from '../repositories/counties.ts';
import { scopeAllows } from '../repositories/scope.ts';
import type { Access } from './auth/access.ts';
import { unitFilter } from './auth/access.ts';
import { NotFoundError, ValidationError } from './errors.ts';

/**
 * The county a write or a county-wide read is about: the user's own county, or — for the municipal bureau and the
 * operator, who see all — the one named. A county outside the scope answers like a missing one.
 */
export async function countyOfAccess(exec: Executor, access: Access, countyId?: string | undefined): Promise<string> {
  const own = access.user?.countyId ?? null;
  const chosen = countyId ?? own;
  if (!chosen) {
    throw new ValidationError('请指定区县 / a county is required', [{ path: '/countyId', message: '必须指定区县 / required' }]);
  }
  if (!scopeAllows(access.scope, chosen) || !(await listCounties(exec)).some((c) => c.id === chosen)) {
    throw new NotFoundError('county', chosen, '区县不存在 / county not found');
  }
  return chosen;
}

/** The unit a unit_reporter acts for; null for everyone else (they see every unit of their scope). */
export function ownUnit(access: Access): string | null {
  return unitFilter(access);
}
