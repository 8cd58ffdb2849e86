import type { Database } from '../../db/client.ts';
import { isValidOn, type CertificationKind } from '../../domain/registers/certifications.ts';
import { listCertifications } from '../../repositories/certifications.ts';
import { listEnterprises as listEnterpriseRows, type EnterpriseRecord } from '../../repositories/enterprises.ts';
import type { Access } from '../auth/access.ts';
import { onlyEnterprise, requireAction, today } from './guards.ts';

export interface EnterpriseListItem extends EnterpriseRecord {
  /** Kinds of certification valid today, for the list's badges. */
  validCertifications: CertificationKind[];
}

export async function listEnterprises(
  db: Database,
  access: Access,
  query: { q?: string | undefined; town?: string | undefined; limit: number; offset: number },
): Promise<{ enterprises: EnterpriseListItem[]; total: number }> {
  requireAction(access, 'register.read');
  const { rows, total } = await listEnterpriseRows(db, access.scope, { ...query, onlyEnterpriseId: onlyEnterprise(access) });
  const certs = await listCertifications(db, access.scope, { enterpriseIds: rows.map((r) => r.id) });
  const now = today();
  return {
    total,
    enterprises: rows.map((r) => ({
      ...r,
      validCertifications: [...new Set(certs.filter((c) => c.enterpriseId === r.id && isValidOn(c, now)).map((c) => c.kind))],
    })),
  };
}
