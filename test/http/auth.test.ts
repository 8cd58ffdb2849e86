// Sign-in over HTTP: cookies, CSRF, one-time passwords, lockout, rate limit, security headers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { ensureFirstAdmin } from '../../src/services/auth/ensure-admin.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createTestUser, TEST_PASSWORD } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 1000, lockMinutes: 15 } });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

function cookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'kechuang_session');
  if (!cookie) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `kechuang_session=${cookie.value}`;
}

async function login(username: string, password: string, target = app) {
  return target.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

async function signedIn(username: string, password: string) {
  const res = await login(username, password);
  expect(res.statusCode).toBe(200);
  const cookie = cookieOf(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

describe('without a session', () => {
  it('answers 401 on /api except health, login and the published plans, and serves the public page', async () => {
    for (const url of ['/api/units', '/api/tasks', '/api/auth/me', '/api/audit', '/api/no-such-route']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthenticated', message: expect.stringContaining('请先登录') });
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // Published plans (此件公开发布) are readable by 公众.
    expect((await app.inject({ method: 'GET', url: '/api/plans' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });

  it('a forged or expired-looking cookie is no session', async () => {
    for (const cookie of ['kechuang_session=abc', `kechuang_session=${'A'.repeat(43)}`]) {
      expect((await app.inject({ method: 'GET', url: '/api/units', headers: { cookie } })).statusCode).toBe(401);
    }
  });
});

describe('login', () => {
  it('sets an httpOnly SameSite=Strict cookie and returns the CSRF token, role label and permissions', async () => {
    const { user } = await createTestUser(database.db, { role: 'county_staff', county: '奉节县', username: 'zhang.san' });
    const res = await login('  Zhang.San ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kechuang_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const body = res.json() as { user: { id: string; countyName: string }; roleLabel: string; csrfToken: string; permissions: string[] };
    expect(body).toMatchObject({ user: { id: user.id, countyName: '奉节县' }, roleLabel: '县科技局业务员' });
    expect(body.permissions).toContain('plan.read');
    expect(body.permissions).not.toContain('plan.edit');
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/);

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ csrfToken: body.csrfToken, user: { username: 'zhang.san' } });
    // The session token itself is not stored: only its hash.
    const stored = await database.db.execute(`select id from sessions where id = '${cookie?.value ?? ''}'`);
    expect((stored as unknown as { rows: unknown[] }).rows).toHaveLength(0);
  });

  it('answers unknown user and wrong password identically', async () => {
    await createTestUser(database.db, { role: 'county_staff', county: '奉节县', username: 'li.si' });
    const wrong = await login('li.si', 'Wrong-Passw0rd!');
    const unknown = await login('nobody-here', 'Wrong-Passw0rd!');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it('rejects unknown fields and missing fields', async () => {
    const extra = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b', role: 'municipal' } });
    expect(extra.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } })).statusCode).toBe(400);
    // Unknown query parameters too, also on routes that take none.
    await createTestUser(database.db, { role: 'county_admin', county: '奉节县', username: 'strict.admin' });
    const session = await signedIn('strict.admin', TEST_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/api/users?all=1', headers: session.headers })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: session.headers })).statusCode).toBe(200);
  });

  it('logout ends the session (and needs the CSRF token)', async () => {
    await createTestUser(database.db, { role: 'county_admin', county: '奉节县', username: 'wang.wu' });
    const session = await signedIn('wang.wu', TEST_PASSWORD);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'kechuang_session')?.value).toBe('');
    expect((await app.inject({ method: 'GET', url: '/api/units', headers: session.headers })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request whose x-csrf-token is missing or belongs to another session', async () => {
    await createTestUser(database.db, { role: 'county_admin', county: '石柱县', username: 'csrf.admin' });
    const one = await signedIn('csrf.admin', TEST_PASSWORD);
    const two = await signedIn('csrf.admin', TEST_PASSWORD);
    const payload = { name: '科技特派员服务站', kind: '乡镇' };
    const missing = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: one.cookie }, payload });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ error: 'csrf' });
    const crossed = await app.inject({ method: 'POST', url: '/api/units', headers: { cookie: one.cookie, 'x-csrf-token': two.csrf }, payload });
    expect(crossed.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/units', headers: one.headers, payload });
    expect(ok.statusCode).toBe(201);
    // Reads need no token.
    expect((await app.inject({ method: 'GET', url: '/api/units', headers: { cookie: one.cookie } })).statusCode).toBe(200);
  });
});

describe('one-time passwords', () => {
  // A fresh database of its own (the shared one already has users): slow under load, hence the timeout.
  it('the first administrator gets a random one-time password, once', { timeout: 90_000 }, async () => {
    const fresh = await createTestDatabase();
    try {
      const admin = await ensureFirstAdmin(fresh.db);
      expect(admin?.username).toBe('admin');
      expect(admin?.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(await ensureFirstAdmin(fresh.db)).toBeNull();

      const freshApp = await buildApp({ database: fresh });
      try {
        const res = await login('admin', admin?.oneTimePassword ?? '', freshApp);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ user: { role: 'municipal', mustChangePassword: true, countyId: null } });
        const headers = { cookie: cookieOf(res), 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
        // Until the password is changed, only me / change-password / logout answer.
        const blocked = await freshApp.inject({ method: 'GET', url: '/api/units', headers });
        expect(blocked.statusCode).toBe(403);
        expect(blocked.json()).toMatchObject({ error: 'password-change-required' });
        expect((await freshApp.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);

        const weak = await freshApp.inject({
          method: 'POST',
          url: '/api/auth/change-password',
          headers,
          payload: { currentPassword: admin?.oneTimePassword, newPassword: 'password' },
        });
        expect(weak.statusCode).toBe(400);
        expect(weak.json()).toMatchObject({ error: 'validation', message: expect.stringContaining('至少') });

        const wrongCurrent = await freshApp.inject({
          method: 'POST',
          url: '/api/auth/change-password',
          headers,
          payload: { currentPassword: 'Not-The-0ne!', newPassword: 'Kechuang-2025!' },
        });
        expect(wrongCurrent.statusCode).toBe(400);

        const changed = await freshApp.inject({
          method: 'POST',
          url: '/api/auth/change-password',
          headers,
          payload: { currentPassword: admin?.oneTimePassword, newPassword: 'Kechuang-2025!' },
        });
        expect(changed.statusCode).toBe(204);
        expect((await freshApp.inject({ method: 'GET', url: '/api/units', headers })).statusCode).toBe(200);
        expect((await login('admin', admin?.oneTimePassword ?? '', freshApp)).statusCode).toBe(401);
        expect((await login('admin', 'Kechuang-2025!', freshApp)).statusCode).toBe(200);
        // The audit trail records the change but never a password or hash.
        const audit = await listAudit(fresh.db, ALL_COUNTIES);
        expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['user.create', 'auth.login', 'user.change-password']));
        expect(JSON.stringify(audit)).not.toMatch(/argon2|Kechuang-2025|passwordHash/);
      } finally {
        await freshApp.close();
      }
    } finally {
      await fresh.dispose();
    }
  });
});

describe('lockout and rate limit', () => {
  it('locks the account after 5 failures for the configured time, even against the right password', async () => {
    await createTestUser(database.db, { role: 'county_staff', county: '石柱县', username: 'locked.out' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login('locked.out', `Wrong-Passw0rd-${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const right = await login('locked.out', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json()).toMatchObject({ error: 'account-locked', message: expect.stringContaining('15 分钟') });
    const actions = (await listAudit(database.db, ALL_COUNTIES)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login-failed', 'auth.lockout', 'auth.login-refused-locked']));
  });

  it('the lock ends after the configured time, and a success resets the count', async () => {
    const quick = await buildApp({ database, auth: { lockMinutes: 0.005, maxFailedLogins: 2, loginRateLimitPerMinute: 1000 } });
    try {
      await createTestUser(database.db, { role: 'county_staff', county: '石柱县', username: 'briefly.locked' });
      expect((await login('briefly.locked', 'Wrong-Passw0rd-1', quick)).statusCode).toBe(401);
      expect((await login('briefly.locked', 'Wrong-Passw0rd-2', quick)).statusCode).toBe(423);
      expect((await login('briefly.locked', TEST_PASSWORD, quick)).statusCode).toBe(423);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await login('briefly.locked', TEST_PASSWORD, quick)).statusCode).toBe(200);
      // Count restarted: one failure does not lock again.
      expect((await login('briefly.locked', 'Wrong-Passw0rd-3', quick)).statusCode).toBe(401);
      expect((await login('briefly.locked', TEST_PASSWORD, quick)).statusCode).toBe(200);
    } finally {
      await quick.close();
    }
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await buildApp({ database, auth: { loginRateLimitPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(`nobody-${i}`, 'Wrong-Passw0rd!', limited)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await login('nobody', 'Wrong-Passw0rd!', limited);
      expect(last.json()).toMatchObject({ error: 'rate-limited', message: expect.stringContaining('尝试过于频繁') });
    } finally {
      await limited.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP fit for a same-origin SPA, and no-store on API answers', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');

    const api = await app.inject({ method: 'GET', url: '/api/health' });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['content-security-policy']).toBeDefined();
  });
});
