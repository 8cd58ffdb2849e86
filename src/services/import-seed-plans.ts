// First start: import the seed plans so a fresh machine has something to show. Skipped when any plan exists.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../db/client.ts';
import { countPlans } from '../repositories/plans.ts';
import { ALL_COUNTIES } from '../repositories/scope.ts';
import { importPlan, type ImportPlanResult } from './import-plan.ts';
import { readPlanFile } from './read-plan-file.ts';

/** `../shared/seeds` when the shared folder sits beside the checkout, else the repository's own copy. */
export function defaultSeedDir(): string {
  const shared = resolve('..', 'shared', 'seeds');
  return existsSync(shared) ? shared : resolve('seeds');
}

export async function importSeedPlansOnFirstStart(db: Database, seedDir = defaultSeedDir()): Promise<ImportPlanResult[]> {
  if ((await countPlans(db, ALL_COUNTIES)) > 0) return [];
  const files = readdirSync(seedDir)
    .filter((name) => /\.(txt|docx)$/i.test(name))
    .sort();
  const results: ImportPlanResult[] = [];
  for (const name of files) {
    const file = await readPlanFile(join(seedDir, name));
    results.push(await importPlan(db, { ...file, actor: 'system:first-start' }));
  }
  return results;
}
