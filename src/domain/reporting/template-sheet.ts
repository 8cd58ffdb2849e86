// The reporting template (填报模板) layout and the validation of an uploaded copy, cell by cell, with errors a
// reporter can act on: 第5行 C列：“abc”不是数字. The ExcelJS reading and writing live in the services; this file
// only knows the layout and the rules, so both are table-tested without a workbook.

export const TEMPLATE_SHEET_NAME = '填报表';
/** Marker in the hidden column's first cell: an upload without it is not our template. */
export const TEMPLATE_MARKER = 'kechuang-report-template-v1';
export const TITLE_ROW = 1;
export const INFO_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

/** Columns of the template, in order; `code` is hidden and holds the indicator id. */
export const TEMPLATE_COLUMNS = {
  seq: { letter: 'A', header: '序号', width: 6 },
  name: { letter: 'B', header: '指标名称', width: 40 },
  value: { letter: 'C', header: '本期数值', width: 14 },
  unit: { letter: 'D', header: '计量单位', width: 12 },
  caliber: { letter: 'E', header: '口径说明', width: 24 },
  comment: { letter: 'F', header: '备注', width: 24 },
  explanation: { letter: 'G', header: '异常说明（数值异常时必填）', width: 28 },
  code: { letter: 'H', header: '指标编码', width: 38 },
} as const;

export type TemplateColumn = keyof typeof TEMPLATE_COLUMNS;

/** Where the template says whom and what it is for: hidden cell H2, `unitId|period|reportVersion`. */
export interface TemplateIdentity {
  unitId: string;
  period: string;
  /** The report's version when the template was made (0: no report yet); a later upload against a changed report
   * is refused, so two people filling the same period cannot overwrite each other unknowingly. */
  reportVersion: number;
}

export function formatTemplateIdentity(identity: TemplateIdentity): string {
  return `${identity.unitId}|${identity.period}|${identity.reportVersion}`;
}

export function parseTemplateIdentity(text: string): TemplateIdentity | null {
  const m = /^([0-9a-f-]{36})\|([0-9A-Za-z]{4,7})\|(\d+)$/.exec(text.trim());
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  return { unitId: m[1], period: m[2], reportVersion: Number(m[3]) };
}

/** A data row as read from the sheet: cells already reduced to text or number (null = empty). */
export interface SheetRow {
  row: number;
  code: string | null;
  value: string | number | null;
  unit: string | null;
  caliber: string | null;
  comment: string | null;
  explanation: string | null;
}

/** What the template asks for: indicators by id. */
export interface ExpectedIndicator {
  id: string;
  name: string;
}

export interface CellError {
  row: number;
  /** Column letter, or null for a problem with the whole row. */
  column: string | null;
  /** 第5行 C列：“abc”不是数字 */
  message: string;
}

export interface ParsedSheetRow {
  row: number;
  indicatorId: string;
  value: number;
  unit: string | null;
  caliber: string | null;
  comment: string | null;
  explanation: string | null;
}

export interface SheetValidation {
  rows: ParsedSheetRow[];
  /** Rows left without a value (not filled in this time): not an error, nothing is written for them. */
  skipped: number[];
  errors: CellError[];
}

export function cellError(row: number, column: TemplateColumn | null, message: string): CellError {
  const letter = column === null ? null : TEMPLATE_COLUMNS[column].letter;
  return { row, column: letter, message: `第${row}行${letter === null ? '' : ` ${letter}列`}：${message}` };
}

/**
 * A number as people type it: 1234.5, 1,234.5, １２３４, -3, 1e3. Anything else (abc, 12万, 3.2.1, 50%) is not a
 * number — units belong in the unit column, and silently reading 50% as 50 or 0.5 would be a guess.
 */
export function parseNumberCell(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.normalize('NFKC').trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function quoted(value: string | number): string {
  return `“${String(value).trim()}”`;
}

/** Checks every row; the caller writes nothing unless `errors` is empty. */
export function validateSheetRows(rows: readonly SheetRow[], expected: readonly ExpectedIndicator[]): SheetValidation {
  const byId = new Map(expected.map((e) => [e.id, e]));
  const seen = new Map<string, number>();
  const result: SheetValidation = { rows: [], skipped: [], errors: [] };
  for (const row of rows) {
    const code = row.code?.trim() ?? '';
    const empty = row.value === null || (typeof row.value === 'string' && row.value.trim() === '');
    if (code === '') {
      // A row someone typed below the table: a value without an indicator cannot be placed.
      if (!empty) result.errors.push(cellError(row.row, 'code', '缺少指标编码，请使用下载的模板填报，不要插入行'));
      continue;
    }
    const indicator = byId.get(code);
    if (indicator === undefined) {
      result.errors.push(cellError(row.row, 'code', `未知的指标编码${quoted(code)}，该指标不属于本单位本期填报范围`));
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      result.errors.push(cellError(row.row, 'code', `指标“${indicator.name}”与第${first}行重复`));
      continue;
    }
    seen.set(code, row.row);
    if (empty || row.value === null) {
      result.skipped.push(row.row);
      continue;
    }
    const value = parseNumberCell(row.value);
    if (value === null) {
      result.errors.push(cellError(row.row, 'value', `${quoted(row.value)}不是数字`));
      continue;
    }
    result.rows.push({
      row: row.row,
      indicatorId: code,
      value,
      unit: blankToNull(row.unit),
      caliber: blankToNull(row.caliber),
      comment: blankToNull(row.comment),
      explanation: blankToNull(row.explanation),
    });
  }
  return result;
}

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
