import type { Database } from '../db/client.ts';
import { findPlanDetail, type PlanDetail } from '../repositories/plans.ts';
import type { TenantScope } from '../repositories/scope.ts';
import { NotFoundError } from './errors.ts';

export async function getPlan(db: Database, scope: TenantScope, planId: string): Promise<PlanDetail> {
  const plan = await findPlanDetail(db, scope, planId);
  // A plan of another county answers exactly like a missing one, so ids cannot be probed.
  if (!plan) throw new NotFoundError('plan', planId, '规划不存在 / plan not found');
  return plan;
}
