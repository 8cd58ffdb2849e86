// Plan API (src/http/routes/plans.ts, plan-edits.ts): types come from the shared Zod contracts.
import type { planDetailSchema, planSummarySchema } from '@contracts/plan.ts';
import type { z } from 'zod';
import { api } from './client.ts';

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type PlanDetail = z.infer<typeof planDetailSchema>;
export type StoredIndicator = PlanDetail['indicators'][number];
export type StoredProject = PlanDetail['projects'][number];

export function fetchPlan(planId: string): Promise<PlanDetail> {
  return api.get<PlanDetail>(`/api/plans/${planId}`);
}

export interface PlanSource {
  text: string | null;
}

export function fetchPlanSource(planId: string): Promise<PlanSource> {
  return api.get<PlanSource>(`/api/plans/${planId}/source`);
}

export interface IndicatorPatch {
  version: number;
  name?: string;
  unit?: string | null;
  attribute?: '预期性' | '约束性' | null;
  baselineYear?: number | null;
  baselineValue?: number | null;
  targetYear?: number | null;
  targetValue?: number | null;
  annualGrowthRate?: number | null;
}

export function patchIndicator(planId: string, indicatorId: string, patch: IndicatorPatch): Promise<StoredIndicator> {
  return api.patch<StoredIndicator>(`/api/plans/${planId}/indicators/${indicatorId}`, patch);
}
