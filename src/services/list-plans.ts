import type { Database } from '../db/client.ts';
import { listPlans as listPlanRows, type PlanSummary } from '../repositories/plans.ts';
import type { TenantScope } from '../repositories/scope.ts';

export function listPlans(db: Database, scope: TenantScope): Promise<PlanSummary[]> {
  return listPlanRows(db, scope);
}
