// The plan's original text, shown beside what was extracted. Stored for .txt imports; .docx imports keep none.
import type { Database } from '../db/client.ts';
import { planSourceText } from '../repositories/plans.ts';
import type { TenantScope } from '../repositories/scope.ts';
import { getPlan } from './get-plan.ts';

export async function getPlanSource(db: Database, scope: TenantScope, planId: string): Promise<{ text: string | null }> {
  // getPlan applies the scope (and answers 404 for a plan out of scope) before the text is read.
  const plan = await getPlan(db, scope, planId);
  return { text: await planSourceText(db, plan.countyId, planId) };
}
