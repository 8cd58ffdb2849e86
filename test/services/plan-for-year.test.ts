// A county keeps its 十四五 plan after importing its 十五五 plan (the transition this bureau is in: 2026). Views over
// many counties must judge 2024 figures and the 2025 总结评估 against the 十四五 targets and 2026 onwards against the
// 十五五 ones — never simply against the newest plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCounties } from '../../src/services/monitoring/compare-counties.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { generateMunicipalReports } from '../../src/services/generate-municipal-reports.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { fengjieFifteenthPlan, FIFTEENTH_RD } from '../support/fifteenth-plan.ts';
import { accessAs, expectCellsMatchOwnTables, importSeeds, indicatorNamed, OPERATOR, type SeededPlans } from './monitoring-fixtures.ts';

const RD = FIFTEENTH_RD;

let database: TestDatabase;
let seeds: SeededPlans;
let fifteenthPlanId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  seeds = await importSeeds(database.db);
  await loadSampleData(database.db, OPERATOR);
});
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;
const municipal = () => accessAs('municipal', null);

describe('a county with its 十四五 and its 十五五 plan', () => {
  it('the comparison takes the 十四五 plan before the 十五五 one is imported (baseline of this test)', async () => {
    const compared = await compareCounties(db(), municipal(), { period: '2024' });
    expect(compared.counties.map((c) => c.planId).sort()).toEqual([seeds.fengjie.id, seeds.shizhu.id].sort());
  });

  it('after the 十五五 import: 2024 and 2025 still on the 十四五 plan, 2026 on the 十五五 plan; every cell as the plan’s own table', async () => {
    const imported = await importPlan(db(), { ...fengjieFifteenthPlan(), actor: 'test-operator' });
    if (imported.status !== 'imported') throw new Error(`not imported: ${imported.status}`);
    fifteenthPlanId = imported.planId;
    expect(imported.countyId).toBe(seeds.fengjie.countyId);
    // A 2026 figure on the 十五五 plan, so its column has something to judge.
    const fifteenth = await getPlan(db(), ALL_COUNTIES, fifteenthPlanId);
    await enterValue(db(), OPERATOR, { indicatorId: indicatorNamed(fifteenth, RD).id, period: '2026', value: 1.3, source: 'statistics', expectedVersion: 0 });

    const columnOf = async (period: string) => {
      const compared = await compareCounties(db(), municipal(), { period });
      await expectCellsMatchOwnTables(db(), municipal(), compared, period);
      return new Map(compared.counties.map((c) => [c.countyName, c.planId]));
    };
    for (const period of ['2024', '2025', '2025Q4']) {
      const chosen = await columnOf(period);
      expect(chosen.get('奉节县'), period).toBe(seeds.fengjie.id);
      expect(chosen.get('石柱县'), period).toBe(seeds.shizhu.id);
    }
    const in2026 = await columnOf('2026');
    expect(in2026.get('奉节县')).toBe(fifteenthPlanId);
    // 石柱 has no 十五五 plan yet: its nearest plan stays.
    expect(in2026.get('石柱县')).toBe(seeds.shizhu.id);

    const compared2026 = await compareCounties(db(), municipal(), { period: '2026' });
    const fengjieColumn = compared2026.counties.findIndex((c) => c.planId === fifteenthPlanId);
    const rd = compared2026.rows.find((r) => r.name === RD)?.cells[fengjieColumn];
    expect(rd?.current).toMatchObject({ period: '2026', value: 1.3 });
  });

  it('the 2025 总结评估 batch reports 奉节 on its 十四五 plan; a 2026 annual batch on its 十五五 plan', async () => {
    const final2025 = await generateMunicipalReports(db(), OPERATOR, { municipality: null, kind: 'final', year: 2025, renderWorkers: 0 });
    const fengjie2025 = final2025.rows.find((r) => r.countyName === '奉节县');
    expect(fengjie2025?.planTitle).toContain('十四五');
    expect(fengjie2025?.problem).toBeNull();

    const annual2026 = await generateMunicipalReports(db(), OPERATOR, { municipality: null, kind: 'annual', year: 2026, renderWorkers: 0 });
    expect(annual2026.rows.find((r) => r.countyName === '奉节县')?.planTitle).toContain('十五五');
  });
});
