// Account rules at the service level: passwords, who may create whom, scopes per role, lockout under concurrency,
// password reset, session expiry — on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, PERMISSIONS, creatableRoles } from '../../src/domain/access.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { findCredentialsByUsername, insertUser } from '../../src/repositories/users.ts';
import {
  enterpriseFilter,
  operatorAccess,
  principalAccess,
  principalScope,
  unitFilter,
  type Principal,
} from '../../src/services/auth/access.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { logIn } from '../../src/services/auth/log-in.ts';
import { DEFAULT_AUTH_OPTIONS } from '../../src/services/auth/options.ts';
import { checkPasswordRule, generateOneTimePassword, normalizeUsername } from '../../src/services/auth/passwords.ts';
import { resetPassword } from '../../src/services/auth/reset-password.ts';
import { resolveSession } from '../../src/services/auth/resolve-session.ts';
import { AccountLockedError, ConflictError, ForbiddenError, InvalidCredentialsError, NotFoundError, ValidationError } from '../../src/services/errors.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createTestUser, TEST_PASSWORD } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let fengjie: string;
let shizhu: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  const plans = await listPlans(database.db, ALL_COUNTIES);
  fengjie = plans.find((p) => p.countyName === '奉节县')?.countyId ?? '';
  shizhu = plans.find((p) => p.countyName === '石柱县')?.countyId ?? '';
});
afterAll(async () => {
  await database.dispose();
});

function principal(overrides: Partial<Principal>): Principal {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'p',
    displayName: 'p',
    role: 'county_admin',
    countyId: fengjie,
    unitId: null,
    enterpriseId: null,
    mustChangePassword: false,
    ...overrides,
  };
}

describe('permission table', () => {
  it('names only known roles, and the municipal bureau alone compares counties and publishes rule packs', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
    expect(ROLES.filter((r) => can(r, 'plan.compare'))).toEqual(['municipal']);
    expect(ROLES.filter((r) => can(r, 'rulepack.publish'))).toEqual(['municipal']);
    expect(ROLES.filter((r) => can(r, 'plan.edit'))).toEqual(['county_admin']);
    expect(can(null, 'plan.read')).toBe(false);
    expect(creatableRoles('county_admin')).not.toContain('municipal');
    expect(creatableRoles('county_staff')).toEqual([]);
  });

  it('derives the scope from the role: municipal all, everyone else their county, plus unit / enterprise filters', () => {
    expect(principalScope(principal({ role: 'municipal', countyId: null }))).toEqual({ kind: 'all' });
    for (const role of ['county_admin', 'county_staff', 'unit_reporter', 'enterprise'] as const) {
      expect(principalScope(principal({ role }))).toEqual({ kind: 'county', countyId: fengjie });
    }
    // A county role without a county (impossible by constraint) fails closed.
    expect(principalScope(principal({ role: 'county_staff', countyId: null }))).toEqual({ kind: 'counties', countyIds: [] });
    const reporter = principalAccess(principal({ role: 'unit_reporter', unitId: 'u-1' }), '10.0.0.8');
    expect(unitFilter(reporter)).toBe('u-1');
    expect(reporter.actor).toEqual({ name: 'p', role: 'unit_reporter', unitId: 'u-1', ip: '10.0.0.8' });
    expect(unitFilter(principalAccess(principal({ role: 'county_staff', unitId: 'u-1' }), null))).toBeNull();
    expect(enterpriseFilter(principalAccess(principal({ role: 'enterprise', enterpriseId: 'e-9' }), null))).toBe('e-9');
    expect(enterpriseFilter(operatorAccess('cli'))).toBeNull();
  });
});

describe('passwords and usernames', () => {
  it.each([
    ['short', 'Ab1!', /至少 10/],
    ['two classes only', 'abcdefghij12', /至少三类/],
    ['contains the username', 'Zhangsan-2025!', /用户名/],
  ])('refuses a password that is %s', (_label, password, message) => {
    expect(() => checkPasswordRule(password, 'zhangsan')).toThrow(message);
  });

  it('accepts a long mixed password and makes distinct one-time passwords', () => {
    expect(() => checkPasswordRule('Kechuang-2025!', 'zhangsan')).not.toThrow();
    const many = new Set(Array.from({ length: 200 }, generateOneTimePassword));
    expect(many.size).toBe(200);
    for (const otp of many) expect(() => checkPasswordRule(otp, 'admin')).not.toThrow();
  });

  it('normalises usernames (full-width, case, spaces)', () => {
    expect(normalizeUsername(' Ａｄｍｉｎ ')).toBe('admin');
  });
});

describe('createUser', () => {
  const countyAdmin = () => principalAccess(principal({ role: 'county_admin', countyId: fengjie }), '127.0.0.1');

  it('creates a county user with a one-time password and must-change flag, audited without secrets', async () => {
    const { user, oneTimePassword } = await createUser(database.db, countyAdmin(), { username: 'Staff.One', role: 'county_staff' });
    expect(user).toMatchObject({ username: 'staff.one', countyId: fengjie, countyName: '奉节县', mustChangePassword: true });
    const stored = await findCredentialsByUsername(database.db, 'staff.one');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(oneTimePassword);
    const audit = await listAudit(database.db, ALL_COUNTIES, { entity: 'user', entityId: user.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', role: 'county_admin', ip: '127.0.0.1', countyId: fengjie });
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword);
  });

  it('keeps a county admin inside their county and below the municipal bureau', async () => {
    await expect(createUser(database.db, countyAdmin(), { username: 'x1', role: 'municipal' })).rejects.toThrow(ForbiddenError);
    await expect(
      createUser(database.db, countyAdmin(), { username: 'x2', role: 'county_staff', county: { id: shizhu } }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      createUser(database.db, countyAdmin(), { username: 'x3', role: 'county_staff', county: { name: '石柱县' } }),
    ).rejects.toThrow(NotFoundError);
    const staff = principalAccess(principal({ role: 'county_staff' }), null);
    await expect(createUser(database.db, staff, { username: 'x4', role: 'enterprise' })).rejects.toThrow(ForbiddenError);
  });

  it('requires a unit for a unit reporter, no county for municipal, and a unique username', async () => {
    await expect(createUser(database.db, countyAdmin(), { username: 'r1', role: 'unit_reporter' })).rejects.toThrow(ValidationError);
    await expect(
      createUser(database.db, operatorAccess('test'), { username: 'm1', role: 'municipal', county: { name: '奉节县' } }),
    ).rejects.toThrow(ValidationError);
    const reporter = await createUser(database.db, countyAdmin(), {
      username: 'r2',
      role: 'unit_reporter',
      unit: { name: '永乐镇', kind: '乡镇' },
    });
    expect(reporter.user).toMatchObject({ unitName: '永乐镇', countyId: fengjie });
    await expect(createUser(database.db, countyAdmin(), { username: 'R2', role: 'county_staff' })).rejects.toThrow(ConflictError);
    await expect(createUser(database.db, countyAdmin(), { username: 'bad name!', role: 'county_staff' })).rejects.toThrow(ValidationError);
  });

  it('the database itself refuses inconsistent accounts (municipal with a county, county role without one)', async () => {
    const base = { displayName: 'x', unitId: null, enterpriseId: null, passwordHash: 'x', mustChangePassword: true };
    await expect(insertUser(database.db, { ...base, username: 'db1', role: 'municipal', countyId: fengjie })).rejects.toThrow();
    await expect(insertUser(database.db, { ...base, username: 'db2', role: 'county_staff', countyId: null })).rejects.toThrow();
    await expect(
      database.db.execute(sql`insert into users (id, username, display_name, role, password_hash) values (gen_random_uuid(), 'db3', 'x', 'superuser', 'x')`),
    ).rejects.toThrow();
  });
});

describe('lockout', () => {
  it('counts concurrent wrong guesses without losing any, and locks at the limit', async () => {
    const { user } = await createTestUser(database.db, { role: 'county_staff', county: '奉节县', username: 'parallel.guess' });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        logIn(database.db, { username: 'parallel.guess', password: `Wrong-${i}-Passw0rd`, ip: null }, DEFAULT_AUTH_OPTIONS),
      ),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).constructor : null));
    expect(reasons.every((r) => r === InvalidCredentialsError || r === AccountLockedError)).toBe(true);
    expect(reasons.filter((r) => r === AccountLockedError).length).toBeGreaterThanOrEqual(1);
    await expect(
      logIn(database.db, { username: 'parallel.guess', password: TEST_PASSWORD, ip: null }, DEFAULT_AUTH_OPTIONS),
    ).rejects.toThrow(AccountLockedError);
    const lockouts = (await listAudit(database.db, ALL_COUNTIES, { entity: 'user', entityId: user.id })).filter(
      (r) => r.action === 'auth.lockout',
    );
    expect(lockouts.length).toBeGreaterThanOrEqual(1);

    // A reset by an administrator unlocks, ends sessions and issues a new one-time password.
    const reset = await resetPassword(database.db, operatorAccess('test'), { username: 'parallel.guess' });
    const session = await logIn(database.db, { username: 'parallel.guess', password: reset.oneTimePassword, ip: null }, DEFAULT_AUTH_OPTIONS);
    expect(session.user.mustChangePassword).toBe(true);
  });

  it('a county admin cannot reset a user of another county, or a municipal user', async () => {
    const { user: other } = await createTestUser(database.db, { role: 'county_staff', county: '石柱县' });
    const { user: municipal } = await createTestUser(database.db, { role: 'municipal' });
    const admin = principalAccess(principal({ role: 'county_admin', countyId: fengjie }), null);
    await expect(resetPassword(database.db, admin, { userId: other.id })).rejects.toThrow(NotFoundError);
    await expect(resetPassword(database.db, admin, { userId: municipal.id })).rejects.toThrow(NotFoundError);
    await expect(resetPassword(database.db, admin, { username: municipal.username })).rejects.toThrow(NotFoundError);
  });
});

describe('sessions', () => {
  it('expire, and a reset ends them', async () => {
    await createTestUser(database.db, { role: 'enterprise', county: '石柱县', username: 'ent.user', enterpriseId: 'E-001' });
    const session = await logIn(database.db, { username: 'ent.user', password: TEST_PASSWORD, ip: '10.1.1.1' }, DEFAULT_AUTH_OPTIONS);
    const live = await resolveSession(database.db, session.token);
    expect(live?.principal).toMatchObject({ role: 'enterprise', enterpriseId: 'E-001', countyId: shizhu });
    expect(live?.csrfToken).toBe(session.csrfToken);
    const later = new Date(session.expiresAt.getTime() + 1);
    expect(await resolveSession(database.db, session.token, later)).toBeNull();

    await resetPassword(database.db, operatorAccess('test'), { username: 'ent.user' });
    expect(await resolveSession(database.db, session.token)).toBeNull();
  });
});
