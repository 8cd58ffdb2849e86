// The working-day calendar the 督办 rules count with: the packaged holiday table (chinese-days), with the bureau's
// own file laid over it when KECHUANG_HOLIDAYS_FILE names one (for a year the package does not know yet, or a
// local adjustment). Read once per process; a broken file stops the start with a message saying what is wrong.
import { readFileSync } from 'node:fs';
import { WorkingCalendar } from '../domain/supervision/calendar.ts';
import { mergeHolidayTables, packagedHolidayTable, parseHolidayFile, HolidayFileError } from '../domain/supervision/holidays/index.ts';

let cached: { key: string; calendar: WorkingCalendar } | null = null;

export function loadWorkingCalendar(env: NodeJS.ProcessEnv = process.env): WorkingCalendar {
  const file = env.KECHUANG_HOLIDAYS_FILE?.trim() || null;
  const key = file ?? '';
  if (cached && cached.key === key) return cached.calendar;
  let table = packagedHolidayTable();
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new HolidayFileError(`无法读取节假日文件 ${file}：${(error as Error).message} / cannot read holiday file`);
    }
    table = mergeHolidayTables(table, parseHolidayFile(json, file));
  }
  const calendar = new WorkingCalendar(table);
  cached = { key, calendar };
  return calendar;
}
