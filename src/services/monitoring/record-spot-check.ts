// The outcome of one spot check: 核查无误, or 存在问题 with a note saying what was found.
import type { Database } from '../../db/client.ts';
import type { SpotCheckOutcome } from '../../domain/reporting/vocabulary.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { countyScope } from '../../repositories/scope.ts';
import { findSpotCheck, listSpotChecks, recordSpotCheckOutcome, type SpotCheckRecord } from '../../repositories/spot-checks.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { requireAction, requiredReason } from './guards.ts';

export async function recordSpotCheck(
  db: Database,
  access: Access,
  input: { spotCheckId: string; outcome: SpotCheckOutcome; note?: string | null | undefined; expectedVersion: number },
): Promise<SpotCheckRecord> {
  requireAction(access, 'value.spotcheck');
  const check = await findSpotCheck(db, access.scope, input.spotCheckId);
  if (!check) throw new NotFoundError('spot_check', input.spotCheckId, '核查记录不存在 / spot check not found');
  const note = input.outcome === 'discrepancy' ? requiredReason(input.note, '核查发现问题时') : input.note?.trim() || null;
  await db.transaction(async (tx) => {
    if (!(await recordSpotCheckOutcome(tx, check, input.expectedVersion, { outcome: input.outcome, note, checkedBy: access.actor.name }))) {
      throw new VersionConflictError('spot_check', await findSpotCheck(tx, countyScope(check.countyId), check.id));
    }
    await appendAudit(tx, {
      countyId: check.countyId,
      ...auditActor(access.actor),
      action: 'spotcheck.record',
      entity: 'spot_check',
      entityId: check.id,
      before: { outcome: check.outcome, note: check.note },
      after: { outcome: input.outcome, note, valueId: check.valueId },
    });
  });
  const updated = await findSpotCheck(db, access.scope, check.id);
  if (!updated) throw new Error('spot check vanished');
  return updated;
}

export function listSpotCheckBatch(db: Database, access: Access, batchId?: string): Promise<SpotCheckRecord[]> {
  requireAction(access, 'value.spotcheck');
  return listSpotChecks(db, access.scope, { batchId });
}
