// Certifications (入库编号 / 证书编号). Scoped reads; writes name the county and check the version.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { certifications, enterprises } from '../db/schema/index.ts';
import type { CertificationKind } from '../domain/registers/certifications.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface CertificationRecord {
  id: string;
  countyId: string;
  enterpriseId: string;
  enterpriseName: string;
  kind: CertificationKind;
  number: string;
  issuedOn: string;
  validUntil: string;
  revokedOn: string | null;
  revokeReason: string | null;
  evaluationId: string | null;
  note: string | null;
  version: number;
}

const columns = {
  id: certifications.id,
  countyId: certifications.countyId,
  enterpriseId: certifications.enterpriseId,
  enterpriseName: enterprises.name,
  kind: certifications.kind,
  number: certifications.number,
  issuedOn: certifications.issuedOn,
  validUntil: certifications.validUntil,
  revokedOn: certifications.revokedOn,
  revokeReason: certifications.revokeReason,
  evaluationId: certifications.evaluationId,
  note: certifications.note,
  version: certifications.version,
};

function select(exec: Executor) {
  return exec
    .select(columns)
    .from(certifications)
    .innerJoin(enterprises, and(eq(enterprises.id, certifications.enterpriseId), eq(enterprises.countyId, certifications.countyId)));
}

export async function listCertifications(
  exec: Executor,
  scope: TenantScope,
  filter: { enterpriseIds?: readonly string[] | undefined; kind?: CertificationKind | undefined } = {},
): Promise<CertificationRecord[]> {
  return select(exec)
    .where(
      and(
        countyFilter(certifications.countyId, scope),
        filter.enterpriseIds ? inArray(certifications.enterpriseId, filter.enterpriseIds.length > 0 ? [...filter.enterpriseIds] : ['00000000-0000-0000-0000-000000000000']) : undefined,
        filter.kind ? eq(certifications.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(asc(enterprises.name), asc(certifications.issuedOn));
}

export async function findCertification(exec: Executor, scope: TenantScope, id: string): Promise<CertificationRecord | null> {
  const rows = await select(exec).where(and(eq(certifications.id, id), countyFilter(certifications.countyId, scope)));
  return rows[0] ?? null;
}

export interface NewCertification {
  countyId: string;
  enterpriseId: string;
  kind: CertificationKind;
  number: string;
  issuedOn: string;
  validUntil: string;
  evaluationId: string | null;
  note: string | null;
}

/** null when the county already has that number for that kind. */
export async function insertCertification(exec: Executor, input: NewCertification): Promise<string | null> {
  const rows = await exec
    .insert(certifications)
    .values({ id: randomUUID(), ...input })
    .onConflictDoNothing({ target: [certifications.countyId, certifications.kind, certifications.number] })
    .returning({ id: certifications.id });
  return rows[0]?.id ?? null;
}

export async function updateCertificationIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: Partial<Pick<CertificationRecord, 'number' | 'issuedOn' | 'validUntil' | 'revokedOn' | 'revokeReason' | 'note'>>,
): Promise<boolean> {
  const rows = await exec
    .update(certifications)
    .set({ ...values, version: sql`${certifications.version} + 1` })
    .where(and(eq(certifications.id, key.id), eq(certifications.countyId, key.countyId), eq(certifications.version, key.version)))
    .returning({ id: certifications.id });
  return rows.length > 0;
}
