// The main-indicator table (主要指标): found by its header (指标名称 + a baseline/target column), whatever the
// column order, so 奉节's (序号, 指标名称, 2020年 完成值, 2025年 目标值, 指标属性) and 石柱's (序号, 指标名称,
// 指标属性, 2020年指标值, 2025年目标值, 年均) read the same way.
import type { BaselineValue, IndicatorAttribute, PlanIndicator, TableBlock, TableCell, TargetValue } from './model.ts';
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
import { compact, joinCellLines } from './text-utils.ts';
import { checkNumbering, type NumberedRow, type WarningSink } from './warnings.ts';
import { normalizeUnit, parseFigure, splitNameUnit, yearIn, type CellFigure } from './values.ts';

type Column = 'seq' | 'attribute' | 'annual' | 'target' | 'baseline' | 'unit' | 'category' | 'name';

// Order matters: `指标属性` and `2020年指标值` also contain 指标, so they are claimed before the name rule.
const RULES: ReadonlyArray<ColumnRule<Column>> = [
  { key: 'seq', test: /^(?:序号|编号)$/ },
  { key: 'attribute', test: /属性|性质/ },
  { key: 'annual', test: /年均/ },
  { key: 'target', test: /目标|规划值/ },
  { key: 'baseline', test: /基期|基数|基准|现状|完成|实际|指标值|现值/ },
  { key: 'unit', test: /^(?:计量)?单位$/ },
  { key: 'category', test: /^(?:类别|领域|类型|分类)$/ },
  { key: 'name', test: /指标|^名称$/ },
];

/** Name, one figure column and at least one more: fewer recognised headers is a coincidence, not a header. */
const MIN_HEADER_COLUMNS = 3;

export interface PlanPeriod {
  start: number | null;
  end: number | null;
}

interface IndicatorHeader extends Header<Column> {
  baselineYear: number;
  targetYear: number;
  width: number;
}

export function readIndicators(tables: readonly TableBlock[], period: PlanPeriod, sink: WarningSink): PlanIndicator[] {
  return tables.flatMap((table) => readTable(table, period, sink));
}

function readTable(table: TableBlock, period: PlanPeriod, sink: WarningSink): PlanIndicator[] {
  const indicators: PlanIndicator[] = [];
  let header: IndicatorHeader | null = null;
  let numbering: NumberedRow[] = [];
  const closeNumbering = (): void => {
    checkNumbering(numbering, '指标', sink);
    numbering = [];
  };
  for (const row of table.rows) {
    if (header === null || looksLikeHeaderRow(row)) {
      closeNumbering();
      header = indicatorHeader(row, period);
      continue;
    }
    if (nonEmptyCells(row).length === 0) continue;
    if (sectionText(row, header.width) !== null) {
      closeNumbering();
      continue;
    }
    const line = rowLine(row, table);
    const indicator = readRow(alignToHeader(row, header.width, header.columns.get('category')), header, line, sink);
    if (!indicator) continue;
    indicators.push(indicator);
    if (header.columns.has('seq')) numbering.push({ seq: indicator.seq, name: indicator.name, line });
  }
  closeNumbering();
  return indicators;
}

function indicatorHeader(row: readonly TableCell[], period: PlanPeriod): IndicatorHeader | null {
  const header = readHeaderRow(row, RULES);
  assignYearColumns(header);
  const { columns, labels } = header;
  const hasFigures = columns.has('baseline') || columns.has('target') || columns.has('annual');
  if (!columns.has('name') || !hasFigures || columns.size < MIN_HEADER_COLUMNS) return null;
  // Headers without years (基期值 / 目标值) take them from the plan period; 0 when nothing says.
  const writtenBaseline = yearAt(labels, columns.get('baseline'));
  const targetYear = yearAt(labels, columns.get('target')) ?? period.end ?? (writtenBaseline === null ? 0 : writtenBaseline + 5);
  const baselineYear = writtenBaseline ?? (period.start !== null ? period.start - 1 : targetYear > 0 ? targetYear - 5 : 0);
  return { ...header, baselineYear, targetYear, width: row.length };
}

/** Headers that only say `2020年` / `2025年`: the earlier year is the baseline, the later the target. */
function assignYearColumns(header: Header<Column>): void {
  const taken = new Set(header.columns.values());
  const yearColumns = header.labels
    .map((label, index) => ({ index, year: taken.has(index) ? null : yearIn(label) }))
    .filter((c): c is { index: number; year: number } => c.year !== null)
    .sort((a, b) => a.year - b.year);
  const earliest = yearColumns[0];
  const latest = yearColumns.at(-1);
  if (latest && !header.columns.has('target') && yearColumns.length > 1) header.columns.set('target', latest.index);
  if (earliest && !header.columns.has('baseline') && earliest !== latest) header.columns.set('baseline', earliest.index);
  if (latest && !header.columns.has('target') && !header.columns.has('baseline')) header.columns.set('target', latest.index);
}

function yearAt(labels: readonly string[], column: number | undefined): number | null {
  return column === undefined ? null : yearIn(labels[column] ?? '');
}

function readRow(row: readonly TableCell[], header: IndicatorHeader, line: number, sink: WarningSink): PlanIndicator | null {
  const written = joinCellLines(cellText(row, header.columns.get('name')));
  if (written === '') return null;
  const named = splitNameUnit(written);
  const unitCell = normalizeUnit(cellText(row, header.columns.get('unit')));
  const unit = unitCell !== '' ? unitCell : named.unit;
  if (unit === null) sink.add('unit-not-found', `指标“${named.name}”未写明计量单位`, line);
  const cell = (column: Column): FigureCell | null => figureCell(row, header, column, { name: named.name, unit }, line, sink);
  const baseline = cell('baseline');
  const target = cell('target');
  const annual = cell('annual');
  return {
    seq: joinCellLines(cellText(row, header.columns.get('seq'))),
    name: named.name,
    unit,
    attribute: attributeOf(row, header, named.name, line, sink),
    baseline: baseline && { year: header.baselineYear, value: baseline.figure.value, text: baseline.text },
    target: target && targetValue(header.targetYear, target),
    cumulative: Boolean(baseline?.figure.cumulative || target?.figure.cumulative),
    // A 年均 column, else a target cell written as 年均增长 r%.
    annualGrowthRate: annual?.figure.value ?? target?.figure.growthRate ?? null,
  };
}

interface FigureCell {
  text: string;
  figure: CellFigure;
}

function figureCell(
  row: readonly TableCell[],
  header: IndicatorHeader,
  column: Column,
  indicator: { name: string; unit: string | null },
  line: number,
  sink: WarningSink,
): FigureCell | null {
  const index = header.columns.get(column);
  if (index === undefined) return null;
  const text = joinCellLines(cellText(row, index));
  // The annual-growth column holds a rate, whatever the indicator's unit.
  const figure = parseFigure(text, column === 'annual' ? null : indicator.unit);
  if (!figure.understood) reportCell(sink, line, indicator.name, header.labels[index] ?? column, text);
  return { text, figure };
}

function targetValue(year: number, cell: FigureCell): TargetValue {
  const base: BaselineValue = { year, value: cell.figure.value, text: cell.text };
  return { ...base, comparator: cell.figure.comparator };
}

function attributeOf(row: readonly TableCell[], header: IndicatorHeader, name: string, line: number, sink: WarningSink): IndicatorAttribute | null {
  const index = header.columns.get('attribute');
  const text = compact(cellText(row, index));
  if (text === '') return null;
  if (text.startsWith('约束')) return '约束性';
  if (text.startsWith('预期')) return '预期性';
  reportCell(sink, line, name, header.labels[index ?? -1] ?? '指标属性', text);
  return null;
}

export function reportCell(sink: WarningSink, line: number, rowName: string, column: string, text: string): void {
  sink.add('cell-not-understood', `“${rowName}”的“${column}”单元格“${text}”无法识别`, line);
}
