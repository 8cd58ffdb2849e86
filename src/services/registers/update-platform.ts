// Corrects a platform or records its revocation (撤销). Optimistic locking; audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findPlatform, updatePlatformIfVersion, type PlatformColumns, type PlatformRecord } from '../../repositories/platforms.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { cleanText, requireAction } from './guards.ts';
import { checkPlatform } from './platform-input.ts';

export type UpdatePlatformInput = { id: string; version: number } & { [K in keyof PlatformColumns]?: PlatformColumns[K] | undefined };

export async function updatePlatform(db: Database, access: Access, input: UpdatePlatformInput): Promise<PlatformRecord> {
  requireAction(access, 'register.manage');
  const { id, version, ...patch } = input;
  return db.transaction(async (tx) => {
    const before = await findPlatform(tx, access.scope, id);
    if (!before) throw new NotFoundError('platform', id, '平台不存在 / platform not found');
    if (before.version !== version) throw new VersionConflictError('platform', before);
    const values: Partial<PlatformColumns> = {};
    for (const [key, value] of Object.entries(patch) as [keyof PlatformColumns, PlatformColumns[keyof PlatformColumns] | undefined][]) {
      if (value === undefined) continue;
      (values as Record<string, unknown>)[key] = typeof value === 'string' && (key === 'docNumber' || key === 'field') ? cleanText(value) : value;
    }
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    const { id: _i, countyId: _c, countyName: _n, version: _v, ...current } = before;
    await checkPlatform(tx, before.countyId, { ...current, ...values });
    if (!(await updatePlatformIfVersion(tx, { id, countyId: before.countyId, version }, values))) {
      throw new VersionConflictError('platform', await findPlatform(tx, access.scope, id));
    }
    const after = await findPlatform(tx, countyScope(before.countyId), id);
    if (!after) throw new Error('updated platform not found');
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: values.revokedOn ? 'platform.revoke' : 'platform.update', entity: 'platform', entityId: id, before, after });
    return after;
  });
}
