// Test sign-in: creates a user of a role (through the real service) and opens a session for it, returning the
// headers app.inject needs — the session cookie, and the CSRF token every state-changing request must echo.
import type { Database } from '../../src/db/client.ts';
import type { Role } from '../../src/domain/access.ts';
import { setPassword, type UserRecord } from '../../src/repositories/users.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { createUser } from '../../src/services/auth/create-user.ts';
import { logIn } from '../../src/services/auth/log-in.ts';
import { DEFAULT_AUTH_OPTIONS } from '../../src/services/auth/options.ts';
import { hashPassword } from '../../src/services/auth/passwords.ts';
import { SESSION_COOKIE } from '../../src/http/plugins/auth.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';

export interface TestLogin {
  user: UserRecord;
  /** Cookie and CSRF headers for app.inject. */
  headers: { cookie: string; 'x-csrf-token': string };
  cookie: string;
  csrfToken: string;
}

export interface TestUserSpec {
  role: Role;
  username?: string;
  /** County name; required for every role but municipal. */
  county?: string;
  /** Unit name (created in the county if missing); required for unit_reporter. */
  unit?: string;
  enterpriseId?: string;
  /** Keep the one-time-password state (the user must change it first). */
  mustChangePassword?: boolean;
}

let counter = 0;

export async function createTestUser(db: Database, spec: TestUserSpec): Promise<{ user: UserRecord; password: string }> {
  counter += 1;
  const username = spec.username ?? `t-${spec.role}-${counter}-${process.pid}`;
  const { user, oneTimePassword } = await createUser(db, operatorAccess('test'), {
    username,
    role: spec.role,
    county: spec.county ? { name: spec.county } : undefined,
    unit: spec.unit ? { name: spec.unit, kind: /(乡|镇|街道)$/.test(spec.unit) ? '乡镇' : '部门' } : undefined,
    enterpriseId: spec.enterpriseId,
  });
  if (spec.mustChangePassword) return { user, password: oneTimePassword };
  await setPassword(db, user.id, await hashPassword(TEST_PASSWORD), false);
  return { user: { ...user, mustChangePassword: false, version: user.version + 1 }, password: TEST_PASSWORD };
}

/** A signed-in user of `spec.role`, ready for app.inject({ headers: login.headers }). */
export async function loginAs(db: Database, spec: TestUserSpec): Promise<TestLogin> {
  const { user, password } = await createTestUser(db, spec);
  const session = await logIn(db, { username: user.username, password, ip: '127.0.0.1' }, DEFAULT_AUTH_OPTIONS);
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  return { user, cookie, csrfToken: session.csrfToken, headers: { cookie, 'x-csrf-token': session.csrfToken } };
}
