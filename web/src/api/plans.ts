// Plan API (src/http/routes/plans.ts, plan-edits.ts): types come from the shared Zod contracts.
import type { planDetailSchema, planReimportPreviewSchema, planReimportResultSchema, planSummarySchema } from '@contracts/plan.ts';
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

// 导入新版本: the document as the raw body, its name URL-encoded in x-file-name.
export type PlanReimportPreview = z.infer<typeof planReimportPreviewSchema>;
export type PlanReimportResult = z.infer<typeof planReimportResultSchema>;
export type PlanDiff = PlanReimportPreview['diff'];

function uploadPlanFile<T>(url: string, file: File): Promise<T> {
  return api.upload<T>(url, file, 'application/octet-stream', { 'x-file-name': encodeURIComponent(file.name) });
}

export function previewPlanReimport(planId: string, file: File): Promise<PlanReimportPreview> {
  return uploadPlanFile(`/api/plans/${planId}/reimport/preview`, file);
}

export function reimportPlan(planId: string, file: File): Promise<PlanReimportResult> {
  return uploadPlanFile(`/api/plans/${planId}/reimport`, file);
}
