// Records a 入库编号 / 证书编号 for an enterprise. Without an explicit end date the validity comes from the rule pack in
// force on the issue date (高企 3 years [V]; 科技型中小企业 1 year [S/U] …), else the kind's default.
import type { Database } from '../../db/client.ts';
import { CERTIFICATION_RULE_PACK, DEFAULT_VALIDITY_YEARS, validUntil as lastValidDay, type CertificationKind } from '../../domain/registers/certifications.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findCertification, insertCertification, type CertificationRecord } from '../../repositories/certifications.ts';
import { findEnterprise } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { cleanText, requireAction } from './guards.ts';
import { packInForce } from './rule-pack-store.ts';

export interface RecordCertificationInput {
  enterpriseId: string;
  kind: CertificationKind;
  number: string;
  issuedOn: string;
  validUntil?: string | undefined;
  evaluationId?: string | null | undefined;
  note?: string | null | undefined;
}

export async function validityYears(db: Database, kind: CertificationKind, issuedOn: string): Promise<number> {
  const packKind = CERTIFICATION_RULE_PACK[kind];
  if (!packKind) return DEFAULT_VALIDITY_YEARS[kind];
  try {
    const { pack } = await packInForce(db, db, packKind, issuedOn);
    const params = pack.params as { certificateValidityYears?: number };
    return params.certificateValidityYears ?? DEFAULT_VALIDITY_YEARS[kind];
  } catch {
    // Issued before any pack of the kind was in force (e.g. a 2016 科技型 entry): the kind's default.
    return DEFAULT_VALIDITY_YEARS[kind];
  }
}

export async function recordCertification(db: Database, access: Access, input: RecordCertificationInput): Promise<CertificationRecord> {
  requireAction(access, 'register.manage');
  const enterprise = await findEnterprise(db, access.scope, input.enterpriseId);
  if (!enterprise) throw new NotFoundError('enterprise', input.enterpriseId, '企业不存在 / enterprise not found');
  const validUntil = input.validUntil ?? lastValidDay(input.issuedOn, await validityYears(db, input.kind, input.issuedOn));
  if (validUntil < input.issuedOn) throw new ValidationError('有效期截止日不能早于发证日期 / validity ends before issue', [{ path: '/validUntil', message: '早于发证日期' }]);
  return db.transaction(async (tx) => {
    const values = {
      countyId: enterprise.countyId,
      enterpriseId: enterprise.id,
      kind: input.kind,
      number: input.number.trim(),
      issuedOn: input.issuedOn,
      validUntil,
      evaluationId: input.evaluationId ?? null,
      note: cleanText(input.note),
    };
    const id = await insertCertification(tx, values);
    if (!id) throw new ConflictError(`本县已登记${input.kind}编号 ${values.number} / number already recorded`);
    await appendAudit(tx, { countyId: enterprise.countyId, ...auditActor(access.actor), action: 'certification.create', entity: 'certification', entityId: id, after: values });
    const stored = await findCertification(tx, countyScope(enterprise.countyId), id);
    if (!stored) throw new Error('inserted certification not found');
    return stored;
  });
}
