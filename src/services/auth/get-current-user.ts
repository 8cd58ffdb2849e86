import type { Database } from '../../db/client.ts';
import { findCredentialsById, type UserRecord } from '../../repositories/users.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { Access } from './access.ts';

/** The signed-in user's own record (with county and unit names) — never the password hash. */
export async function getCurrentUser(db: Database, access: Access): Promise<UserRecord> {
  if (!access.user) throw new UnauthenticatedError();
  const found = await findCredentialsById(db, access.user.userId);
  if (!found) throw new UnauthenticatedError();
  const { passwordHash: _secret, ...user } = found;
  return user;
}
