// The rule packs an evaluation may use: the built-in packs (inserted once, idempotently) plus those the municipal
// bureau published, read back with their parameters validated against the kind's schema — a pack whose stored
// parameters no longer parse is refused loudly rather than evaluated with guesses.
import type { Database, Executor } from '../../db/client.ts';
import { RULE_PACK_PARAM_SCHEMAS } from '../../contracts/registers.ts';
import { BUILTIN_RULE_PACKS, selectRulePack, type RulePackKind, type RulePackOf } from '../../domain/registers/rule-packs.ts';
import { insertRulePack, listRulePacks, type RulePackRecord } from '../../repositories/rule-packs.ts';
import { NotFoundError } from '../errors.ts';

const seeded = new WeakSet<object>();

export async function ensureBuiltinRulePacks(db: Database): Promise<void> {
  if (seeded.has(db)) return;
  for (const pack of BUILTIN_RULE_PACKS) {
    await insertRulePack(db, { ...pack, builtin: true, publishedBy: 'system:builtin' });
  }
  seeded.add(db);
}

export interface ResolvedPack<K extends RulePackKind> {
  id: string;
  pack: RulePackOf<K>;
}

export function parsePack<K extends RulePackKind>(record: RulePackRecord, kind: K): ResolvedPack<K> {
  const parsed = RULE_PACK_PARAM_SCHEMAS[kind].safeParse(record.params);
  if (!parsed.success) throw new Error(`rule pack ${record.kind}@${record.version} has invalid parameters`);
  const pack = { ...record, kind, params: parsed.data } as RulePackOf<K>;
  return { id: record.id, pack };
}

/** The pack of `kind` in force on `date` (see selectRulePack). */
export async function packInForce<K extends RulePackKind>(db: Database, exec: Executor, kind: K, date: string): Promise<ResolvedPack<K>> {
  await ensureBuiltinRulePacks(db);
  const record = selectRulePack(await listRulePacks(exec, kind), kind, date);
  if (!record) throw new NotFoundError('rule_pack', kind, `${date} 无有效的规则包 / no rule pack in force on ${date}`);
  return parsePack(record, kind);
}
