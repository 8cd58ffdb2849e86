// POST /api/monitoring/plans/:planId/adopt-settings through app.inject with real sessions: the dry run, the commit,
// and who is refused (county staff 403, another county's admin 404, a bad body 400, no CSRF header 403).
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { listMonitoredIndicators } from '../../src/repositories/indicator-settings.ts';
import { listPlans } from '../../src/repositories/plans.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { ADOPT_PLAN_INDICATORS as N, fengjieFifteenthPlanForAdoption } from '../support/adopt-settings-plan.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestLogin;
let staff: TestLogin;
let otherAdmin: TestLogin;
let fourteenthId = '';
let fifteenthId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  await loadSampleData(database.db, operatorAccess('test-operator'));
  const imported = await importPlan(database.db, { ...fengjieFifteenthPlanForAdoption(), actor: 'test-operator' });
  if (imported.status !== 'imported') throw new Error('十五五 plan not imported');
  fifteenthId = imported.planId;
  fourteenthId = (await listPlans(database.db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县' && p.id !== fifteenthId)?.id ?? '';
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
  staff = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  otherAdmin = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function call(login: TestLogin, method: InjectOptions['method'], url: string, payload?: object) {
  return app.inject({ method, url, headers: login.headers, ...(payload === undefined ? {} : { payload }) });
}

const url = () => `/api/monitoring/plans/${fifteenthId}/adopt-settings`;

describe('POST /api/monitoring/plans/:planId/adopt-settings', () => {
  it('refuses who may not: county staff 403, another county 404, no CSRF 403, a bad body 400', async () => {
    expect((await call(staff, 'POST', url(), { commit: false })).statusCode).toBe(403);
    expect((await call(otherAdmin, 'POST', url(), { commit: true })).statusCode).toBe(404);
    const { 'x-csrf-token': _csrf, ...withoutCsrf } = admin.headers;
    expect((await app.inject({ method: 'POST', url: url(), headers: withoutCsrf, payload: { commit: true } })).statusCode).toBe(403);
    expect((await call(admin, 'POST', url(), { commit: 'yes' })).statusCode).toBe(400);
    expect((await call(admin, 'POST', url(), {})).statusCode).toBe(400);
  });

  it('dry run: the proposal, nothing written', async () => {
    const res = await call(admin, 'POST', url(), { commit: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ committed: false, written: null, previousPlan: { id: fourteenthId, periodStart: 2021, periodEnd: 2025 } });
    expect(body.counts).toEqual({ indicators: 6, matched: 5, settings: 5, bindings: 0, skipped: 1 });
    const indicators = await listMonitoredIndicators(database.db, ALL_COUNTIES, { planId: fifteenthId });
    expect(indicators.every((i) => i.setting.version === 0)).toBe(true);
  });

  it('commit: writes, and a second commit writes nothing', async () => {
    const res = await call(admin, 'POST', url(), { commit: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ committed: true, written: { settings: 5, bindings: 0 } });
    const indicators = await listMonitoredIndicators(database.db, ALL_COUNTIES, { planId: fifteenthId });
    expect(indicators.find((i) => i.row.name === N.rd)?.setting.responsibleUnitName).toBe('科技局');
    const again = await call(admin, 'POST', url(), { commit: true });
    expect(again.json()).toMatchObject({ written: { settings: 0, bindings: 0 } });
  });

  it('the 十四五 plan has no previous plan', async () => {
    const res = await call(admin, 'POST', `/api/monitoring/plans/${fourteenthId}/adopt-settings`, { commit: false });
    expect(res.json()).toMatchObject({ previousPlan: null, counts: { matched: 0 } });
  });
});
