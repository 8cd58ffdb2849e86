// Registers an R&D platform / incubator (认定). Audited.
import type { Database } from '../../db/client.ts';
import type { PlatformKind, PlatformLevel } from '../../domain/registers/indicator-binding.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findPlatform, insertPlatform, type PlatformColumns, type PlatformRecord } from '../../repositories/platforms.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { cleanText, requireAction, writeCounty } from './guards.ts';
import { checkPlatform } from './platform-input.ts';

export interface CreatePlatformInput {
  name: string;
  kind: PlatformKind;
  level: PlatformLevel;
  hostName: string;
  hostEnterpriseId?: string | null | undefined;
  recognisedOn: string;
  revokedOn?: string | null | undefined;
  docNumber?: string | null | undefined;
  field?: string | null | undefined;
  area?: number | null | undefined;
  tenantCount?: number | null | undefined;
  county?: string | undefined;
}

export async function createPlatform(db: Database, access: Access, input: CreatePlatformInput): Promise<PlatformRecord> {
  requireAction(access, 'register.manage');
  const countyId = await writeCounty(db, access, input.county);
  const values: PlatformColumns = {
    name: input.name.trim(),
    kind: input.kind,
    level: input.level,
    hostName: input.hostName.trim(),
    hostEnterpriseId: input.hostEnterpriseId ?? null,
    recognisedOn: input.recognisedOn,
    revokedOn: input.revokedOn ?? null,
    docNumber: cleanText(input.docNumber),
    field: cleanText(input.field),
    area: input.area ?? null,
    tenantCount: input.tenantCount ?? null,
  };
  return db.transaction(async (tx) => {
    await checkPlatform(tx, countyId, values);
    const id = await insertPlatform(tx, countyId, values);
    await appendAudit(tx, { countyId, ...auditActor(access.actor), action: 'platform.create', entity: 'platform', entityId: id, after: values });
    const stored = await findPlatform(tx, countyScope(countyId), id);
    if (!stored) throw new Error('inserted platform not found');
    return stored;
  });
}
