// The audit log over HTTP: who / role / unit / IP on every write, search filters, county scope, .xlsx export — and
// the table itself refuses UPDATE, DELETE and TRUNCATE (PGlite and PostgreSQL alike).
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestLogin;
let municipal: TestLogin;
let planId: string;
let indicatorId: string;

interface AuditEntryJson {
  action: string;
  actor: string;
  role: string | null;
  unitId: string | null;
  unitName: string | null;
  ip: string | null;
  countyName: string | null;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县', username: 'fj.admin' });
  municipal = await loginAs(database.db, { role: 'municipal', username: 'city.admin' });
  const plan = (await listPlans(database.db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县');
  planId = plan?.id ?? '';
  indicatorId = (await getPlan(database.db, ALL_COUNTIES, planId)).indicators[0]?.id ?? '';
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function search(login: TestLogin, query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/audit${query}`, headers: login.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { entries: AuditEntryJson[]; total: number };
}

describe('audit of writes', () => {
  it('records who, role, IP, before and after of an indicator correction', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${planId}/indicators/${indicatorId}`,
      headers: { ...admin.headers, 'x-forwarded-for': '203.0.113.9' },
      payload: { version: 1, name: '全社会研发经费投入强度（更正）', unit: '%' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, name: '全社会研发经费投入强度（更正）' });

    const { entries, total } = await search(admin, `?entity=plan_indicator&entityId=${indicatorId}`);
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({
      action: 'indicator.update',
      actor: 'fj.admin',
      role: 'county_admin',
      // No trustProxy: the socket address is recorded, never a client-supplied header.
      ip: '127.0.0.1',
      countyName: '奉节县',
      before: { version: 1 },
      after: { version: 2, name: '全社会研发经费投入强度（更正）', unit: '%' },
    });
  });

  it('a stale version gets 409 with the current record and writes no audit row', async () => {
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${planId}/indicators/${indicatorId}`,
      headers: admin.headers,
      payload: { version: 1, unit: '‰' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { id: indicatorId, version: 2, unit: '%' } });
    expect((await search(admin, `?entityId=${indicatorId}`)).total).toBe(1);
  });

  it('rejects unknown fields and empty corrections', async () => {
    const url = `/api/plans/${planId}/indicators/${indicatorId}`;
    const unknown = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { version: 2, countyId: 'x' } });
    expect(unknown.statusCode).toBe(400);
    const empty = await app.inject({ method: 'PATCH', url, headers: admin.headers, payload: { version: 2 } });
    expect(empty.statusCode).toBe(400);
  });
});

describe('GET /api/audit', () => {
  it('filters by actor, action and date range (days in China time)', async () => {
    expect((await search(admin, '?actor=FJ.ADM')).entries.every((e) => e.actor === 'fj.admin')).toBe(true);
    expect((await search(admin, '?action=plan.import')).total).toBe(1);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await search(admin, `?from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await search(admin, '?to=2020-01-01')).total).toBe(0);
    expect((await search(admin, `?from=${new Date(Date.now() + 60_000).toISOString()}`)).total).toBe(0);
    const page = await search(municipal, '?limit=2&offset=1');
    expect(page.entries).toHaveLength(2);
    expect(page.total).toBeGreaterThan(3);
  });

  it('rejects unknown query parameters and malformed dates', async () => {
    for (const query of ['?county=石柱县', '?from=yesterday', '?limit=100000']) {
      const res = await app.inject({ method: 'GET', url: `/api/audit${encodeURI(query)}`, headers: admin.headers });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('a county sees its own rows only; the municipal bureau sees every county and the system rows', async () => {
    const own = await search(admin, '?limit=500');
    expect(new Set(own.entries.map((e) => e.countyName))).toEqual(new Set(['奉节县']));
    const all = await search(municipal, '?limit=500');
    expect(new Set(all.entries.map((e) => e.countyName))).toEqual(new Set(['奉节县', '石柱县', null]));
  });
});

describe('GET /api/audit/export', () => {
  it('downloads an .xlsx of the filtered, scoped log with Chinese headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/audit/export?entity=plan_indicator', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; .*filename\*=UTF-8''/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('审计日志');
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['时间', '区县', '操作人', '角色', '单位', 'IP', '操作', '对象', '对象编号', '修改前', '修改后']);
    expect(sheet?.rowCount).toBe(2);
    const row = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(1, 8)).toEqual(['奉节县', 'fj.admin', '县科技局管理员', '', '127.0.0.1', 'indicator.update', 'plan_indicator']);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, including the new who-columns', async () => {
    const before = (await search(municipal, '?limit=1')).total;
    for (const statement of [
      sql`update audit_log set role = 'municipal'`,
      sql`update audit_log set ip = null where ip is not null`,
      sql`delete from audit_log where action = 'indicator.update'`,
      sql`truncate audit_log`,
    ]) {
      await expect(database.db.execute(statement)).rejects.toThrow();
    }
    expect((await search(municipal, '?limit=1')).total).toBe(before);
  });
});
