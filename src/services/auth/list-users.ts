import type { Database } from '../../db/client.ts';
import { listUsers as listUserRows, type UserRecord } from '../../repositories/users.ts';
import type { Access } from './access.ts';

export function listUsers(db: Database, access: Access): Promise<UserRecord[]> {
  return listUserRows(db, access.scope);
}
