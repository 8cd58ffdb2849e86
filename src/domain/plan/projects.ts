// The project list (项目清单, or an 附件 of 重点任务): columns found by their header names, categories from
// section rows inside the table (`一、产业支撑`) or from a 类别 column.
import type { PlanProject, TableBlock, TableCell } from './model.ts';
import { reportCell } from './indicators.ts';
import {
  cellText,
  looksLikeHeaderRow,
  nonEmptyCells,
  readHeaderRow,
  rowLine,
  sectionText,
  alignToHeader,
  type ColumnRule,
  type Header,
} from './tables.ts';
import { cellParagraphs, joinCellLines } from './text-utils.ts';
import { headerWanFactor, parseInvestment, parseYearRange } from './values.ts';
import { checkNumbering, type NumberedRow, type WarningSink } from './warnings.ts';

type Column = 'seq' | 'remark' | 'investment' | 'years' | 'nature' | 'content' | 'site' | 'category' | 'leadUnit' | 'name';

// Order matters: `项目建设地` is a site and `建设年限` a period although both say 建设; `年度投资` is money.
const RULES: ReadonlyArray<ColumnRule<Column>> = [
  { key: 'seq', test: /^(?:序号|编号)$/ },
  { key: 'remark', test: /备注|说明/ },
  { key: 'investment', test: /投资|资金|金额/ },
  { key: 'years', test: /年限|期限|周期|起止|时间|年度/ },
  { key: 'nature', test: /性质/ },
  { key: 'content', test: /内容|规模/ },
  { key: 'site', test: /地点|建设地|地址|位置|实施地/ },
  { key: 'category', test: /^(?:项目)?(?:类别|类型|分类|领域)$/ },
  { key: 'leadUnit', test: /单位|主体|部门|业主|责任|牵头/ },
  { key: 'name', test: /名称|^项目$|^任务$/ },
];
const DESCRIPTIVE_COLUMNS: readonly Column[] = ['leadUnit', 'content', 'investment', 'years', 'site', 'nature'];
/** A project header names the project and at least this many of its descriptive columns. */
const MIN_DESCRIPTIVE_COLUMNS = 2;
const TOTAL_ROW = /^(?:合计|总计|小计|总投资)/;
const SECTION_NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[、.．](?!\d))\s*/;

interface ProjectHeader extends Header<Column> {
  width: number;
  wanFactor: number;
}

export function readProjects(tables: readonly TableBlock[], sink: WarningSink): PlanProject[] {
  return tables.flatMap((table) => readTable(table, sink));
}

function readTable(table: TableBlock, sink: WarningSink): PlanProject[] {
  const projects: PlanProject[] = [];
  let header: ProjectHeader | null = null;
  let section: string | null = null;
  /** The 类别 written last: a merged 类别 cell is written once for the rows it spans. */
  let lastCategory: string | null = null;
  let numbering: NumberedRow[] = [];
  const closeNumbering = (): void => {
    checkNumbering(numbering, '项目', sink);
    numbering = [];
  };
  for (const row of table.rows) {
    if (header === null || looksLikeHeaderRow(row)) {
      closeNumbering();
      header = projectHeader(row);
      section = null;
      lastCategory = null;
      continue;
    }
    if (nonEmptyCells(row).length === 0) continue;
    const sectionTitle = sectionText(row, header.width);
    if (sectionTitle !== null) {
      closeNumbering();
      if (!TOTAL_ROW.test(sectionTitle)) section = sectionTitle.replace(SECTION_NUMBERING, '').trim();
      lastCategory = null;
      continue;
    }
    const line = rowLine(row, table);
    const aligned = alignToHeader(row, header.width, header.columns.get('category'));
    const project = readRow(aligned, header, lastCategory ?? section, line, sink);
    if (!project) continue;
    if (header.columns.has('category')) lastCategory = project.category;
    projects.push(project);
    if (header.columns.has('seq')) numbering.push({ seq: project.seq, name: project.name, line });
  }
  closeNumbering();
  return projects;
}

function projectHeader(row: readonly TableCell[]): ProjectHeader | null {
  const header = readHeaderRow(row, RULES);
  const descriptive = DESCRIPTIVE_COLUMNS.filter((column) => header.columns.has(column)).length;
  if (!header.columns.has('name') || descriptive < MIN_DESCRIPTIVE_COLUMNS) return null;
  const investmentLabel = header.labels[header.columns.get('investment') ?? -1] ?? '';
  return { ...header, width: row.length, wanFactor: headerWanFactor(investmentLabel) };
}

function readRow(
  row: readonly TableCell[],
  header: ProjectHeader,
  /** The category in force: the section row above, or the 类别 of the row above. */
  section: string | null,
  line: number,
  sink: WarningSink,
): PlanProject | null {
  const field = (column: Column): string => joinCellLines(cellText(row, header.columns.get(column)));
  const name = field('name');
  if (name === '' || TOTAL_ROW.test(name) || TOTAL_ROW.test(field('seq'))) return null;
  const years = yearsOf(field('years'), header, name, line, sink);
  return {
    seq: field('seq'),
    category: field('category') || section,
    name,
    leadUnit: field('leadUnit') || null,
    site: field('site') || null,
    nature: field('nature') || null,
    content: cellParagraphs(cellText(row, header.columns.get('content'))).join('\n'),
    investment: investmentOf(field('investment'), header, name, line, sink),
    startYear: years?.start ?? null,
    endYear: years?.end ?? null,
  };
}

function investmentOf(text: string, header: ProjectHeader, name: string, line: number, sink: WarningSink): number | null {
  const investment = parseInvestment(text, header.wanFactor);
  if (!investment.understood) reportCell(sink, line, name, labelOf(header, 'investment'), text);
  return investment.value;
}

function yearsOf(text: string, header: ProjectHeader, name: string, line: number, sink: WarningSink): { start: number; end: number } | null {
  if (text === '') return null;
  const years = parseYearRange(text);
  if (!years) reportCell(sink, line, name, labelOf(header, 'years'), text);
  return years;
}

function labelOf(header: ProjectHeader, column: Column): string {
  return header.labels[header.columns.get(column) ?? -1] ?? column;
}
