// Calendar dates as 'YYYY-MM-DD' strings (China civil dates: no time, no zone). Certificates, registrations and
// rule-pack validity are days, never instants, so no Date object leaks a time zone into a boundary.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtc(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  return fromUtc(new Date(toUtc(value).getTime() + days * 86_400_000));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The same month and day `years` later; 29 February rolls to 1 March in a common year. */
export function addYears(value: string, years: number): string {
  const d = toUtc(value);
  return fromUtc(new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate())));
}

export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

/** Today in China (UTC+8), whatever the server's zone. */
export function chinaToday(now: Date = new Date()): string {
  return fromUtc(new Date(now.getTime() + 8 * 3_600_000));
}
