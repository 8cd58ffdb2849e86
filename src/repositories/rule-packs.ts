// Rule packs: shared reference data (no county), so no TenantScope — every signed-in user may read them, only the
// municipal bureau publishes (checked in the service and by the route's permission).
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rulePacks } from '../db/schema/index.ts';
import type { RulePackKind, RulePackMeta } from '../domain/registers/rule-packs.ts';

export interface RulePackRecord extends RulePackMeta {
  id: string;
  params: unknown;
  builtin: boolean;
  publishedBy: string;
  createdAt: string;
}

function toRecord(row: typeof rulePacks.$inferSelect): RulePackRecord {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    title: row.title,
    docNumber: row.docNumber,
    sourceUrl: row.sourceUrl,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    reliability: row.reliability,
    params: row.params,
    builtin: row.builtin,
    publishedBy: row.publishedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listRulePacks(exec: Executor, kind?: RulePackKind): Promise<RulePackRecord[]> {
  const rows = await exec
    .select()
    .from(rulePacks)
    .where(kind ? eq(rulePacks.kind, kind) : undefined)
    .orderBy(asc(rulePacks.kind), asc(rulePacks.effectiveFrom), asc(rulePacks.createdAt));
  return rows.map(toRecord);
}

export async function findRulePack(exec: Executor, id: string): Promise<RulePackRecord | null> {
  const rows = await exec.select().from(rulePacks).where(eq(rulePacks.id, id));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function findRulePackByVersion(exec: Executor, kind: RulePackKind, version: string): Promise<RulePackRecord | null> {
  const rows = await exec.select().from(rulePacks).where(and(eq(rulePacks.kind, kind), eq(rulePacks.version, version)));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export interface NewRulePack extends RulePackMeta {
  params: unknown;
  builtin: boolean;
  publishedBy: string;
}

/** Inserts a pack; null when (kind, version) exists — built-ins are inserted idempotently this way. */
export async function insertRulePack(exec: Executor, pack: NewRulePack): Promise<string | null> {
  const rows = await exec
    .insert(rulePacks)
    .values({ id: randomUUID(), ...pack })
    .onConflictDoNothing({ target: [rulePacks.kind, rulePacks.version] })
    .returning({ id: rulePacks.id });
  return rows[0]?.id ?? null;
}

/** Closes an open-ended pack the day before its successor starts (the only change a pack ever sees). */
export async function closeRulePack(exec: Executor, id: string, effectiveTo: string): Promise<void> {
  await exec.update(rulePacks).set({ effectiveTo }).where(eq(rulePacks.id, id));
}
