// First start: when no account exists yet, create the platform operator `admin` (role municipal) with a random
// one-time password the caller prints once. There is never a fixed default password.
import type { Database } from '../../db/client.ts';
import { countUsers } from '../../repositories/users.ts';
import { ConflictError } from '../errors.ts';
import { operatorAccess } from './access.ts';
import { createUser } from './create-user.ts';

export const FIRST_ADMIN_USERNAME = 'admin';

export async function ensureFirstAdmin(db: Database): Promise<{ username: string; oneTimePassword: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  try {
    const { user, oneTimePassword } = await createUser(db, operatorAccess('system:first-start'), {
      username: FIRST_ADMIN_USERNAME,
      displayName: '平台管理员',
      role: 'municipal',
    });
    return { username: user.username, oneTimePassword };
  } catch (error) {
    // Two servers starting at once: the other one created it (and printed its password).
    if (error instanceof ConflictError) return null;
    throw error;
  }
}
