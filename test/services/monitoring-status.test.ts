// Status views on the sample data: the plan status table, the municipal comparison, one indicator's series, the
// exports — and `sample remove` deleting exactly the sample rows.
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSettings, indicatorValues, reports, sampleUnits, units } from '../../src/db/schema/index.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { ForbiddenError, NotFoundError } from '../../src/services/errors.ts';
import { compareCounties } from '../../src/services/monitoring/compare-counties.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { exportComparison, exportPlanStatus } from '../../src/services/monitoring/export-indicator-table.ts';
import { getIndicatorSeries } from '../../src/services/monitoring/get-indicator-series.ts';
import { getPlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { listOutstandingReports } from '../../src/services/monitoring/list-outstanding-reports.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { removeSampleData } from '../../src/services/monitoring/remove-sample-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, expectCellsMatchOwnTables, importSeeds, indicatorNamed, OPERATOR, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
});
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;
const municipal = () => accessAs('municipal', null);
const rows = async (table: typeof indicatorValues | typeof reports | typeof indicatorSettings | typeof units | typeof sampleUnits) =>
  (await db().select({ n: count() }).from(table))[0]?.n ?? 0;

describe('sample data', () => {
  it('loads once, labelled, for both seed plans', async () => {
    const loaded = await loadSampleData(db(), OPERATOR);
    expect(loaded.status).toBe('loaded');
    expect(loaded.counties.map((c) => c.countyName)).toEqual(['奉节县', '石柱县']);
    expect((await loadSampleData(db(), OPERATOR)).status).toBe('already-loaded');
    const notes = await db().selectDistinct({ note: indicatorValues.caliberNote, sample: indicatorValues.isSample }).from(indicatorValues);
    expect(notes).toEqual([{ note: '示例数据', sample: true }]);
  });

  it('gives every indicator a current value and a mix of statuses, with the plans’ real baselines', async () => {
    const access = municipal();
    const fengjie = await getPlanStatus(db(), access, { planId: plans.fengjie.id, period: '2024' });
    const shizhu = await getPlanStatus(db(), access, { planId: plans.shizhu.id, period: '2024' });
    const all = [...fengjie.indicators, ...shizhu.indicators];
    expect(all.every((i) => i.current !== null && i.current.dataYear === 2024)).toBe(true);
    const statuses = all.map((i) => i.status);
    expect(statuses.filter((s) => s === '约束性未达标')).toHaveLength(1);
    expect(statuses).toContain('滞后');
    expect(statuses).toContain('快于预期');
    expect(statuses).toContain('基本符合预期');
    expect(statuses).toContain('提前实现');
    expect(fengjie.indicators.map((i) => i.baseline)).toEqual(plans.fengjie.indicators.map((i) => i.baseline));
    const air = fengjie.indicators.find((i) => i.name === '环境空气质量优良天数');
    expect(air).toMatchObject({ status: '约束性未达标', forecast: { possible: true, bindingWarning: true } });
    expect(fengjie.warnings).toBeGreaterThan(0);
    expect(fengjie.period).toBe('2024');
  });

  it('the default period is the last full year within the plan, and data years lag it honestly', async () => {
    const status = await getPlanStatus(db(), municipal(), { planId: plans.fengjie.id });
    expect(status.period).toBe(String(Math.min(2025, new Date().getFullYear() - 1)));
    expect(status.indicators[0]?.current?.dataYear).toBe(2024);
  });

  it('a county sees its own plan only', async () => {
    const shizhuAdmin = accessAs('county_admin', plans.shizhu.countyId);
    await expect(getPlanStatus(db(), shizhuAdmin, { planId: plans.fengjie.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPlanStatus(db(), shizhuAdmin, { planId: plans.shizhu.id, period: '2024' })).indicators).toHaveLength(10);
  });

  it('the municipal view lines the counties up by indicator name', async () => {
    const view = await compareCounties(db(), municipal(), { period: '2024' });
    expect(view.counties.map((c) => c.countyName)).toEqual(['奉节县', '石柱县']);
    const both = view.rows.filter((r) => r.cells.every((c) => c !== null)).map((r) => r.name);
    expect(both).toEqual(['全社会研发经费占地区生产总值的比重', '科技型企业', '高新技术企业', '万人有效发明专利拥有量', '公民具备科学素质的比例']);
    expect(view.rows).toHaveLength(13 + 10 - 5);
    await expectCellsMatchOwnTables(db(), municipal(), view, '2024');
    for (const column of view.counties.keys()) {
      const cells = view.rows.map((r) => r.cells[column]).filter((c) => c !== null && c !== undefined);
      expect(cells.some((c) => c.current !== null && c.completion !== null)).toBe(true);
    }
    const only = await compareCounties(db(), municipal(), { period: '2024', countyIds: [plans.shizhu.countyId] });
    expect(only.counties.map((c) => c.countyName)).toEqual(['石柱县']);
    await expect(compareCounties(db(), accessAs('county_admin', plans.shizhu.countyId), {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('shows a series with both sources, the official choice and the target path', async () => {
    const rd = indicatorNamed(plans.shizhu, '全社会研发经费占地区生产总值的比重');
    const series = await getIndicatorSeries(db(), municipal(), { indicatorId: rd.id });
    expect(series.sources.map((s) => [s.label, s.values.length])).toEqual([
      ['责任单位填报', 4],
      ['统计局', 4],
    ]);
    expect(series.official.every((o) => o.source === 'statistics')).toBe(true);
    expect(series.sources[1]?.values[0]?.officialReason).toBe('统计局数据为法定统计口径（示例）');
    expect(series.path?.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(series.path?.at(-1)?.value).toBe(1);
    expect(series.status?.indicatorId).toBe(rd.id);
    const growth = await getIndicatorSeries(db(), municipal(), { indicatorId: indicatorNamed(plans.shizhu, '全社会研发经费投入增长').id });
    expect(growth.official[0]).toMatchObject({ period: '2020', source: 'statistics' });
    expect(growth.status?.kind).toBe('annual-growth');
  });

  it('the sample units owe 2025, overdue', async () => {
    const owed = await listOutstandingReports(db(), accessAs('county_staff', plans.fengjie.countyId), { today: '2026-11-23' });
    expect(owed.length).toBeGreaterThan(0);
    expect(owed.every((o) => o.period === '2025' && o.overdue && o.state === null)).toBe(true);
  });

  it('exports the status table and the comparison as workbooks', async () => {
    const file = await exportPlanStatus(db(), municipal(), { planId: plans.fengjie.id, period: '2024' });
    expect(file.fileName).toBe('奉节县_主要指标完成情况_2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(10).value).toBe('评价');
    expect(sheet?.rowCount).toBe(2 + 13);
    expect(String(sheet?.getRow(15).getCell(10).value)).toBe('约束性未达标');
    const comparison = await exportComparison(db(), municipal(), { period: '2024' });
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(comparison.bytes as unknown as ExcelJS.Buffer);
    expect(other.worksheets[0]?.getRow(2).values).toEqual([undefined, '指标', '单位', '奉节县', '石柱县']);
  });

  it('sample remove deletes exactly the sample rows; what people touched stays', async () => {
    const staff = accessAs('county_staff', plans.fengjie.countyId, null, '县业务员');
    const admin = accessAs('county_admin', plans.fengjie.countyId, null, '县管理员');
    // A real figure, and a sample setting a person has since edited: both are real data now.
    const contracts = indicatorNamed(plans.fengjie, '技术合同成交额');
    await enterValue(db(), staff, { indicatorId: contracts.id, period: '2025', source: 'register', value: 8100, measureUnit: '万元', expectedVersion: 0 });
    const series = await getIndicatorSeries(db(), admin, { indicatorId: contracts.id });
    const kept = await configureIndicator(db(), admin, {
      indicatorId: contracts.id,
      responsibleUnitId: series.indicator.setting.responsibleUnitId,
      frequency: 'year',
      dueDays: 120,
      targetKind: null,
      tolerance: null,
      expectedVersion: series.indicator.setting.version,
    });
    const before = { values: await rows(indicatorValues), units: await rows(units) };
    await expect(removeSampleData(db(), admin)).rejects.toBeInstanceOf(ForbiddenError);
    const removed = await removeSampleData(db(), OPERATOR);
    const total = removed.reduce((s, c) => s + c.values, 0);
    expect(total).toBe(before.values - 1);
    expect(await db().select({ value: indicatorValues.value }).from(indicatorValues)).toEqual([{ value: 8100 }]);
    expect(await rows(reports)).toBe(0);
    const settings = await db().select().from(indicatorSettings);
    expect(settings.map((s) => [s.indicatorId, s.isSample])).toEqual([[contracts.id, false]]);
    // Units: all sample units went except the one the kept setting still names.
    expect(await rows(units)).toBe(1);
    expect((await db().select().from(units).where(eq(units.id, kept.responsibleUnitId ?? '')))[0]?.name).toBe('科技局');
    expect(await rows(sampleUnits)).toBe(0);
    const audit = await listAudit(db(), ALL_COUNTIES);
    expect(audit.filter((a) => a.action === 'sample.load')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'sample.remove').map((a) => a.countyId).sort()).toEqual(
      [plans.fengjie.countyId, plans.shizhu.countyId].sort(),
    );
    expect((await getPlanStatus(db(), municipal(), { planId: plans.shizhu.id, period: '2024' })).counts).toEqual({ 无数据: 10 });
  });
});
