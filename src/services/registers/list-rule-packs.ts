import type { Database } from '../../db/client.ts';
import { inForce, selectRulePack, type RulePackKind } from '../../domain/registers/rule-packs.ts';
import { listRulePacks as listRulePackRows, type RulePackRecord } from '../../repositories/rule-packs.ts';
import { ensureBuiltinRulePacks } from './rule-pack-store.ts';
import { today } from './guards.ts';

export interface RulePackView extends RulePackRecord {
  /** The pack an evaluation made today would use. */
  inForceToday: boolean;
}

export async function listRulePacks(db: Database, kind?: RulePackKind, on: string = today()): Promise<RulePackView[]> {
  await ensureBuiltinRulePacks(db);
  const packs = await listRulePackRows(db, kind);
  const current = new Set<string>();
  for (const k of new Set(packs.map((p) => p.kind))) {
    const pack = selectRulePack(packs, k, on);
    if (pack && inForce(pack, on)) current.add(pack.id);
  }
  return packs.map((p) => ({ ...p, inForceToday: current.has(p.id) }));
}
