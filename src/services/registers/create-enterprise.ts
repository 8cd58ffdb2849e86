// Adds an enterprise to the county register; the 统一社会信用代码 must pass its check character (GB 32100-2015).
import type { Database } from '../../db/client.ts';
import type { EnterpriseSize } from '../../domain/registers/enterprise-import.ts';
import { checkUscc } from '../../domain/registers/uscc.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findEnterprise, insertEnterprise, type EnterpriseRecord } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { cleanText, requireAction, today, writeCounty } from './guards.ts';

export interface CreateEnterpriseInput {
  uscc: string;
  name: string;
  town?: string | null | undefined;
  industry?: string | null | undefined;
  size?: EnterpriseSize | null | undefined;
  establishedOn?: string | null | undefined;
  listedOn?: string | undefined;
  /** CLI only: the county (id or name). HTTP always uses the session's county. */
  county?: string | undefined;
}

export async function createEnterprise(db: Database, access: Access, input: CreateEnterpriseInput): Promise<EnterpriseRecord> {
  requireAction(access, 'register.manage');
  const countyId = await writeCounty(db, access, input.county);
  const uscc = checkUscc(input.uscc);
  if (!uscc.ok) throw new ValidationError(uscc.message, [{ path: '/uscc', message: uscc.message }]);
  const values = {
    uscc: uscc.code,
    name: input.name.trim(),
    town: cleanText(input.town),
    industry: cleanText(input.industry),
    size: input.size ?? null,
    establishedOn: input.establishedOn ?? null,
    listedOn: input.listedOn ?? today(),
    removedOn: null,
  };
  return db.transaction(async (tx) => {
    const id = await insertEnterprise(tx, countyId, values);
    if (!id) throw new ConflictError(`本县企业库已有统一社会信用代码 ${uscc.code} / enterprise already registered`);
    await appendAudit(tx, { countyId, ...auditActor(access.actor), action: 'enterprise.create', entity: 'enterprise', entityId: id, after: values });
    const stored = await findEnterprise(tx, countyScope(countyId), id);
    if (!stored) throw new Error('inserted enterprise not found');
    return stored;
  });
}
