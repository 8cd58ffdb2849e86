// Corrects an enterprise's register entry (name, town, industry, size, dates). Optimistic locking: a stale version
// answers 409 with the current record. The 统一社会信用代码 is the identity and is not editable.
import type { Database } from '../../db/client.ts';
import type { EnterpriseSize } from '../../domain/registers/enterprise-import.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findEnterprise, updateEnterpriseIfVersion, type EnterpriseColumns, type EnterpriseRecord } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { cleanText, requireAction } from './guards.ts';

export interface UpdateEnterpriseInput {
  id: string;
  version: number;
  name?: string | undefined;
  town?: string | null | undefined;
  industry?: string | null | undefined;
  size?: EnterpriseSize | null | undefined;
  establishedOn?: string | null | undefined;
  listedOn?: string | undefined;
  removedOn?: string | null | undefined;
}

export async function updateEnterprise(db: Database, access: Access, input: UpdateEnterpriseInput): Promise<EnterpriseRecord> {
  requireAction(access, 'register.manage');
  return db.transaction(async (tx) => {
    const before = await findEnterprise(tx, access.scope, input.id);
    if (!before) throw new NotFoundError('enterprise', input.id, '企业不存在 / enterprise not found');
    if (before.version !== input.version) throw new VersionConflictError('enterprise', before);
    const values: Partial<EnterpriseColumns> = {};
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.town !== undefined) values.town = cleanText(input.town);
    if (input.industry !== undefined) values.industry = cleanText(input.industry);
    if (input.size !== undefined) values.size = input.size;
    if (input.establishedOn !== undefined) values.establishedOn = input.establishedOn;
    if (input.listedOn !== undefined) values.listedOn = input.listedOn;
    if (input.removedOn !== undefined) values.removedOn = input.removedOn;
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    const listed = values.listedOn ?? before.listedOn;
    const removed = values.removedOn === undefined ? before.removedOn : values.removedOn;
    if (removed !== null && removed < listed) throw new ValidationError('移出日期不能早于入库日期 / removal before listing');
    if (!(await updateEnterpriseIfVersion(tx, { id: before.id, countyId: before.countyId, version: input.version }, values))) {
      throw new VersionConflictError('enterprise', await findEnterprise(tx, access.scope, input.id));
    }
    const after = await findEnterprise(tx, countyScope(before.countyId), before.id);
    if (!after) throw new Error('updated enterprise not found');
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: 'enterprise.update', entity: 'enterprise', entityId: before.id, before, after });
    return after;
  });
}
