// Corrections to extracted plan rows, with optimistic locking: an UPDATE names the version the editor read, and
// matches nothing if anyone changed the row since. County isolation as everywhere: through TenantScope.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { planIndicators } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type IndicatorRow = typeof planIndicators.$inferSelect;

/** The columns an editor may change (seq, ordinal and ownership are not editable). */
export type IndicatorColumns = Pick<
  IndicatorRow,
  | 'name'
  | 'unit'
  | 'attribute'
  | 'baselineYear'
  | 'baselineValue'
  | 'baselineText'
  | 'targetYear'
  | 'targetValue'
  | 'targetComparator'
  | 'targetText'
  | 'cumulative'
  | 'annualGrowthRate'
>;

export async function findIndicatorRow(
  exec: Executor,
  scope: TenantScope,
  planId: string,
  indicatorId: string,
): Promise<IndicatorRow | null> {
  const rows = await exec
    .select()
    .from(planIndicators)
    .where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, planId), countyFilter(planIndicators.countyId, scope)));
  return rows[0] ?? null;
}

/**
 * `UPDATE … WHERE id = ? AND county_id = ? AND version = ?` then version + 1. Returns the new row, or null when the
 * version no longer matches (someone else wrote first) — the caller answers 409 with the current row.
 */
export async function updateIndicatorIfVersion(
  exec: Executor,
  key: { countyId: string; planId: string; indicatorId: string; version: number },
  values: Partial<IndicatorColumns>,
): Promise<IndicatorRow | null> {
  const rows = await exec
    .update(planIndicators)
    .set({ ...values, version: sql`${planIndicators.version} + 1` })
    .where(
      and(
        eq(planIndicators.id, key.indicatorId),
        eq(planIndicators.countyId, key.countyId),
        eq(planIndicators.planId, key.planId),
        eq(planIndicators.version, key.version),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

