// 服务记录: a visit (date, place, content). It counts toward the assessment only once the served unit confirms it.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { insertServiceLog, listDispatches, listServiceLogs, type ServiceLogRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { findReachableCommissioner } from './get-commissioner.ts';
import { requireAction, today } from './guards.ts';

export interface ServiceLogInput {
  commissionerId: string;
  dispatchId?: string | null | undefined;
  servedOn: string;
  place: string;
  content: string;
}

export async function logCommissionerService(db: Database, access: Access, input: ServiceLogInput): Promise<ServiceLogRecord> {
  requireAction(access, 'register.manage');
  const c = await findReachableCommissioner(db, access, input.commissionerId);
  if (input.servedOn > today()) throw new ValidationError('服务日期不能晚于今天 / service date in the future', [{ path: '/servedOn', message: '晚于今天' }]);
  const scope = countyScope(c.countyId);
  if (input.dispatchId && !(await listDispatches(db, scope, c.id)).some((d) => d.id === input.dispatchId)) {
    throw new NotFoundError('commissioner_dispatch', input.dispatchId, '派驻记录不存在 / dispatch not found');
  }
  return db.transaction(async (tx) => {
    const values = { dispatchId: input.dispatchId ?? null, servedOn: input.servedOn, place: input.place.trim(), content: input.content.trim() };
    const id = await insertServiceLog(tx, { countyId: c.countyId, commissionerId: c.id }, values, access.actor.name);
    await appendAudit(tx, { countyId: c.countyId, ...auditActor(access.actor), action: 'commissioner.service.log', entity: 'commissioner_service_log', entityId: id, after: { commissionerId: c.id, ...values } });
    const [stored] = await listServiceLogs(tx, scope, { logId: id });
    if (!stored) throw new Error('inserted log not found');
    return stored;
  });
}
