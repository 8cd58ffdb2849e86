// 市级视图: the same status for many counties side by side. Each county contributes its latest plan; indicators are
// lined up by name (indicatorMatchKey), so 每万人有效发明专利拥有量 and 万人有效发明专利拥有量 share a row.
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel } from '../../domain/period/period.ts';
import { indicatorMatchKey } from '../../domain/reporting/match-key.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import {
  readComparison,
  type ComparisonIndicatorRow,
} from '../../repositories/monitoring-status.ts';
import { scopeAllows, type TenantScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
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
  const counties: ComparedCounty[] = [];
  const byKey = new Map<string, ComparisonRow>();
  // Where each indicator's cell goes; an indicator left out (a plan naming two rows alike keeps the first; the
  // second is still in that county's own status table) has none.
  const cellOf = new Map<string, { line: ComparisonRow; at: number }>();
  await readComparison(db, narrowScope(access.scope, input.countyIds), periodSortKey(period), {
    frame(plans, indicators) {
      // Each plan's indicators in its table order, plans in the counties' order: a row's name is the first county's.
      const byPlan = new Map<string, ComparisonIndicatorRow[]>();
      for (const plan of plans) {
        counties.push({ countyId: plan.countyId, countyName: plan.countyName, planId: plan.planId, planTitle: plan.planTitle });
        byPlan.set(plan.planId, []);
      }
      for (const row of indicators) byPlan.get(row.planId)?.push(row);
      const keys = new Map<string, string>();
      const takenOf = new Map<ComparisonRow, Uint8Array>();
      let at = 0;
      for (const planRows of byPlan.values()) {
        if (planRows.length > 1) planRows.sort(byOrdinal);
        for (const row of planRows) {
          // Plans repeat the same few dozen names: normalise each once.
          let key = keys.get(row.name);
          if (key === undefined) {
            key = indicatorMatchKey(row.name);
            keys.set(row.name, key);
          }
          let line = byKey.get(key);
          if (line === undefined) {
            line = { key, name: row.name, unit: row.unit, cells: new Array<StatusCell | null>(counties.length).fill(null) };
            byKey.set(key, line);
          }
          let taken = takenOf.get(line);
          if (taken === undefined) {
            taken = new Uint8Array(counties.length);
            takenOf.set(line, taken);
          }
          if (taken[at] === 0) {
            taken[at] = 1;
            cellOf.set(row.indicatorId, { line, at });
          }
        }
        at += 1;
      }
    },
    // Evaluated as each indicator's values arrive, while the database is still folding the rest.
    indicator(row) {
      const place = cellOf.get(row.indicatorId);
      if (place !== undefined) place.line.cells[place.at] = evaluateStatusCell(row, period);
    },
  });
  return { period: formatPeriod(period), periodLabel: periodLabel(period), counties, rows: [...byKey.values()] };
}

function byOrdinal(a: ComparisonIndicatorRow, b: ComparisonIndicatorRow): number {
  return a.ordinal - b.ordinal;
}

/** Only counties the caller may see, whatever the request lists. */
function narrowScope(scope: TenantScope, countyIds: readonly string[] | undefined): TenantScope {
  if (countyIds === undefined || countyIds.length === 0) return scope;
  return { kind: 'counties', countyIds: countyIds.filter((id) => scopeAllows(scope, id)) };
}
