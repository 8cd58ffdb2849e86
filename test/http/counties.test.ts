// 区县归属 API through app.inject with real sessions: the list in each caller's scope, the 市科技局's PATCH (trimmed,
// blank clears), Chinese refusals, 403 for county roles, 409 with the county as it is now.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

interface County {
  id: string;
  name: string;
  municipality: string | null;
  version: number;
  planCount: number;
}

let database: TestDatabase;
let app: FastifyInstance;
let municipal: TestLogin;
let admin: TestLogin;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  municipal = await loginAs(database.db, { role: 'municipal' });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

function call(who: TestLogin | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...(who?.headers ?? {}), ...(options.headers ?? {}) } });
}

async function counties(who: TestLogin): Promise<County[]> {
  const res = await call(who, { method: 'GET', url: '/api/counties' });
  expect(res.statusCode).toBe(200);
  return (res.json() as { counties: County[] }).counties;
}

async function county(name: string): Promise<County> {
  const found = (await counties(municipal)).find((c) => c.name === name);
  if (!found) throw new Error(`${name} missing`);
  return found;
}

describe('GET /api/counties', () => {
  it('needs a session', async () => {
    expect((await call(null, { method: 'GET', url: '/api/counties' })).statusCode).toBe(401);
  });

  it('the municipal bureau sees both seed counties; a county admin only their own', async () => {
    const all = (await counties(municipal)).map((c) => [c.name, c.municipality, c.version, c.planCount]);
    expect(all).toHaveLength(2);
    expect(all).toEqual(expect.arrayContaining([['奉节县', null, 1, 1], ['石柱县', null, 1, 1]]));
    expect((await counties(admin)).map((c) => c.name)).toEqual(['奉节县']);
  });

  it('only the municipal bureau is told it may manage counties', async () => {
    const me = async (who: TestLogin) => ((await call(who, { method: 'GET', url: '/api/auth/me' })).json() as { permissions: string[] }).permissions;
    expect(await me(municipal)).toContain('county.manage');
    expect(await me(admin)).not.toContain('county.manage');
  });
});

describe('PATCH /api/counties/:id', () => {
  it('assigns a trimmed 地市 and answers the county with its new version', async () => {
    const before = await county('奉节县');
    const res = await call(municipal, { method: 'PATCH', url: `/api/counties/${before.id}`, payload: { version: before.version, municipality: ' 重庆市 ' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, municipality: '重庆市', version: before.version + 1 });
    expect((await counties(admin))[0]?.municipality).toBe('重庆市');
  });

  it('blank clears it', async () => {
    const shizhu = await county('石柱县');
    const set = await call(municipal, { method: 'PATCH', url: `/api/counties/${shizhu.id}`, payload: { version: shizhu.version, municipality: '重庆市' } });
    const cleared = await call(municipal, { method: 'PATCH', url: `/api/counties/${shizhu.id}`, payload: { version: (set.json() as County).version, municipality: '' } });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ municipality: null, version: shizhu.version + 2 });
  });

  it('a stale version answers 409 with the county as it is now', async () => {
    const now = await county('奉节县');
    const res = await call(municipal, { method: 'PATCH', url: `/api/counties/${now.id}`, payload: { version: now.version - 1, municipality: '万州区' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'version-conflict', message: expect.stringMatching(/^记录已被他人修改/), current: now });
    expect(await county('奉节县')).toEqual(now);
  });

  it('refuses a name over 40 characters and unknown fields (400), an unknown county (404)', async () => {
    const now = await county('奉节县');
    const long = await call(municipal, { method: 'PATCH', url: `/api/counties/${now.id}`, payload: { version: now.version, municipality: '市'.repeat(41) } });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: 'validation', details: [{ path: '/municipality' }] });
    const extra = await call(municipal, { method: 'PATCH', url: `/api/counties/${now.id}`, payload: { version: now.version, municipality: '重庆市', name: '改名' } });
    expect(extra.statusCode).toBe(400);
    const missing = await call(municipal, { method: 'PATCH', url: '/api/counties/00000000-0000-4000-8000-000000000000', payload: { version: 1, municipality: '重庆市' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not-found', message: '区县不存在 / county not found' });
  });

  it('county roles are refused (403) before the body is looked at; without the CSRF token too', async () => {
    const own = (await counties(admin))[0];
    if (!own) throw new Error('own county missing');
    const res = await call(admin, { method: 'PATCH', url: `/api/counties/${own.id}`, payload: { version: own.version, municipality: '万州区' } });
    expect(res.statusCode).toBe(403);
    const noCsrf = await app.inject({ method: 'PATCH', url: `/api/counties/${own.id}`, headers: { cookie: municipal.cookie }, payload: { version: own.version, municipality: '万州区' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await county('奉节县')).municipality).toBe('重庆市');
  });
});
