import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, daysBetween, isIsoDate, WorkingCalendar, type HolidayTable } from '../../src/domain/supervision/calendar.ts';
import { HolidayFileError, mergeHolidayTables, packagedHolidayTable, parseHolidayFile } from '../../src/domain/supervision/holidays/index.ts';

const calendar = new WorkingCalendar(packagedHolidayTable());

describe('holiday table from chinese-days', () => {
  it('covers every year of the 十四五 plans and 2026', () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) expect(packagedHolidayTable().years).toContain(year);
    expect(packagedHolidayTable().source).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
  });

  // 国务院办公厅关于2024年部分节假日安排的通知: 国庆节 10月1日至7日放假调休，9月29日（周日）、10月12日（周六）上班。
  it.each([
    ['2024-09-29', '调休上班', true],
    ['2024-09-30', '工作日', true],
    ['2024-10-01', '法定节假日', false],
    ['2024-10-04', '法定节假日', false],
    ['2024-10-07', '法定节假日', false],
    ['2024-10-08', '工作日', true],
    ['2024-10-12', '调休上班', true],
    ['2024-10-13', '周末', false],
    // 2025年: 国庆节、中秋节 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班。
    ['2025-09-27', '周末', false],
    ['2025-09-28', '调休上班', true],
    ['2025-10-06', '法定节假日', false],
    ['2025-10-08', '法定节假日', false],
    ['2025-10-09', '工作日', true],
    ['2025-10-11', '调休上班', true],
    // 2025年春节: 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班。
    ['2025-01-26', '调休上班', true],
    ['2025-02-04', '法定节假日', false],
    ['2025-02-08', '调休上班', true],
  ] as const)('%s is %s', (date, kind, working) => {
    const day = calendar.day(date);
    expect(day.kind).toBe(kind);
    expect(day.working).toBe(working);
    expect(day.known).toBe(true);
  });

  it('names the holiday in Chinese', () => {
    expect(calendar.day('2024-10-01').name).toBe('国庆节');
    expect(calendar.day('2025-10-06').name).toBe('中秋');
  });
});

describe('working-day math', () => {
  it.each([
    // A reply due "within 3 working days" of an order issued on Monday 2024-09-30: 国庆 is skipped → 10-10.
    ['2024-09-30', 3, '2024-10-10'],
    // Issued on the 调休 Sunday 2024-09-29: 9-30 is the 1st working day, then 10-08, 10-09.
    ['2024-09-29', 3, '2024-10-09'],
    // Issued Friday 2024-10-11: the 调休 Saturday 10-12 counts as a working day.
    ['2024-10-11', 1, '2024-10-12'],
    ['2024-10-11', 2, '2024-10-14'],
    // 2025: issued Friday 2025-09-26 → 调休 Sunday 9-28, 9-29, 9-30, then 10-09.
    ['2025-09-26', 4, '2025-10-09'],
    // Inside the holiday: the first working day after 10-03 is 10-09, then the 调休 Saturday 10-11.
    ['2025-10-03', 1, '2025-10-09'],
    ['2025-10-03', 3, '2025-10-11'],
    // n = 0: the day itself when working, else the next working day.
    ['2025-10-03', 0, '2025-10-09'],
    ['2025-10-09', 0, '2025-10-09'],
    // An ordinary week.
    ['2023-03-03', 5, '2023-03-10'],
  ] as const)('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    // A deadline of 2024-10-08 seen from 2024-09-30: only 10-08 itself is a working day in between.
    ['2024-09-30', '2024-10-08', 1],
    ['2024-09-27', '2024-10-08', 3], // 9-29 (调休), 9-30, 10-08
    ['2025-09-30', '2025-10-09', 1],
    ['2025-10-09', '2025-10-09', 0],
    ['2025-10-10', '2025-10-09', 0],
    ['2023-03-06', '2023-03-13', 5],
  ] as const)('workingDaysUntil(%s, %s) = %i', (from, to, n) => {
    expect(calendar.workingDaysUntil(from, to)).toBe(n);
  });

  it('uses only the weekend rule outside the table and says so', () => {
    const day = calendar.day('2031-10-01');
    expect(day.known).toBe(false);
    expect(day.kind).toBe('工作日');
  });

  it('date helpers', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    // 2024-09-30T17:00Z is already 10-01 in China.
    expect(chinaDate(new Date('2024-09-30T17:00:00Z'))).toBe('2024-10-01');
    expect(() => calendar.addWorkingDays('2024-13-01', 1)).toThrow('日期格式不正确');
  });
});

describe("the bureau's holiday file", () => {
  it('lays a year the package does not know over the packaged table', () => {
    const file = parseHolidayFile(
      { years: [2031], holidays: { '2031-10-01': '国庆节', '2031-10-02': '国庆节' }, workdays: { '2031-09-28': '国庆节' } },
      'holidays-2031.json',
    );
    const merged = new WorkingCalendar(mergeHolidayTables(packagedHolidayTable(), file));
    expect(merged.day('2031-10-01')).toMatchObject({ kind: '法定节假日', known: true });
    expect(merged.day('2031-09-28')).toMatchObject({ kind: '调休上班', working: true });
    expect(merged.addWorkingDays('2031-09-30', 1)).toBe('2031-10-03');
    expect(merged.table.source).toContain('holidays-2031.json');
    // The packaged years are still there.
    expect(merged.day('2024-10-12').kind).toBe('调休上班');
  });

  it('wins over the package for a date it names', () => {
    const table: HolidayTable = parseHolidayFile({ workdays: { '2024-10-07': '本地调整' } }, 'local.json');
    const merged = new WorkingCalendar(mergeHolidayTables(packagedHolidayTable(), table));
    expect(merged.day('2024-10-07')).toMatchObject({ kind: '调休上班', working: true, name: '本地调整' });
  });

  it.each([
    [[], '须为 JSON 对象'],
    [{ holidays: { '2031-13-01': '错' } }, '格式不正确'],
    [{ holidays: { '2031-10-01': 'a' }, workdays: { '2031-10-01': 'b' } }, '既是节假日又是调休上班日'],
    [{ years: ['2031'] }, 'years 须为年份数组'],
    [{ holidays: ['2031-10-01'] }, 'holidays 须为'],
  ])('refuses a broken file: %j', (value, message) => {
    expect(() => parseHolidayFile(value, 'bad.json')).toThrow(HolidayFileError);
    expect(() => parseHolidayFile(value, 'bad.json')).toThrow(message);
  });
});
