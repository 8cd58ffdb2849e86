// 区县归属: the 市科技局 (or the operator at the console) says which 地市 a county belongs to, so the municipal batch
// report can pick "its" counties and carry the city's name. Blank clears it. Versioned (409 with the county as it is
// now); audited in the same transaction.
import { MUNICIPALITY_MAX } from '../contracts/counties.ts';
import type { Database } from '../db/client.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findCountyRecord, updateCountyMunicipalityIfVersion, type CountyRecord } from '../repositories/counties.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { requireAction } from './monitoring/guards.ts';

export interface AssignCountyMunicipalityInput {
  countyId: string;
  /** The version the caller read; a write made since then answers 409. */
  version: number;
  /** The 地市 (trimmed); null or blank clears it. */
  municipality: string | null;
}

/** The name as stored: trimmed, blank → null; too long → a Chinese refusal naming the field. */
export function cleanMunicipality(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > MUNICIPALITY_MAX) {
    const message = `所属地市最多 ${MUNICIPALITY_MAX} 个字 / municipality must be at most ${MUNICIPALITY_MAX} characters`;
    throw new ValidationError(message, [{ path: '/municipality', message }]);
  }
  return trimmed;
}

export async function assignCountyMunicipality(db: Database, access: Access, input: AssignCountyMunicipalityInput): Promise<CountyRecord> {
  requireAction(access, 'county.manage');
  const municipality = cleanMunicipality(input.municipality);
  return db.transaction(async (tx) => {
    const before = await findCountyRecord(tx, access.scope, input.countyId);
    if (!before) throw new NotFoundError('county', input.countyId, '区县不存在 / county not found');
    if (before.version !== input.version) throw new VersionConflictError('county', before);
    // Saving what is already there writes nothing: no version bump that would 409 another open editor, no audit row.
    if (before.municipality === municipality) return before;
    if (!(await updateCountyMunicipalityIfVersion(tx, { id: before.id, version: input.version }, municipality))) {
      throw new VersionConflictError('county', await findCountyRecord(tx, access.scope, before.id));
    }
    const after = await findCountyRecord(tx, access.scope, before.id);
    if (!after) throw new Error('updated county not found');
    await appendAudit(tx, {
      countyId: before.id,
      ...auditActor(access.actor),
      action: 'county.assign-municipality',
      entity: 'county',
      entityId: before.id,
      before: { municipality: before.municipality },
      after: { municipality: after.municipality },
    });
    return after;
  });
}
