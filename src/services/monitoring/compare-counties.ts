// 市级视图: the same status for many counties side by side. Each county contributes its latest plan; indicators are
// lined up by name (indicatorMatchKey), so 每万人有效发明专利拥有量 and 万人有效发明专利拥有量 share a row.
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel } from '../../domain/period/period.ts';
import { indicatorMatchKey } from '../../domain/reporting/match-key.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { queryIndicatorStatusRows } from '../../repositories/monitoring-status.ts';
import { scopeAllows, type TenantScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';
import { evaluateStatusRow, statusPeriod, type IndicatorStatusItem } from './indicator-status.ts';

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
  cells: (IndicatorStatusItem | null)[];
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
  const rows = await queryIndicatorStatusRows(db, narrowScope(access.scope, input.countyIds), {
    asOfSort: periodSortKey(period),
  });
  const counties: ComparedCounty[] = [];
  const column = new Map<string, number>();
  const byKey = new Map<string, ComparisonRow>();
  for (const row of rows) {
    if (!column.has(row.countyId)) {
      column.set(row.countyId, counties.length);
      counties.push({ countyId: row.countyId, countyName: row.countyName, planId: row.planId, planTitle: row.planTitle });
    }
  }
  for (const row of rows) {
    const key = indicatorMatchKey(row.name);
    let line = byKey.get(key);
    if (line === undefined) {
      line = { key, name: row.name, unit: row.unit, cells: new Array<IndicatorStatusItem | null>(counties.length).fill(null) };
      byKey.set(key, line);
    }
    const at = column.get(row.countyId) ?? 0;
    // A plan naming two rows alike keeps the first; the second is still in that county's own status table.
    if (line.cells[at] === null) line.cells[at] = evaluateStatusRow(row, period);
  }
  return { period: formatPeriod(period), periodLabel: periodLabel(period), counties, rows: [...byKey.values()] };
}

/** Only counties the caller may see, whatever the request lists. */
function narrowScope(scope: TenantScope, countyIds: readonly string[] | undefined): TenantScope {
  if (countyIds === undefined || countyIds.length === 0) return scope;
  return { kind: 'counties', countyIds: countyIds.filter((id) => scopeAllows(scope, id)) };
}
