// A 科技特派员 with dispatches (三方协议, with the signed agreement's files), service logs (with photos) and annual
// assessments.
import type { Database } from '../../db/client.ts';
import { listAgreementFiles, type AgreementFileRecord } from '../../repositories/agreement-files.ts';
import {
  findCommissioner,
  listAssessments,
  listDispatches,
  listServiceLogs,
  type AssessmentRecord,
  type CommissionerRecord,
  type DispatchRecord,
  type ServiceLogRecord,
} from '../../repositories/commissioners.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { mayReadAgreement } from './get-agreement-file.ts';
import { onlyEnterprise, requireAction } from './guards.ts';

export interface DispatchDetail extends DispatchRecord {
  /** Empty for an enterprise account on a dispatch to another enterprise: not a party to that agreement. */
  agreementFiles: AgreementFileRecord[];
}

export interface CommissionerDetail extends CommissionerRecord {
  dispatches: DispatchDetail[];
  serviceLogs: ServiceLogRecord[];
  assessments: AssessmentRecord[];
}

export async function findReachableCommissioner(db: Database, access: Access, id: string): Promise<CommissionerRecord> {
  const c = await findCommissioner(db, access.scope, id);
  const own = onlyEnterprise(access);
  const reachable = c !== null && (own === null || (await listDispatches(db, access.scope, id)).some((d) => d.enterpriseId === own));
  if (!c || !reachable) throw new NotFoundError('commissioner', id, '科技特派员不存在 / commissioner not found');
  return c;
}

export async function getCommissioner(db: Database, access: Access, id: string): Promise<CommissionerDetail> {
  requireAction(access, 'register.read');
  const c = await findReachableCommissioner(db, access, id);
  const [dispatches, serviceLogs, assessments] = await Promise.all([
    listDispatches(db, access.scope, id),
    listServiceLogs(db, access.scope, { commissionerId: id }),
    listAssessments(db, access.scope, id),
  ]);
  const readable = dispatches.filter((d) => mayReadAgreement(access, d)).map((d) => d.id);
  const files = await listAgreementFiles(db, access.scope, readable);
  return { ...c, dispatches: dispatches.map((d) => ({ ...d, agreementFiles: files.filter((f) => f.dispatchId === d.id) })), serviceLogs, assessments };
}
