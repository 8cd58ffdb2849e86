// The status query: for every indicator of the chosen plans, its plan-table row, settings, and its official values
// up to "as of" folded into one string — ONE set-based query per call whatever the number of counties, so the
// service only has to evaluate rows in the pure domain. County isolation: countyFilter on the plans.
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, indicatorSettings, indicatorValues, planIndicators, plans, units } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface StatusQuery {
  /** One plan; when absent, each county's latest plan (the municipal view). */
  planId?: string | undefined;
  /** periodSortKey of the "as of" period: later values are left out. */
  asOfSort: number;
}

/**
 * Separators of the folded series. Period codes and source names never contain them, and float text (PostgreSQL's
 * shortest round-trip form) neither.
 */
export const SERIES_ITEM_SEPARATOR = ';';
export const SERIES_FIELD_SEPARATOR = ':';

export async function queryIndicatorStatusRows(exec: Executor, scope: TenantScope, query: StatusQuery) {
  const chosen = exec.$with('chosen').as(
    exec
      .selectDistinctOn([plans.countyId], {
        planId: sql<string>`${plans.id}`.as('chosen_plan_id'),
        planCountyId: sql<string>`${plans.countyId}`.as('chosen_county_id'),
        planTitle: sql<string>`${plans.title}`.as('chosen_title'),
        planStart: sql<number | null>`${plans.periodStart}`.as('chosen_start'),
        planEnd: sql<number | null>`${plans.periodEnd}`.as('chosen_end'),
      })
      .from(plans)
      .where(and(countyFilter(plans.countyId, scope), query.planId ? eq(plans.id, query.planId) : undefined))
      .orderBy(plans.countyId, desc(plans.createdAt), desc(plans.id)),
  );

  const series = exec
    .select({
      countyId: indicatorValues.countyId,
      indicatorId: indicatorValues.indicatorId,
      folded: sql<string>`string_agg(${indicatorValues.period} || ':' || ${indicatorValues.value}::text || ':' || ${indicatorValues.source}, ';' order by ${indicatorValues.periodSort})`.as(
        'folded',
      ),
    })
    .from(indicatorValues)
    .innerJoin(
      planIndicators,
      and(eq(planIndicators.id, indicatorValues.indicatorId), eq(planIndicators.countyId, indicatorValues.countyId)),
    )
    .innerJoin(chosen, eq(chosen.planId, planIndicators.planId))
    .where(and(eq(indicatorValues.isOfficial, true), lte(indicatorValues.periodSort, query.asOfSort)))
    .groupBy(indicatorValues.countyId, indicatorValues.indicatorId)
    .as('series');

  return exec
    .with(chosen)
    .select({
      countyId: planIndicators.countyId,
      countyName: counties.name,
      planId: chosen.planId,
      planTitle: chosen.planTitle,
      planStart: chosen.planStart,
      planEnd: chosen.planEnd,
      indicatorId: planIndicators.id,
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
      targetKind: indicatorSettings.targetKind,
      tolerance: indicatorSettings.tolerance,
      frequency: indicatorSettings.frequency,
      responsibleUnitId: indicatorSettings.responsibleUnitId,
      responsibleUnitName: units.name,
      folded: series.folded,
    })
    .from(planIndicators)
    .innerJoin(chosen, and(eq(chosen.planId, planIndicators.planId), eq(chosen.planCountyId, planIndicators.countyId)))
    .innerJoin(counties, eq(counties.id, planIndicators.countyId))
    .leftJoin(
      indicatorSettings,
      and(eq(indicatorSettings.indicatorId, planIndicators.id), eq(indicatorSettings.countyId, planIndicators.countyId)),
    )
    .leftJoin(units, eq(units.id, indicatorSettings.responsibleUnitId))
    .leftJoin(series, and(eq(series.indicatorId, planIndicators.id), eq(series.countyId, planIndicators.countyId)))
    .orderBy(asc(counties.name), asc(planIndicators.ordinal));
}

export type IndicatorStatusRow = Awaited<ReturnType<typeof queryIndicatorStatusRows>>[number];
