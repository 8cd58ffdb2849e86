// 工作日: the Chinese working-day calendar — Monday to Friday, minus 法定节假日, plus the 调休 weekend days that are
// worked instead. Deadlines of 督办单 and the 蓝 warning window are counted in working days, so a reply due
// "within 3 working days" of 2024-09-30 falls on 2024-10-09, not inside 国庆. Pure: the holiday table is data
// handed in (see holidays/), dates are calendar dates in China ('YYYY-MM-DD'), never instants.

/** A calendar date in China, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface HolidayTable {
  /** date → name of the 法定节假日 (rest days, including the weekend days inside a holiday block). */
  holidays: ReadonlyMap<IsoDate, string>;
  /** date → name: weekend days worked instead (调休上班). */
  workdays: ReadonlyMap<IsoDate, string>;
  /** Years the table was published for; outside them only weekends are known. */
  years: readonly number[];
  /** Where the table came from (package and version, or the bureau's file), shown to people. */
  source: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Guard against a loop that can never end (a table marking every day a holiday). */
const MAX_SCAN_DAYS = 3_660;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`日期格式不正确：${date}（应为 YYYY-MM-DD）/ invalid date`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The calendar date in China (UTC+8, no daylight saving) of an instant, whatever the server's TZ is. */
export function chinaDate(instant: Date): IsoDate {
  return fromUtc(instant.getTime() + 8 * 3_600_000);
}

export type DayKind = '工作日' | '周末' | '法定节假日' | '调休上班';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** The holiday a 法定节假日 or 调休上班 day belongs to. */
  name: string | null;
  /** False when the year is outside the table: only the weekend rule was applied. */
  known: boolean;
}

export class WorkingCalendar {
  private readonly years: ReadonlySet<number>;

  constructor(readonly table: HolidayTable) {
    this.years = new Set(table.years);
  }

  /** Whether the holiday table covers the date's year (outside it, holidays are unknown: weekends only). */
  covers(date: IsoDate): boolean {
    return this.years.has(Number(date.slice(0, 4)));
  }

  day(date: IsoDate): DayInfo {
    const weekday = new Date(toUtc(date)).getUTCDay();
    const known = this.covers(date);
    const worked = this.table.workdays.get(date);
    if (worked !== undefined) return { date, kind: '调休上班', working: true, name: worked, known };
    const holiday = this.table.holidays.get(date);
    if (holiday !== undefined) return { date, kind: '法定节假日', working: false, name: holiday, known };
    const weekend = weekday === 0 || weekday === 6;
    return { date, kind: weekend ? '周末' : '工作日', working: !weekend, name: null, known };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /**
   * The n-th working day after `date` (n ≥ 1); n = 0 gives `date` itself if it is a working day, else the next one.
   * "Reply within 3 working days" of an order issued on `date` is due on addWorkingDays(date, 3).
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数须为非负整数：${n} / working days must be a non-negative integer`);
    let current = date;
    if (n === 0) return this.isWorkingDay(current) ? current : this.nextWorkingDay(current);
    for (let left = n; left > 0; left -= 1) current = this.nextWorkingDay(current);
    return current;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let current = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) return current;
    }
    throw new RangeError(`${date} 之后十年内没有工作日，节假日表有误 / no working day found, holiday table broken`);
  }

  /**
   * Working days in (from, to]: how many working days remain from `from` until `to` is reached. 0 when `to` is
   * `from` or earlier; a deadline tomorrow (a working day) is 1 away.
   */
  workingDaysUntil(from: IsoDate, to: IsoDate): number {
    const span = daysBetween(from, to);
    if (span <= 0) return 0;
    if (span > MAX_SCAN_DAYS * 10) throw new RangeError('日期间隔过大 / date span too large');
    let count = 0;
    let current = from;
    for (let i = 0; i < span; i += 1) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) count += 1;
    }
    return count;
  }
}
