// Corrects or revokes (撤销/取消资格) a certification. Optimistic locking; audited with before/after.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findCertification, updateCertificationIfVersion, type CertificationRecord } from '../../repositories/certifications.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { cleanText, requireAction } from './guards.ts';

export interface UpdateCertificationInput {
  id: string;
  version: number;
  number?: string | undefined;
  issuedOn?: string | undefined;
  validUntil?: string | undefined;
  revokedOn?: string | null | undefined;
  revokeReason?: string | null | undefined;
  note?: string | null | undefined;
}

export async function updateCertification(db: Database, access: Access, input: UpdateCertificationInput): Promise<CertificationRecord> {
  requireAction(access, 'register.manage');
  return db.transaction(async (tx) => {
    const before = await findCertification(tx, access.scope, input.id);
    if (!before) throw new NotFoundError('certification', input.id, '资格证书不存在 / certification not found');
    if (before.version !== input.version) throw new VersionConflictError('certification', before);
    const values: Parameters<typeof updateCertificationIfVersion>[2] = {};
    if (input.number !== undefined) values.number = input.number.trim();
    if (input.issuedOn !== undefined) values.issuedOn = input.issuedOn;
    if (input.validUntil !== undefined) values.validUntil = input.validUntil;
    if (input.revokedOn !== undefined) values.revokedOn = input.revokedOn;
    if (input.revokeReason !== undefined) values.revokeReason = cleanText(input.revokeReason);
    if (input.note !== undefined) values.note = cleanText(input.note);
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    const merged = { ...before, ...values };
    if (merged.validUntil < merged.issuedOn) throw new ValidationError('有效期截止日不能早于发证日期 / validity ends before issue');
    if (merged.revokedOn !== null && !merged.revokeReason) {
      throw new ValidationError('撤销资格须说明原因 / a revocation needs a reason', [{ path: '/revokeReason', message: '必填 / required' }]);
    }
    if (!(await updateCertificationIfVersion(tx, { id: before.id, countyId: before.countyId, version: input.version }, values))) {
      throw new VersionConflictError('certification', await findCertification(tx, access.scope, input.id));
    }
    const after = await findCertification(tx, countyScope(before.countyId), before.id);
    if (!after) throw new Error('updated certification not found');
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: values.revokedOn ? 'certification.revoke' : 'certification.update',
      entity: 'certification',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
