// Every route the app registers × every role: allowed or refused exactly as the permission table says, and a user
// of one county can read or write nothing of another. Routes are taken from the app itself (app.routeAccessTable,
// filled by an onRoute hook), so a route added later is walked without touching this file.
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../src/domain/access.ts';
import { buildApp } from '../../src/http/app.ts';
import type { RouteAccessEntry } from '../../src/http/plugins/auth.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { listUnits } from '../../src/repositories/units.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

type Caller = Role | 'public';
const CALLERS: readonly Caller[] = ['public', ...ROLES];

let database: TestDatabase;
let app: FastifyInstance;
/** Signed-in users of county A (奉节县), plus the municipal user. */
const inA = new Map<Role, TestLogin>();
/** Users of county B (石柱县) whose data A must never see. */
const inB = new Map<Role, TestLogin>();
const A = { countyId: '', planId: '', indicatorId: '', unitId: '' };
const B = { countyId: '', planId: '', indicatorId: '', indicatorVersion: 0, unitId: '', userId: '' };

const COUNTY_A = '奉节县';
const COUNTY_B = '石柱县';

function userSpec(role: Role, county: string) {
  if (role === 'municipal') return { role };
  return {
    role,
    county,
    unit: role === 'unit_reporter' ? `${county}科技局` : undefined,
    enterpriseId: role === 'enterprise' ? `ent-${county}` : undefined,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  for (const role of ROLES) {
    inA.set(role, await loginAs(database.db, userSpec(role, COUNTY_A)));
    if (role !== 'municipal') inB.set(role, await loginAs(database.db, userSpec(role, COUNTY_B)));
  }
  const plans = await listPlans(database.db, ALL_COUNTIES);
  const planA = plans.find((p) => p.countyName === COUNTY_A);
  const planB = plans.find((p) => p.countyName === COUNTY_B);
  if (!planA || !planB) throw new Error('seed plans missing');
  const detailA = await getPlan(database.db, ALL_COUNTIES, planA.id);
  const detailB = await getPlan(database.db, ALL_COUNTIES, planB.id);
  const unitA = (await listUnits(database.db, countyScope(planA.countyId)))[0];
  const unitB = (await listUnits(database.db, countyScope(planB.countyId)))[0];
  if (!unitA || !unitB || !detailA.indicators[0] || !detailB.indicators[0]) throw new Error('fixtures missing');
  Object.assign(A, { countyId: planA.countyId, planId: planA.id, indicatorId: detailA.indicators[0].id, unitId: unitA.id });
  Object.assign(B, {
    countyId: planB.countyId,
    planId: planB.id,
    indicatorId: detailB.indicators[0].id,
    indicatorVersion: detailB.indicators[0].version,
    unitId: unitB.id,
    userId: inB.get('county_staff')?.user.id ?? '',
  });
});

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function routes(): RouteAccessEntry[] {
  return app.routeAccessTable.filter((r) => r.method !== 'OPTIONS');
}

function expectedAllowed(route: RouteAccessEntry, caller: Caller): boolean {
  if (route.access === 'public') return route.permissions.every((p) => caller !== 'public' && can(caller, p));
  if (caller === 'public') return false;
  const base = route.access === 'session' ? true : can(caller, route.access);
  return base && route.permissions.every((p) => can(caller, p));
}

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const fillParams = (url: string, value: (param: string) => string) => url.replace(/:(\w+)/g, (_m, name: string) => value(name));

async function inject(options: InjectOptions) {
  return app.inject(options);
}

describe('access matrix: every route × every role', () => {
  it('covers the routes of this issue (so the walk is not vacuous)', () => {
    const seen = new Set(routes().map((r) => `${r.method} ${r.url}`));
    for (const expected of [
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/auth/me',
      'GET /api/plans',
      'GET /api/plans/:id',
      'PATCH /api/plans/:planId/indicators/:indicatorId',
      'GET /api/audit',
      'GET /api/audit/export',
      'GET /api/users',
      'POST /api/users',
      'GET /api/units',
    ]) {
      expect(seen, expected).toContain(expected);
    }
    // Nothing under /api is public by accident.
    expect(
      routes()
        .filter((r) => r.url.startsWith('/api') && r.access === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      'GET /api/health',
      'GET /api/plans',
      'GET /api/plans/:id',
      'GET /api/plans/:id/source',
      'HEAD /api/health',
      'HEAD /api/plans',
      'HEAD /api/plans/:id',
      'HEAD /api/plans/:id/source',
      'POST /api/auth/login',
    ]);
  });

  it('answers each caller as the permission table says (401 without a session, 403 without the right)', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const caller of CALLERS) {
        // Logging out ends the session, so it gets a session of its own.
        const isLogout = route.url === '/api/auth/logout';
        const login = caller === 'public' ? null : isLogout ? await loginAs(database.db, userSpec(caller, COUNTY_A)) : inA.get(caller);
        const res = await inject({
          method: route.method as InjectOptions['method'],
          url: fillParams(route.url, () => NOWHERE),
          headers: login?.headers ?? {},
          ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: {} }),
        });
        const allowed = expectedAllowed(route, caller);
        const refusedWith = caller === 'public' ? 401 : 403;
        const ok = allowed ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === refusedWith;
        if (!ok) failures.push(`${route.method} ${route.url} as ${caller}: ${res.statusCode} (expected ${allowed ? 'allowed' : refusedWith})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every state-changing request without the CSRF token, whatever the role', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((r) => !['GET', 'HEAD'].includes(r.method) && r.access !== 'public')) {
      for (const role of ROLES) {
        const login = inA.get(role);
        if (!login) throw new Error(role);
        const res = await inject({
          method: route.method as InjectOptions['method'],
          url: fillParams(route.url, () => NOWHERE),
          headers: { cookie: login.cookie },
          payload: {},
        });
        const wrong = await inject({
          method: route.method as InjectOptions['method'],
          url: fillParams(route.url, () => NOWHERE),
          headers: { cookie: login.cookie, 'x-csrf-token': 'x'.repeat(43) },
          payload: {},
        });
        for (const r of [res, wrong]) {
          if (r.statusCode !== 403 || (r.json() as { error: string }).error !== 'csrf') {
            failures.push(`${route.method} ${route.url} as ${role}: ${r.statusCode} ${r.body.slice(0, 80)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('county isolation: county A reads and writes nothing of county B', () => {
  const countyRoles = ROLES.filter((r) => r !== 'municipal');

  /** B's real ids for a route's parameters: guessing right must still answer 404, never B's data. */
  function bParam(url: string, param: string): string {
    if (param === 'indicatorId') return B.indicatorId;
    if (url.startsWith('/api/users')) return B.userId;
    if (url.startsWith('/api/units')) return B.unitId;
    return B.planId;
  }

  const VALID_BODIES: Record<string, unknown> = {
    'PATCH /api/plans/:planId/indicators/:indicatorId': { version: 1, name: '被改掉了' },
  };

  it('every route with ids of county B answers 401/403/404 — never B’s data, never a write', async () => {
    const failures: string[] = [];
    for (const route of routes().filter((r) => r.url.includes(':'))) {
      for (const role of countyRoles) {
        const login = inA.get(role);
        if (!login) throw new Error(role);
        const key = `${route.method} ${route.url}`;
        const res = await inject({
          method: route.method as InjectOptions['method'],
          url: fillParams(route.url, (p) => bParam(route.url, p)),
          headers: login.headers,
          ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: VALID_BODIES[key] ?? {} }),
        });
        if (![401, 403, 404].includes(res.statusCode) && !(res.statusCode === 400 && !(key in VALID_BODIES))) {
          failures.push(`${key} as ${role} of ${COUNTY_A}: ${res.statusCode}`);
        }
        if (res.body.includes(B.planId) || res.body.includes(B.countyId)) failures.push(`${key} as ${role}: leaks B ids`);
      }
    }
    expect(failures).toEqual([]);
    // And the write really did not happen.
    const indicator = (await getPlan(database.db, ALL_COUNTIES, B.planId)).indicators.find((i) => i.id === B.indicatorId);
    expect(indicator?.version).toBe(B.indicatorVersion);
    expect(indicator?.name).not.toBe('被改掉了');
  });

  it('every list and export shows county A only (no B ids, no B county name in exports)', async () => {
    const failures: string[] = [];
    const lists = routes().filter((r) => r.method === 'GET' && !r.url.includes(':') && r.url.startsWith('/api/'));
    for (const route of lists) {
      for (const role of countyRoles) {
        const login = inA.get(role);
        if (!login) throw new Error(role);
        const res = await inject({ method: 'GET', url: route.url, headers: login.headers });
        if (res.statusCode !== 200) continue; // refused: covered by the matrix above
        const text = await responseText(res.headers['content-type'], res.rawPayload);
        for (const leaked of [B.countyId, B.planId, B.userId, B.unitId, B.indicatorId]) {
          if (text.includes(leaked)) failures.push(`${route.url} as ${role} shows B id ${leaked}`);
        }
        if (text.includes(COUNTY_B)) failures.push(`${route.url} as ${role} names ${COUNTY_B}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lists are filtered rather than empty: A sees its own rows, the municipal bureau sees both counties', async () => {
    const admin = inA.get('county_admin');
    const municipal = inA.get('municipal');
    if (!admin || !municipal) throw new Error('logins missing');
    const get = async (url: string, login: TestLogin) => (await inject({ method: 'GET', url, headers: login.headers })).json();

    expect((await get('/api/plans', admin)).plans.map((p: { countyId: string }) => p.countyId)).toEqual([A.countyId]);
    expect(new Set((await get('/api/plans', municipal)).plans.map((p: { countyId: string }) => p.countyId))).toEqual(
      new Set([A.countyId, B.countyId]),
    );

    const usersA = (await get('/api/users', admin)).users as { countyId: string | null }[];
    expect(usersA.length).toBeGreaterThanOrEqual(4);
    expect(usersA.every((u) => u.countyId === A.countyId)).toBe(true);
    const usersAll = (await get('/api/users', municipal)).users as { countyId: string | null }[];
    expect(usersAll.some((u) => u.countyId === B.countyId) && usersAll.some((u) => u.countyId === null)).toBe(true);

    expect((await get('/api/units', admin)).units.map((u: { id: string }) => u.id)).toEqual([A.unitId]);

    const auditA = (await get('/api/audit?limit=500', admin)) as { entries: { countyId: string | null }[]; total: number };
    expect(auditA.total).toBeGreaterThan(0);
    expect(auditA.entries.every((e) => e.countyId === A.countyId)).toBe(true);
    expect((await get(`/api/audit?entityId=${B.planId}`, admin)).total).toBe(0);
    expect((await get(`/api/audit?entityId=${B.planId}`, municipal)).total).toBeGreaterThan(0);
  });

  it('writes naming county B are refused as not found', async () => {
    const admin = inA.get('county_admin');
    if (!admin) throw new Error('login missing');
    const post = (url: string, payload: unknown) => inject({ method: 'POST', url, headers: admin.headers, payload: payload as object });

    expect((await post('/api/users', { username: 'sneaky-1', role: 'county_staff', countyId: B.countyId })).statusCode).toBe(404);
    expect((await post('/api/users', { username: 'sneaky-2', role: 'unit_reporter', unitId: B.unitId })).statusCode).toBe(404);
    expect((await post('/api/units', { name: '越权单位', kind: '部门', countyId: B.countyId })).statusCode).toBe(404);
    expect((await post(`/api/users/${B.userId}/reset-password`, undefined)).statusCode).toBe(404);
    // A county admin cannot mint a municipal (all-county) account either.
    expect((await post('/api/users', { username: 'sneaky-3', role: 'municipal' })).statusCode).toBe(403);

    const ok = await post('/api/units', { name: '县发展改革委', kind: '部门' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ countyId: A.countyId, name: '县发展改革委' });
  });
});

async function responseText(contentType: string | string[] | number | undefined, body: Buffer): Promise<string> {
  if (String(contentType).includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return body.toString('utf8');
}
