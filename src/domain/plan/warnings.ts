// Warnings: what the parser read but could not fully trust. Messages are Chinese and name the source line.
import type { ParseWarning } from './model.ts';
import { parseNumeral } from './text-utils.ts';

export type WarningCode =
  | 'duplicate-seq'
  | 'missing-seq'
  | 'unit-not-found'
  | 'cell-not-understood'
  | 'indicators-not-found'
  | 'projects-not-found'
  | 'title-not-found';

export class WarningSink {
  readonly #warnings: ParseWarning[] = [];

  add(code: WarningCode, message: string, line: number | null): void {
    this.#warnings.push({ code, message: line === null ? message : `第${line}行：${message}`, line });
  }

  /** In document order; document-level warnings (no line) last. */
  list(): ParseWarning[] {
    return this.#warnings
      .map((warning, order) => ({ warning, order }))
      .sort((a, b) => (a.warning.line ?? Infinity) - (b.warning.line ?? Infinity) || a.order - b.order)
      .map(({ warning }) => warning);
  }
}

export interface NumberedRow {
  seq: string;
  /** What the row is called, for the message when it has no number. */
  name: string;
  line: number;
}

/**
 * Checks one run of numbered rows (a table, or one category of it when numbering restarts per category):
 * a number seen twice is `duplicate-seq`, a jump over numbers is `missing-seq`. A `1` after other numbers
 * starts a new list. Numbers that are not
 * numerals (`①`, `A1`) are not checked: nothing can be said about their order.
 */
export function checkNumbering(rows: readonly NumberedRow[], what: string, sink: WarningSink): void {
  const seen = new Map<number, number>();
  let highest: number | null = null;
  for (const row of rows) {
    if (row.seq === '') {
      sink.add('missing-seq', `${what}“${row.name}”缺少序号`, row.line);
      continue;
    }
    const number = parseNumeral(row.seq.replace(/[()（）.．、]/g, ''));
    if (number === null) continue;
    // Numbering that starts again at 1 is a new list (a new category), not a run of duplicates.
    if (number === 1 && seen.size > 0) {
      seen.clear();
      highest = null;
    }
    const firstLine = seen.get(number);
    if (firstLine !== undefined) {
      sink.add('duplicate-seq', `${what}序号“${row.seq}”重复（第${firstLine}行已出现）`, row.line);
      continue;
    }
    if (highest !== null && number > highest + 1) reportGap(highest + 1, number - 1, row.line, what, sink);
    seen.set(number, row.line);
    highest = highest === null ? number : Math.max(highest, number);
  }
}

function reportGap(from: number, to: number, line: number, what: string, sink: WarningSink): void {
  const missing = from === to ? `“${from}”` : `“${from}”至“${to}”`;
  sink.add('missing-seq', `${what}序号${missing}缺失`, line);
}
