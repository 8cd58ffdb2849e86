// 选定正式数据来源: when several sources report one figure, the bureau marks which one counts, and says why.
// Only a reviewed figure can count: an approved unit report, or the bureau's own entry.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findValue, findValueBySource, markOfficial, type ValueRecord } from '../../repositories/indicator-values.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { requireAction, requiredReason } from './guards.ts';
import { VALUE_SOURCES } from '../../domain/reporting/vocabulary.ts';
import { countyScope } from '../../repositories/scope.ts';

export async function chooseOfficialValue(
  db: Database,
  access: Access,
  input: { valueId: string; reason: string; expectedVersion: number },
): Promise<ValueRecord> {
  requireAction(access, 'value.review');
  const reason = requiredReason(input.reason, '选定正式数据');
  const value = await findValue(db, access.scope, input.valueId);
  if (!value) throw new NotFoundError('indicator_value', input.valueId, '数据不存在 / value not found');
  if (value.version !== input.expectedVersion) throw new VersionConflictError('indicator_value', value);
  if (value.source === 'unit' && value.reportState !== 'approved') {
    throw new ValidationError('只能选定已审核通过的数据为正式数据 / only a reviewed figure can be official');
  }
  await db.transaction(async (tx) => {
    const scope = countyScope(value.countyId);
    // The figure that loses the mark, for the audit row.
    let previous: ValueRecord | null = null;
    for (const source of VALUE_SOURCES) {
      const other = await findValueBySource(tx, scope, { indicatorId: value.indicatorId, period: value.period, source });
      if (other?.isOfficial) previous = other;
    }
    await markOfficial(tx, value, reason);
    await appendAudit(tx, {
      countyId: value.countyId,
      ...auditActor(access.actor),
      action: 'value.official',
      entity: 'indicator_value',
      entityId: value.id,
      before: { officialValueId: previous?.id ?? null, officialSource: previous?.source ?? null },
      after: { officialValueId: value.id, officialSource: value.source, reason },
    });
  });
  const updated = await findValue(db, access.scope, value.id);
  if (!updated) throw new Error('value vanished');
  return updated;
}
