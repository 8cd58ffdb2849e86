// One indicator over time: its target path (base → target per year, with the ±ε band), the values of every source
// with each value's history, which one is official per period, and the current status.
import type { Database } from '../../db/client.ts';
import { parsePeriod } from '../../domain/period/period.ts';
import { resolveBaseline, targetSpecFromRow, DEFAULT_TOLERANCE, TARGET_KIND_LABELS } from '../../domain/progress/index.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { targetPath, type TargetPathPoint } from '../../domain/reporting/target-path.ts';
import { VALUE_SOURCE_LABELS, VALUE_SOURCES, type ValueSource } from '../../domain/reporting/vocabulary.ts';
import { findMonitoredIndicator, type MonitoredIndicator } from '../../repositories/indicator-settings.ts';
import {
  listValueHistory,
  listValuesOfIndicator,
  type ValueHistoryEntry,
  type ValueRecord,
} from '../../repositories/indicator-values.ts';
import { queryIndicatorStatusRows } from '../../repositories/monitoring-status.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { requireAction } from './guards.ts';
import { evaluateStatusRow, kindOf, planSpanOf, statusPeriod, type IndicatorStatusItem } from './indicator-status.ts';

export interface SeriesValue extends ValueRecord {
  history: ValueHistoryEntry[];
}

export interface IndicatorSeries {
  indicator: MonitoredIndicator & { kind: string; kindLabel: string; kindReason: string; kindOverridden: boolean; tolerance: number };
  status: IndicatorStatusItem | null;
  /** null when the kind has no drawable path (missing base or target). */
  path: TargetPathPoint[] | null;
  sources: { source: ValueSource; label: string; values: SeriesValue[] }[];
  /** The official figure per period, in period order: the line the status is computed from. */
  official: { period: string; value: number; source: ValueSource; dataYear: number }[];
}

export async function getIndicatorSeries(
  db: Database,
  access: Access,
  input: { indicatorId: string; period?: string | undefined },
): Promise<IndicatorSeries> {
  requireAction(access, 'monitoring.read');
  const indicator = await findMonitoredIndicator(db, access.scope, input.indicatorId);
  if (!indicator) throw new NotFoundError('indicator', input.indicatorId, '指标不存在 / indicator not found');
  const values = await listValuesOfIndicator(db, access.scope, indicator.id);
  const history = await listValueHistory(
    db,
    access.scope,
    values.map((v) => v.id),
  );
  const asOf = statusPeriod(input.period, indicator.planEnd);
  const statusRows = await queryIndicatorStatusRows(db, access.scope, { planId: indicator.planId, asOfSort: periodSortKey(asOf) });
  const statusRow = statusRows.find((r) => r.indicatorId === indicator.id);

  const { kind, reason, overridden } = kindOf(indicator.row, indicator.setting.targetKind);
  const tolerance = indicator.setting.tolerance ?? DEFAULT_TOLERANCE;
  const official = values
    .filter((v) => v.isOfficial)
    .map((v) => ({ period: v.period, value: v.value, source: v.source, dataYear: v.dataYear }));
  const span = planSpanOf(indicator.planStart, indicator.planEnd, indicator.row);
  let path: TargetPathPoint[] | null = null;
  if (span !== null) {
    const spec = targetSpecFromRow(indicator.row, span);
    const observed = official.map((o) => ({ period: parsePeriod(o.period), dataYear: o.dataYear, value: o.value }));
    path = targetPath(kind, spec, resolveBaseline(spec, observed), tolerance);
  }
  return {
    indicator: { ...indicator, kind, kindLabel: TARGET_KIND_LABELS[kind], kindReason: reason, kindOverridden: overridden, tolerance },
    status: statusRow ? evaluateStatusRow(statusRow, asOf) : null,
    path,
    sources: VALUE_SOURCES.map((source) => ({
      source,
      label: VALUE_SOURCE_LABELS[source],
      values: values
        .filter((v) => v.source === source)
        .map((v) => ({ ...v, history: history.filter((h) => h.valueId === v.id) })),
    })).filter((s) => s.values.length > 0),
    official,
  };
}
