// Rows of the enterprise bulk-import workbook → validated enterprises with their yearly figures, or per-cell errors
// in Chinese ("第5行 B列：统一社会信用代码校验位错误"). Pure: the service turns the workbook into plain cell values;
// nothing is written unless every row is valid. The template and the parser share COLUMNS, so they cannot drift.
import { isIsoDate } from './dates.ts';
import { COUNT_FIELDS, FIGURE_LABELS, SIGNED_FIELDS, type FigureField } from './figures.ts';
import { checkUscc } from './uscc.ts';

export const ENTERPRISE_SIZES = ['大型', '中型', '小型', '微型'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** A cell as the service hands it over: ExcelJS rich text, formulas and hyperlinks already reduced to their value. */
export type CellValue = string | number | boolean | Date | null;

type Column =
  | { key: 'name' | 'uscc' | 'town' | 'industry' | 'size' | 'establishedOn' | 'year'; header: string; width: number }
  | { key: FigureField; header: string; width: number };

export const IMPORT_COLUMNS: readonly Column[] = [
  { key: 'name', header: '企业名称', width: 30 },
  { key: 'uscc', header: '统一社会信用代码', width: 22 },
  { key: 'town', header: '所在乡镇', width: 12 },
  { key: 'industry', header: '所属行业', width: 16 },
  { key: 'size', header: '企业规模', width: 10 },
  { key: 'establishedOn', header: '成立日期', width: 12 },
  { key: 'year', header: '数据年度', width: 10 },
  ...(
    [
      'employees',
      'techStaff',
      'rdStaff',
      'salesRevenue',
      'mainBusinessRevenue',
      'totalIncome',
      'costs',
      'rdExpense',
      'rdExpenseDomestic',
      'hiTechRevenue',
      'totalAssets',
      'totalLiabilities',
      'netAssets',
      'netProfit',
      'ipClass1',
      'ipClass2',
      'ipClass1HighValue',
      'ipClass1SelfDeveloped',
      'conversions',
    ] as const
  ).map((key) => ({ key, header: FIGURE_LABELS[key], width: 14 })),
];

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface ImportCellError {
  row: number;
  column: string;
  message: string;
  /** "第5行 B列：统一社会信用代码校验位错误" */
  text: string;
}

export interface EnterpriseImportRow {
  row: number;
  name: string;
  uscc: string;
  town: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  establishedOn: string | null;
  /** Null when the row carries no figures (enterprise data only). */
  year: number | null;
  figures: Partial<Record<FigureField, number | null>>;
}

export interface ImportParse {
  rows: EnterpriseImportRow[];
  errors: ImportCellError[];
}

function cellError(row: number, column: string, message: string): ImportCellError {
  return { row, column, message, text: `第${row}行 ${column}列：${message}` };
}

function text(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value).normalize('NFKC').trim();
  return s === '' ? null : s;
}

const BLANK = new Set(['', '-', '—', '–', '/', '无数据']);

function parseNumber(value: CellValue): number | null | 'invalid' {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'invalid';
  if (typeof value === 'boolean' || value instanceof Date) return 'invalid';
  const s = value.normalize('NFKC').trim().replace(/[,，\s]/g, '');
  if (BLANK.has(s)) return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return 'invalid';
  return Number(s);
}

function parseDate(value: CellValue): string | null | 'invalid' {
  if (value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // An Excel serial day number (1900 system): day 25569 is 1970-01-01.
    if (value < 1 || value > 100_000) return 'invalid';
    return new Date(Math.round((value - 25_569) * 86_400_000)).toISOString().slice(0, 10);
  }
  const s = String(value).normalize('NFKC').trim();
  if (s === '') return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

/** Header problems (wrong or reordered template) — reported on row 1 and stop the parse. */
export function headerErrors(header: readonly CellValue[]): ImportCellError[] {
  const errors: ImportCellError[] = [];
  IMPORT_COLUMNS.forEach((col, i) => {
    const got = text(header[i] ?? null);
    // Compared NFKC-normalised: Excel or a clerk may turn （） into () — the same header.
    if (got !== col.header.normalize('NFKC')) {
      errors.push(cellError(1, columnLetter(i), `表头应为“${col.header}”${got ? `，实为“${got}”` : ''}（请使用导入模板）`));
    }
  });
  return errors;
}

export function parseEnterpriseRows(header: readonly CellValue[], rows: readonly { row: number; cells: readonly CellValue[] }[]): ImportParse {
  const headerProblems = headerErrors(header);
  if (headerProblems.length > 0) return { rows: [], errors: headerProblems };
  const errors: ImportCellError[] = [];
  const out: EnterpriseImportRow[] = [];
  const seen = new Map<string, number>();
  const col = (key: Column['key']) => IMPORT_COLUMNS.findIndex((c) => c.key === key);
  const letter = (key: Column['key']) => columnLetter(col(key));

  for (const { row, cells } of rows) {
    const get = (key: Column['key']): CellValue => cells[col(key)] ?? null;
    if (IMPORT_COLUMNS.every((_, i) => text(cells[i] ?? null) === null)) continue;
    const rowErrors: ImportCellError[] = [];
    const err = (key: Column['key'], message: string) => rowErrors.push(cellError(row, letter(key), message));

    const name = text(get('name'));
    if (name === null) err('name', '企业名称不能为空');
    else if (name.length > 100) err('name', '企业名称过长（最多100字）');

    const usccRaw = text(get('uscc'));
    const uscc = checkUscc(usccRaw ?? '');
    if (!uscc.ok) err('uscc', uscc.message);

    const sizeText = text(get('size'));
    const size = sizeText === null ? null : (ENTERPRISE_SIZES as readonly string[]).includes(sizeText) ? (sizeText as EnterpriseSize) : null;
    if (sizeText !== null && size === null) err('size', `企业规模应为${ENTERPRISE_SIZES.join('、')}之一`);

    const established = parseDate(get('establishedOn'));
    if (established === 'invalid') err('establishedOn', '成立日期格式不正确（如 2015-06-30）');

    const figures: Partial<Record<FigureField, number | null>> = {};
    let anyFigure = false;
    for (const c of IMPORT_COLUMNS) {
      if (c.key === 'name' || c.key === 'uscc' || c.key === 'town' || c.key === 'industry' || c.key === 'size' || c.key === 'establishedOn' || c.key === 'year') continue;
      const key = c.key;
      const value = parseNumber(get(key));
      if (value === 'invalid') {
        err(key, `${c.header}应为数字`);
        continue;
      }
      if (value !== null) {
        anyFigure = true;
        if (value < 0 && !SIGNED_FIELDS.has(key)) err(key, `${c.header}不能为负数`);
        else if (COUNT_FIELDS.has(key) && !Number.isInteger(value)) err(key, `${c.header}应为整数`);
      }
      figures[key] = value;
    }

    const yearValue = parseNumber(get('year'));
    let year: number | null = null;
    let yearOk = false;
    if (yearValue === 'invalid' || (yearValue !== null && (!Number.isInteger(yearValue) || yearValue < 1990 || yearValue > 2100))) {
      err('year', '数据年度应为四位年份（如 2024）');
    } else if (yearValue === null && anyFigure) {
      err('year', '填写了年度数据，须填写数据年度');
    } else {
      year = yearValue;
      yearOk = true;
    }

    const le = (small: FigureField, big: FigureField, message: string) => {
      const a = figures[small];
      const b = figures[big];
      if (a !== null && a !== undefined && b !== null && b !== undefined && a > b) err(small, message);
    };
    le('techStaff', 'employees', '科技人员不能多于职工总数');
    le('rdStaff', 'employees', '研发人员不能多于职工总数');
    le('rdExpenseDomestic', 'rdExpense', '境内研发费用不能大于研发费用总额');
    le('ipClass1HighValue', 'ipClass1', 'Ⅰ类高价值知识产权不能多于Ⅰ类知识产权');
    le('ipClass1SelfDeveloped', 'ipClass1', '自主研发Ⅰ类知识产权不能多于Ⅰ类知识产权');
    le('mainBusinessRevenue', 'salesRevenue', '主营业务收入不能大于销售（营业）收入');

    // A row whose year is unreadable cannot be matched against others: no duplicate claim on a guess.
    if (uscc.ok && yearOk) {
      const key = `${uscc.code}|${year ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) err('uscc', `与第${first}行重复（同一企业同一年度只能有一行）`);
      else seen.set(key, row);
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    out.push({
      row,
      name: name ?? '',
      uscc: uscc.ok ? uscc.code : '',
      town: text(get('town')),
      industry: text(get('industry')),
      size,
      establishedOn: established === 'invalid' ? null : established,
      year,
      figures: year === null ? {} : figures,
    });
  }
  return { rows: out, errors };
}
