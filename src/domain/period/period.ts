// 报告期间: a calendar year, half-year, quarter or month. Monitoring data arrive at all four granularities
// (统计公报 yearly, 技术合同登记 monthly, 季度调度), and 序时进度 needs the share of the year elapsed at the end
// of each. Pure values, no I/O; codes are the stable form stored and exchanged, labels are for people.

export type Half = 1 | 2;
export type Quarter = 1 | 2 | 3 | 4;
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: Half }
  | { kind: 'quarter'; year: number; quarter: Quarter }
  | { kind: 'month'; year: number; month: Month };

export type PeriodKind = Period['kind'];

/** Granularities, coarsest first. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month'];

export const PERIOD_KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  year: '年度',
  half: '半年',
  quarter: '季度',
  month: '月度',
};

/** A period code or label that cannot be read. Carries both languages: the bureau reads the Chinese half. */
export class PeriodParseError extends Error {
  constructor(
    readonly input: string,
    readonly code: 'period-format' | 'period-range',
    detail: string,
  ) {
    super(`${detail}："${input}"（应为 2023、2023H1、2023Q2、2023M07 或 2023年第二季度 等） / ` +
      `Unrecognised period "${input}" (expected 2023, 2023H1, 2023Q2, 2023M07 or a Chinese label)`);
    this.name = 'PeriodParseError';
  }
}

// Four-digit years only: a two-digit "23Q2" is too easy to misread as something else.
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export function yearPeriod(year: number): Period {
  return { kind: 'year', year };
}

/** Parses a code (2023, 2023H1, 2023Q2, 2023M07, case-insensitive, M7 accepted) or a Chinese label. */
export function parsePeriod(input: string): Period {
  const text = input.trim();
  const period = parseCode(text) ?? parseLabel(text);
  if (period === null) throw new PeriodParseError(input, 'period-format', '无法识别的期间');
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) {
    throw new PeriodParseError(input, 'period-range', `年份超出范围 ${MIN_YEAR}—${MAX_YEAR}`);
  }
  return period;
}

/** Like parsePeriod but returns null instead of throwing: for optional spreadsheet cells. */
export function tryParsePeriod(input: string): Period | null {
  try {
    return parsePeriod(input);
  } catch (error) {
    if (error instanceof PeriodParseError) return null;
    throw error;
  }
}

function parseCode(text: string): Period | null {
  const m = /^(\d{4})(?:([HhQqMm])(\d{1,2}))?$/.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  if (m[2] === undefined || m[3] === undefined) return { kind: 'year', year };
  return subPeriod(year, m[2].toUpperCase(), Number(m[3]), text);
}

function subPeriod(year: number, unit: string, n: number, original: string): Period {
  if (unit === 'H' && (n === 1 || n === 2)) return { kind: 'half', year, half: n };
  if (unit === 'Q' && isQuarter(n)) return { kind: 'quarter', year, quarter: n };
  if (unit === 'M' && isMonth(n)) return { kind: 'month', year, month: n };
  throw new PeriodParseError(original, 'period-range', '期间序号超出范围');
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};

function chineseOrArabic(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : (CHINESE_DIGITS[text] ?? Number.NaN);
}

// Labels as people type them in spreadsheets: 2023年, 2023年上半年, 2023年第二季度 / 2023年2季度, 2023年7月 / 2023年07月.
function parseLabel(text: string): Period | null {
  const m = /^(\d{4})\s*年(?:度)?\s*(.*)$/.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const rest = (m[2] ?? '').replace(/\s+/g, '');
  if (rest === '' || rest === '全年') return { kind: 'year', year };
  if (rest === '上半年') return { kind: 'half', year, half: 1 };
  if (rest === '下半年') return { kind: 'half', year, half: 2 };
  const q = /^第?([一二三四\d])季度?$/.exec(rest);
  if (q?.[1] !== undefined) return subPeriod(year, 'Q', chineseOrArabic(q[1]), text);
  const mo = /^([一二三四五六七八九十]{1,2}|\d{1,2})月(?:份)?$/.exec(rest);
  if (mo?.[1] !== undefined) return subPeriod(year, 'M', chineseOrArabic(mo[1]), text);
  return null;
}

function isQuarter(n: number): n is Quarter {
  return Number.isInteger(n) && n >= 1 && n <= 4;
}

function isMonth(n: number): n is Month {
  return Number.isInteger(n) && n >= 1 && n <= 12;
}

/** The stable code: 2023, 2023H1, 2023Q2, 2023M07 (month zero-padded so codes sort as text within a kind). */
export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'half':
      return `${period.year}H${period.half}`;
    case 'quarter':
      return `${period.year}Q${period.quarter}`;
    case 'month':
      return `${period.year}M${String(period.month).padStart(2, '0')}`;
  }
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** The Chinese label used in reports: 2023年, 2023年上半年, 2023年第二季度, 2023年7月. */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `${period.year}年`;
    case 'half':
      return `${period.year}年${period.half === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${period.year}年第${QUARTER_NAMES[period.quarter - 1]}季度`;
    case 'month':
      return `${period.year}年${period.month}月`;
  }
}

/** Share of the calendar year elapsed at the period's end: month m → m/12, Qq → q/4, Hh → h/2, year → 1. */
export function yearFractionAtEnd(period: Period): number {
  switch (period.kind) {
    case 'year':
      return 1;
    case 'half':
      return period.half / 2;
    case 'quarter':
      return period.quarter / 4;
    case 'month':
      return period.month / 12;
  }
}

/** Share of the calendar year elapsed at the period's start. */
export function yearFractionAtStart(period: Period): number {
  switch (period.kind) {
    case 'year':
      return 0;
    case 'half':
      return (period.half - 1) / 2;
    case 'quarter':
      return (period.quarter - 1) / 4;
    case 'month':
      return (period.month - 1) / 12;
  }
}

// Month-exact positions (in twelfths) keep comparisons free of floating-point ties.
function endMonthIndex(period: Period): number {
  return period.year * 12 + Math.round(yearFractionAtEnd(period) * 12);
}

function startMonthIndex(period: Period): number {
  return period.year * 12 + Math.round(yearFractionAtStart(period) * 12);
}

/**
 * Orders by period end; periods ending together (2023M12, 2023Q4, 2023H2, 2023) by later start first, so the
 * whole year sorts after its last month/quarter/half: the annual figure is the one that supersedes them.
 */
export function comparePeriods(a: Period, b: Period): number {
  return endMonthIndex(a) - endMonthIndex(b) || startMonthIndex(b) - startMonthIndex(a);
}

export function samePeriod(a: Period, b: Period): boolean {
  return formatPeriod(a) === formatPeriod(b);
}

/** True when `inner` lies wholly inside `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return startMonthIndex(outer) <= startMonthIndex(inner) && endMonthIndex(inner) <= endMonthIndex(outer);
}

/** Every period of one granularity from fromYear to toYear inclusive, in order. */
export function enumeratePeriods(fromYear: number, toYear: number, kind: PeriodKind): Period[] {
  const periods: Period[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    switch (kind) {
      case 'year':
        periods.push({ kind, year });
        break;
      case 'half':
        periods.push({ kind, year, half: 1 }, { kind, year, half: 2 });
        break;
      case 'quarter':
        for (const quarter of [1, 2, 3, 4] as const) periods.push({ kind, year, quarter });
        break;
      case 'month':
        for (let month = 1; month <= 12; month++) {
          if (isMonth(month)) periods.push({ kind, year, month });
        }
        break;
    }
  }
  return periods;
}

/** A plan's span: base year (基期, e.g. 2020) and target year (目标年, e.g. 2025). */
export interface PlanSpan {
  baseYear: number;
  targetYear: number;
}

/**
 * The reporting periods of a plan: 规划期 runs from the year after the base year to the target year
 * (十四五 = 2021—2025 with base 2020); the base year itself is the starting point, not a reporting period.
 */
export function periodsInPlan(plan: PlanSpan, kind: PeriodKind): Period[] {
  return enumeratePeriods(plan.baseYear + 1, plan.targetYear, kind);
}
