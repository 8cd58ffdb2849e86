// The report as an ordered list of blocks (headings, paragraphs, tables, charts …) built from ReportData: the
// chapter templates of the three report kinds (domain-rules §9.4 for the mid-term), with the figures put into
// sentences. Every sentence states a recorded fact; what only the bureau can write (causes, measures, outlook) is a
// visible placeholder 〔请填写：…〕 the writer highlights, so a draft cannot be handed in with invented prose. Pure.
import { TARGET_KIND_FORMULAS, TARGET_KIND_LABELS } from '../progress/target-kind.ts';
import { indicatorProgressChart, investmentChart, type ChartSpec } from './charts.ts';
import {
  REPORT_COLOUR_LABELS,
  REPORT_KIND_WORK,
  reportTitle,
  type ReportData,
  type ReportIndicator,
  type ReportKind,
  type ReportTask,
} from './model.ts';
import { deriveProblems, groupProblems } from './problems.ts';
import {
  countIndicatorStatuses,
  currentValueText,
  investmentByCategory,
  moneyText,
  planCellText,
  projectOnTrack,
  projectTotals,
  shareText,
  statusSentence,
  taskTotals,
} from './summary.ts';

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  title: string;
  /** Width in twentieths of a point (twips); the columns of a table add up to the text width. */
  width: number;
  align: Align;
  /**
   * Start a new line in the cell before this text ("1.71" / "（2023年）"), so a narrow cell never breaks inside a
   * number. The cell's text stays the same string (the annex prints it on one line).
   */
  breakBefore?: string;
}

export type ReportBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'placeholder'; text: string }
  | { type: 'table'; id: 'indicators' | 'investment-by-category'; caption: string; columns: TableColumn[]; rows: string[][] }
  | { type: 'chart'; caption: string; chart: ChartSpec }
  | { type: 'attachments'; items: string[] }
  | { type: 'signature'; authority: string; date: string }
  | { type: 'note'; text: string };

export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
}

/** GB/T 9704 版心 width: 156 mm in twips. */
export const TEXT_WIDTH_TWIPS = 8844;

/** The indicator table of domain-rules §9.4, column by column. */
export const INDICATOR_TABLE_COLUMNS: readonly TableColumn[] = [
  { title: '指标', width: 1824, align: 'left' },
  { title: '属性', width: 760, align: 'center' },
  { title: '基期值', width: 900, align: 'center' },
  { title: '目标值', width: 900, align: 'center' },
  { title: '当前值（数据年份）', width: 1400, align: 'center', breakBefore: '（' },
  { title: '完成进度', width: 980, align: 'center' },
  { title: '序时进度', width: 980, align: 'center' },
  { title: '评价', width: 1100, align: 'center' },
];

const INVESTMENT_TABLE_COLUMNS: readonly TableColumn[] = [
  { title: '类别', width: 2244, align: 'left' },
  { title: '项目数', width: 1000, align: 'center' },
  { title: '总投资（万元）', width: 1400, align: 'right' },
  { title: '累计计划投资（万元）', width: 1500, align: 'right' },
  { title: '累计完成投资（万元）', width: 1500, align: 'right' },
  { title: '完成率', width: 1200, align: 'center' },
];

/** The chapters of each kind, in order (一级标题 without their numbers). */
export const CHAPTERS: Readonly<Record<ReportKind, readonly string[]>> = {
  annual: [
    '监测工作开展情况',
    '主要成效',
    '主要指标完成情况',
    '重点任务推进情况',
    '重大项目推进情况',
    '存在的主要问题',
    '下一年度工作建议',
  ],
  midterm: [
    '评估工作开展情况',
    '主要成效',
    '主要指标完成情况',
    '重点任务推进情况',
    '重大项目推进情况',
    '改革举措与政策落实情况',
    '存在的主要问题',
    '发展环境变化与形势研判',
    '后半期推进规划实施的对策建议',
  ],
  final: [
    '评估工作开展情况',
    '主要成效',
    '主要指标完成情况',
    '重点任务完成情况',
    '重大项目完成情况',
    '存在的主要问题',
    '经验与启示',
    '对下一个五年规划的建议',
  ],
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 20 → 二十 (headings never go past a few dozen). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 11] ?? ''}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1] ?? ''}十${ones === 0 ? '' : (NUMERALS[ones - 1] ?? '')}`;
}

/** An ISO time as a date in China: 2024年3月1日. */
export function chineseDate(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function chineseDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${chineseDate(iso)} ${hh}:${mm}`;
}

/** 序时进度 at the end of the report year for the plan span (base year = start − 1), or null without a span. */
export function reportSchedule(data: Pick<ReportData, 'plan' | 'year'>): number | null {
  const { periodStart, periodEnd } = data.plan;
  if (periodStart === null || periodEnd === null || periodEnd < periodStart) return null;
  const base = periodStart - 1;
  return Math.min(Math.max((data.year - base) / (periodEnd - base), 0), 1);
}

export function indicatorNameCell(indicator: Pick<ReportIndicator, 'name' | 'unit'>): string {
  return indicator.unit ? `${indicator.name}（${indicator.unit}）` : indicator.name;
}

/** The eight cells of one row of 表1 — the annex prints the same strings. */
export function indicatorRowCells(indicator: ReportIndicator): string[] {
  return [
    indicatorNameCell(indicator),
    indicator.attribute ?? '—',
    planCellText(indicator.baselineText),
    planCellText(indicator.targetText),
    currentValueText(indicator.current),
    shareText(indicator.completion),
    shareText(indicator.schedule),
    indicator.status,
  ];
}

export function buildReportDocument(data: ReportData): ReportDocument {
  const builder = new Blocks();
  const chapters = CHAPTERS[data.kind];
  const figures = { table: 0, chart: 0 };
  chapters.forEach((chapter, index) => {
    builder.heading(1, `${chineseNumber(index + 1)}、${chapter}`);
    CHAPTER_WRITERS[chapter]?.(builder, data, figures);
  });
  builder.blocks.push({
    type: 'attachments',
    items: [
      '主要指标完成情况表（含每项数据的来源和审核情况）',
      '重点任务台账',
      '重大项目台账',
    ],
  });
  builder.blocks.push({ type: 'signature', authority: data.authority, date: chineseDate(data.generatedAt) });
  builder.blocks.push({
    type: 'note',
    text: `本报告初稿由科创规划监测与服务平台于${chineseDateTime(data.generatedAt)}依据数据库生成，数据截至生成时；附件见同名 Excel 文件。`,
  });
  return { title: reportTitle(data), blocks: builder.blocks };
}

class Blocks {
  readonly blocks: ReportBlock[] = [];
  private level2 = 0;

  heading(level: 1 | 2, text: string): void {
    if (level === 1) this.level2 = 0;
    this.blocks.push({ type: 'heading', level, text });
  }

  /** A 二级标题 numbered （一）（二）… within the current chapter. */
  subheading(text: string): void {
    this.level2 += 1;
    this.blocks.push({ type: 'heading', level: 2, text: `（${chineseNumber(this.level2)}）${text}` });
  }

  paragraph(text: string): void {
    this.blocks.push({ type: 'paragraph', text });
  }

  placeholder(text: string): void {
    this.blocks.push({ type: 'placeholder', text: `〔请填写：${text}〕` });
  }
}

type ChapterWriter = (b: Blocks, data: ReportData, figures: { table: number; chart: number }) => void;

const CHAPTER_WRITERS: Readonly<Record<string, ChapterWriter>> = {
  监测工作开展情况: writeWork,
  评估工作开展情况: writeWork,
  主要成效: writeAchievements,
  主要指标完成情况: writeIndicators,
  重点任务推进情况: writeTasks,
  重点任务完成情况: writeTasks,
  重大项目推进情况: writeProjects,
  重大项目完成情况: writeProjects,
  改革举措与政策落实情况: (b) => b.placeholder('规划确定的改革举措、配套政策的出台和落实情况'),
  存在的主要问题: writeProblems,
  发展环境变化与形势研判: (b) => b.placeholder('规划实施以来发展环境的主要变化，对后半期形势的研判'),
  经验与启示: (b) => b.placeholder('规划实施的主要经验和启示'),
  下一年度工作建议: writeSuggestions,
  后半期推进规划实施的对策建议: writeSuggestions,
  对下一个五年规划的建议: writeSuggestions,
};

function planReference(data: ReportData): string {
  return `《${data.plan.title}》${data.plan.docNumber ? `（${data.plan.docNumber}）` : ''}`;
}

function writeWork(b: Blocks, data: ReportData): void {
  const work = REPORT_KIND_WORK[data.kind];
  b.paragraph(
    `根据${planReference(data)}，${data.authority}对规划${data.year}年实施情况开展${work}。本报告所列数值均取自科创规划监测与服务平台数据库，生成时间为${chineseDateTime(data.generatedAt)}，每项数据的来源和审核情况见附件1。`,
  );
  const schedule = reportSchedule(data);
  const epsilon = shareText(data.tolerance).replace('.0%', '');
  const kinds = [...new Set(data.indicators.map((i) => i.kindLabel))];
  const formulas = kinds
    .map((label) => {
      const kind = (Object.keys(TARGET_KIND_LABELS) as (keyof typeof TARGET_KIND_LABELS)[]).find((k) => TARGET_KIND_LABELS[k] === label);
      return kind ? `${label}按“${TARGET_KIND_FORMULAS[kind]}”计算` : null;
    })
    .filter((f): f is string => f !== null);
  const base = data.plan.periodStart === null ? null : data.plan.periodStart - 1;
  b.paragraph(
    `${work === '监测' ? '监测' : '评估'}方法：序时进度按“（数据年份 − 基期年份）÷（目标年份 − 基期年份）”计算${
      schedule === null || base === null ? '' : `，以${base}年为基期，${data.year}年末为 ${shareText(schedule)}`
    }；完成进度按指标类型分别计算${formulas.length > 0 ? `，${formulas.join('，')}` : ''}。已达到目标值的为“提前实现”；完成进度高于序时进度 ${epsilon} 个百分点以上的为“快于预期”，相差不超过 ${epsilon} 个百分点的为“基本符合预期”，低于 ${epsilon} 个百分点以上的为“滞后”；约束性指标低于序时进度即为“未达标”。`,
  );
  const withData = data.indicators.filter((i) => i.current !== null);
  const bySource = new Map<string, number>();
  for (const indicator of withData) {
    const label = indicator.current?.provenance.sourceLabel ?? '';
    bySource.set(label, (bySource.get(label) ?? 0) + 1);
  }
  const sources = [...bySource].map(([label, n]) => `${label} ${n} 项`).join('、');
  const missing = data.indicators.length - withData.length;
  b.paragraph(
    `数据来源：规划主要指标 ${data.indicators.length} 项，${withData.length} 项有经审核的监测数据${sources ? `（${sources}）` : ''}${
      missing > 0 ? `，${missing} 项暂无数据` : ''
    }。数据年份与报告年份分别记录，统计公报类数据一般滞后一年，按其数据年份的序时进度评价。`,
  );
  b.placeholder('评估的组织方式、调研座谈、征求意见等开展情况');
}

function indicatorFacts(list: readonly ReportIndicator[]): string {
  return list
    .map((i) => `“${i.name}”${i.current ? `${currentValueText(i.current)}` : ''}，目标值 ${planCellText(i.targetText)}`)
    .join('；');
}

function writeAchievements(b: Blocks, data: ReportData): void {
  const counts = countIndicatorStatuses(data.indicators);
  b.paragraph(`规划实施以来，规划确定的${statusSentence(counts)}。`);
  const early = data.indicators.filter((i) => i.status === '提前实现');
  if (early.length > 0) b.paragraph(`已提前实现目标的指标：${indicatorFacts(early)}。`);
  const ahead = data.indicators.filter((i) => i.status === '快于预期');
  if (ahead.length > 0) b.paragraph(`进展快于预期的指标：${indicatorFacts(ahead)}。`);
  const tasks = taskTotals(data.tasks);
  if (tasks.total > 0) {
    b.paragraph(`纳入任务台账的重点任务 ${tasks.total} 项，已完成 ${tasks.done} 项，正在推进 ${tasks.active} 项。`);
  }
  const projects = projectTotals(data.projects, data.tolerance);
  if (projects.count > 0) {
    b.paragraph(
      `纳入项目台账的重大项目 ${projects.count} 项，总投资 ${moneyText(projects.totalInvestment)} 万元；截至${data.year}年累计完成投资 ${moneyText(projects.completedToDate)} 万元，为同期计划投资 ${moneyText(projects.plannedToDate)} 万元的 ${shareText(projects.completionRate)}。`,
    );
  }
  b.placeholder('标志性成果、重大突破和典型案例');
}

function writeIndicators(b: Blocks, data: ReportData, figures: { table: number; chart: number }): void {
  const counts = countIndicatorStatuses(data.indicators);
  figures.table += 1;
  figures.chart += 1;
  const table = figures.table;
  const chart = figures.chart;
  b.paragraph(`截至${data.year}年，规划${statusSentence(counts)}。各项指标完成情况见表${table}、图${chart}。`);
  b.blocks.push({
    type: 'table',
    id: 'indicators',
    caption: `表${table}　主要指标完成情况`,
    columns: [...INDICATOR_TABLE_COLUMNS],
    rows: data.indicators.map(indicatorRowCells),
  });
  b.blocks.push({
    type: 'chart',
    caption: `图${chart}　主要指标完成进度与序时进度`,
    chart: indicatorProgressChart(data.indicators, reportSchedule(data)),
  });
  const behind = data.indicators.filter((i) => i.status === '滞后' || i.status === '约束性未达标');
  for (const indicator of behind) {
    b.paragraph(`“${indicator.name}”${indicator.status === '约束性未达标' ? '为约束性指标，未达到要求' : '进展滞后'}：${indicator.explanation}。`);
  }
  const warned = data.indicators.filter((i) => i.forecastWarning !== null);
  if (warned.length > 0) {
    b.paragraph(`按现有数据趋势预测，${warned.map((i) => `“${i.name}”`).join('、')}到${data.plan.periodEnd ?? '目标'}年难以完成目标（预警）。`);
  }
}

function taskLine(task: ReportTask, index: number): string {
  const parts: string[] = [];
  if (task.leadUnit) parts.push(`牵头单位${task.leadUnit}`);
  if (task.done) parts.push(`已于${task.doneOn ?? ''}完成`);
  else if (task.percentDone !== null) parts.push(`完成 ${task.percentDone}%`);
  if (task.milestonesTotal > 0) parts.push(`节点完成 ${task.milestonesDone}/${task.milestonesTotal}`);
  if (task.deadline && !task.done) parts.push(`期限 ${task.deadline}`);
  if (task.colour) {
    const why = task.colourReasons.length > 0 ? `（${task.colourReasons.join('；')}）` : '';
    parts.push(`${REPORT_COLOUR_LABELS[task.colour]}督办${why}`);
  }
  return `${index}. ${task.title}${parts.length > 0 ? `：${parts.join('；')}` : ''}。`;
}

function writeTasks(b: Blocks, data: ReportData): void {
  const totals = taskTotals(data.tasks);
  if (totals.total === 0) {
    b.paragraph('规划重点任务尚未在平台分解建立台账，本章待任务台账建立后按规划章节生成。');
    return;
  }
  b.paragraph(
    `纳入任务台账的重点任务 ${totals.total} 项，已完成 ${totals.done} 项，正在推进 ${totals.active} 项；其中红色督办 ${totals.red} 项、黄色督办 ${totals.yellow} 项、蓝色提醒 ${totals.blue} 项。`,
  );
  const key = (c: { label: string; title: string }) => `${c.label}|${c.title}`;
  const known = new Set(data.plan.chapters.map(key));
  const groups: { heading: string; tasks: ReportTask[] }[] = data.plan.chapters.map((chapter) => ({
    heading: `${chapter.label}　${chapter.title}`,
    tasks: data.tasks.filter((t) => t.chapter !== null && key(t.chapter) === key(chapter)),
  }));
  groups.push({ heading: '其他任务', tasks: data.tasks.filter((t) => t.chapter === null || !known.has(key(t.chapter))) });
  for (const group of groups) {
    if (group.tasks.length === 0) continue;
    b.subheading(group.heading);
    const done = group.tasks.filter((t) => t.done).length;
    b.paragraph(`本部分重点任务 ${group.tasks.length} 项，已完成 ${done} 项。`);
    group.tasks.forEach((task, i) => b.paragraph(taskLine(task, i + 1)));
  }
}

function writeProjects(b: Blocks, data: ReportData, figures: { table: number; chart: number }): void {
  const totals = projectTotals(data.projects, data.tolerance);
  if (totals.count === 0) {
    b.paragraph('规划重大项目尚未纳入平台项目台账。');
    return;
  }
  figures.table += 1;
  figures.chart += 1;
  const judged = totals.onTrack + totals.behind;
  b.paragraph(
    `纳入项目台账的重大项目 ${totals.count} 项，总投资 ${moneyText(totals.totalInvestment)} 万元。截至${data.year}年，累计计划投资 ${moneyText(totals.plannedToDate)} 万元，累计完成投资 ${moneyText(totals.completedToDate)} 万元，完成率 ${shareText(totals.completionRate)}；已建成 ${totals.done} 项。有年度投资数据的 ${judged} 项中，${totals.onTrack} 项进展符合预期、${totals.behind} 项投资进度滞后${totals.unjudged > 0 ? `；${totals.unjudged} 项尚无年度投资数据` : ''}。分类别情况见表${figures.table}、图${figures.chart}。`,
  );
  b.paragraph(`注：累计完成投资不低于同期计划投资的 ${shareText(1 - data.tolerance)} 或已建成的，视为进展符合预期。`);
  b.blocks.push({
    type: 'table',
    id: 'investment-by-category',
    caption: `表${figures.table}　重大项目投资完成情况（按类别）`,
    columns: [...INVESTMENT_TABLE_COLUMNS],
    rows: [
      ...investmentByCategory(data.projects).map((g) => [
        g.category,
        String(g.count),
        moneyText(g.totalInvestment),
        moneyText(g.plannedToDate),
        moneyText(g.completedToDate),
        shareText(g.completionRate),
      ]),
      [
        '合计',
        String(totals.count),
        moneyText(totals.totalInvestment),
        moneyText(totals.plannedToDate),
        moneyText(totals.completedToDate),
        shareText(totals.completionRate),
      ],
    ],
  });
  b.blocks.push({
    type: 'chart',
    caption: `图${figures.chart}　重大项目分类别计划投资与完成投资`,
    chart: investmentChart(data.projects, data.year),
  });
  const behind = data.projects.filter((p) => projectOnTrack(p, data.tolerance) === false);
  if (behind.length > 0) b.paragraph(`投资进度滞后的项目：${behind.map((p) => `“${p.name}”`).join('、')}。`);
}

function writeProblems(b: Blocks, data: ReportData): void {
  const groups = groupProblems(deriveProblems(data));
  if (groups.length === 0) {
    b.paragraph('依据平台数据，未发现进展滞后的指标、红色督办事项、投资滞后的项目和逾期未报的数据。');
  }
  for (const group of groups) {
    b.subheading(group.title);
    group.items.forEach((text, i) => b.paragraph(`${i + 1}. ${text}`));
  }
  b.placeholder('上述问题的原因分析');
}

function writeSuggestions(b: Blocks, data: ReportData): void {
  const facts: string[] = [];
  const behind = data.indicators.filter((i) => i.status === '滞后' || i.status === '约束性未达标' || i.forecastWarning !== null);
  if (behind.length > 0) facts.push(`需加快推进的指标：${behind.map((i) => `“${i.name}”`).join('、')}`);
  const red = data.tasks.filter((t) => t.colour === 'red');
  if (red.length > 0) facts.push(`红色督办的重点任务：${red.map((t) => `“${t.title}”`).join('、')}`);
  const lagging = data.projects.filter((p) => projectOnTrack(p, data.tolerance) === false);
  if (lagging.length > 0) facts.push(`投资进度滞后的项目：${lagging.map((p) => `“${p.name}”`).join('、')}`);
  const units = [...new Set(data.missingReports.filter((m) => m.overdue).map((m) => m.unitName))];
  if (units.length > 0) facts.push(`逾期未报送监测数据的单位：${units.join('、')}`);
  if (facts.length > 0) {
    b.paragraph('以下事项依据平台数据列出，供研究提出对策建议时参考：');
    facts.forEach((fact, i) => b.paragraph(`${i + 1}. ${fact}。`));
  }
  b.placeholder(
    data.kind === 'midterm'
      ? '后半期推进规划实施的对策建议（可提出调整指标或目标值的建议）'
      : data.kind === 'final'
        ? '对编制和实施下一个五年规划的建议'
        : '下一年度推进规划实施的工作建议',
  );
}
