// What an evaluation report (年度监测报告 / 中期评估报告 / 总结评估报告) is made of: every figure the Word file and
// its Excel annex print, collected from the database in ONE place (services/collect-report-data.ts) at generation
// time. The writers only format these values; they never compute or invent a number, so the document, the annex
// and the database cannot disagree. Pure types and small helpers, no I/O.
import type { IndicatorAttribute } from '../plan/model.ts';
import type { StatusOutcome } from '../progress/status.ts';

export const REPORT_KINDS = ['annual', 'midterm', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  annual: '年度监测报告',
  midterm: '中期评估报告',
  final: '总结评估报告',
};

/** The verb the text uses: 监测 for the yearly report, 评估 for the mid-term and final ones. */
export const REPORT_KIND_WORK: Readonly<Record<ReportKind, string>> = {
  annual: '监测',
  midterm: '中期评估',
  final: '总结评估',
};

/** A report job's life: queued → running → done | failed. */
export const REPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobStatus = (typeof REPORT_JOB_STATUSES)[number];

export const REPORT_JOB_STATUS_LABELS: Readonly<Record<ReportJobStatus, string>> = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
};

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/**
 * The year a report is about when none is given: the mid-term falls in the middle year of the plan (2021—2025 →
 * 2023, as the national 十四五 mid-term), the final report on the end year, an annual report on the last full year.
 */
export function defaultReportYear(kind: ReportKind, plan: { periodStart: number | null; periodEnd: number | null }, today = new Date()): number {
  const lastFullYear = today.getFullYear() - 1;
  if (plan.periodStart === null || plan.periodEnd === null) return lastFullYear;
  switch (kind) {
    case 'midterm':
      return plan.periodStart + Math.floor((plan.periodEnd - plan.periodStart) / 2);
    case 'final':
      return plan.periodEnd;
    case 'annual':
      return Math.min(Math.max(lastFullYear, plan.periodStart), plan.periodEnd);
  }
}

/** Where a figure came from and who vouched for it — printed beside every value in the annex. */
export interface FigureProvenance {
  /** indicator_values.id: the row the figure was read from. */
  valueId: string | null;
  /** 统计局 / 责任单位填报 / 登记系统 */
  sourceLabel: string;
  /** The reporting unit for unit figures. */
  unitName: string | null;
  /** e.g. 已通过 (reports), 科技局录入 (the bureau's own entries). */
  approvalLabel: string;
  /** Who approved (reviewer) or entered (bureau entry). */
  approvedBy: string | null;
  /** ISO time of the approval or entry. */
  approvedAt: string | null;
  /** Why this figure is the official one of several sources. */
  officialReason: string | null;
  /** 口径说明 */
  caliberNote: string | null;
}

export interface ReportFigure {
  value: number;
  /** Period code (2023, 2023Q2 …) and its label (2023年). */
  period: string;
  periodLabel: string;
  /** 数据年份 — statistics lag their report year (§9.2). */
  dataYear: number;
  provenance: FigureProvenance;
}

export interface ReportIndicator {
  id: string;
  seq: string;
  name: string;
  unit: string | null;
  attribute: IndicatorAttribute | null;
  /** The plan's cells as written (【201】, －, ≥330 …) and their years. */
  baselineText: string | null;
  baselineYear: number | null;
  targetText: string | null;
  targetYear: number | null;
  /** 指标类型 label (越大越好的水平值 …) from the monitoring service. */
  kindLabel: string;
  current: ReportFigure | null;
  /** 完成进度 / 序时进度 as fractions (0.6 = 60%); null when not computable. */
  completion: number | null;
  schedule: number | null;
  status: StatusOutcome;
  /** The monitoring service's sentence (完成进度 38.0%，序时进度 60.0%，滞后 22.0 个百分点). */
  explanation: string;
  /** 预警 sentence when the projection to the target year misses the target; null otherwise. */
  forecastWarning: string | null;
  responsibleUnit: string | null;
}

/** A place in the plan outline (第三章 …): tasks are grouped by their chapter. */
export interface ReportChapterRef {
  label: string;
  title: string;
}

export type ReportColour = 'blue' | 'yellow' | 'red';
export const REPORT_COLOUR_LABELS: Readonly<Record<ReportColour, string>> = { blue: '蓝色', yellow: '黄色', red: '红色' };

export interface ReportTask {
  id: string;
  title: string;
  /** The plan chapter the task comes from; null for tasks added by hand. */
  chapter: ReportChapterRef | null;
  leadUnit: string | null;
  responsibleUnits: string[];
  deadline: string | null;
  done: boolean;
  doneOn: string | null;
  /** Latest approved % done, 0–100. */
  percentDone: number | null;
  milestonesTotal: number;
  milestonesDone: number;
  colour: ReportColour | null;
  /** Why the colour, in words (…节点逾期未完成). */
  colourReasons: string[];
}

export interface ReportProject {
  id: string;
  seq: string | null;
  category: string | null;
  name: string;
  leadUnit: string | null;
  nature: string | null;
  startYear: number | null;
  endYear: number | null;
  /** 总投资, 万元 */
  totalInvestment: number | null;
  /** Planned and completed investment summed over the years up to the report year, 万元 (null: nothing entered). */
  plannedToDate: number | null;
  completedToDate: number | null;
  /** The report year alone. */
  plannedInYear: number | null;
  completedInYear: number | null;
  percentDone: number | null;
  /** 形象进度 of the latest year entered. */
  imageProgress: string | null;
  done: boolean;
}

export interface ReportSupervisionItem {
  kind: 'task' | 'project' | 'indicator';
  /** The task, ledger project or indicator the order is about. */
  itemId: string;
  title: string;
  unitName: string | null;
  colour: ReportColour;
  stateLabel: string;
  issuedOn: string;
  replyDueOn: string;
  reasons: string[];
}

export interface ReportMissingReport {
  unitName: string;
  periodLabel: string;
  dueDate: string;
  overdue: boolean;
  /** 未填报 / 填报中 / 已退回 / 已提交（待审核） */
  stateLabel: string;
  indicatorCount: number;
}

export interface ReportData {
  kind: ReportKind;
  /** The year the report is about (评估年份). Values are taken as of the end of this year. */
  year: number;
  /** ISO time of generation: every figure is as the database held it then. */
  generatedAt: string;
  county: { id: string; name: string; municipality: string | null };
  plan: {
    id: string;
    title: string;
    periodStart: number | null;
    periodEnd: number | null;
    issuer: string | null;
    docNumber: string | null;
    issuedOn: string | null;
    /** The plan's chapters (一级 outline headings) in order, for the per-chapter task sections. */
    chapters: ReportChapterRef[];
  };
  /** Who signs the report: the county's 科技局 (e.g. 奉节县科学技术局). */
  authority: string;
  /** ε as a fraction: the band of 基本符合预期 (0.05 = ±5 points). */
  tolerance: number;
  indicators: ReportIndicator[];
  tasks: ReportTask[];
  projects: ReportProject[];
  supervision: ReportSupervisionItem[];
  missingReports: ReportMissingReport[];
}

/** The county's 科技局 as it signs: 奉节县 → 奉节县科学技术局. */
export function authorityOf(countyName: string): string {
  return `${countyName}科学技术局`;
}

/** The report's title: 《plan》 without its own quotes … 中期评估报告. */
export function reportTitle(data: Pick<ReportData, 'kind' | 'year' | 'plan'>): string {
  const plan = data.plan.title.replace(/[（(]\s*\d{4}\s*[—–-]+\s*\d{4}\s*年?\s*[）)]\s*$/, '').trim();
  const subject = data.kind === 'annual' ? `${plan}${data.year}年度监测报告` : `${plan}${REPORT_KIND_LABELS[data.kind]}`;
  return subject;
}

/** A safe file name stem for the report files (no path separators or characters Windows refuses). */
export function reportFileStem(data: Pick<ReportData, 'kind' | 'year' | 'plan' | 'county'>): string {
  const title = reportTitle(data);
  const withCounty = title.startsWith(data.county.name) ? title : `${data.county.name}${title}`;
  const stem = data.kind === 'annual' ? withCounty : `${withCounty}（${data.year}年）`;
  return stem.replace(/[\\/:*?"<>|\r\n\t]/g, '_');
}
