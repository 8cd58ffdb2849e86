import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, counties, planIndicators, plans } from '../../src/db/schema/index.ts';
import { readPlanDocument } from '../../src/domain/plan/read-plan-document.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FENGJIE_SEED, SEED_DIR, SHIZHU_SEED, seedFile } from '../support/seeds.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

async function rowCount(table: typeof plans | typeof counties | typeof auditLog | typeof planIndicators) {
  const rows = await database.db.select({ n: count() }).from(table);
  return rows[0]?.n ?? 0;
}

describe('importPlan', () => {
  it('rolls back everything when the import fails mid-way', async () => {
    const file = seedFile(FENGJIE_SEED);
    await expect(
      importPlan(database.db, { ...file, actor: 'test' }, (step) => {
        if (step === 3) throw new Error('cancelled after writing');
      }),
    ).rejects.toThrow('cancelled after writing');
    expect(await rowCount(plans)).toBe(0);
    expect(await rowCount(counties)).toBe(0);
    expect(await rowCount(planIndicators)).toBe(0);
    expect(await rowCount(auditLog)).toBe(0);
  });

  it('stores both seed plans exactly as parsed, each under its county', async () => {
    for (const name of [FENGJIE_SEED, SHIZHU_SEED]) {
      const file = seedFile(name);
      const parsed = await readPlanDocument(file.bytes, file.fileName);
      const result = await importPlan(database.db, { ...file, actor: 'test' });
      expect(result.status).toBe('imported');
      const stored = await getPlan(database.db, countyScope(result.countyId), result.planId);
      expect(stored.countyName).toBe(parsed.region);
      expect(stored.title).toBe(parsed.title);
      expect(stored.issuer).toBe(parsed.issuer);
      expect(stored.issuedOn).toBe(parsed.issuedOn);
      expect(stored.outline).toEqual(parsed.outline);
      expect(stored.indicators.map(({ id: _id, version: _v, ...rest }) => rest)).toEqual(parsed.indicators);
      expect(stored.boxes).toEqual(parsed.boxes);
      expect(stored.projects.map(({ id: _id, version: _v, ...rest }) => rest)).toEqual(parsed.projects);
      expect(stored.warnings).toEqual(parsed.warnings);
    }
    const listed = await listPlans(database.db, ALL_COUNTIES);
    expect(listed.map((p) => [p.countyName, p.indicatorCount, p.projectCount])).toEqual([
      ['奉节县', 13, 9],
      ['石柱县', 10, 26],
    ]);
  });

  it('does not duplicate a plan imported twice (content hash)', async () => {
    const before = await rowCount(plans);
    const again = await importPlan(database.db, { ...seedFile(SHIZHU_SEED), actor: 'test' });
    expect(again.status).toBe('already-imported');
    expect(await rowCount(plans)).toBe(before);
    expect(await rowCount(counties)).toBe(2);
  });

  it('writes an audit row for each import and county, and the audit log refuses changes', async () => {
    const rows = await listAudit(database.db, ALL_COUNTIES);
    expect(rows.filter((r) => r.action === 'plan.import')).toHaveLength(2);
    expect(rows.filter((r) => r.action === 'county.create')).toHaveLength(2);
    await expect(database.db.execute(sql`update audit_log set actor = 'someone else'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect(await rowCount(auditLog)).toBe(4);
  });

  it('scopes reads to a county: another county sees neither the list entry nor the plan', async () => {
    const [fengjie, shizhu] = await listPlans(database.db, ALL_COUNTIES);
    if (!fengjie || !shizhu) throw new Error('seed plans missing');
    expect((await listPlans(database.db, countyScope(fengjie.countyId))).map((p) => p.id)).toEqual([fengjie.id]);
    await expect(getPlan(database.db, countyScope(fengjie.countyId), shizhu.id)).rejects.toThrow('规划不存在');
  });

  it('imports the seeds on first start only', async () => {
    expect(await importSeedPlansOnFirstStart(database.db, SEED_DIR)).toEqual([]);
    const fresh = await createTestDatabase();
    try {
      const results = await importSeedPlansOnFirstStart(fresh.db, SEED_DIR);
      expect(results.map((r) => r.countyName)).toEqual(['奉节县', '石柱县']);
    } finally {
      await fresh.dispose();
    }
  });
});
