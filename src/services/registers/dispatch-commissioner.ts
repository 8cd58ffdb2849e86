// 派驻: sends a commissioner to a town and/or enterprise under a 三方协议 (number, date, tasks). Audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { insertDispatch, listDispatches, type DispatchRecord } from '../../repositories/commissioners.ts';
import { findEnterprise } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { findReachableCommissioner } from './get-commissioner.ts';
import { cleanText, requireAction } from './guards.ts';

export interface DispatchInput {
  commissionerId: string;
  town?: string | null | undefined;
  enterpriseId?: string | null | undefined;
  serviceObject: string;
  agreementNumber: string;
  agreementSignedOn: string;
  tasks: string;
  startOn: string;
  endOn?: string | null | undefined;
}

export async function dispatchCommissioner(db: Database, access: Access, input: DispatchInput): Promise<DispatchRecord> {
  requireAction(access, 'register.manage');
  const c = await findReachableCommissioner(db, access, input.commissionerId);
  const values = {
    town: cleanText(input.town),
    enterpriseId: input.enterpriseId ?? null,
    serviceObject: input.serviceObject.trim(),
    agreementNumber: input.agreementNumber.trim(),
    agreementSignedOn: input.agreementSignedOn,
    tasks: input.tasks.trim(),
    startOn: input.startOn,
    endOn: input.endOn ?? null,
  };
  if (values.endOn !== null && values.endOn < values.startOn) throw new ValidationError('派驻结束日期不能早于开始日期 / end before start');
  if (values.town === null && values.enterpriseId === null) {
    throw new ValidationError('须指定服务乡镇或服务企业 / a town or an enterprise is required', [{ path: '/town', message: '必填其一' }]);
  }
  return db.transaction(async (tx) => {
    if (values.enterpriseId !== null && !(await findEnterprise(tx, countyScope(c.countyId), values.enterpriseId))) {
      throw new NotFoundError('enterprise', values.enterpriseId, '服务企业不在本县企业库 / enterprise not found');
    }
    const id = await insertDispatch(tx, { countyId: c.countyId, commissionerId: c.id }, values);
    await appendAudit(tx, { countyId: c.countyId, ...auditActor(access.actor), action: 'commissioner.dispatch', entity: 'commissioner_dispatch', entityId: id, after: { commissionerId: c.id, ...values } });
    const stored = (await listDispatches(tx, countyScope(c.countyId), c.id)).find((d) => d.id === id);
    if (!stored) throw new Error('inserted dispatch not found');
    return stored;
  });
}
