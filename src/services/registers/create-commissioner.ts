import type { Database } from '../../db/client.ts';
import type { CommissionerLevel, CommissionerType } from '../../domain/registers/commissioners.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findCommissioner, insertCommissioner, type CommissionerRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { cleanText, requireAction, writeCounty } from './guards.ts';

export interface CreateCommissionerInput {
  name: string;
  level: CommissionerLevel;
  type: CommissionerType;
  dispatchingUnit: string;
  title?: string | null | undefined;
  field?: string | null | undefined;
  phone?: string | null | undefined;
  county?: string | undefined;
}

export async function createCommissioner(db: Database, access: Access, input: CreateCommissionerInput): Promise<CommissionerRecord> {
  requireAction(access, 'register.manage');
  const countyId = await writeCounty(db, access, input.county);
  const values = {
    name: input.name.trim(),
    level: input.level,
    type: input.type,
    dispatchingUnit: input.dispatchingUnit.trim(),
    title: cleanText(input.title),
    field: cleanText(input.field),
    phone: cleanText(input.phone),
  };
  return db.transaction(async (tx) => {
    const id = await insertCommissioner(tx, countyId, values);
    await appendAudit(tx, { countyId, ...auditActor(access.actor), action: 'commissioner.create', entity: 'commissioner', entityId: id, after: values });
    const stored = await findCommissioner(tx, countyScope(countyId), id);
    if (!stored) throw new Error('inserted commissioner not found');
    return stored;
  });
}
