// 生成报告: one plan's 年度监测报告 / 中期评估报告 / 总结评估报告 as .docx plus its .xlsx annex, from the database as
// it is now. Used by the job runner (web app) and the CLI alike; progress is reported step by step.
import type { Database } from '../db/client.ts';
import { defaultReportYear, REPORT_KIND_LABELS, type ReportData, type ReportKind } from '../domain/reports/model.ts';
import { findPlanSummary } from '../repositories/plans.ts';
import type { Access } from './auth/access.ts';
import { collectReportData } from './collect-report-data.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { requireAction } from './monitoring/guards.ts';
import type { OutstandingReport } from './monitoring/list-outstanding-reports.ts';
import type { RenderedFiles } from '../reports/render.ts';
import { renderReport, reportFiles, type ReportFile } from './render-report.ts';

export const REPORT_STEPS = ['读取数据', '绘制图表', '生成 Word 文档', '完成'] as const;
export type ReportProgress = (share: number, step: string) => void;

export interface GenerateReportInput {
  planId: string;
  kind: ReportKind;
  /** 评估年份; default: the kind's usual year for the plan (mid-term: the middle year). */
  year?: number | undefined;
  now?: Date;
  outstanding?: readonly OutstandingReport[];
  /** Renders elsewhere (the batch's worker thread); default: here, on this thread. */
  renderer?: ((data: ReportData) => Promise<RenderedFiles>) | undefined;
}

export interface GeneratedReport {
  data: ReportData;
  files: ReportFile[];
}

/** The year to report on, checked against the plan period: a report about a year the plan does not cover is refused. */
export function resolveReportYear(
  kind: ReportKind,
  plan: { periodStart: number | null; periodEnd: number | null },
  year: number | undefined,
  now: Date = new Date(),
): number {
  const resolved = year ?? defaultReportYear(kind, plan, now);
  const { periodStart, periodEnd } = plan;
  if (periodStart !== null && resolved < periodStart) {
    throw new ValidationError(`评估年份 ${resolved} 早于规划期（${periodStart}—${periodEnd ?? '?'}年） / year before the plan period`, [
      { path: '/year', message: `须不早于 ${periodStart} 年` },
    ]);
  }
  if (kind === 'final' && periodEnd !== null && resolved < periodEnd) {
    throw new ValidationError(`总结评估须针对规划期末（${periodEnd}年）或之后的年份 / the final report is for the end year or later`, [
      { path: '/year', message: `须不早于 ${periodEnd} 年` },
    ]);
  }
  if (kind !== 'final' && periodEnd !== null && resolved > periodEnd) {
    throw new ValidationError(
      `${REPORT_KIND_LABELS[kind]}的年份须在规划期内（${periodStart ?? '?'}—${periodEnd}年），规划期结束后请生成总结评估报告 / year after the plan period`,
      [{ path: '/year', message: `须不晚于 ${periodEnd} 年` }],
    );
  }
  if (resolved > now.getFullYear()) {
    throw new ValidationError(`评估年份 ${resolved} 尚未到来 / year in the future`, [{ path: '/year', message: '不能晚于今年' }]);
  }
  return resolved;
}

export async function generateReport(
  db: Database,
  access: Access,
  input: GenerateReportInput,
  onProgress?: ReportProgress,
): Promise<GeneratedReport> {
  requireAction(access, 'report.generate');
  const now = input.now ?? new Date();
  onProgress?.(0.05, REPORT_STEPS[0]);
  const plan = await findPlanSummary(db, access.scope, input.planId);
  if (!plan) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
  const year = resolveReportYear(input.kind, plan, input.year, now);
  const data = await collectReportData(db, access, {
    planId: plan.id,
    kind: input.kind,
    year,
    now,
    ...(input.outstanding ? { outstanding: input.outstanding } : {}),
  });
  const rendered = input.renderer
    ? reportFiles(data, await input.renderer(data))
    : await renderReport(data, (step) => onProgress?.(step === REPORT_STEPS[1] ? 0.35 : 0.75, step));
  onProgress?.(1, REPORT_STEPS[3]);
  return { data, files: [rendered.docx, rendered.xlsx] };
}
