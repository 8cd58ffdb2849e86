// One enterprise with everything the register holds on it: yearly figures, certifications, evaluations.
import type { Database } from '../../db/client.ts';
import { listCertifications, type CertificationRecord } from '../../repositories/certifications.ts';
import { listEvaluations, type EvaluationRecord } from '../../repositories/enterprise-evaluations.ts';
import { findEnterprise, listFigures, type EnterpriseRecord, type FiguresRecord } from '../../repositories/enterprises.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { onlyEnterprise, requireAction } from './guards.ts';

export interface EnterpriseDetail extends EnterpriseRecord {
  figures: FiguresRecord[];
  certifications: CertificationRecord[];
  evaluations: EvaluationRecord[];
}

/** The enterprise inside the caller's reach, or 404 (another county's — or, for an enterprise user, another firm's). */
export async function findReachableEnterprise(db: Database, access: Access, id: string): Promise<EnterpriseRecord> {
  const own = onlyEnterprise(access);
  const enterprise = own !== null && own !== id ? null : await findEnterprise(db, access.scope, id);
  if (!enterprise) throw new NotFoundError('enterprise', id, '企业不存在 / enterprise not found');
  return enterprise;
}

export async function getEnterprise(db: Database, access: Access, id: string): Promise<EnterpriseDetail> {
  requireAction(access, 'register.read');
  const enterprise = await findReachableEnterprise(db, access, id);
  const [figures, certifications, evaluations] = await Promise.all([
    listFigures(db, enterprise.countyId, id),
    listCertifications(db, access.scope, { enterpriseIds: [id] }),
    listEvaluations(db, access.scope, id),
  ]);
  return { ...enterprise, figures, certifications, evaluations };
}
