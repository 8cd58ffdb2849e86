// 全市批量: one report (Word + Excel annex) per county of a municipality, on each county's plan for the year
// (planForYear), plus a comparison summary (Word + Excel) for the 市科技局, all in one .zip. A county whose report cannot be made (no plan
// imported, a year outside its plan) is listed in the summary with the reason instead of failing the whole batch.
import type { Database } from '../db/client.ts';
import { buildMunicipalSummaryDocument, countySummaryRow, missingCountyRow, municipalSummaryTitle, type CountySummaryRow } from '../domain/reports/municipal.ts';
import { defaultReportYear, REPORT_KIND_LABELS, type ReportData, type ReportKind } from '../domain/reports/model.ts';
import { planForYear } from '../domain/plan/plan-for-year.ts';
import { listPlans, type PlanSummary } from '../repositories/plans.ts';
import { listCountiesOf } from '../repositories/report-data.ts';
import { writeReportDocx } from '../reports/docx-writer.ts';
import { createRenderPool } from '../reports/render-pool.ts';
import { writeMunicipalSummaryXlsx } from '../reports/xlsx-writer.ts';
import { writeZip, type ZipEntry } from '../reports/zip-writer.ts';
import type { Access } from './auth/access.ts';
import { ValidationError } from './errors.ts';
import { generateReport, type ReportProgress } from './generate-report.ts';
import { requireAction } from './monitoring/guards.ts';
import { listOutstandingReports } from './monitoring/list-outstanding-reports.ts';
import { ZIP_TYPE, type ReportFile } from './render-report.ts';

export interface GenerateMunicipalInput {
  /** counties.municipality; null: every county in scope (labelled 全市). */
  municipality: string | null;
  kind: ReportKind;
  /** Default: the kind's usual year for each county's plan. */
  year?: number | undefined;
  now?: Date;
  /** Counties worked on at once: reports render in the workers while the next counties' data is read. */
  concurrency?: number;
  /** Render worker threads; default one per core beside the main thread (0: render on the main thread only). */
  renderWorkers?: number;
}

export interface MunicipalReports {
  zip: ReportFile;
  rows: CountySummaryRow[];
  /** Per county, the time its report took (ms) — for the benchmark. */
  timings: { countyName: string; ms: number }[];
  /** Reports rendered in the worker thread (the others on the main thread). */
  renderedOffThread: number;
}

export async function generateMunicipalReports(
  db: Database,
  access: Access,
  input: GenerateMunicipalInput,
  onProgress?: ReportProgress,
): Promise<MunicipalReports> {
  requireAction(access, 'report.generate');
  requireAction(access, 'plan.compare');
  const now = input.now ?? new Date();
  onProgress?.(0.01, '读取区县与规划');
  const counties = await listCountiesOf(db, access.scope, input.municipality);
  if (counties.length === 0) {
    throw new ValidationError(
      input.municipality === null ? '没有可生成报告的区县 / no counties' : `未找到属于“${input.municipality}”的区县 / no counties in this municipality`,
      [{ path: '/municipality', message: '没有区县' }],
    );
  }
  // Each county's plan for the year asked (its 十四五 plan for the 2025 总结评估 even after its 十五五 plan came);
  // without a year, its newest. listPlans orders each county's plans newest first, as planForYear expects.
  const plansOf = new Map<string, PlanSummary[]>();
  for (const plan of await listPlans(db, access.scope)) plansOf.set(plan.countyId, [...(plansOf.get(plan.countyId) ?? []), plan]);
  const planOf = new Map<string, PlanSummary>();
  for (const [countyId, countyPlans] of plansOf) {
    const chosen = planForYear(countyPlans, input.year);
    if (chosen) planOf.set(countyId, chosen);
  }
  // One listing of reports still owed for all counties, not one per county.
  const outstanding = await listOutstandingReports(db, access);

  const label = input.municipality ?? '全市';
  const rows: CountySummaryRow[] = new Array(counties.length);
  const entries: ZipEntry[] = [];
  const timings: { countyName: string; ms: number }[] = [];
  let finished = 0;
  let next = 0;
  const pool = createRenderPool(input.renderWorkers);
  const renderer = (data: ReportData) => pool.render(data);
  const worker = async () => {
    while (next < counties.length) {
      const index = next++;
      const county = counties[index];
      if (!county) continue;
      const plan = planOf.get(county.id);
      const started = performance.now();
      if (!plan) {
        rows[index] = missingCountyRow(county.name, '未导入规划');
      } else {
        try {
          const report = await generateReport(db, access, { planId: plan.id, kind: input.kind, year: input.year, now, outstanding, renderer });
          rows[index] = countySummaryRow(report.data);
          for (const file of report.files) entries.push({ path: `${county.name}/${file.fileName}`, bytes: file.bytes });
        } catch (error) {
          // One county's failure is reported in the summary; the batch goes on for the others.
          rows[index] = missingCountyRow(county.name, `生成失败：${error instanceof Error ? error.message : String(error)}`);
        }
      }
      timings.push({ countyName: county.name, ms: performance.now() - started });
      finished += 1;
      onProgress?.(0.02 + (0.9 * finished) / counties.length, `已生成 ${finished}/${counties.length} 个区县（${county.name}）`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, worker));
  } finally {
    await pool.close();
  }

  onProgress?.(0.94, '生成全市汇总');
  const firstPlan = planOf.values().next().value;
  const year = input.year ?? rows.find((r) => r.year !== null)?.year ?? defaultReportYear(input.kind, firstPlan ?? { periodStart: null, periodEnd: null }, now);
  const summaryInput = { municipality: label, kind: input.kind, year, generatedAt: now.toISOString(), rows };
  const title = municipalSummaryTitle(label, input.kind, year);
  const [summaryDocx, summaryXlsx] = await Promise.all([
    writeReportDocx(buildMunicipalSummaryDocument(summaryInput), new Map()),
    writeMunicipalSummaryXlsx(summaryInput),
  ]);
  entries.unshift(
    { path: `${title}.docx`, bytes: summaryDocx },
    { path: `${title}（对比表）.xlsx`, bytes: summaryXlsx },
  );
  onProgress?.(0.97, '打包');
  const zip = await writeZip(entries, now);
  onProgress?.(1, '完成');
  return {
    zip: { fileName: `${label}${input.kind === 'annual' ? `${year}年度监测报告` : REPORT_KIND_LABELS[input.kind]}（${year}年，${rows.length}个区县）.zip`, contentType: ZIP_TYPE, bytes: zip },
    rows,
    timings,
    renderedOffThread: pool.offThread,
  };
}

