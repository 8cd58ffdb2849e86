import type { Database } from '../../db/client.ts';
import { listCommissioners as listRows, type CommissionerRecord } from '../../repositories/commissioners.ts';
import type { Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';

export async function listCommissioners(db: Database, access: Access): Promise<CommissionerRecord[]> {
  requireAction(access, 'register.read');
  return listRows(db, access.scope);
}
