// Register → monitoring sync is one transaction: the 登记系统 value (with its audit rows and the "first source is
// official" mark) and the records behind it (register_figures) are written together or not at all. The second write
// is made to fail for real — a trigger on register_figures raises — and the test checks that nothing of the first
// write survives, on a first sync (nothing existed) and on a re-sync (the earlier figure stays exactly as it was).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findValueBySource } from '../../src/repositories/indicator-values.ts';
import { countyScope } from '../../src/repositories/scope.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { bindIndicator } from '../../src/services/registers/bind-indicator.ts';
import { createTechContract } from '../../src/services/registers/create-tech-contract.ts';
import { listRegisterBindings } from '../../src/services/registers/list-register-bindings.ts';
import { listRegisterFigures } from '../../src/services/registers/list-register-figures.ts';
import { syncRegisterFigure } from '../../src/services/registers/sync-register-figure.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs } from '../support/registers.ts';
import { FENGJIE_SEED, seedFile } from '../support/seeds.ts';

let database: TestDatabase;
let countyId: string;
let clerk: Access;
let indicatorId: string;
let bindingId: string;

async function breakFigureWrites(): Promise<void> {
  // One statement per call: prepared statements (PGlite, node-postgres with parameters) take one command each.
  await database.db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION test_refuse_register_figure() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'register_figures write refused by test'; END; $$ LANGUAGE plpgsql`),
  );
  await repairFigureWrites();
  await database.db.execute(
    sql.raw('CREATE TRIGGER test_refuse_register_figure BEFORE INSERT ON register_figures FOR EACH ROW EXECUTE FUNCTION test_refuse_register_figure()'),
  );
}

async function repairFigureWrites(): Promise<void> {
  await database.db.execute(sql.raw('DROP TRIGGER IF EXISTS test_refuse_register_figure ON register_figures'));
}

/** The sync failed, and because of the trigger (drizzle wraps the database error; its cause names it). */
async function expectRefusedByTrigger(attempt: Promise<unknown>): Promise<void> {
  const error: unknown = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const cause = (error as Error & { cause?: unknown }).cause;
  expect(`${(error as Error).message} ${cause instanceof Error ? cause.message : ''}`).toContain('register_figures write refused by test');
}

async function valueAuditRows(): Promise<number> {
  const result = await database.db.execute(
    sql`SELECT count(*)::int AS n FROM audit_log a JOIN indicator_values v ON v.id::text = a.entity_id::text WHERE a.entity = 'indicator_value' AND v.indicator_id = ${indicatorId}`,
  );
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n ?? -1;
}

async function allValueAuditRows(): Promise<number> {
  const result = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'indicator_value'`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const plan = await importPlan(database.db, { ...seedFile(FENGJIE_SEED), actor: 'test' });
  countyId = plan.countyId;
  clerk = accessAs('county_admin', countyId);
  const suggestion = (await listRegisterBindings(database.db, clerk)).find((b) => b.rule === 'tech-contract-amount');
  if (!suggestion) throw new Error('no 技术合同成交额 suggestion in the seed plan');
  indicatorId = suggestion.indicatorId;
  const binding = await bindIndicator(database.db, clerk, { indicatorId, rule: suggestion.rule, params: suggestion.params, version: 0 });
  bindingId = binding.id ?? '';
  await createTechContract(database.db, clerk, {
    registrationNumber: '2024500236000101',
    registeredOn: '2024-05-06',
    type: '技术开发',
    name: '工艺开发',
    sellerName: '奉节某科技公司',
    sellerInCounty: true,
    buyerName: '万州某公司',
    buyerInCounty: false,
    contractAmount: 300,
    technologyAmount: 280,
  });
});
afterAll(async () => {
  await database.dispose();
});

describe('register figure sync is all-or-nothing', () => {
  it('a failing records write leaves no 登记系统 value, no official mark and no audit row behind', async () => {
    const auditBefore = await allValueAuditRows();
    await breakFigureWrites();
    try {
      await expectRefusedByTrigger(syncRegisterFigure(database.db, clerk, { bindingId, year: 2024 }));
    } finally {
      await repairFigureWrites();
    }
    expect(await findValueBySource(database.db, countyScope(countyId), { indicatorId, period: '2024', source: 'register' })).toBeNull();
    expect(await listRegisterFigures(database.db, clerk, indicatorId)).toEqual([]);
    expect(await valueAuditRows()).toBe(0);
    expect(await allValueAuditRows()).toBe(auditBefore);

    // Once the write can succeed, the same call stores both halves, linked.
    const synced = await syncRegisterFigure(database.db, clerk, { bindingId, year: 2024 });
    const value = await findValueBySource(database.db, countyScope(countyId), { indicatorId, period: '2024', source: 'register' });
    expect(value).toMatchObject({ id: synced.valueId, value: 300, isOfficial: true, officialReason: '首个录入的数据来源' });
    const figures = await listRegisterFigures(database.db, clerk, indicatorId);
    expect(figures.map((f) => [f.year, f.value, f.valueId, f.records.length])).toEqual([[2024, 300, synced.valueId, 1]]);
  });

  it('a failing re-sync keeps the earlier value and its records exactly as they were', async () => {
    const before = await findValueBySource(database.db, countyScope(countyId), { indicatorId, period: '2024', source: 'register' });
    const figuresBefore = await listRegisterFigures(database.db, clerk, indicatorId);
    const auditBefore = await valueAuditRows();
    await createTechContract(database.db, clerk, {
      registrationNumber: '2024500236000102',
      registeredOn: '2024-08-08',
      type: '技术服务',
      name: '检测服务',
      sellerName: '奉节某科技公司',
      sellerInCounty: true,
      buyerName: '重庆某公司',
      buyerInCounty: false,
      contractAmount: 50,
      technologyAmount: 50,
    });
    await breakFigureWrites();
    try {
      await expectRefusedByTrigger(syncRegisterFigure(database.db, clerk, { bindingId, year: 2024 }));
    } finally {
      await repairFigureWrites();
    }
    const after = await findValueBySource(database.db, countyScope(countyId), { indicatorId, period: '2024', source: 'register' });
    expect(after).toMatchObject({ id: before?.id, value: 300, version: before?.version });
    expect(await listRegisterFigures(database.db, clerk, indicatorId)).toEqual(figuresBefore);
    expect(await valueAuditRows()).toBe(auditBefore);

    const synced = await syncRegisterFigure(database.db, clerk, { bindingId, year: 2024 });
    expect(synced.value).toBe(350);
    const figures = await listRegisterFigures(database.db, clerk, indicatorId);
    expect(figures.map((f) => [f.value, f.records.length])).toEqual([[350, 2]]);
  });
});
