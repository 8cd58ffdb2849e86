// Reading the values written in table cells: indicator figures, investments, year ranges, units.
import type { Comparator } from './model.ts';
import { compact, toAsciiDigits } from './text-utils.ts';

export interface CellFigure {
  value: number | null;
  comparator: Comparator | null;
  /** Written inside 【】, or marked 【累计】 / 累计 / 新增: a cumulative figure (累计数). */
  cumulative: boolean;
  /** `年均增长10%`: the cell states the target as a yearly growth rate (in %), not a level; `value` is then null. */
  growthRate: number | null;
  /** False when the cell holds text that is neither a number nor a "no value" mark. */
  understood: boolean;
}

/** Marks that mean "no value" in Chinese statistical tables. */
const NO_VALUE = new Set(['', '－', '-', '—', '–', '——', '--', '/', '／', '\\', '无', '空', '×', '*', '…']);

const AT_LEAST_PREFIXES = ['≥', '>=', '＞=', '≧', '不低于', '不少于', '不小于', '超过', '突破', '高于', '大于', '>', '＞'];
const AT_MOST_PREFIXES = ['≤', '<=', '＜=', '≦', '不高于', '不超过', '不大于', '低于', '小于', '控制在', '<', '＜'];
const AT_LEAST_SUFFIXES = ['以上'];
const AT_MOST_SUFFIXES = ['以下', '以内'];

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

// Plans mark a cumulative figure in several ways: the whole number in 【】 (石柱: 【201】), or a mark before or after
// it — 【累计】80, 80（累计）, 累计80, 五年累计80, 累计新增30.
const CUMULATIVE_MARKS = ['【累计】', '[累计]', '［累计］', '〔累计〕', '（累计）', '(累计)'];
const CUMULATIVE_WORDS = ['五年累计新增', '五年累计', '规划期累计', '累计新增', '累计', '新增'];
// A reduction target written in the cell (累计降低13.5%): the figure is the rate; the words stay in the cell's text,
// which target-kind inference reads.
const REDUCTION_WORDS = ['累计降低', '累计下降', '降低', '下降'];
// A growth target written in the cell instead of a level: 年均增长10%, 年均增长10%以上, 年均增速8%左右, 年均10%.
const ANNUAL_GROWTH = /^年均(?:增长率?|增速|增幅|递增)?(?:达到|保持)?([+-]?\d+(?:\.\d+)?)[%％](?:以上|左右)?$/;

const NOT_UNDERSTOOD: CellFigure = { value: null, comparator: null, cumulative: false, growthRate: null, understood: false };

/**
 * `63.04`, `≥65`, `【201】`, `【累计】80`, `累计降低13%`, `年均增长10%`, `不低于2%`, `－` → value, comparator, marks.
 * `unit`: the indicator's unit; a cell repeating it (`50家`, `≥330天`, `3.5亿元` in an 亿元 row) is read as the number.
 * Another unit (`3.5亿元` in a 万元 row) stays unread: converting it is for a person to confirm, not for the parser.
 */
export function parseFigure(text: string, unit: string | null = null): CellFigure {
  let rest = toAsciiDigits(compact(text));
  if (NO_VALUE.has(rest)) return { value: null, comparator: null, cumulative: false, growthRate: null, understood: true };
  const growth = ANNUAL_GROWTH.exec(rest);
  if (growth?.[1] !== undefined) return { value: null, comparator: null, cumulative: false, growthRate: Number(growth[1]), understood: true };
  const marked = stripPrefix(rest, CUMULATIVE_MARKS) ?? stripSuffix(rest, CUMULATIVE_MARKS);
  const bracketed = marked ?? unwrap(rest, [['【', '】'], ['[', ']'], ['〔', '〕'], ['［', '］']]);
  let cumulative = bracketed !== null;
  if (bracketed !== null) rest = bracketed;
  if (NO_VALUE.has(rest)) return { value: null, comparator: null, cumulative, growthRate: null, understood: true };
  const reduced = stripPrefix(rest, REDUCTION_WORDS);
  if (reduced !== null) rest = reduced;
  else {
    const counted = stripPrefix(rest, CUMULATIVE_WORDS);
    if (counted !== null) {
      rest = counted;
      cumulative = true;
    }
  }
  let comparator: Comparator | null = null;
  rest = stripPrefix(rest, ['力争']) ?? rest;
  const atLeast = stripAffix(rest, AT_LEAST_PREFIXES, AT_LEAST_SUFFIXES);
  const atMost = atLeast === null ? stripAffix(rest, AT_MOST_PREFIXES, AT_MOST_SUFFIXES) : null;
  if (atLeast !== null) {
    comparator = '>=';
    rest = atLeast;
  } else if (atMost !== null) {
    comparator = '<=';
    rest = atMost;
  }
  rest = stripPrefix(rest, ['约', '达到']) ?? rest;
  rest = stripSuffix(rest, ['左右']) ?? rest;
  if (unit !== null && unit !== '%' && unit !== '‰') rest = stripSuffix(rest, [unit]) ?? rest;
  rest = stripSuffix(rest, ['%', '％', '‰']) ?? rest;
  rest = rest.replace(/(\d),(?=\d{3})/g, '$1');
  if (!PLAIN_NUMBER.test(rest)) return NOT_UNDERSTOOD;
  // 降低13%以上 is still a reduction rate: "at least" belongs to the rate, not to a threshold the level must keep.
  if (reduced !== null) comparator = null;
  return { value: Number(rest), comparator, cumulative, growthRate: null, understood: true };
}

function unwrap(text: string, pairs: ReadonlyArray<readonly [string, string]>): string | null {
  for (const [open, close] of pairs) {
    if (text.startsWith(open) && text.endsWith(close) && text.length >= 2) return text.slice(1, -1);
  }
  return null;
}

function stripAffix(text: string, prefixes: readonly string[], suffixes: readonly string[]): string | null {
  return stripPrefix(text, prefixes) ?? stripSuffix(text, suffixes);
}

function stripPrefix(text: string, prefixes: readonly string[]): string | null {
  const prefix = prefixes.find((p) => text.startsWith(p));
  return prefix === undefined ? null : text.slice(prefix.length);
}

function stripSuffix(text: string, suffixes: readonly string[]): string | null {
  const suffix = suffixes.find((s) => text.endsWith(s) && text.length > s.length);
  return suffix === undefined ? null : text.slice(0, -suffix.length);
}

const WAN_PER_UNIT: ReadonlyArray<readonly [string, number]> = [
  ['亿元', 10000],
  ['亿', 10000],
  ['万元', 1],
  ['万', 1],
  ['元', 0.0001],
];

/** The money unit a header announces, as a factor to 万元: `总投资估算（万元）` → 1, `（亿元）` → 10000. */
export function headerWanFactor(header: string): number {
  const text = compact(header);
  if (text.includes('亿')) return 10000;
  if (text.includes('万')) return 1;
  if (text.includes('（元）') || text.includes('(元)')) return 0.0001;
  return 1;
}

export interface Investment {
  value: number | null;
  understood: boolean;
}

const LEADING_AMOUNT = /^(\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?/;

/** `3500 ` → 3500 万元, `1.2亿元` → 12000 万元; a bare number is in the header's unit. */
export function parseInvestment(text: string, headerFactor: number): Investment {
  const cell = toAsciiDigits(compact(text)).replace(/(\d),(?=\d{3})/g, '$1');
  if (NO_VALUE.has(cell)) return { value: null, understood: true };
  const match = LEADING_AMOUNT.exec(cell);
  if (!match) return { value: null, understood: false };
  const remainder = cell.slice(match[0].length);
  // `5000（其中中央资金2000）`: an explanation in brackets after the amount is fine, other text is not.
  if (remainder !== '' && !remainder.startsWith('（') && !remainder.startsWith('(')) {
    return { value: null, understood: false };
  }
  const unit = match[2];
  const factor = unit === undefined ? headerFactor : (WAN_PER_UNIT.find(([name]) => name === unit)?.[1] ?? 1);
  return { value: roundTo6(Number(match[1]) * factor), understood: true };
}

function roundTo6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface YearRange {
  start: number;
  end: number;
}

const YEAR_RANGE =
  /((?:19|20)\d{2})年?(?:[.．]\d{1,2}月?)?(?:-|—|–|－|~|～|至|到|―)+((?:19|20)\d{2}|\d{2}(?!\d))/;
const SINGLE_YEAR = /(?:19|20)\d{2}/;

/** `2022-\n2025`, `2021年至2025年`, `2021—2025`, `2021～2025`, `2021-25`; a single year gives start = end. */
export function parseYearRange(text: string): YearRange | null {
  const cell = toAsciiDigits(compact(text));
  const range = YEAR_RANGE.exec(cell);
  if (range?.[1] && range[2]) {
    const start = Number(range[1]);
    const end = range[2].length === 2 ? Math.floor(start / 100) * 100 + Number(range[2]) : Number(range[2]);
    return end >= start ? { start, end } : null;
  }
  const single = SINGLE_YEAR.exec(cell);
  return single ? { start: Number(single[0]), end: Number(single[0]) } : null;
}

/** The first four-digit year written in a header cell: `2020年 完成值` → 2020. */
export function yearIn(text: string): number | null {
  const match = SINGLE_YEAR.exec(toAsciiDigits(text));
  return match ? Number(match[0]) : null;
}

const UNIT_WORD =
  /^(?:[万亿千百]?(?:元|美元)|万?(?:个|家|件|项|人|名|人次|家次|天|年|次|所|座|处|户|台|套|条|篇|本|部|辆|张|床|倍|亩|吨|吨标准煤|千瓦|千瓦时|平方米|平方公里|公里|千米|米|公顷|册|株|头|只|羽|kW|kWh)|个百分点|百分点|小时|分钟|岁|度|%|‰)$/i;

/** Whether the text in a trailing bracket of an indicator name is a unit: `%`, `家`, `人/年`, `件/万人`. */
export function isUnit(text: string): boolean {
  const unit = normalizeUnit(text);
  if (unit === '' || unit.length > 10 || /[，,、。；]/.test(unit)) return false;
  // A short bracket with a slash is a rate (`吨标准煤/万元`, `人/年`): explanations are not written that way.
  if (unit.includes('/')) return true;
  return UNIT_WORD.test(unit.startsWith('每') ? unit.slice(1) : unit);
}

export function normalizeUnit(text: string): string {
  return compact(text).replace(/％/g, '%').replace(/／/g, '/');
}

export interface NamedUnit {
  name: string;
  unit: string | null;
}

const TRAILING_PERCENT = ['达到%', '超过%', '达%', '%', '％', '‰'];

/** `比重（%）` → 比重 + `%`; `比重达到%` → 比重 + `%`; no recognisable unit → the name as written, null. */
export function splitNameUnit(written: string): NamedUnit {
  const name = written.trim();
  const bracket = trailingBracket(name);
  if (bracket && isUnit(bracket.inner)) return { name: bracket.before, unit: normalizeUnit(bracket.inner) };
  const suffix = TRAILING_PERCENT.find((s) => name.endsWith(s) && name.length > s.length);
  if (suffix !== undefined) {
    return { name: name.slice(0, -suffix.length).trim(), unit: suffix.endsWith('‰') ? '‰' : '%' };
  }
  return { name, unit: null };
}

function trailingBracket(text: string): { before: string; inner: string } | null {
  if (!text.endsWith('）') && !text.endsWith(')')) return null;
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  if (open <= 0) return null;
  return { before: text.slice(0, open).trim(), inner: text.slice(open + 1, -1) };
}
