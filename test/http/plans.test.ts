import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
/** Signed in as the municipal bureau, which reads every county. */
let headers: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database });
  ({ headers } = await loginAs(database.db, { role: 'municipal' }));
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('plan API', () => {
  it('GET /api/health answers ok with the database kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: database.kind });
  });

  it('GET /api/plans lists both seed plans', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/plans', headers });
    expect(res.statusCode).toBe(200);
    const { plans } = res.json() as { plans: { countyName: string; title: string; indicatorCount: number }[] };
    expect(plans.map((p) => p.countyName)).toEqual(['奉节县', '石柱县']);
    expect(plans[1]?.title).toBe('石柱县科技创新“十四五”规划（2021—2025年）');
  });

  it('published plans are public: an anonymous visitor (公众) lists both, a county user only their own', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/plans' });
    expect(anonymous.statusCode).toBe(200);
    const all = (anonymous.json() as { plans: { countyName: string; id: string }[] }).plans;
    expect(all.map((p) => p.countyName)).toEqual(['奉节县', '石柱县']);
    const county = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
    const own = (await app.inject({ method: 'GET', url: '/api/plans', headers: county.headers })).json() as {
      plans: { countyName: string }[];
    };
    expect(own.plans.map((p) => p.countyName)).toEqual(['奉节县']);
    const other = all.find((p) => p.countyName === '石柱县')?.id ?? '';
    const denied = await app.inject({ method: 'GET', url: `/api/plans/${other}`, headers: county.headers });
    expect(denied.statusCode).toBe(404);
  });

  it('GET /api/plans/:id returns the stored plan with its parts', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/plans', headers })).json() as { plans: { id: string }[] };
    const id = list.plans[0]?.id ?? '';
    const res = await app.inject({ method: 'GET', url: `/api/plans/${id}`, headers });
    expect(res.statusCode).toBe(200);
    const plan = res.json() as {
      indicators: { name: string; unit: string | null }[];
      projects: { investment: number | null }[];
      boxes: unknown[];
    };
    expect(plan.indicators).toHaveLength(13);
    expect(plan.indicators[9]).toMatchObject({ name: '技术合同成交额', unit: '万元' });
    expect(plan.boxes).toHaveLength(4);
    expect(plan.projects.reduce((sum, p) => sum + (p.investment ?? 0), 0)).toBe(172500);
  });

  it('GET /api/plans/:id/source returns the original text of a .txt plan', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/plans' })).json() as { plans: { id: string }[] };
    const res = await app.inject({ method: 'GET', url: `/api/plans/${list.plans[1]?.id ?? ''}/source` });
    expect(res.statusCode).toBe(200);
    const { text } = res.json() as { text: string };
    expect(text.split('\n')[2]).toBe('关于印发《石柱县科技创新“十四五”规划');
  });

  it('answers 404 in Chinese for an unknown plan and 400 for a malformed id', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/plans/00000000-0000-4000-8000-000000000000', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not-found', message: expect.stringContaining('规划不存在') });
    const malformed = await app.inject({ method: 'GET', url: '/api/plans/not-a-uuid', headers });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: 'validation' });
  });

  it('serves a page listing the plans', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('科创规划监测与服务平台');
  });
});
