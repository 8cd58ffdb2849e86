// 指标监测 table of one plan for one period: every indicator with kind, base and target, the current official value
// and its data year, 完成进度, 序时进度, status with its sentence, and the forecast with 预警.
import type { Database } from '../../db/client.ts';
import { formatPeriod, periodLabel } from '../../domain/period/period.ts';
import type { StatusOutcome } from '../../domain/progress/index.ts';
import { periodSortKey } from '../../domain/reporting/period-sort.ts';
import { queryIndicatorStatusRows } from '../../repositories/monitoring-status.ts';
import { findPlanSummary } from '../../repositories/plans.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { requireAction } from './guards.ts';
import { countStatuses, evaluateStatusRow, statusPeriod, type IndicatorStatusItem } from './indicator-status.ts';

export interface PlanStatus {
  planId: string;
  planTitle: string;
  countyId: string;
  countyName: string;
  period: string;
  periodLabel: string;
  indicators: IndicatorStatusItem[];
  counts: Partial<Record<StatusOutcome, number>>;
  /** Indicators projected to miss their target (预警). */
  warnings: number;
}

export async function getPlanStatus(
  db: Database,
  access: Access,
  input: { planId: string; period?: string | undefined },
): Promise<PlanStatus> {
  requireAction(access, 'monitoring.read');
  const plan = await findPlanSummary(db, access.scope, input.planId);
  if (!plan) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
  const period = statusPeriod(input.period, plan.periodEnd);
  const rows = await queryIndicatorStatusRows(db, access.scope, { planId: plan.id, asOfSort: periodSortKey(period) });
  const indicators = rows.map((row) => evaluateStatusRow(row, period));
  return {
    planId: plan.id,
    planTitle: plan.title,
    countyId: plan.countyId,
    countyName: plan.countyName,
    period: formatPeriod(period),
    periodLabel: periodLabel(period),
    indicators,
    counts: countStatuses(indicators),
    warnings: indicators.filter((i) => i.forecast.possible && i.forecast.warning).length,
  };
}
