// 科技特派员, their dispatches (三方协议), service logs with photos, and annual assessments. Scoped reads; child rows
// are written with the parent's county (the service found the parent inside the scope first).
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, sql, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  commissionerAssessments,
  commissionerDispatches,
  commissioners,
  commissionerServiceLogs,
  counties,
  serviceLogPhotos,
} from '../db/schema/index.ts';
import type { CommissionerLevel, CommissionerType } from '../domain/registers/commissioners.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface CommissionerColumns {
  name: string;
  level: CommissionerLevel;
  type: CommissionerType;
  dispatchingUnit: string;
  title: string | null;
  field: string | null;
  phone: string | null;
}

export interface CommissionerRecord extends CommissionerColumns {
  id: string;
  countyId: string;
  countyName: string;
  version: number;
}

const columns = {
  id: commissioners.id,
  countyId: commissioners.countyId,
  countyName: counties.name,
  name: commissioners.name,
  level: commissioners.level,
  type: commissioners.type,
  dispatchingUnit: commissioners.dispatchingUnit,
  title: commissioners.title,
  field: commissioners.field,
  phone: commissioners.phone,
  version: commissioners.version,
};

export async function listCommissioners(exec: Executor, scope: TenantScope): Promise<CommissionerRecord[]> {
  return exec
    .select(columns)
    .from(commissioners)
    .innerJoin(counties, eq(counties.id, commissioners.countyId))
    .where(countyFilter(commissioners.countyId, scope))
    .orderBy(asc(counties.name), asc(commissioners.level), asc(commissioners.name));
}

export async function findCommissioner(exec: Executor, scope: TenantScope, id: string): Promise<CommissionerRecord | null> {
  const rows = await exec
    .select(columns)
    .from(commissioners)
    .innerJoin(counties, eq(counties.id, commissioners.countyId))
    .where(and(eq(commissioners.id, id), countyFilter(commissioners.countyId, scope)));
  return rows[0] ?? null;
}

export async function insertCommissioner(exec: Executor, countyId: string, values: CommissionerColumns): Promise<string> {
  const id = randomUUID();
  await exec.insert(commissioners).values({ id, countyId, ...values });
  return id;
}

export async function updateCommissionerIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: Partial<CommissionerColumns>,
): Promise<boolean> {
  const rows = await exec
    .update(commissioners)
    .set({ ...values, version: sql`${commissioners.version} + 1` })
    .where(and(eq(commissioners.id, key.id), eq(commissioners.countyId, key.countyId), eq(commissioners.version, key.version)))
    .returning({ id: commissioners.id });
  return rows.length > 0;
}

export interface DispatchColumns {
  town: string | null;
  enterpriseId: string | null;
  serviceObject: string;
  agreementNumber: string;
  agreementSignedOn: string;
  tasks: string;
  startOn: string;
  endOn: string | null;
}

export interface DispatchRecord extends DispatchColumns {
  id: string;
  countyId: string;
  commissionerId: string;
  version: number;
}

const dispatchColumns = {
  id: commissionerDispatches.id,
  countyId: commissionerDispatches.countyId,
  commissionerId: commissionerDispatches.commissionerId,
  town: commissionerDispatches.town,
  enterpriseId: commissionerDispatches.enterpriseId,
  serviceObject: commissionerDispatches.serviceObject,
  agreementNumber: commissionerDispatches.agreementNumber,
  agreementSignedOn: commissionerDispatches.agreementSignedOn,
  tasks: commissionerDispatches.tasks,
  startOn: commissionerDispatches.startOn,
  endOn: commissionerDispatches.endOn,
  version: commissionerDispatches.version,
};

export async function listDispatches(exec: Executor, scope: TenantScope, commissionerId?: string): Promise<DispatchRecord[]> {
  return exec
    .select(dispatchColumns)
    .from(commissionerDispatches)
    .where(and(countyFilter(commissionerDispatches.countyId, scope), commissionerId ? eq(commissionerDispatches.commissionerId, commissionerId) : undefined))
    .orderBy(asc(commissionerDispatches.startOn));
}

export async function findDispatch(exec: Executor, scope: TenantScope, id: string): Promise<DispatchRecord | null> {
  const rows = await exec
    .select(dispatchColumns)
    .from(commissionerDispatches)
    .where(and(eq(commissionerDispatches.id, id), countyFilter(commissionerDispatches.countyId, scope)));
  return rows[0] ?? null;
}

/**
 * version + 1 when the dispatch is still at `version` (a write to its agreement files); false = someone else wrote
 * first. Run first in the transaction, so the row lock also queues a racing writer until this one commits.
 */
export async function bumpDispatchVersionIf(exec: Executor, key: { id: string; countyId: string; version: number }): Promise<boolean> {
  const rows = await exec
    .update(commissionerDispatches)
    .set({ version: sql`${commissionerDispatches.version} + 1` })
    .where(and(eq(commissionerDispatches.id, key.id), eq(commissionerDispatches.countyId, key.countyId), eq(commissionerDispatches.version, key.version)))
    .returning({ id: commissionerDispatches.id });
  return rows.length > 0;
}

export async function insertDispatch(exec: Executor, key: { countyId: string; commissionerId: string }, values: DispatchColumns): Promise<string> {
  const id = randomUUID();
  await exec.insert(commissionerDispatches).values({ id, ...key, ...values });
  return id;
}

export interface ServiceLogColumns {
  dispatchId: string | null;
  servedOn: string;
  place: string;
  content: string;
}

export interface ServiceLogRecord extends ServiceLogColumns {
  id: string;
  countyId: string;
  commissionerId: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  enteredBy: string;
  version: number;
  photos: { id: string; fileName: string; size: number }[];
}

export async function listServiceLogs(
  exec: Executor,
  scope: TenantScope,
  filter: { commissionerId?: string | undefined; year?: number | undefined; logId?: string | undefined },
): Promise<ServiceLogRecord[]> {
  const logs = await exec
    .select()
    .from(commissionerServiceLogs)
    .where(
      and(
        countyFilter(commissionerServiceLogs.countyId, scope),
        filter.commissionerId ? eq(commissionerServiceLogs.commissionerId, filter.commissionerId) : undefined,
        filter.logId ? eq(commissionerServiceLogs.id, filter.logId) : undefined,
        filter.year !== undefined ? gte(commissionerServiceLogs.servedOn, `${filter.year}-01-01`) : undefined,
        filter.year !== undefined ? lte(commissionerServiceLogs.servedOn, `${filter.year}-12-31`) : undefined,
      ),
    )
    .orderBy(desc(commissionerServiceLogs.servedOn), asc(commissionerServiceLogs.id));
  if (logs.length === 0) return [];
  const photos = await exec
    .select({ id: serviceLogPhotos.id, logId: serviceLogPhotos.logId, fileName: serviceLogPhotos.fileName, size: serviceLogPhotos.size })
    .from(serviceLogPhotos)
    .where(countyFilter(serviceLogPhotos.countyId, scope))
    .orderBy(asc(serviceLogPhotos.createdAt));
  return logs.map((l) => ({
    id: l.id,
    countyId: l.countyId,
    commissionerId: l.commissionerId,
    dispatchId: l.dispatchId,
    servedOn: l.servedOn,
    place: l.place,
    content: l.content,
    confirmedBy: l.confirmedBy,
    confirmedAt: l.confirmedAt?.toISOString() ?? null,
    enteredBy: l.enteredBy,
    version: l.version,
    photos: photos.filter((p) => p.logId === l.id).map(({ logId: _l, ...p }) => p),
  }));
}

export async function insertServiceLog(
  exec: Executor,
  key: { countyId: string; commissionerId: string },
  values: ServiceLogColumns,
  enteredBy: string,
): Promise<string> {
  const id = randomUUID();
  await exec.insert(commissionerServiceLogs).values({ id, ...key, ...values, enteredBy });
  return id;
}

/** Confirms a log once: the served unit's confirmation cannot be overwritten (a stale or repeated confirm fails). */
export async function confirmServiceLogIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  confirmedBy: string,
): Promise<boolean> {
  const rows = await exec
    .update(commissionerServiceLogs)
    .set({ confirmedBy, confirmedAt: sql`now()`, version: sql`${commissionerServiceLogs.version} + 1` })
    .where(
      and(
        eq(commissionerServiceLogs.id, key.id),
        eq(commissionerServiceLogs.countyId, key.countyId),
        eq(commissionerServiceLogs.version, key.version),
        sql`${commissionerServiceLogs.confirmedAt} is null`,
      ),
    )
    .returning({ id: commissionerServiceLogs.id });
  return rows.length > 0;
}

export async function countConfirmedLogs(exec: Executor, countyId: string, commissionerId: string, year: number): Promise<number> {
  const rows = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(commissionerServiceLogs)
    .where(
      and(
        eq(commissionerServiceLogs.countyId, countyId),
        eq(commissionerServiceLogs.commissionerId, commissionerId),
        isNotNull(commissionerServiceLogs.confirmedAt),
        gte(commissionerServiceLogs.servedOn, `${year}-01-01`),
        lte(commissionerServiceLogs.servedOn, `${year}-12-31`),
      ),
    );
  return rows[0]?.n ?? 0;
}

export async function insertPhoto(
  exec: Executor,
  input: Omit<typeof serviceLogPhotos.$inferInsert, 'id' | 'createdAt'>,
): Promise<string> {
  const id = randomUUID();
  await exec.insert(serviceLogPhotos).values({ id, ...input });
  return id;
}

export async function findPhoto(exec: Executor, scope: TenantScope, id: string) {
  const rows = await exec
    .select()
    .from(serviceLogPhotos)
    .where(and(eq(serviceLogPhotos.id, id), countyFilter(serviceLogPhotos.countyId, scope)));
  return rows[0] ?? null;
}

export interface AssessmentRecord {
  id: string;
  countyId: string;
  commissionerId: string;
  year: number;
  rulePackVersion: string;
  inputs: unknown;
  result: unknown;
  total: number;
  grade: string;
  actor: string;
  createdAt: string;
}

export async function insertAssessment(
  exec: Executor,
  input: Omit<AssessmentRecord, 'id' | 'createdAt'> & { rulePackId: string },
): Promise<string> {
  const id = randomUUID();
  await exec.insert(commissionerAssessments).values({ id, ...input });
  return id;
}

export async function listAssessments(exec: Executor, scope: TenantScope, commissionerId?: string): Promise<AssessmentRecord[]> {
  const rows = await exec
    .select()
    .from(commissionerAssessments)
    .where(and(countyFilter(commissionerAssessments.countyId, scope), commissionerId ? eq(commissionerAssessments.commissionerId, commissionerId) : undefined))
    .orderBy(desc(commissionerAssessments.year), desc(commissionerAssessments.createdAt));
  return rows.map((r) => ({
    id: r.id,
    countyId: r.countyId,
    commissionerId: r.commissionerId,
    year: r.year,
    rulePackVersion: r.rulePackVersion,
    inputs: r.inputs,
    result: r.result,
    total: r.total,
    grade: r.grade,
    actor: r.actor,
    createdAt: r.createdAt.toISOString(),
  }));
}
