// Finding a table's header row and its columns by what the headers say, whatever their order.
import type { TableBlock, TableCell } from './model.ts';
import { compact } from './text-utils.ts';

const MAX_HEADER_LABEL = 20;
const MAX_HEADER_WIDTH = 40;

/** Header cells are short labels; a long cell is data that merely mentions a header word, so it reads as ''. */
function headerLabel(cell: TableCell): string {
  if (cell.text.length > MAX_HEADER_LABEL * 4) return '';
  const label = compact(cell.text);
  return label.length > MAX_HEADER_LABEL ? '' : label;
}

/** A column kind and the header texts (whitespace removed) that announce it. Earlier rules win. */
export interface ColumnRule<K extends string> {
  key: K;
  test: RegExp;
}

export interface Header<K extends string> {
  columns: Map<K, number>;
  /** Each column's header text as written (whitespace removed), for years and money units. */
  labels: string[];
}

/** Reads a header row: every cell is given to the first rule that matches it, each rule used once. */
export function readHeaderRow<K extends string>(row: readonly TableCell[], rules: ReadonlyArray<ColumnRule<K>>): Header<K> {
  const columns = new Map<K, number>();
  // A row wider than any real header is data; reading it as one would only cost time.
  if (row.length > MAX_HEADER_WIDTH) return { columns, labels: [] };
  const labels = row.map(headerLabel);
  labels.forEach((label, index) => {
    if (label === '') return;
    const rule = rules.find((r) => !columns.has(r.key) && r.test.test(label));
    if (rule) columns.set(rule.key, index);
  });
  return { columns, labels };
}

/** A row that starts a table's header: it has a 序号 cell, or enough recognised columns. */
export function looksLikeHeaderRow(row: readonly TableCell[]): boolean {
  return row.some((cell) => /^(?:序号|编号)$/.test(compact(cell.text)));
}

export function cellText(row: readonly TableCell[], column: number | undefined): string {
  return column === undefined ? '' : (row[column]?.text ?? '').trim();
}

export function nonEmptyCells(row: readonly TableCell[]): TableCell[] {
  return row.filter((cell) => cell.text.trim() !== '');
}

/** The line of a row: its first cell's source line. */
export function rowLine(row: readonly TableCell[], table: TableBlock): number {
  return row[0]?.line ?? table.line;
}

/**
 * A row with a single value and no data: a section title inside the table (`一、产业支撑`) or a note.
 * The value must sit in the first column or the row must be narrower than the header: a data row with
 * only its name filled in is still a data row.
 */
export function sectionText(row: readonly TableCell[], headerWidth: number): string | null {
  const filled = nonEmptyCells(row);
  const only = filled[0];
  if (filled.length !== 1 || !only) return null;
  return row.length < headerWidth || row.indexOf(only) === 0 ? only.text.trim() : null;
}

/**
 * A row one cell short of the header whose first column is a 类别: the category cell was merged down from the
 * row above and the export left it out. An empty cell in its place lines the other columns up again.
 */
export function alignToHeader(row: readonly TableCell[], width: number, categoryColumn: number | undefined): readonly TableCell[] {
  if (categoryColumn !== 0 || row.length !== width - 1) return row;
  return [{ text: '', line: row[0]?.line ?? 0 }, ...row];
}
