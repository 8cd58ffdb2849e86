// The municipal batch's comparison summary: one row per county (status counts, tasks, investment) and the summary
// document the 市科技局 hands on with the counties' reports. Pure.
import { chineseDate, type ReportDocument, type TableColumn } from './document.ts';
import { REPORT_KIND_LABELS, type ReportData, type ReportKind } from './model.ts';
import {
  countIndicatorStatuses,
  moneyText,
  projectTotals,
  shareText,
  statusSentence,
  taskTotals,
  type ProjectTotals,
  type StatusCounts,
  type TaskTotals,
} from './summary.ts';

export interface CountySummaryRow {
  countyName: string;
  planTitle: string | null;
  year: number | null;
  counts: StatusCounts | null;
  tasks: TaskTotals | null;
  projects: ProjectTotals | null;
  redItems: number;
  overdueReports: number;
  /** Why this county has no report (no plan imported, generation failed …). */
  problem: string | null;
}

export function countySummaryRow(data: ReportData): CountySummaryRow {
  return {
    countyName: data.county.name,
    planTitle: data.plan.title,
    year: data.year,
    counts: countIndicatorStatuses(data.indicators),
    tasks: taskTotals(data.tasks),
    projects: projectTotals(data.projects, data.tolerance),
    redItems: data.supervision.filter((s) => s.colour === 'red').length,
    overdueReports: data.missingReports.filter((m) => m.overdue).length,
    problem: null,
  };
}

export function missingCountyRow(countyName: string, problem: string): CountySummaryRow {
  return { countyName, planTitle: null, year: null, counts: null, tasks: null, projects: null, redItems: 0, overdueReports: 0, problem };
}

export const SUMMARY_TABLE_COLUMNS: readonly TableColumn[] = [
  { title: '区县', width: 1250, align: 'left' },
  { title: '指标数', width: 720, align: 'center' },
  { title: '提前实现', width: 900, align: 'center' },
  { title: '快于预期', width: 900, align: 'center' },
  { title: '基本符合预期', width: 1000, align: 'center' },
  { title: '滞后', width: 720, align: 'center' },
  { title: '约束性未达标', width: 1000, align: 'center' },
  { title: '无数据', width: 800, align: 'center' },
  { title: '投资完成率', width: 1100, align: 'center' },
];

export function summaryRowCells(row: CountySummaryRow): string[] {
  if (row.counts === null) return [row.countyName, row.problem ?? '—', '', '', '', '', '', '', ''];
  const c = row.counts;
  const total = Object.values(c).reduce((s, n) => s + n, 0);
  return [
    row.countyName,
    String(total),
    String(c['提前实现']),
    String(c['快于预期']),
    String(c['基本符合预期']),
    String(c['滞后']),
    String(c['约束性未达标']),
    String(c['无数据'] + c['无法评价']),
    shareText(row.projects?.completionRate ?? null),
  ];
}

function addCounts(rows: readonly CountySummaryRow[]): StatusCounts {
  const total: Record<keyof StatusCounts, number> = { 提前实现: 0, 快于预期: 0, 基本符合预期: 0, 滞后: 0, 约束性未达标: 0, 无数据: 0, 无法评价: 0 };
  for (const row of rows) {
    if (row.counts === null) continue;
    for (const key of Object.keys(total) as (keyof StatusCounts)[]) total[key] += row.counts[key];
  }
  return total;
}

export function municipalSummaryTitle(municipality: string, kind: ReportKind, year: number): string {
  const what = kind === 'annual' ? `${year}年度监测` : REPORT_KIND_LABELS[kind].replace(/报告$/, '');
  return `${municipality}各区县科技创新规划${what}情况汇总`;
}

export function buildMunicipalSummaryDocument(input: {
  municipality: string;
  kind: ReportKind;
  year: number;
  generatedAt: string;
  rows: readonly CountySummaryRow[];
}): ReportDocument {
  const reported = input.rows.filter((r) => r.counts !== null);
  const missing = input.rows.filter((r) => r.counts === null);
  const totals = addCounts(reported);
  const invest = reported.reduce(
    (s, r) => ({ planned: s.planned + (r.projects?.plannedToDate ?? 0), completed: s.completed + (r.projects?.completedToDate ?? 0) }),
    { planned: 0, completed: 0 },
  );
  const lagging = reported
    .filter((r) => r.counts !== null && r.counts['滞后'] + r.counts['约束性未达标'] > 0)
    .sort((a, b) => (b.counts?.['滞后'] ?? 0) + (b.counts?.['约束性未达标'] ?? 0) - ((a.counts?.['滞后'] ?? 0) + (a.counts?.['约束性未达标'] ?? 0)));
  const blocks: ReportDocument['blocks'] = [
    { type: 'heading', level: 1, text: '一、总体情况' },
    {
      type: 'paragraph',
      text: `${input.municipality}共 ${input.rows.length} 个区县，${reported.length} 个区县已生成${input.year}年报告${
        missing.length > 0 ? `，${missing.length} 个区县未生成（${missing.map((m) => `${m.countyName}：${m.problem ?? ''}`).join('；')}）` : ''
      }。`,
    },
    { type: 'paragraph', text: `各区县规划主要指标合计：${statusSentence(totals)}。` },
    {
      type: 'paragraph',
      text: `各区县重大项目截至${input.year}年累计计划投资 ${moneyText(Math.round(invest.planned * 100) / 100)} 万元，累计完成投资 ${moneyText(Math.round(invest.completed * 100) / 100)} 万元，完成率 ${shareText(invest.planned > 0 ? invest.completed / invest.planned : null)}。`,
    },
    { type: 'heading', level: 1, text: '二、各区县主要指标完成情况对比' },
    {
      type: 'table',
      id: 'indicators',
      caption: '表1　各区县主要指标评价结果',
      columns: [...SUMMARY_TABLE_COLUMNS],
      rows: input.rows.map(summaryRowCells),
    },
    { type: 'heading', level: 1, text: '三、需重点关注的区县' },
    lagging.length > 0
      ? {
          type: 'paragraph',
          text: `有滞后或约束性未达标指标的区县 ${lagging.length} 个：${lagging
            .map((r) => `${r.countyName}（滞后 ${r.counts?.['滞后'] ?? 0} 项、约束性未达标 ${r.counts?.['约束性未达标'] ?? 0} 项）`)
            .join('、')}。`,
        }
      : { type: 'paragraph', text: '依据平台数据，各区县均无滞后或约束性未达标的指标。' },
    { type: 'placeholder', text: '〔请填写：全市总体评价和下一步工作安排〕' },
    { type: 'signature', authority: `${input.municipality}科学技术局`, date: chineseDate(input.generatedAt) },
    { type: 'note', text: '本汇总由科创规划监测与服务平台依据数据库生成；各区县报告及 Excel 附件见压缩包内各区县文件夹。' },
  ];
  return { title: municipalSummaryTitle(input.municipality, input.kind, input.year), blocks };
}
