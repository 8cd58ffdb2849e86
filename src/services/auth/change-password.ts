// The signed-in user changes their own password (required after a one-time password). Other sessions of the user
// end, so a password change also throws out whoever else had it.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { deleteOtherSessions } from '../../repositories/sessions.ts';
import { findCredentialsById, setPassword } from '../../repositories/users.ts';
import { UnauthenticatedError, ValidationError } from '../errors.ts';
import { auditActor, type Access } from './access.ts';
import { checkPasswordRule, hashPassword, verifyPassword } from './passwords.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The session to keep (the one making the change). */
  sessionId: string;
}

export async function changePassword(db: Database, access: Access, input: ChangePasswordInput): Promise<void> {
  if (!access.user) throw new UnauthenticatedError();
  const found = await findCredentialsById(db, access.user.userId);
  if (!found) throw new UnauthenticatedError();
  if (!(await verifyPassword(found.passwordHash, input.currentPassword))) {
    throw new ValidationError('当前密码不正确 / current password is wrong', [
      { path: '/currentPassword', message: '当前密码不正确 / current password is wrong' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError('新密码不能与当前密码相同 / the new password must differ', [
      { path: '/newPassword', message: '新密码不能与当前密码相同 / the new password must differ' },
    ]);
  }
  checkPasswordRule(input.newPassword, found.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, found.id, passwordHash, false);
    await deleteOtherSessions(tx, found.id, input.sessionId);
    // Never the hashes: the audit log records that it happened, not the secret.
    await appendAudit(tx, {
      countyId: found.countyId,
      ...auditActor(access.actor),
      action: 'user.change-password',
      entity: 'user',
      entityId: found.id,
      before: { mustChangePassword: found.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
