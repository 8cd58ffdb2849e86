// The bureau assigns a ledger project's lead unit, corrects its facts, or marks it done. Versioned; audited.
import type { Database } from '../db/client.ts';
import { isIsoDate } from '../domain/supervision/calendar.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findLedgerProject, updateLedgerProjectIfVersion, type LedgerProjectRow } from '../repositories/projects-ledger.ts';
import { countyScope } from '../repositories/scope.ts';
import { findUnit } from '../repositories/units.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';

export interface UpdateLedgerProjectInput {
  projectId: string;
  version: number;
  leadUnitId?: string | null | undefined;
  category?: string | null | undefined;
  site?: string | null | undefined;
  nature?: string | null | undefined;
  content?: string | undefined;
  totalInvestment?: number | null | undefined;
  startYear?: number | null | undefined;
  endYear?: number | null | undefined;
  doneOn?: string | null | undefined;
}

export async function updateLedgerProject(db: Database, access: Access, input: UpdateLedgerProjectInput): Promise<{ id: string; version: number }> {
  const { projectId, version, ...patch } = input;
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<LedgerProjectRow>;
  if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
  if (values.doneOn && !isIsoDate(values.doneOn)) throw new ValidationError('日期格式应为 YYYY-MM-DD / invalid date', [{ path: '/doneOn', message: 'YYYY-MM-DD' }]);
  return db.transaction(async (tx) => {
    const before = await findLedgerProject(tx, access.scope, projectId);
    if (!before) throw new NotFoundError('ledger_project', projectId, '项目不存在 / project not found');
    if (before.version !== version) throw new VersionConflictError('ledger_project', { id: before.id, version: before.version });
    if (values.leadUnitId && !(await findUnit(tx, countyScope(before.countyId), values.leadUnitId))) {
      throw new ValidationError('单位不存在或不属于本县 / unknown unit', [{ path: '/leadUnitId', message: '单位不存在' }]);
    }
    const after = await updateLedgerProjectIfVersion(tx, { countyId: before.countyId, id: before.id, version }, values);
    if (!after) throw new VersionConflictError('ledger_project', null);
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: 'ledger.update',
      entity: 'ledger_project',
      entityId: before.id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof LedgerProjectRow]])),
      after: values,
    });
    return { id: after.id, version: after.version };
  });
}
