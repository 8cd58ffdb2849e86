// The served unit's confirmation of a visit (服务对象确认), recorded by the bureau: once, never overwritten.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { confirmServiceLogIfVersion, listServiceLogs, type ServiceLogRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ConflictError, NotFoundError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';

export async function confirmServiceLog(db: Database, access: Access, input: { logId: string; version: number; confirmedBy: string }): Promise<ServiceLogRecord> {
  requireAction(access, 'register.manage');
  return db.transaction(async (tx) => {
    const [log] = await listServiceLogs(tx, access.scope, { logId: input.logId });
    if (!log) throw new NotFoundError('commissioner_service_log', input.logId, '服务记录不存在 / service log not found');
    if (log.confirmedAt !== null) throw new ConflictError(`该服务记录已由“${log.confirmedBy ?? ''}”确认 / already confirmed`);
    if (log.version !== input.version) throw new VersionConflictError('commissioner_service_log', log);
    if (!(await confirmServiceLogIfVersion(tx, { id: log.id, countyId: log.countyId, version: input.version }, input.confirmedBy.trim()))) {
      throw new VersionConflictError('commissioner_service_log', (await listServiceLogs(tx, access.scope, { logId: input.logId }))[0] ?? null);
    }
    const [after] = await listServiceLogs(tx, countyScope(log.countyId), { logId: log.id });
    if (!after) throw new Error('confirmed log not found');
    await appendAudit(tx, { countyId: log.countyId, ...auditActor(access.actor), action: 'commissioner.service.confirm', entity: 'commissioner_service_log', entityId: log.id, before: { confirmedBy: null }, after: { confirmedBy: after.confirmedBy, confirmedAt: after.confirmedAt } });
    return after;
  });
}
