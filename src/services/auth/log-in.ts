// Signs a user in: checks the lockout, verifies the password, counts failures (locking after too many), and opens a
// session. Each outcome is written to the audit log, failures included, so an attack is visible afterwards.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { insertSession } from '../../repositories/sessions.ts';
import { clearFailedLogins, findCredentialsByUsername, recordFailedLogin, type UserRecord } from '../../repositories/users.ts';
import { AccountLockedError, InvalidCredentialsError } from '../errors.ts';
import type { AuthOptions } from './options.ts';
import { burnPasswordCheck, normalizeUsername, verifyPassword } from './passwords.ts';
import { newCsrfToken, newSessionToken, sessionIdOf } from './sessions.ts';

export interface LogInInput {
  username: string;
  password: string;
  ip: string | null;
}

export interface LogInResult {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRecord;
}

export async function logIn(
  db: Database,
  input: LogInInput,
  options: Pick<AuthOptions, 'maxFailedLogins' | 'lockMinutes' | 'sessionHours'>,
  now: () => Date = () => new Date(),
): Promise<LogInResult> {
  const username = normalizeUsername(input.username);
  const found = await findCredentialsByUsername(db, username);
  if (!found) {
    await burnPasswordCheck(input.password);
    throw new InvalidCredentialsError();
  }
  const { passwordHash, ...user } = found;
  const who = { actor: user.username, role: user.role, unitId: user.unitId, ip: input.ip };
  const audit = (action: string, after: unknown) =>
    appendAudit(db, { countyId: user.countyId, ...who, action, entity: 'user', entityId: user.id, after });

  const lockedUntil = user.lockedUntil ? new Date(user.lockedUntil) : null;
  if (lockedUntil && lockedUntil > now()) {
    // Refused before the password is even checked: while locked, a right guess must not be distinguishable.
    await audit('auth.login-refused-locked', { lockedUntil: user.lockedUntil });
    throw new AccountLockedError(lockedUntil);
  }

  if (!(await verifyPassword(passwordHash, input.password))) {
    const lockUntil = new Date(now().getTime() + options.lockMinutes * 60_000);
    const after = await recordFailedLogin(db, user.id, options.maxFailedLogins, lockUntil);
    const lockedNow = after.lockedUntil !== null && after.lockedUntil > now();
    await audit(lockedNow ? 'auth.lockout' : 'auth.login-failed', {
      failedLogins: after.failedLogins,
      lockedUntil: lockedNow ? after.lockedUntil?.toISOString() : null,
    });
    if (lockedNow && after.lockedUntil) throw new AccountLockedError(after.lockedUntil);
    throw new InvalidCredentialsError();
  }

  const token = newSessionToken();
  const csrfToken = newCsrfToken();
  const expiresAt = new Date(now().getTime() + options.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil !== null) await clearFailedLogins(tx, user.id);
    await insertSession(tx, { id: sessionIdOf(token), userId: user.id, csrfToken, expiresAt, ip: input.ip });
    await appendAudit(tx, {
      countyId: user.countyId,
      ...who,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, csrfToken, expiresAt, user: { ...user, failedLogins: 0, lockedUntil: null } };
}
