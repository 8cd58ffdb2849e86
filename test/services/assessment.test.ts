// 考核 报送及时 over what each unit OWED, filed or not: three units each responsible for one 奉节 indicator (its 2023
// figure due 2024-03-30) and taking part in one task (quarterly progress reports). 甲 files everything on time, 乙
// files everything late, 丙 never files anything — and must score as badly as 乙, not be left out of the rate.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports, tasks } from '../../src/db/schema/index.ts';
import { insertReport } from '../../src/repositories/reports.ts';
import { assessUnits } from '../../src/services/assess-units.ts';
import { createTask } from '../../src/services/create-task.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { saveTaskReport } from '../../src/services/save-task-report.ts';
import { submitTaskReport } from '../../src/services/submit-task-report.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, addUnit, importSeeds, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;
const unit = { onTime: '', late: '', never: '' };
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
  const admin = accessAs('county_admin', countyId);
  const staff = accessAs('county_staff', countyId);

  // One yearly indicator each: 2021…2025 reports owed; the 2023 one is due 2024-03-30 (90 days), the only one due in 2024.
  const indicators = plans.fengjie.indicators.slice(0, 3);
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
  // (5 working days after each quarter: 04-08 over 清明, 07-05, 10-14 over 国庆); Q4's falls in 2025.
  const task = await createTask(db(), staff, { title: '科技成果转化示范', leadUnitId: unit.onTime, responsibleUnitIds: [unit.late, unit.never], startOn: '2024-01-01', deadline: '2025-12-31' }, on('2024-01-02'));
  await db().update(tasks).set({ createdAt: on('2024-01-02') }).where(and(eq(tasks.id, task.id), eq(tasks.countyId, countyId)));
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
