// Finding a table's header row and its columns by what the headers say, whatever their order.
import type { TableBlock, TableCell } from './model.ts';
import { compact } from './text-utils.ts';

const MAX_HEADER_LABEL = 20;

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
  const labels = row.map((cell) => compact(cell.text));
  const columns = new Map<K, number>();
  labels.forEach((label, index) => {
    // Header cells are short labels; a long cell is data that merely mentions a header word.
    if (label === '' || label.length > MAX_HEADER_LABEL) return;
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
