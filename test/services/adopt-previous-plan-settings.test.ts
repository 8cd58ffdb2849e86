// 沿用上一规划的指标设置 on a real database: 奉节 set up its 十四五 plan (sample settings everywhere, a few by hand, two
// register bindings), then imports its 十五五 plan and adopts: dry run → pairs; commit → settings and the binding
// written with audit rows, a hand-made setting kept; a second commit adopts nothing; 石柱 cannot touch 奉节's plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/repositories/audit.ts';
import { listMonitoredIndicators, listSampleSettingIds, type MonitoredIndicator } from '../../src/repositories/indicator-settings.ts';
import { listBindingsOfPlan } from '../../src/repositories/register-bindings.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { ForbiddenError, NotFoundError } from '../../src/services/errors.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { adoptPreviousPlanSettings } from '../../src/services/monitoring/adopt-previous-plan-settings.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { removeSampleData } from '../../src/services/monitoring/remove-sample-data.ts';
import { bindIndicator } from '../../src/services/registers/bind-indicator.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ADOPT_PLAN_INDICATORS as N, fengjieFifteenthPlanForAdoption } from '../support/adopt-settings-plan.ts';
import { accessAs, addUnit, importSeeds, OPERATOR, type SeededPlans } from './monitoring-fixtures.ts';

let database: TestDatabase;
let seeds: SeededPlans;
let newPlanId = '';
let unitId = '';
const db = () => database.db;
const fjAdmin = () => accessAs('county_admin', seeds.fengjie.countyId);

async function indicatorsOf(planId: string): Promise<Map<string, MonitoredIndicator>> {
  const list = await listMonitoredIndicators(db(), ALL_COUNTIES, { planId });
  return new Map(list.map((i) => [i.row.name, i]));
}

function named(map: Map<string, MonitoredIndicator>, name: string): MonitoredIndicator {
  const found = map.get(name);
  if (!found) throw new Error(`indicator ${name} missing`);
  return found;
}

beforeAll(async () => {
  database = await createTestDatabase();
  seeds = await importSeeds(db());
  await loadSampleData(db(), OPERATOR);
  // Five years of work on the 十四五 plan: a real unit, three indicators set up by hand, two bindings.
  unitId = await addUnit(db(), seeds.fengjie.countyId, '发展改革委');
  const old = await indicatorsOf(seeds.fengjie.id);
  const rd = named(old, N.rd);
  await configureIndicator(db(), fjAdmin(), {
    indicatorId: rd.id,
    responsibleUnitId: unitId,
    frequency: 'half',
    dueDays: 45,
    targetKind: 'level-up',
    tolerance: 0.03,
    expectedVersion: rd.setting.version,
  });
  const hnte = named(old, '高新技术企业');
  await configureIndicator(db(), fjAdmin(), {
    indicatorId: hnte.id,
    responsibleUnitId: unitId,
    frequency: 'year',
    dueDays: 20,
    targetKind: null,
    tolerance: null,
    expectedVersion: hnte.setting.version,
  });
  await bindIndicator(db(), fjAdmin(), { indicatorId: hnte.id, rule: 'hnte-valid-at-year-end', params: {}, version: 0 });
  await bindIndicator(db(), fjAdmin(), { indicatorId: named(old, N.contracts).id, rule: 'tech-contract-amount', params: { side: 'seller' }, version: 0 });

  const imported = await importPlan(db(), { ...fengjieFifteenthPlanForAdoption(), actor: 'test-operator' });
  if (imported.status !== 'imported') throw new Error(`not imported: ${imported.status}`);
  newPlanId = imported.planId;
});
afterAll(async () => {
  await database.dispose();
});

describe('沿用上一规划的指标设置', () => {
  it('the 十四五 plan has no previous plan: nothing to adopt', async () => {
    const result = await adoptPreviousPlanSettings(db(), fjAdmin(), { planId: seeds.fengjie.id, commit: false });
    expect(result.previousPlan).toBeNull();
    expect(result.counts.matched).toBe(0);
  });

  it('dry run: the pairs, what is copied, why a row is skipped; nothing written', async () => {
    const result = await adoptPreviousPlanSettings(db(), fjAdmin(), { planId: newPlanId, commit: false });
    expect(result.committed).toBe(false);
    expect(result.written).toBeNull();
    expect(result.previousPlan?.id).toBe(seeds.fengjie.id);
    expect(result.rows.map((r) => [r.name, r.previous?.name ?? null])).toEqual([
      [N.rd, N.rd],
      [N.hnte, '高新技术企业'],
      [N.patents, '万人有效发明专利拥有量'],
      [N.contracts, N.contracts],
      [N.centres, N.centres],
      [N.digital, null],
    ]);
    const row = (name: string) => result.rows.find((r) => r.name === name);
    expect(row(N.rd)?.setting).toEqual({ responsibleUnitId: unitId, responsibleUnitName: '发展改革委', frequency: 'half', dueDays: 45, tolerance: 0.03, isSample: false });
    expect(row(N.hnte)?.binding).toEqual({ rule: 'hnte-valid-at-year-end', params: {} });
    // 万元 → 亿元: the settings come, the binding not.
    expect(row(N.contracts)?.setting).not.toBeNull();
    expect(row(N.contracts)?.binding).toBeNull();
    expect(row(N.contracts)?.notes.map((n) => n.message)).toContain('计量单位不同（上一规划：万元，本规划：亿元），登记系统绑定未沿用，请在登记系统页重新绑定');
    // The sample's settings are adopted as sample.
    expect(row(N.patents)?.setting?.isSample).toBe(true);
    expect(row(N.digital)?.notes.map((n) => n.message)).toEqual(['上一规划无同名指标']);
    expect(result.counts).toEqual({ indicators: 6, matched: 5, settings: 5, bindings: 1, skipped: 1 });
    const now = await indicatorsOf(newPlanId);
    expect([...now.values()].every((i) => i.setting.version === 0)).toBe(true);
    expect(await listBindingsOfPlan(db(), ALL_COUNTIES, newPlanId)).toEqual([]);
  });

  it('commit: writes what is still unset in one go, keeps a setting made by hand since the preview, audits', async () => {
    // Between preview and commit the clerk sets one indicator by hand.
    const centres = named(await indicatorsOf(newPlanId), N.centres);
    await configureIndicator(db(), fjAdmin(), {
      indicatorId: centres.id,
      responsibleUnitId: unitId,
      frequency: 'quarter',
      dueDays: 10,
      targetKind: null,
      tolerance: null,
      expectedVersion: 0,
    });

    const result = await adoptPreviousPlanSettings(db(), fjAdmin(), { planId: newPlanId, commit: true });
    expect(result.committed).toBe(true);
    expect(result.written).toEqual({ settings: 4, bindings: 1 });
    expect(result.rows.find((r) => r.name === N.centres)?.notes.map((n) => n.code)).toContain('own-setting');

    const now = await indicatorsOf(newPlanId);
    const old = await indicatorsOf(seeds.fengjie.id);
    const rd = named(now, N.rd).setting;
    expect(rd).toMatchObject({ responsibleUnitId: unitId, responsibleUnitName: '发展改革委', frequency: 'half', dueDays: 45, tolerance: 0.03, version: 1 });
    // The target-kind override stays behind: the new plan's targets are inferred afresh.
    expect(named(old, N.rd).setting.targetKind).toBe('level-up');
    expect(rd.targetKind).toBeNull();
    expect(named(now, N.hnte).setting).toMatchObject({ responsibleUnitId: unitId, dueDays: 20 });
    expect(named(now, N.patents).setting.responsibleUnitId).toBe(named(old, '万人有效发明专利拥有量').setting.responsibleUnitId);
    expect(named(now, N.centres).setting).toMatchObject({ frequency: 'quarter', dueDays: 10 });
    expect(named(now, N.digital).setting.version).toBe(0);

    const bindings = await listBindingsOfPlan(db(), ALL_COUNTIES, newPlanId);
    expect(bindings.map((b) => [b.indicatorName, b.indicatorUnit, b.rule])).toEqual([[N.hnte, '家', 'hnte-valid-at-year-end']]);
    // Copies of sample settings stay sample; the ones set up by hand are real.
    const samples = await listSampleSettingIds(db(), ALL_COUNTIES, newPlanId);
    expect([...samples].sort()).toEqual([named(now, N.patents).id, named(now, N.contracts).id].sort());

    const summary = await listAudit(db(), countyScope(seeds.fengjie.countyId), { entity: 'plan', entityId: newPlanId });
    const adopted = summary.filter((a) => a.action === 'indicator.adopt-previous-settings');
    expect(adopted).toHaveLength(1);
    expect(adopted[0]?.after).toEqual({ previousPlanId: seeds.fengjie.id, previousPlanTitle: seeds.fengjie.title, settings: 4, bindings: 1, skipped: 2 });
    expect(adopted[0]?.actor).toBe('county_admin-user');
    const perRow = await listAudit(db(), ALL_COUNTIES, { entity: 'indicator_setting', entityId: named(now, N.rd).id });
    expect(perRow.map((a) => a.action)).toEqual(['indicator.configure']);
    expect(perRow[0]?.after).toMatchObject({ frequency: 'half', targetKind: null, adoptedFrom: named(old, N.rd).id });
    const bindingAudit = await listAudit(db(), ALL_COUNTIES, { entity: 'register_binding', entityId: bindings[0]?.id ?? '' });
    expect(bindingAudit.map((a) => a.action)).toEqual(['register.binding.create']);
  });

  it('a second commit adopts nothing and writes no audit row', async () => {
    const result = await adoptPreviousPlanSettings(db(), fjAdmin(), { planId: newPlanId, commit: true });
    expect(result.written).toEqual({ settings: 0, bindings: 0 });
    expect(result.counts).toMatchObject({ settings: 0, bindings: 0, skipped: 6 });
    const summary = await listAudit(db(), ALL_COUNTIES, { entity: 'plan', entityId: newPlanId });
    expect(summary.filter((a) => a.action === 'indicator.adopt-previous-settings')).toHaveLength(1);
  });

  it('`sample remove` takes the sample copies with the originals and keeps what was set up by hand', async () => {
    await removeSampleData(db(), OPERATOR);
    const now = await indicatorsOf(newPlanId);
    expect(named(now, N.patents).setting.version).toBe(0);
    expect(named(now, N.contracts).setting.version).toBe(0);
    expect(named(now, N.rd).setting.version).toBe(1);
    expect(named(now, N.hnte).setting.version).toBe(1);
    expect(named(now, N.centres).setting.version).toBe(1);
  });

  it('who may: a county admin of their own county only', async () => {
    const shizhuAdmin = accessAs('county_admin', seeds.shizhu.countyId);
    await expect(adoptPreviousPlanSettings(db(), shizhuAdmin, { planId: newPlanId, commit: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(adoptPreviousPlanSettings(db(), shizhuAdmin, { planId: newPlanId, commit: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(adoptPreviousPlanSettings(db(), accessAs('county_staff', seeds.fengjie.countyId), { planId: newPlanId, commit: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(adoptPreviousPlanSettings(db(), accessAs('municipal', null), { planId: newPlanId, commit: false })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
