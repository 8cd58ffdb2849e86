// Read-only lookups a report needs beyond the other rooms' services: the county row, and the provenance of each
// official figure (which record, which source, who approved or entered it and when) for the annex. Scoped like
// every tenant read.
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, indicatorValues, reports, units } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export async function findCountyById(
  exec: Executor,
  scope: TenantScope,
  countyId: string,
): Promise<{ id: string; name: string; municipality: string | null } | null> {
  const rows = await exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .where(and(eq(counties.id, countyId), countyFilter(counties.id, scope)));
  return rows[0] ?? null;
}

/** Counties of a municipality (all counties when `municipality` is null), in name order, within the scope. */
export async function listCountiesOf(
  exec: Executor,
  scope: TenantScope,
  municipality: string | null,
): Promise<{ id: string; name: string; municipality: string | null }[]> {
  return exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .where(and(countyFilter(counties.id, scope), municipality === null ? undefined : eq(counties.municipality, municipality)))
    .orderBy(counties.name);
}

export interface OfficialValueProvenance {
  valueId: string;
  indicatorId: string;
  period: string;
  source: string;
  unitName: string | null;
  enteredBy: string;
  updatedAt: Date;
  officialReason: string | null;
  caliberNote: string | null;
  reportState: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

/** The official values of the given indicators (every period): the rows the status figures were read from. */
export async function listOfficialValueProvenance(
  exec: Executor,
  scope: TenantScope,
  countyId: string,
  indicatorIds: readonly string[],
): Promise<OfficialValueProvenance[]> {
  if (indicatorIds.length === 0) return [];
  return exec
    .select({
      valueId: indicatorValues.id,
      indicatorId: indicatorValues.indicatorId,
      period: indicatorValues.period,
      source: indicatorValues.source,
      unitName: units.name,
      enteredBy: indicatorValues.enteredBy,
      updatedAt: indicatorValues.updatedAt,
      officialReason: indicatorValues.officialReason,
      caliberNote: indicatorValues.caliberNote,
      reportState: reports.state,
      reviewedBy: reports.reviewedBy,
      reviewedAt: reports.reviewedAt,
    })
    .from(indicatorValues)
    .leftJoin(reports, eq(reports.id, indicatorValues.reportId))
    .leftJoin(units, eq(units.id, indicatorValues.unitId))
    .where(
      and(
        eq(indicatorValues.countyId, countyId),
        countyFilter(indicatorValues.countyId, scope),
        eq(indicatorValues.isOfficial, true),
        inArray(indicatorValues.indicatorId, [...indicatorIds]),
      ),
    );
}
