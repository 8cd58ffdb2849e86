// 市级视图: the same status for many counties side by side. Each county contributes its plan for the period's year
// (the 十四五 plan for 2024 figures even after the 十五五 one was imported; see domain/plan/plan-for-year.ts);
// indicators are lined up by name (indicatorMatchKey), so 每万人有效发明专利拥有量 and 万人有效发明专利拥有量 share a row.
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel } from '../../domain/period/period.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { streamOfficialValues } from '../../repositories/monitoring-status.ts';
import { scopeAllows, type TenantScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
import { loadCountyFrames, type CountyFrame, type FrameIndicator } from './comparison-frames.ts';
import { requireAction } from './guards.ts';
import { evaluateStatusCell, statusPeriod, type StatusCell } from './indicator-status.ts';

export interface ComparedCounty {
  countyId: string;
  countyName: string;
  planId: string;
  planTitle: string;
}

export interface ComparisonRow {
  key: string;
  /** The name as the first county's plan writes it. */
  name: string;
  unit: string | null;
  /** One cell per county, in the order of `counties`; null where that county's plan has no such indicator. */
  cells: (StatusCell | null)[];
}

export interface CountyComparison {
  period: string;
  periodLabel: string;
  counties: ComparedCounty[];
  rows: ComparisonRow[];
}

export async function compareCounties(
  db: Database,
  access: Access,
  input: { period?: string | undefined; countyIds?: readonly string[] | undefined },
): Promise<CountyComparison> {
  requireAction(access, 'plan.compare');
  const period = statusPeriod(input.period, null);
  const scope = narrowScope(access.scope, input.countyIds);
  // Folding 200k+ values is the database's biggest job and evaluating 40k indicators is ours, so the two overlap:
  // the values stream from the start and each indicator is evaluated as its row arrives; rows that come before the
  // frames are laid out wait for them. The statements are read-only and keyed by ids, so separate snapshots cannot
  // mismatch: a value approved in between is simply in or out, as it would be a millisecond earlier or later.
  let places: Map<string, Place> | null = null;
  const early: [string, string][] = [];
  const evaluate = (place: Place, folded: string | null) => {
    place.line.cells[place.at] = evaluateStatusCell(place.indicator.prepared, folded, period);
    place.evaluated = true;
  };
  // Values of an indicator outside the compared plans (an older version's) are not asked for.
  const hand = (indicatorId: string, folded: string) => {
    const place = places?.get(indicatorId);
    if (place !== undefined && !place.evaluated) evaluate(place, folded);
  };
  const valuesRead = streamOfficialValues(db, scope, periodSortKey(period), (indicatorId, folded) => {
    if (places === null) early.push([indicatorId, folded]);
    else hand(indicatorId, folded);
  });
  // Awaited below; this only keeps a failure from being reported as unhandled while the frames are read.
  valuesRead.catch(() => undefined);
  const layout = layOut(await loadCountyFrames(db, scope, period.year));
  places = layout.places;
  for (const [indicatorId, folded] of early) hand(indicatorId, folded);
  early.length = 0;
  await valuesRead;
  for (const place of places.values()) if (!place.evaluated) evaluate(place, null);
  return { period: formatPeriod(period), periodLabel: periodLabel(period), counties: layout.counties, rows: layout.rows };
}

/** Where an indicator's cell goes in this call's table. */
interface Place {
  indicator: FrameIndicator;
  line: ComparisonRow;
  at: number;
  evaluated: boolean;
}

/**
 * The table's shape: one column per county, one row per indicator key, the row named as the first county's plan
 * names it. An indicator left out (a plan naming two rows alike keeps the first; the second is still in that
 * county's own status table) gets no place.
 */
function layOut(frames: readonly CountyFrame[]): { counties: ComparedCounty[]; rows: ComparisonRow[]; places: Map<string, Place> } {
  const counties: ComparedCounty[] = [];
  // Each row with the last county column given a cell, so a county's second indicator of the same key is skipped.
  const byKey = new Map<string, { line: ComparisonRow; taken: number }>();
  const places = new Map<string, Place>();
  for (const { plan } of frames) {
    counties.push({ countyId: plan.countyId, countyName: plan.countyName, planId: plan.planId, planTitle: plan.planTitle });
  }
  frames.forEach((frame, at) => {
    for (const indicator of frame.indicators) {
      let row = byKey.get(indicator.key);
      if (row === undefined) {
        const cells = new Array<StatusCell | null>(counties.length).fill(null);
        row = { line: { key: indicator.key, name: indicator.name, unit: indicator.unit, cells }, taken: -1 };
        byKey.set(indicator.key, row);
      }
      if (row.taken === at) continue;
      row.taken = at;
      places.set(indicator.prepared.indicatorId, { indicator, line: row.line, at, evaluated: false });
    }
  });
  return { counties, rows: Array.from(byKey.values(), (row) => row.line), places };
}

/** Only counties the caller may see, whatever the request lists. */
function narrowScope(scope: TenantScope, countyIds: readonly string[] | undefined): TenantScope {
  if (countyIds === undefined || countyIds.length === 0) return scope;
  return { kind: 'counties', countyIds: countyIds.filter((id) => scopeAllows(scope, id)) };
}
