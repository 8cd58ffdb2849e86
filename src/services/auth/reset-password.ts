// Issues a new one-time password for a user (forgotten password, or to lift a lockout early): the account is
// unlocked, must change its password again, and every session it had ends.
import type { Database } from '../../db/client.ts';
import { creatableRoles } from '../../domain/access.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { deleteOtherSessions } from '../../repositories/sessions.ts';
import { findCredentialsByUsername, findUser, setPassword, type UserRecord } from '../../repositories/users.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { auditActor, type Access } from './access.ts';
import { generateOneTimePassword, hashPassword, normalizeUsername } from './passwords.ts';

export async function resetPassword(
  db: Database,
  access: Access,
  who: { userId: string } | { username: string },
): Promise<{ user: UserRecord; oneTimePassword: string }> {
  const user =
    'userId' in who
      ? await findUser(db, access.scope, who.userId)
      : await findByUsernameInScope(db, access, normalizeUsername(who.username));
  if (!user) throw new NotFoundError('user', 'userId' in who ? who.userId : who.username, '用户不存在 / user not found');
  if (access.user && !creatableRoles(access.user.role).includes(user.role)) {
    throw new ForbiddenError('无权重置该账户的密码 / may not reset this user');
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, true);
    await deleteOtherSessions(tx, user.id, null);
    await appendAudit(tx, {
      countyId: user.countyId,
      ...auditActor(access.actor),
      action: 'user.reset-password',
      entity: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword, lockedUntil: user.lockedUntil },
      after: { mustChangePassword: true, lockedUntil: null },
    });
  });
  return { user: { ...user, mustChangePassword: true, failedLogins: 0, lockedUntil: null }, oneTimePassword };
}

async function findByUsernameInScope(db: Database, access: Access, username: string): Promise<UserRecord | null> {
  const found = await findCredentialsByUsername(db, username);
  // Re-read through the scope so a username of another county is "not found" like any other.
  return found ? findUser(db, access.scope, found.id) : null;
}
