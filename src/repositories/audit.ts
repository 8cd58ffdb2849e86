// The audit log is append-only: this module only inserts (and reads). A database trigger refuses UPDATE/DELETE.
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog, counties, units } from '../db/schema/index.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface AuditEntry {
  countyId: string | null;
  /** Who did it: a user name, or `system` / `cli:<os user>` for jobs. */
  actor: string;
  /** The role that authorised the write (null for system jobs and the CLI). */
  role?: string | null;
  /** The actor's unit (部门/乡镇), for unit_reporter writes. */
  unitId?: string | null;
  /** Client address of an HTTP write. */
  ip?: string | null;
  /** What was done, in verb form: plan.import, indicator.update … */
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function appendAudit(exec: Executor, entry: AuditEntry): Promise<void> {
  await exec.insert(auditLog).values({
    id: randomUUID(),
    countyId: entry.countyId,
    actor: entry.actor,
    role: entry.role ?? null,
    unitId: entry.unitId ?? null,
    ip: entry.ip ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function listAudit(exec: Executor, scope: TenantScope, entity?: { entity: string; entityId: string }) {
  return exec
    .select()
    .from(auditLog)
    .where(
      and(
        countyFilter(auditLog.countyId, scope),
        entity ? eq(auditLog.entity, entity.entity) : undefined,
        entity ? eq(auditLog.entityId, entity.entityId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at));
}

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  /** Substring of the actor name (case-insensitive). */
  actor?: string | undefined;
  action?: string | undefined;
  /** Inclusive lower bound. */
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: string;
  at: string;
  countyId: string | null;
  countyName: string | null;
  actor: string;
  role: string | null;
  unitId: string | null;
  unitName: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

function auditConditions(scope: TenantScope, query: Omit<AuditQuery, 'limit' | 'offset'>): SQL | undefined {
  return and(
    countyFilter(auditLog.countyId, scope),
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actor ? ilike(auditLog.actor, `%${escapeLike(query.actor)}%`) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lt(auditLog.at, query.to) : undefined,
  );
}

/** One page of the log, newest first, plus the total matching — always inside the caller's county scope. */
export async function searchAudit(
  exec: Executor,
  scope: TenantScope,
  query: AuditQuery,
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditConditions(scope, query);
  const [rows, totals] = await Promise.all([
    exec
      .select({
        id: auditLog.id,
        at: auditLog.at,
        countyId: auditLog.countyId,
        countyName: counties.name,
        actor: auditLog.actor,
        role: auditLog.role,
        unitId: auditLog.unitId,
        unitName: units.name,
        ip: auditLog.ip,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(counties, eq(counties.id, auditLog.countyId))
      .leftJoin(units, eq(units.id, auditLog.unitId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.limit)
      .offset(query.offset),
    exec.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: totals[0]?.n ?? 0 };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
