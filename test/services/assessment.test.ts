// 考核 报送及时 over what each unit OWED, filed or not: three units each responsible for one 奉节 indicator (its 2023
// figure due 2024-03-30) and taking part in one task (quarterly progress reports). 甲 files everything on time, 乙
// files everything late, 丙 never files anything — and must score as badly as 乙, not be left out of the rate, yet be
// told apart from it (迟报 vs 未报). 丁 leads a second task and files one quarter on time, one late, one not at all.
// Last, the county's cadence (月报 / 季报 / 半年报 / 年报) decides how many task reports are owed.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reports, tasks } from '../../src/db/schema/index.ts';
import { insertReport } from '../../src/repositories/reports.ts';
import { assessUnits } from '../../src/services/assess-units.ts';
import { createTask } from '../../src/services/create-task.ts';
import { ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { exportAssessment, REPORT_BREAKDOWN_HEADERS } from '../../src/services/export-assessment.ts';
import { getSupervisionSettings } from '../../src/services/get-supervision-settings.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { saveTaskReport } from '../../src/services/save-task-report.ts';
import { submitTaskReport } from '../../src/services/submit-task-report.ts';
import { updateSupervisionSettings } from '../../src/services/update-supervision-settings.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, addUnit, importSeeds, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;
const unit = { onTime: '', late: '', never: '', mixed: '' };
const taskIds = { shared: '', mixed: '' };
let indicatorNames: string[] = [];
const db = () => database.db;
/** China noon of a date. */
const on = (date: string) => new Date(`${date}T12:00:00+08:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  const countyId = plans.fengjie.countyId;
  unit.onTime = await addUnit(db(), countyId, '甲局');
  unit.late = await addUnit(db(), countyId, '乙局');
  unit.never = await addUnit(db(), countyId, '丙局');
  unit.mixed = await addUnit(db(), countyId, '丁局');
  const admin = accessAs('county_admin', countyId);
  const staff = accessAs('county_staff', countyId);

  // One yearly indicator each: 2021…2025 reports owed; the 2023 one is due 2024-03-30 (90 days), the only one due in 2024.
  const indicators = plans.fengjie.indicators.slice(0, 3);
  indicatorNames = indicators.map((i) => i.name);
  for (const [i, unitId] of [unit.onTime, unit.late, unit.never].entries()) {
    const indicator = indicators[i];
    if (!indicator) throw new Error('indicator missing');
    await configureIndicator(db(), admin, { indicatorId: indicator.id, responsibleUnitId: unitId, frequency: 'year', dueDays: null, targetKind: null, tolerance: null, expectedVersion: 0 });
  }
  // 甲 hands its 2023 report in on 03-20, 乙 on 04-20; 丙 files nothing.
  for (const [unitId, day] of [
    [unit.onTime, '2024-03-20'],
    [unit.late, '2024-04-20'],
  ] as const) {
    const id = await insertReport(db(), { countyId, unitId, period: '2023' });
    if (!id) throw new Error('report not inserted');
    await db().update(reports).set({ state: 'submitted', submittedBy: 'test', submittedAt: on(day) }).where(eq(reports.id, id));
  }

  // A task started 2024-01-01 (entered 01-02), 甲 leading, 乙 and 丙 responsible: Q1–Q3 2024 reports are due in 2024
  // (5 working days after each quarter: 04-08 over 清明, 07-05, 10-12 over 国庆 with its 调休 Saturday); Q4's falls in 2025.
  const task = await createTask(db(), staff, { title: '科技成果转化示范', leadUnitId: unit.onTime, responsibleUnitIds: [unit.late, unit.never], startOn: '2024-01-01', deadline: '2025-12-31' }, on('2024-01-02'));
  await db().update(tasks).set({ createdAt: on('2024-01-02') }).where(and(eq(tasks.id, task.id), eq(tasks.countyId, countyId)));
  taskIds.shared = task.id;
  for (const [unitId, days] of [
    [unit.onTime, ['2024-04-03', '2024-07-05', '2024-10-08']],
    [unit.late, ['2024-04-09', '2024-07-20', '2024-11-01']],
  ] as const) {
    for (const [q, day] of days.entries()) {
      const reporter = accessAs('unit_reporter', countyId, unitId);
      const saved = await saveTaskReport(db(), reporter, { taskId: task.id, period: `2024Q${q + 1}`, text: `第${q + 1}季度进展`, percentDone: 25 * (q + 1) });
      await submitTaskReport(db(), reporter, saved.id, saved.version, on(day));
    }
  }

  // 丁 leads its own task from 2024-01-01: Q1 handed in 04-03 (due 04-08, on time), Q2 on 07-20 (due 07-05, late),
  // Q3 never (due 10-12: 国庆, then the 调休 Saturday counts; missing).
  const mixed = await createTask(db(), staff, { title: '农业科技示范园建设', leadUnitId: unit.mixed, startOn: '2024-01-01', deadline: '2025-12-31' }, on('2024-01-02'));
  await db().update(tasks).set({ createdAt: on('2024-01-02') }).where(and(eq(tasks.id, mixed.id), eq(tasks.countyId, countyId)));
  taskIds.mixed = mixed.id;
  const mixedReporter = accessAs('unit_reporter', countyId, unit.mixed);
  for (const [period, day] of [
    ['2024Q1', '2024-04-03'],
    ['2024Q2', '2024-07-20'],
  ] as const) {
    const saved = await saveTaskReport(db(), mixedReporter, { taskId: mixed.id, period, text: '进展', percentDone: 30 });
    await submitTaskReport(db(), mixedReporter, saved.id, saved.version, on(day));
  }
});

afterAll(async () => database.dispose());

describe('报送及时 counts the reports a unit never filed', () => {
  it('on time 4 of 4, late 0 of 4, never 0 of 4 — the unit that never filed ranks with the late one, not first', async () => {
    const assessment = await assessUnits(db(), accessAs('county_staff', plans.fengjie.countyId), { year: 2024 }, on('2025-01-10'));
    const row = (id: string) => assessment.rows.find((r) => r.unitId === id);
    expect(row(unit.onTime)?.counts.reports).toEqual({ good: 4, total: 4 });
    expect(row(unit.late)?.counts.reports).toEqual({ good: 0, total: 4 });
    expect(row(unit.never)?.counts.reports).toEqual({ good: 0, total: 4 });
    // Nothing else is judged for them in 2024 (no figures, the task's deadline is 2025): the rate is the score.
    expect(row(unit.never)?.rates).toEqual({ indicators: null, reports: 0, tasks: null, supervision: null });
    expect([row(unit.onTime)?.score, row(unit.late)?.score, row(unit.never)?.score]).toEqual([100, 0, 0]);
    expect(row(unit.onTime)?.rank).toBe(1);
    expect(row(unit.never)?.rank).toBe(row(unit.late)?.rank);
    expect(row(unit.never)?.rank).not.toBeNull();
  });

  it('before a report falls due nothing is held against the unit: as of 2024-03-30 only what was filed counts', async () => {
    const assessment = await assessUnits(db(), accessAs('county_staff', plans.fengjie.countyId), { year: 2024 }, on('2024-03-30'));
    const row = (id: string) => assessment.rows.find((r) => r.unitId === id);
    // The 2023 report is due today: 甲 filed it (on time); 乙 and 丙 are not late yet. No task report is due yet.
    expect(row(unit.onTime)?.counts.reports).toEqual({ good: 1, total: 1 });
    expect(row(unit.late)?.counts.reports).toEqual({ good: 0, total: 0 });
    expect(row(unit.never)?.counts.reports).toEqual({ good: 0, total: 0 });
  });

  it('the next year holds the 2024 figure and Q4 progress against 丙 as well', async () => {
    const assessment = await assessUnits(db(), accessAs('county_staff', plans.fengjie.countyId), { year: 2025 }, on('2025-06-30'));
    const never = assessment.rows.find((r) => r.unitId === unit.never);
    // 2024 figure (due 2025-03-31), 2024Q4 (due in January), 2025Q1 (due in April): all missing.
    expect(never?.counts.reports).toEqual({ good: 0, total: 3 });
  });
});

describe('报送及时 told apart: 按时 / 迟报 / 未报, and which reports', () => {
  it('a unit with one on-time, one late and one never-filed report shows 1 / 1 / 1; late and silent units differ', async () => {
    const assessment = await assessUnits(db(), accessAs('county_staff', plans.fengjie.countyId), { year: 2024 }, on('2025-01-10'));
    const row = (id: string) => assessment.rows.find((r) => r.unitId === id);
    expect(row(unit.mixed)?.reportBreakdown).toEqual({ onTime: 1, late: 1, missing: 1 });
    // The score math is unchanged: late and missing both count against.
    expect(row(unit.mixed)?.counts.reports).toEqual({ good: 1, total: 3 });
    expect(row(unit.onTime)?.reportBreakdown).toEqual({ onTime: 4, late: 0, missing: 0 });
    expect(row(unit.late)?.reportBreakdown).toEqual({ onTime: 0, late: 4, missing: 0 });
    expect(row(unit.never)?.reportBreakdown).toEqual({ onTime: 0, late: 0, missing: 4 });
    // Which ones: the late and the missing report, by due date, named by task and period.
    expect(row(unit.mixed)?.overdueReports).toEqual([
      { kind: 'task', name: '农业科技示范园建设', taskId: taskIds.mixed, period: '2024Q2', periodLabel: '2024年第二季度', dueOn: '2024-07-05', submittedOn: '2024-07-20', timeliness: 'late' },
      { kind: 'task', name: '农业科技示范园建设', taskId: taskIds.mixed, period: '2024Q3', periodLabel: '2024年第三季度', dueOn: '2024-10-12', submittedOn: null, timeliness: 'missing' },
    ]);
    expect(row(unit.onTime)?.overdueReports).toEqual([]);
    // 乙's 2023 indicator figure, handed in 04-20, is named by its indicator.
    expect(row(unit.late)?.overdueReports[0]).toEqual({
      kind: 'indicator',
      name: `指标数据：${indicatorNames[1]}`,
      taskId: null,
      period: '2023',
      periodLabel: '2023年',
      dueOn: '2024-03-30',
      submittedOn: '2024-04-20',
      timeliness: 'late',
    });
    expect(row(unit.never)?.overdueReports.map((r) => [r.period, r.timeliness])).toEqual([
      ['2023', 'missing'],
      ['2024Q1', 'missing'],
      ['2024Q2', 'missing'],
      ['2024Q3', 'missing'],
    ]);
    expect(assessment.taskReportFrequency).toBe('quarter');
  });

  it('the Excel export has 按时 / 迟报 / 未报 as separate columns and a sheet of the late and missing reports', async () => {
    const { bytes } = await exportAssessment(db(), accessAs('county_staff', plans.fengjie.countyId), { year: 2024 }, on('2025-01-10'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('2024年考核');
    if (!sheet) throw new Error('sheet missing');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const column = (title: string) => headers.indexOf(title) + 1;
    for (const title of REPORT_BREAKDOWN_HEADERS) expect(column(title)).toBeGreaterThan(0);
    const rowOf = (name: string) => {
      for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(column('单位')).value === name) return sheet.getRow(r);
      throw new Error(`no row for ${name}`);
    };
    const breakdown = (name: string) => REPORT_BREAKDOWN_HEADERS.map((title) => rowOf(name).getCell(column(title)).value);
    expect(breakdown('丁局')).toEqual([1, 1, 1]);
    expect(breakdown('乙局')).toEqual([0, 4, 0]);
    expect(breakdown('丙局')).toEqual([0, 0, 4]);
    expect(rowOf('丁局').getCell(column('报送及时（达标/应计）')).value).toBe('1/3');
    const details = workbook.getWorksheet('迟报未报明细');
    if (!details) throw new Error('details sheet missing');
    expect((details.getRow(2).values as unknown[]).slice(1)).toEqual(['单位', '类型', '报送内容', '期间', '应报日期', '报送日期', '情况']);
    const mixedLines: unknown[][] = [];
    details.eachRow((row, n) => {
      if (n > 2 && row.getCell(1).value === '丁局') mixedLines.push((row.values as unknown[]).slice(1));
    });
    expect(mixedLines).toEqual([
      ['丁局', '任务进展', '农业科技示范园建设', '2024年第二季度', '2024-07-05', '2024-07-20', '迟报'],
      ['丁局', '任务进展', '农业科技示范园建设', '2024年第三季度', '2024-10-12', '未报', '未报'],
    ]);
  });
});

describe('the county’s task report cadence (月报 / 季报 / 半年报 / 年报)', () => {
  const county = () => plans.fengjie.countyId;
  const staff = () => accessAs('county_staff', county());
  const reportsOf = async (unitId: string) =>
    (await assessUnits(db(), staff(), { year: 2024 }, on('2025-01-10'))).rows.find((r) => r.unitId === unitId)?.reportBreakdown;

  it('is 季报 until the bureau chooses; a stale version is refused', async () => {
    const current = await getSupervisionSettings(db(), staff());
    expect(current).toMatchObject({ taskReportFrequency: 'quarter', version: 0 });
    await expect(updateSupervisionSettings(db(), staff(), { version: 3, taskReportFrequency: 'month' })).rejects.toBeInstanceOf(VersionConflictError);
    expect((await getSupervisionSettings(db(), staff())).version).toBe(0);
  });

  it('月报 owes a report for every month: the number of owed task reports changes, and the change is audited', async () => {
    const saved = await updateSupervisionSettings(db(), staff(), { version: 0, taskReportFrequency: 'month' });
    expect(saved).toMatchObject({ taskReportFrequency: 'month', version: 1 });
    // The weights and rules stay as they were.
    expect(saved.assessmentWeights).toEqual((await assessUnits(db(), staff(), { year: 2024 }, on('2025-01-10'))).weights);
    // 丙: the 2023 figure and January–November (December's report is due 2025-01-08): 1 + 11, all missing.
    expect(await reportsOf(unit.never)).toEqual({ onTime: 0, late: 0, missing: 12 });
    // 甲's quarterly reports answer none of the months now owed: only its indicator figure is on time.
    expect(await reportsOf(unit.onTime)).toEqual({ onTime: 1, late: 0, missing: 11 });
    expect((await assessUnits(db(), staff(), { year: 2024 }, on('2025-01-10'))).taskReportFrequency).toBe('month');
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'supervision.settings'), eq(auditLog.countyId, county())));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ taskReportFrequency: 'quarter' });
    expect(audit[0]?.after).toMatchObject({ taskReportFrequency: 'month' });
    // A write with the version read before this one is stale now.
    await expect(updateSupervisionSettings(db(), staff(), { version: 0, taskReportFrequency: 'year' })).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('under 月报 a new report must be for a month, and a monthly report filed on time counts', async () => {
    const reporter = accessAs('unit_reporter', county(), unit.never);
    await expect(saveTaskReport(db(), reporter, { taskId: taskIds.shared, period: '2024Q4', text: '季度进展', percentDone: 80 })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveTaskReport(db(), reporter, { taskId: taskIds.shared, period: '2024Q4', text: '季度进展', percentDone: 80 })).rejects.toThrow('本县任务进展按月报报送');
    // November is due 5 working days after 11-30: 2024-12-06.
    const saved = await saveTaskReport(db(), reporter, { taskId: taskIds.shared, period: '2024M11', text: '11月进展', percentDone: 80 });
    expect(saved.dueOn).toBe('2024-12-06');
    await submitTaskReport(db(), reporter, saved.id, saved.version, on('2024-12-05'));
    expect(await reportsOf(unit.never)).toEqual({ onTime: 1, late: 0, missing: 11 });
  });

  it('半年报 and 年报 owe fewer; back to 季报 restores the quarterly count', async () => {
    let version = (await getSupervisionSettings(db(), staff())).version;
    const set = async (taskReportFrequency: 'month' | 'quarter' | 'half' | 'year') => {
      version = (await updateSupervisionSettings(db(), staff(), { version, taskReportFrequency })).version;
    };
    // 半年报: the figure and 2024H1 (due 07-05); H2's is due in 2025.
    await set('half');
    expect(await reportsOf(unit.late)).toEqual({ onTime: 0, late: 1, missing: 1 });
    // 年报: only the figure; the 2024 annual report is due in 2025.
    await set('year');
    expect(await reportsOf(unit.late)).toEqual({ onTime: 0, late: 1, missing: 0 });
    await set('quarter');
    expect(await reportsOf(unit.late)).toEqual({ onTime: 0, late: 4, missing: 0 });
    expect(await reportsOf(unit.mixed)).toEqual({ onTime: 1, late: 1, missing: 1 });
  });
});
