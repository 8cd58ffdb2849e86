// Adds a 部门/乡镇 to a county. A county admin adds to their own county; the operator (CLI) names the county.
import type { Database } from '../../db/client.ts';
import type { UnitKind } from '../../db/schema/index.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { listCounties } from '../../repositories/counties.ts';
import { countyScope, scopeAllows } from '../../repositories/scope.ts';
import { findUnit, insertUnit, type UnitRecord } from '../../repositories/units.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditActor, type Access } from './access.ts';

export interface CreateUnitInput {
  name: string;
  kind: UnitKind;
  /** Defaults to the signed-in user's county. */
  countyId?: string | undefined;
}

export async function createUnit(db: Database, access: Access, input: CreateUnitInput): Promise<UnitRecord> {
  const countyId = input.countyId ?? access.user?.countyId ?? null;
  if (!countyId) throw new ValidationError('必须指定区县 / a county is required', [{ path: '/countyId', message: '必须指定区县 / required' }]);
  const county = (await listCounties(db)).find((c) => c.id === countyId);
  if (!county || !scopeAllows(access.scope, countyId)) throw new NotFoundError('county', countyId, '区县不存在 / county not found');
  const name = input.name.trim();
  if (name.length === 0) throw new ValidationError('单位名称不能为空 / unit name required');
  return db.transaction(async (tx) => {
    const unitId = await insertUnit(tx, { countyId, name, kind: input.kind });
    if (!unitId) throw new ConflictError(`本县已有单位“${name}” / unit exists`);
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: 'unit.create',
      entity: 'unit',
      entityId: unitId,
      after: { name, kind: input.kind },
    });
    const unit = await findUnit(tx, countyScope(countyId), unitId);
    if (!unit) throw new Error('inserted unit not found');
    return unit;
  });
}
