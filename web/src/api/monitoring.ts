// Monitoring API (issue 7: src/http/routes/monitoring.ts, monitoring-files.ts). Types come from the shared Zod contracts
// (src/contracts/monitoring.ts); every URL the screens use is in this file.
import type {
  adoptSettingsSchema,
  countyComparisonSchema,
  enterValueBodySchema,
  indicatorSeriesSchema,
  indicatorStatusSchema,
  outstandingReportSchema,
  planStatusSchema,
  reportRecordSchema,
  reportSheetSchema,
  sheetUploadSchema,
  valueRecordSchema,
} from '@contracts/monitoring.ts';
import type { z } from 'zod';
import { api, qs } from './client.ts';

export type IndicatorStatus = z.infer<typeof indicatorStatusSchema>;
export type PlanStatus = z.infer<typeof planStatusSchema>;
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;
export type SeriesValue = IndicatorSeries['sources'][number]['values'][number];
export type OutstandingReport = z.infer<typeof outstandingReportSchema>;
export type ReportSheet = z.infer<typeof reportSheetSchema>;
export type ReportSheetItem = ReportSheet['items'][number];
export type ReportRecord = z.infer<typeof reportRecordSchema>;
export type ValueRecord = z.infer<typeof valueRecordSchema>;
export type EnterValueBody = z.input<typeof enterValueBodySchema>;
export type CountyComparison = z.infer<typeof countyComparisonSchema>;
export type SheetUpload = z.infer<typeof sheetUploadSchema>;
export type AdoptSettings = z.infer<typeof adoptSettingsSchema>;
export type AdoptionRow = AdoptSettings['rows'][number];

const enc = encodeURIComponent;

export function fetchPlanStatus(planId: string, period: string): Promise<PlanStatus> {
  return api.get<PlanStatus>(`/api/monitoring/plans/${enc(planId)}/status${qs({ period })}`);
}

export function planStatusExportUrl(planId: string, period: string): string {
  return `/api/monitoring/plans/${enc(planId)}/status.xlsx${qs({ period })}`;
}

export function fetchIndicatorSeries(indicatorId: string, period?: string): Promise<IndicatorSeries> {
  return api.get<IndicatorSeries>(`/api/monitoring/indicators/${enc(indicatorId)}/series${qs({ period })}`);
}

export function fetchOutstanding(unitId?: string): Promise<{ reports: OutstandingReport[] }> {
  return api.get(`/api/monitoring/outstanding${qs({ unitId })}`);
}

export function fetchReportSheet(unitId: string, period: string): Promise<ReportSheet> {
  return api.get(`/api/monitoring/units/${enc(unitId)}/reports/${enc(period)}`);
}

export function enterValue(body: EnterValueBody): Promise<ValueRecord> {
  return api.post('/api/monitoring/values', body);
}

export type ReportAction = 'submit' | 'approve' | 'return' | 'reopen';

export function reportAction(reportId: string, action: ReportAction, expectedVersion: number, reason?: string): Promise<ReportRecord> {
  return api.post(`/api/monitoring/reports/${enc(reportId)}/${action}`, reason === undefined ? { expectedVersion } : { expectedVersion, reason });
}

export function templateUrl(unitId: string, period: string): string {
  return `/api/monitoring/units/${enc(unitId)}/reports/${enc(period)}/template.xlsx`;
}

/** The template names its unit and period inside; the server reads them from the file. */
export function uploadReportSheet(file: File, commit: boolean): Promise<SheetUpload> {
  return api.upload(
    `/api/monitoring/reports/upload${qs({ commit: commit ? 'true' : 'false' })}`,
    file,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

export function fetchComparison(period: string): Promise<CountyComparison> {
  return api.get(`/api/monitoring/comparison${qs({ period })}`);
}

export function comparisonExportUrl(period: string): string {
  return `/api/monitoring/comparison.xlsx${qs({ period })}`;
}

export interface AuditEntry {
  id: string;
  at: string;
  countyName: string | null;
  actor: string;
  role: string | null;
  unitName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function fetchAudit(params: { entity?: string; entityId?: string; limit?: number }): Promise<{ entries: AuditEntry[]; total: number }> {
  return api.get(`/api/audit${qs(params)}`);
}

/** 选定正式数据: the bureau marks which source's figure counts for its period, and says why. */
export function chooseOfficialValue(valueId: string, expectedVersion: number, reason: string): Promise<ValueRecord> {
  return api.post(`/api/monitoring/values/${enc(valueId)}/official`, { expectedVersion, reason });
}

/** 沿用上一规划设置: commit false = the preview (nothing written); true writes what is still unset. */
export function adoptPreviousSettings(planId: string, commit: boolean): Promise<AdoptSettings> {
  return api.post(`/api/monitoring/plans/${enc(planId)}/adopt-settings`, { commit });
}
