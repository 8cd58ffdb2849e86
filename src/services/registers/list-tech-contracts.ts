import type { Database } from '../../db/client.ts';
import { listContracts, type ContractRecord } from '../../repositories/tech-contracts.ts';
import type { Access } from '../auth/access.ts';
import { onlyEnterprise, requireAction } from './guards.ts';

export async function listTechContracts(db: Database, access: Access, filter: { year?: number | undefined } = {}): Promise<ContractRecord[]> {
  requireAction(access, 'register.read');
  const own = onlyEnterprise(access);
  const rows = await listContracts(db, access.scope, filter);
  // An enterprise account sees only the contracts its own enterprise is party to.
  if (own !== null) return rows.filter((c) => c.enterpriseId === own);
  return rows;
}
