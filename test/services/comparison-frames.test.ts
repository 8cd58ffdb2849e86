// The municipal comparison keeps each county's plan frame (indicators, target kinds, tolerances, county name)
// between calls and re-reads a county only when its stamp moves. The stamps are moved by triggers; these tests
// make every kind of write the frame depends on and check that (1) exactly the right county's stamp moved, and
// (2) the next comparison agrees cell by cell with the counties' own status tables, which read everything afresh.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counties } from '../../src/db/schema/index.ts';
import { readPlanFrameStamps } from '../../src/repositories/monitoring-status.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { compareCounties, type CountyComparison } from '../../src/services/monitoring/compare-counties.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { getIndicatorSeries } from '../../src/services/monitoring/get-indicator-series.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { reimportPlan } from '../../src/services/reimport-plan.ts';
import { updatePlanIndicator } from '../../src/services/update-plan-indicator.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { SHIZHU_SEED, seedFile } from '../support/seeds.ts';
import { accessAs, expectCellsMatchOwnTables, importSeeds, indicatorNamed, OPERATOR, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let plans: SeededPlans;

beforeAll(async () => {
  database = await createTestDatabase();
  plans = await importSeeds(database.db);
  await loadSampleData(database.db, OPERATOR);
});
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;
const municipal = () => accessAs('municipal', null);
const stamps = () => readPlanFrameStamps(db(), ALL_COUNTIES);
const RD = '全社会研发经费占地区生产总值的比重';

/** The comparison as the municipal bureau sees it, checked against the counties' own tables. */
async function view(period = '2024'): Promise<CountyComparison> {
  const compared = await compareCounties(db(), municipal(), { period });
  await expectCellsMatchOwnTables(db(), municipal(), compared, period);
  return compared;
}

function cellOf(compared: CountyComparison, countyId: string, indicatorId: string) {
  const column = compared.counties.findIndex((c) => c.countyId === countyId);
  return compared.rows.map((r) => r.cells[column]).find((c) => c?.indicatorId === indicatorId);
}

async function configure(indicatorId: string, change: { targetKind?: 'threshold' | null; responsibleUnitId?: string | null }) {
  const { setting } = (await getIndicatorSeries(db(), municipal(), { indicatorId })).indicator;
  return configureIndicator(db(), OPERATOR, {
    indicatorId,
    responsibleUnitId: change.responsibleUnitId === undefined ? setting.responsibleUnitId : change.responsibleUnitId,
    frequency: setting.frequency,
    dueDays: setting.dueDays,
    targetKind: change.targetKind === undefined ? setting.targetKind : change.targetKind,
    tolerance: setting.tolerance,
    expectedVersion: setting.version,
  });
}

describe('plan frame stamps', () => {
  it('move for the county whose frame changed, and for nothing else', async () => {
    const { fengjie, shizhu } = plans;
    const start = await stamps();
    expect([...start.keys()].sort()).toEqual([fengjie.countyId, shizhu.countyId].sort());

    // A figure is not part of the frame; nor is who reports it.
    const rd = indicatorNamed(fengjie, RD);
    await enterValue(db(), OPERATOR, { indicatorId: rd.id, period: '2025', source: 'statistics', value: 1.1, expectedVersion: 0 });
    await configure(rd.id, { responsibleUnitId: null });
    expect(await stamps()).toEqual(start);

    // The bureau's target-kind override: 奉节 moves, 石柱 does not.
    await configure(rd.id, { targetKind: 'threshold' });
    const afterKind = await stamps();
    expect(afterKind.get(fengjie.countyId)).toBeGreaterThan(start.get(fengjie.countyId) ?? Infinity);
    expect(afterKind.get(shizhu.countyId)).toBe(start.get(shizhu.countyId));

    // A correction of a plan cell, then a rename: 石柱 moves each time.
    const patents = shizhu.indicators[0];
    if (patents === undefined) throw new Error('石柱 has no indicators');
    await updatePlanIndicator(db(), OPERATOR, { planId: shizhu.id, indicatorId: patents.id, version: patents.version, patch: { targetText: patents.target?.text ?? '' } });
    const afterCorrection = await stamps();
    expect(afterCorrection.get(shizhu.countyId)).toBeGreaterThan(afterKind.get(shizhu.countyId) ?? Infinity);
    expect(afterCorrection.get(fengjie.countyId)).toBe(afterKind.get(fengjie.countyId));
    await db().update(counties).set({ name: '石柱土家族自治县' }).where(eq(counties.id, shizhu.countyId));
    expect((await stamps()).get(shizhu.countyId)).toBeGreaterThan(afterCorrection.get(shizhu.countyId) ?? Infinity);
    await db().update(counties).set({ name: '石柱县' }).where(eq(counties.id, shizhu.countyId));
  });
});

describe('the comparison with kept frames', () => {
  it('agrees with the counties’ own tables after every kind of change', async () => {
    const { fengjie, shizhu } = plans;
    const rd = indicatorNamed(shizhu, RD);
    const first = await view();
    expect(cellOf(first, shizhu.countyId, rd.id)?.kind).toBe('level-up');

    // Override the kind: the next call evaluates with it.
    await configure(rd.id, { targetKind: 'threshold' });
    expect(cellOf(await view(), shizhu.countyId, rd.id)?.kind).toBe('threshold');
    await configure(rd.id, { targetKind: null });
    expect(cellOf(await view(), shizhu.countyId, rd.id)?.kind).toBe('level-up');

    // Correct the target: 完成进度 follows.
    const before = cellOf(await view(), shizhu.countyId, rd.id)?.completion ?? null;
    const stored = indicatorNamed(await getPlan(db(), ALL_COUNTIES, shizhu.id), RD);
    await updatePlanIndicator(db(), OPERATOR, { planId: shizhu.id, indicatorId: rd.id, version: stored.version, patch: { targetValue: 3 } });
    const corrected = cellOf(await view(), shizhu.countyId, rd.id)?.completion ?? null;
    expect(before).not.toBeNull();
    expect(corrected).not.toBe(before);

    // Rename a county so it sorts first: the columns follow.
    await db().update(counties).set({ name: '一石柱县' }).where(eq(counties.id, shizhu.countyId));
    expect((await view()).counties.map((c) => c.countyName)).toEqual(['一石柱县', '奉节县']);
    await db().update(counties).set({ name: '石柱县' }).where(eq(counties.id, shizhu.countyId));
    expect((await view()).counties.map((c) => c.countyName)).toEqual(['奉节县', '石柱县']);

    // 导入新版本: the comparison reads the new version.
    const seed = seedFile(SHIZHU_SEED);
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(seed.bytes), Buffer.from('\n')]));
    const reimported = await reimportPlan(db(), OPERATOR, { planId: shizhu.id, fileName: '石柱县规划（新版本）.txt', bytes });
    expect(reimported.status).toBe('imported');
    expect((await view()).counties.find((c) => c.countyId === shizhu.countyId)?.planId).toBe(reimported.planId);

    // Values are never kept: a new official figure shows at once.
    const contracts = indicatorNamed(fengjie, '技术合同成交额');
    expect(cellOf(await view('2025'), fengjie.countyId, contracts.id)?.current?.period).toBe('2024');
    await enterValue(db(), OPERATOR, { indicatorId: contracts.id, period: '2025', source: 'statistics', value: 8100, expectedVersion: 0 });
    expect(cellOf(await view('2025'), fengjie.countyId, contracts.id)?.current).toMatchObject({ period: '2025', value: 8100 });
  });

  it('a narrowed call and a full call share the kept frames without mixing them up', async () => {
    const only = await compareCounties(db(), municipal(), { period: '2024', countyIds: [plans.fengjie.countyId] });
    expect(only.counties.map((c) => c.countyName)).toEqual(['奉节县']);
    await expectCellsMatchOwnTables(db(), municipal(), only, '2024');
    expect((await view()).counties.map((c) => c.countyName)).toEqual(['奉节县', '石柱县']);
    const county = await compareCounties(db(), accessAs('municipal', null), { period: '2024', countyIds: [plans.shizhu.countyId] });
    expect(county.counties.map((c) => c.countyName)).toEqual(['石柱县']);
  });
});
