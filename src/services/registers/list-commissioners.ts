import type { Database } from '../../db/client.ts';
import { listCommissioners as listRows, listDispatches, type CommissionerRecord } from '../../repositories/commissioners.ts';
import type { Access } from '../auth/access.ts';
import { onlyEnterprise, requireAction } from './guards.ts';

export async function listCommissioners(db: Database, access: Access): Promise<CommissionerRecord[]> {
  requireAction(access, 'register.read');
  const rows = await listRows(db, access.scope);
  const own = onlyEnterprise(access);
  if (own === null) return rows;
  // An enterprise account sees the commissioners dispatched to it, not the county's whole list.
  const servingOwn = new Set((await listDispatches(db, access.scope)).filter((d) => d.enterpriseId === own).map((d) => d.commissionerId));
  return rows.filter((c) => servingOwn.has(c.id));
}
