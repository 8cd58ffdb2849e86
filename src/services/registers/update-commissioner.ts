import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findCommissioner, updateCommissionerIfVersion, type CommissionerColumns, type CommissionerRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';

export type UpdateCommissionerInput = { id: string; version: number } & { [K in keyof CommissionerColumns]?: CommissionerColumns[K] | undefined };

export async function updateCommissioner(db: Database, access: Access, input: UpdateCommissionerInput): Promise<CommissionerRecord> {
  requireAction(access, 'register.manage');
  const { id, version, ...patch } = input;
  return db.transaction(async (tx) => {
    const before = await findCommissioner(tx, access.scope, id);
    if (!before) throw new NotFoundError('commissioner', id, '科技特派员不存在 / commissioner not found');
    if (before.version !== version) throw new VersionConflictError('commissioner', before);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<CommissionerColumns>;
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    if (!(await updateCommissionerIfVersion(tx, { id, countyId: before.countyId, version }, values))) {
      throw new VersionConflictError('commissioner', await findCommissioner(tx, access.scope, id));
    }
    const after = await findCommissioner(tx, countyScope(before.countyId), id);
    if (!after) throw new Error('updated commissioner not found');
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: 'commissioner.update', entity: 'commissioner', entityId: id, before, after });
    return after;
  });
}
