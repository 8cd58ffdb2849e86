// Indicator settings (责任单位, frequency, due rule, target-kind and tolerance overrides) and the plan indicator they
// belong to. Reads go through TenantScope; writes name the county explicitly after the service checked the scope.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { indicatorSettings, planIndicators, plans, units } from '../db/schema/index.ts';
import type { PlanIndicator } from '../domain/plan/model.ts';
import type { PeriodKind } from '../domain/period/period.ts';
import type { TargetKind } from '../domain/progress/target-kind.ts';
import { isCurrentPlan, planIndicatorOf } from './plans.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface IndicatorSetting {
  indicatorId: string;
  countyId: string;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  frequency: PeriodKind;
  dueDays: number | null;
  targetKind: TargetKind | null;
  tolerance: number | null;
  version: number;
}

/** A plan indicator as monitoring needs it: the row, its plan's span, and its setting (defaults when none). */
export interface MonitoredIndicator {
  id: string;
  countyId: string;
  planId: string;
  planTitle: string;
  planStart: number | null;
  planEnd: number | null;
  ordinal: number;
  row: PlanIndicator;
  setting: IndicatorSetting;
}

const indicatorColumns = {
  id: planIndicators.id,
  countyId: planIndicators.countyId,
  planId: planIndicators.planId,
  planTitle: plans.title,
  planStart: plans.periodStart,
  planEnd: plans.periodEnd,
  ordinal: planIndicators.ordinal,
  seq: planIndicators.seq,
  name: planIndicators.name,
  unit: planIndicators.unit,
  attribute: planIndicators.attribute,
  baselineYear: planIndicators.baselineYear,
  baselineValue: planIndicators.baselineValue,
  baselineText: planIndicators.baselineText,
  targetYear: planIndicators.targetYear,
  targetValue: planIndicators.targetValue,
  targetComparator: planIndicators.targetComparator,
  targetText: planIndicators.targetText,
  cumulative: planIndicators.cumulative,
  annualGrowthRate: planIndicators.annualGrowthRate,
  responsibleUnitId: indicatorSettings.responsibleUnitId,
  responsibleUnitName: units.name,
  frequency: indicatorSettings.frequency,
  dueDays: indicatorSettings.dueDays,
  targetKind: indicatorSettings.targetKind,
  tolerance: indicatorSettings.tolerance,
  settingVersion: indicatorSettings.version,
};


type IndicatorRow = Awaited<ReturnType<typeof selectIndicators>>[number];

function toMonitored(row: IndicatorRow): MonitoredIndicator {
  return {
    id: row.id,
    countyId: row.countyId,
    planId: row.planId,
    planTitle: row.planTitle,
    planStart: row.planStart,
    planEnd: row.planEnd,
    ordinal: row.ordinal,
    row: planIndicatorOf(row),
    setting: {
      indicatorId: row.id,
      countyId: row.countyId,
      responsibleUnitId: row.responsibleUnitId,
      responsibleUnitName: row.responsibleUnitName,
      frequency: row.frequency ?? 'year',
      dueDays: row.dueDays,
      targetKind: row.targetKind,
      tolerance: row.tolerance,
      // 0: no settings row yet; the first save must say so (expectedVersion 0), like any other stale check.
      version: row.settingVersion ?? 0,
    },
  };
}

function selectIndicators(exec: Executor) {
  return exec
    .select(indicatorColumns)
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .leftJoin(
      indicatorSettings,
      and(eq(indicatorSettings.indicatorId, planIndicators.id), eq(indicatorSettings.countyId, planIndicators.countyId)),
    )
    .leftJoin(units, eq(units.id, indicatorSettings.responsibleUnitId));
}

export async function findMonitoredIndicator(
  exec: Executor,
  scope: TenantScope,
  indicatorId: string,
): Promise<MonitoredIndicator | null> {
  const rows = await selectIndicators(exec).where(
    and(eq(planIndicators.id, indicatorId), countyFilter(planIndicators.countyId, scope)),
  );
  const row = rows[0];
  return row ? toMonitored(row) : null;
}

export interface IndicatorQuery {
  planId?: string | undefined;
  /** Only indicators this unit is responsible for. */
  responsibleUnitId?: string | undefined;
  indicatorIds?: readonly string[] | undefined;
}

export async function listMonitoredIndicators(
  exec: Executor,
  scope: TenantScope,
  query: IndicatorQuery,
): Promise<MonitoredIndicator[]> {
  const rows = await selectIndicators(exec)
    .where(
      and(
        countyFilter(planIndicators.countyId, scope),
        // Without a plan: the current versions only — a version replaced by 导入新版本 is owed by no one.
        query.planId ? eq(planIndicators.planId, query.planId) : isCurrentPlan(),
        query.responsibleUnitId ? eq(indicatorSettings.responsibleUnitId, query.responsibleUnitId) : undefined,
        query.indicatorIds ? inArray(planIndicators.id, [...query.indicatorIds]) : undefined,
      ),
    )
    .orderBy(asc(plans.createdAt), asc(planIndicators.planId), asc(planIndicators.ordinal));
  return rows.map(toMonitored);
}

export interface SettingWrite {
  indicatorId: string;
  countyId: string;
  responsibleUnitId: string | null;
  frequency: PeriodKind;
  dueDays: number | null;
  targetKind: TargetKind | null;
  tolerance: number | null;
  isSample?: boolean;
}

/**
 * Saves a setting if it is still at `expectedVersion` (0 = must not exist yet). Returns false on a stale write, so
 * two administrators editing the same indicator cannot silently overwrite each other.
 */
export async function saveIndicatorSetting(exec: Executor, input: SettingWrite, expectedVersion: number): Promise<boolean> {
  const values = { ...input, isSample: input.isSample ?? false };
  if (expectedVersion === 0) {
    const rows = await exec
      .insert(indicatorSettings)
      .values(values)
      .onConflictDoNothing({ target: indicatorSettings.indicatorId })
      .returning({ id: indicatorSettings.indicatorId });
    return rows.length > 0;
  }
  const rows = await exec
    .update(indicatorSettings)
    .set({ ...values, version: sql`${indicatorSettings.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorSettings.indicatorId, input.indicatorId),
        eq(indicatorSettings.countyId, input.countyId),
        eq(indicatorSettings.version, expectedVersion),
      ),
    )
    .returning({ id: indicatorSettings.indicatorId });
  return rows.length > 0;
}

/** Bulk insert for the sample data and the bench; existing settings are left alone. */
export async function insertIndicatorSettings(exec: Executor, rows: readonly SettingWrite[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await exec
      .insert(indicatorSettings)
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, isSample: r.isSample ?? false })))
      .onConflictDoNothing({ target: indicatorSettings.indicatorId });
  }
}

/** The indicators of a plan whose settings row is 示例数据 (沿用上一规划 keeps the flag on the copy). */
export async function listSampleSettingIds(exec: Executor, scope: TenantScope, planId: string): Promise<Set<string>> {
  const rows = await exec
    .select({ id: indicatorSettings.indicatorId })
    .from(indicatorSettings)
    .innerJoin(planIndicators, and(eq(planIndicators.id, indicatorSettings.indicatorId), eq(planIndicators.countyId, indicatorSettings.countyId)))
    .where(and(eq(planIndicators.planId, planId), eq(indicatorSettings.isSample, true), countyFilter(indicatorSettings.countyId, scope)));
  return new Set(rows.map((r) => r.id));
}
