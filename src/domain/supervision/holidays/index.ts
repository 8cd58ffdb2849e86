// The holiday table behind the working-day calendar. The default comes from the npm package `chinese-days`
// (maintained, yearly updated from the 国务院办公厅 notices; it covers 2004 onwards). The bureau can lay its own
// JSON file over it (KECHUANG_HOLIDAYS_FILE, read by services/supervision-calendar.ts) for a year the package does
// not know yet or a local adjustment — dates in the file win. Pure: parsing and merging only, no file reads.
import packaged from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import packageInfo from 'chinese-days/package.json' with { type: 'json' };
import { isIsoDate, type HolidayTable, type IsoDate } from '../calendar.ts';

interface PackagedData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** `"National Day,国庆节,3"` → `国庆节`: the package stores English name, Chinese name and a day count. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return (parts[1] ?? parts[0] ?? entry).trim();
}

function yearsOf(dates: Iterable<IsoDate>): number[] {
  return [...new Set([...dates].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

let cached: HolidayTable | null = null;

/** The table shipped by `chinese-days`. */
export function packagedHolidayTable(): HolidayTable {
  if (cached) return cached;
  const data = packaged as PackagedData;
  const holidays = new Map(Object.entries(data.holidays).map(([d, v]) => [d, chineseName(v)] as const));
  const workdays = new Map(Object.entries(data.workdays).map(([d, v]) => [d, chineseName(v)] as const));
  cached = {
    holidays,
    workdays,
    years: yearsOf(holidays.keys()),
    source: `chinese-days ${(packageInfo as { version: string }).version}`,
  };
  return cached;
}

/**
 * The bureau's file: `{ "years": [2027], "holidays": { "2027-01-01": "元旦" }, "workdays": { "2027-02-07": "春节" } }`.
 * `years` lists the years the file fully describes (a year listed there is "known" even without entries).
 */
export interface HolidayFile {
  years?: number[];
  holidays?: Record<string, string>;
  workdays?: Record<string, string>;
}

export class HolidayFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayFileError';
  }
}

/** Checks the bureau's file and turns it into a table; every problem is named in Chinese. */
export function parseHolidayFile(value: unknown, source: string): HolidayTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HolidayFileError(`${source}：节假日文件须为 JSON 对象 / holiday file must be a JSON object`);
  }
  const file = value as Record<string, unknown>;
  const readDates = (key: 'holidays' | 'workdays'): Map<IsoDate, string> => {
    const raw = file[key] ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new HolidayFileError(`${source}：${key} 须为 { "YYYY-MM-DD": "名称" } / ${key} must map dates to names`);
    }
    const map = new Map<IsoDate, string>();
    for (const [date, name] of Object.entries(raw)) {
      if (!isIsoDate(date)) throw new HolidayFileError(`${source}：日期“${date}”格式不正确 / invalid date ${date}`);
      map.set(date, typeof name === 'string' && name.trim() !== '' ? name.trim() : '节假日');
    }
    return map;
  };
  const holidays = readDates('holidays');
  const workdays = readDates('workdays');
  for (const date of workdays.keys()) {
    if (holidays.has(date)) throw new HolidayFileError(`${source}：${date} 不能既是节假日又是调休上班日 / both holiday and workday`);
  }
  const listed = file.years ?? [];
  if (!Array.isArray(listed) || !listed.every((y) => Number.isInteger(y) && y >= 1900 && y <= 2200)) {
    throw new HolidayFileError(`${source}：years 须为年份数组 / years must be a list of years`);
  }
  const years = [...new Set([...(listed as number[]), ...yearsOf(holidays.keys()), ...yearsOf(workdays.keys())])].sort(
    (a, b) => a - b,
  );
  return { holidays, workdays, years, source };
}

/** `override` laid over `base`: for a date the override names, its entry wins (a holiday there removes a workday). */
export function mergeHolidayTables(base: HolidayTable, override: HolidayTable): HolidayTable {
  const holidays = new Map(base.holidays);
  const workdays = new Map(base.workdays);
  for (const [date, name] of override.holidays) {
    holidays.set(date, name);
    workdays.delete(date);
  }
  for (const [date, name] of override.workdays) {
    workdays.set(date, name);
    holidays.delete(date);
  }
  const years = [...new Set([...base.years, ...override.years])].sort((a, b) => a - b);
  return { holidays, workdays, years, source: `${base.source} + ${override.source}` };
}
