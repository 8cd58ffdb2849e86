// The 企业库 picker's search through app.inject: a county whose register is larger than one list call (500) still finds
// its 600th enterprise by name and by 统一社会信用代码, a chosen enterprise outside the results is read by id, and a
// county user never sees another county's enterprises however the search is phrased.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { insertCounty } from '../../src/repositories/counties.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { insertBulkEnterprises, serial, type BulkEnterprise } from '../support/enterprise-bulk.ts';
import { loginAs, type TestLogin } from '../support/login.ts';

interface ListBody {
  enterprises: { id: string; name: string; uscc: string; countyName: string }[];
  total: number;
}

/** What the picker asks for (web/src/components/registers/EnterpriseSelect.tsx). */
const PICKER_LIMIT = 50;
const COUNT = 620;
const TARGET = 600;

let database: TestDatabase;
let app: FastifyInstance;
let fengjie: TestLogin;
let shizhu: TestLogin;
let municipal: TestLogin;
let own: BulkEnterprise[];
let other: BulkEnterprise[];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  // Two counties are all this file needs (no plans).
  await insertCounty(database.db, '奉节县');
  await insertCounty(database.db, '石柱县');
  fengjie = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  shizhu = await loginAs(database.db, { role: 'county_staff', county: '石柱县' });
  municipal = await loginAs(database.db, { role: 'municipal' });
  // Same name pattern in both counties: a search that ignored the county would return the neighbour's too.
  own = await insertBulkEnterprises(database.db, { county: '奉节县', region: '500236', prefix: '夔门测试企业', count: COUNT });
  other = await insertBulkEnterprises(database.db, { county: '石柱县', region: '500240', prefix: '夔门测试企业', count: 5 });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function call(who: TestLogin, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...who.headers, ...(options.headers ?? {}) } });
}

async function search(who: TestLogin, q: string, limit = PICKER_LIMIT): Promise<ListBody> {
  const res = await call(who, { method: 'GET', url: `/api/enterprises?${new URLSearchParams({ q, limit: String(limit) }).toString()}` });
  expect(res.statusCode).toBe(200);
  return res.json() as ListBody;
}

function target(list: BulkEnterprise[], number: number): BulkEnterprise {
  const found = list[number - 1];
  if (!found) throw new Error(`no enterprise ${number}`);
  return found;
}

describe('enterprise search for the picker (a county with more than 500 enterprises)', () => {
  it('the largest list call stops at 500, so the 600th enterprise is not in it', async () => {
    const first = await search(fengjie, '', 500);
    expect(first.total).toBe(COUNT);
    expect(first.enterprises).toHaveLength(500);
    expect(first.enterprises.map((e) => e.id)).not.toContain(target(own, TARGET).id);
    expect((await call(fengjie, { method: 'GET', url: '/api/enterprises?limit=501' })).statusCode).toBe(400);
  });

  it('finds the 600th enterprise by (part of) its name', async () => {
    const wanted = target(own, TARGET);
    const exact = await search(fengjie, wanted.name);
    expect(exact.enterprises.map((e) => e.id)).toEqual([wanted.id]);
    expect(exact.total).toBe(1);
    // What a clerk types: the distinguishing part of the name.
    const part = await search(fengjie, `企业${serial(TARGET)}`);
    expect(part.enterprises.map((e) => e.name)).toEqual([wanted.name]);
    // A broad search says how many match beyond the page the picker shows.
    const broad = await search(fengjie, '夔门测试');
    expect(broad.total).toBe(COUNT);
    expect(broad.enterprises).toHaveLength(PICKER_LIMIT);
  });

  it('finds the 600th enterprise by its 统一社会信用代码: whole, lower case, or a leading part', async () => {
    const wanted = target(own, TARGET);
    expect((await search(fengjie, wanted.uscc)).enterprises.map((e) => e.id)).toEqual([wanted.id]);
    expect((await search(fengjie, wanted.uscc.toLowerCase())).enterprises.map((e) => e.id)).toEqual([wanted.id]);
    // The first 17 characters (without the check character) are already unique.
    expect((await search(fengjie, wanted.uscc.slice(0, 17))).enterprises.map((e) => e.id)).toEqual([wanted.id]);
  });

  it('reads one chosen enterprise by id, for a form editing a record whose enterprise is not in the results', async () => {
    const wanted = target(own, COUNT);
    const res = await call(fengjie, { method: 'GET', url: `/api/enterprises/${wanted.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: wanted.id, name: wanted.name, uscc: wanted.uscc, countyName: '奉节县' });
  });

  it("a county user never sees another county's enterprises in search results, nor reads one by id", async () => {
    const sameName = target(other, 3).name;
    const fromFengjie = await search(fengjie, sameName);
    expect(fromFengjie.enterprises.map((e) => e.id)).toEqual([target(own, 3).id]);
    expect(fromFengjie.enterprises.every((e) => e.countyName === '奉节县')).toBe(true);

    const fromShizhu = await search(shizhu, '夔门测试企业', 500);
    expect(fromShizhu.total).toBe(other.length);
    expect(fromShizhu.enterprises.map((e) => e.id).sort()).toEqual(other.map((e) => e.id).sort());
    // 奉节's codes (whole or its county prefix) and its 600th name find nothing from 石柱.
    expect((await search(shizhu, target(own, TARGET).uscc)).total).toBe(0);
    expect((await search(shizhu, '91500236')).total).toBe(0);
    expect((await search(shizhu, `企业${serial(TARGET)}`)).total).toBe(0);
    expect((await call(shizhu, { method: 'GET', url: `/api/enterprises/${target(own, TARGET).id}` })).statusCode).toBe(404);

    // The city sees both counties' enterprises of that name.
    const city = await search(municipal, sameName);
    expect(city.enterprises.map((e) => e.countyName).sort()).toEqual(['奉节县', '石柱县'].sort());
  });
});
