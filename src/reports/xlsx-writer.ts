// The Excel annex (附件) of a report: indicator table with the provenance of every figure (value, source, who
// approved it and when, the record id), task ledger, project ledger, the problem list and a sheet saying what the
// workbook is. Same ReportData as the Word file, so the numbers are the same numbers.
import ExcelJS from 'exceljs';
import { chineseDate, indicatorNameCell, indicatorRowCells } from '../domain/reports/document.ts';
import { REPORT_COLOUR_LABELS, REPORT_KIND_LABELS, type ReportData } from '../domain/reports/model.ts';
import type { CountySummaryRow } from '../domain/reports/municipal.ts';
import { deriveProblems } from '../domain/reports/problems.ts';
import { projectOnTrack, shareText } from '../domain/reports/summary.ts';

interface Column {
  header: string;
  key: string;
  width: number;
  numFmt?: string;
}

// Deflate level 1: nearly the size of the default level at a fraction of the time (a batch writes 38 annexes).
const FAST_ZIP = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;

export const ANNEX_SHEETS = {
  indicators: '附件1 主要指标完成情况',
  tasks: '附件2 重点任务台账',
  projects: '附件3 重大项目台账',
  problems: '存在问题',
  about: '说明',
} as const;

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  for (const row of rows) sheet.addRow(row);
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Dates of approvals as China local time, the way the bureau reads them. */
function chinaTime(iso: string | null): string {
  if (iso === null) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return shifted.toISOString().replace('T', ' ').slice(0, 16);
}

export async function writeReportXlsx(data: ReportData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  workbook.created = new Date(data.generatedAt);

  addSheet(
    workbook,
    ANNEX_SHEETS.indicators,
    [
      { header: '序号', key: 'seq', width: 6 },
      { header: '指标', key: 'name', width: 34 },
      { header: '属性', key: 'attribute', width: 8 },
      { header: '基期值', key: 'baseline', width: 10 },
      { header: '目标值', key: 'target', width: 10 },
      { header: '当前值（数据年份）', key: 'currentText', width: 18 },
      { header: '完成进度', key: 'completion', width: 10, numFmt: '0.0%' },
      { header: '序时进度', key: 'schedule', width: 10, numFmt: '0.0%' },
      { header: '评价', key: 'status', width: 12 },
      { header: '评价说明', key: 'explanation', width: 46 },
      { header: '预警', key: 'warning', width: 30 },
      { header: '指标类型', key: 'kind', width: 18 },
      { header: '当前值', key: 'value', width: 12 },
      { header: '数据期间', key: 'period', width: 12 },
      { header: '数据年份', key: 'dataYear', width: 9 },
      { header: '数据来源', key: 'source', width: 14 },
      { header: '填报单位', key: 'unit', width: 16 },
      { header: '审核状态', key: 'approval', width: 12 },
      { header: '审核（录入）人', key: 'approvedBy', width: 14 },
      { header: '审核（录入）时间', key: 'approvedAt', width: 17 },
      { header: '定为正式数据的理由', key: 'officialReason', width: 22 },
      { header: '口径说明', key: 'caliber', width: 22 },
      { header: '责任单位', key: 'responsible', width: 16 },
      { header: '数据记录编号', key: 'valueId', width: 38 },
      { header: '指标编号', key: 'indicatorId', width: 38 },
    ],
    data.indicators.map((i) => {
      const cells = indicatorRowCells(i);
      const p = i.current?.provenance;
      return {
        seq: i.seq,
        name: indicatorNameCell(i),
        attribute: cells[1],
        baseline: cells[2],
        target: cells[3],
        currentText: cells[4],
        completion: i.completion,
        schedule: i.schedule,
        status: i.status,
        explanation: i.explanation,
        warning: i.forecastWarning ?? '',
        kind: i.kindLabel,
        value: i.current?.value ?? null,
        period: i.current?.periodLabel ?? '',
        dataYear: i.current?.dataYear ?? null,
        source: p?.sourceLabel ?? '',
        unit: p?.unitName ?? '',
        approval: p?.approvalLabel ?? '',
        approvedBy: p?.approvedBy ?? '',
        approvedAt: chinaTime(p?.approvedAt ?? null),
        officialReason: p?.officialReason ?? '',
        caliber: p?.caliberNote ?? '',
        responsible: i.responsibleUnit ?? '',
        valueId: p?.valueId ?? '',
        indicatorId: i.id,
      };
    }),
  );

  addSheet(
    workbook,
    ANNEX_SHEETS.tasks,
    [
      { header: '序号', key: 'n', width: 6 },
      { header: '规划章节', key: 'chapter', width: 26 },
      { header: '任务', key: 'title', width: 44 },
      { header: '牵头单位', key: 'lead', width: 16 },
      { header: '责任单位', key: 'responsible', width: 22 },
      { header: '完成期限', key: 'deadline', width: 12 },
      { header: '状态', key: 'state', width: 8 },
      { header: '完成日期', key: 'doneOn', width: 12 },
      { header: '完成进度（%）', key: 'percent', width: 12 },
      { header: '节点（完成/总数）', key: 'milestones', width: 14 },
      { header: '督办', key: 'colour', width: 8 },
      { header: '督办原因', key: 'reasons', width: 36 },
      { header: '任务编号', key: 'id', width: 38 },
    ],
    data.tasks.map((t, index) => ({
      n: index + 1,
      chapter: t.chapter ? `${t.chapter.label} ${t.chapter.title}` : '',
      title: t.title,
      lead: t.leadUnit ?? '',
      responsible: t.responsibleUnits.join('、'),
      deadline: t.deadline ?? '',
      state: t.done ? '已完成' : '推进中',
      doneOn: t.doneOn ?? '',
      percent: t.percentDone,
      milestones: t.milestonesTotal > 0 ? `${t.milestonesDone}/${t.milestonesTotal}` : '',
      colour: t.colour ? REPORT_COLOUR_LABELS[t.colour] : '',
      reasons: t.colourReasons.join('；'),
      id: t.id,
    })),
  );

  const y = data.year;
  addSheet(
    workbook,
    ANNEX_SHEETS.projects,
    [
      { header: '序号', key: 'seq', width: 6 },
      { header: '类别', key: 'category', width: 16 },
      { header: '项目名称', key: 'name', width: 36 },
      { header: '牵头单位', key: 'lead', width: 16 },
      { header: '建设性质', key: 'nature', width: 10 },
      { header: '起止年限', key: 'years', width: 12 },
      { header: '总投资（万元）', key: 'total', width: 14, numFmt: '#,##0.00' },
      { header: `截至${y}年计划投资（万元）`, key: 'planned', width: 16, numFmt: '#,##0.00' },
      { header: `截至${y}年完成投资（万元）`, key: 'completed', width: 16, numFmt: '#,##0.00' },
      { header: '投资完成率', key: 'rate', width: 11, numFmt: '0.0%' },
      { header: `${y}年计划投资（万元）`, key: 'plannedYear', width: 14, numFmt: '#,##0.00' },
      { header: `${y}年完成投资（万元）`, key: 'completedYear', width: 14, numFmt: '#,##0.00' },
      { header: '完成进度（%）', key: 'percent', width: 11 },
      { header: '形象进度', key: 'image', width: 30 },
      { header: '进展评价', key: 'judgement', width: 12 },
      { header: '项目编号', key: 'id', width: 38 },
    ],
    data.projects.map((p) => {
      const onTrack = projectOnTrack(p, data.tolerance);
      return {
        seq: p.seq ?? '',
        category: p.category ?? '',
        name: p.name,
        lead: p.leadUnit ?? '',
        nature: p.nature ?? '',
        years: p.startYear !== null || p.endYear !== null ? `${p.startYear ?? '?'}—${p.endYear ?? '?'}` : '',
        total: p.totalInvestment,
        planned: p.plannedToDate,
        completed: p.completedToDate,
        rate: p.plannedToDate ? (p.completedToDate ?? 0) / p.plannedToDate : null,
        plannedYear: p.plannedInYear,
        completedYear: p.completedInYear,
        percent: p.percentDone,
        image: p.imageProgress ?? '',
        judgement: p.done ? '已建成' : onTrack === null ? '尚无投资数据' : onTrack ? '符合预期' : '投资滞后',
        id: p.id,
      };
    }),
  );

  addSheet(
    workbook,
    ANNEX_SHEETS.problems,
    [
      { header: '类别', key: 'category', width: 10 },
      { header: '问题（依据平台数据列出）', key: 'text', width: 110 },
    ],
    deriveProblems(data).map((p) => ({ category: p.category, text: p.text })),
  );

  const about = addSheet(
    workbook,
    ANNEX_SHEETS.about,
    [
      { header: '项目', key: 'k', width: 18 },
      { header: '内容', key: 'v', width: 90 },
    ],
    [
      { k: '报告', v: REPORT_KIND_LABELS[data.kind] },
      { k: '规划', v: data.plan.title },
      { k: '区县', v: data.county.name },
      { k: '报告年份', v: `${data.year}年` },
      { k: '生成时间', v: `${chineseDate(data.generatedAt)} ${chinaTime(data.generatedAt).slice(11)}` },
      { k: '评价容差 ε', v: `±${shareText(data.tolerance)}（完成进度与序时进度相差不超过此值为基本符合预期）` },
      { k: '数据', v: '所有数值取自科创规划监测与服务平台数据库的正式数据（经审核通过或由科技局录入），与同名 Word 报告一致。' },
    ],
  );
  about.getColumn('v').alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer(FAST_ZIP));
}

/** The comparison workbook of a municipal batch: one row per county, the same figures as the summary document. */
export async function writeMunicipalSummaryXlsx(input: {
  municipality: string;
  year: number;
  generatedAt: string;
  rows: readonly CountySummaryRow[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  workbook.created = new Date(input.generatedAt);
  const y = input.year;
  addSheet(
    workbook,
    '区县对比',
    [
      { header: '区县', key: 'county', width: 12 },
      { header: '规划', key: 'plan', width: 40 },
      { header: '评估年份', key: 'year', width: 9 },
      { header: '指标数', key: 'total', width: 8 },
      { header: '提前实现', key: 'early', width: 9 },
      { header: '快于预期', key: 'ahead', width: 9 },
      { header: '基本符合预期', key: 'onPace', width: 12 },
      { header: '滞后', key: 'behind', width: 7 },
      { header: '约束性未达标', key: 'binding', width: 12 },
      { header: '无数据', key: 'noData', width: 8 },
      { header: '无法评价', key: 'notComputable', width: 9 },
      { header: '重点任务', key: 'tasks', width: 9 },
      { header: '已完成任务', key: 'tasksDone', width: 10 },
      { header: '红色督办', key: 'red', width: 9 },
      { header: '逾期未报', key: 'overdue', width: 9 },
      { header: '重大项目', key: 'projects', width: 9 },
      { header: `截至${y}年计划投资（万元）`, key: 'planned', width: 16, numFmt: '#,##0.00' },
      { header: `截至${y}年完成投资（万元）`, key: 'completed', width: 16, numFmt: '#,##0.00' },
      { header: '投资完成率', key: 'rate', width: 11, numFmt: '0.0%' },
      { header: '说明', key: 'problem', width: 30 },
    ],
    input.rows.map((r) => {
      const c = r.counts;
      return {
        county: r.countyName,
        plan: r.planTitle ?? '',
        year: r.year,
        total: c ? Object.values(c).reduce((s, n) => s + n, 0) : null,
        early: c?.['提前实现'] ?? null,
        ahead: c?.['快于预期'] ?? null,
        onPace: c?.['基本符合预期'] ?? null,
        behind: c?.['滞后'] ?? null,
        binding: c?.['约束性未达标'] ?? null,
        noData: c?.['无数据'] ?? null,
        notComputable: c?.['无法评价'] ?? null,
        tasks: r.tasks?.total ?? null,
        tasksDone: r.tasks?.done ?? null,
        red: r.redItems,
        overdue: r.overdueReports,
        projects: r.projects?.count ?? null,
        planned: r.projects?.plannedToDate ?? null,
        completed: r.projects?.completedToDate ?? null,
        rate: r.projects?.completionRate ?? null,
        problem: r.problem ?? '',
      };
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer(FAST_ZIP));
}
