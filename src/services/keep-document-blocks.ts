// At import, a .docx plan's block model is kept beside the plan (a .txt keeps its text, from which the blocks are
// re-read), so task candidates can be proposed from its task chapters' paragraphs as from the .txt of the same
// content. The blocks are read here a second time rather than taken out of the parser, whose contract (bytes →
// ParsedPlan) stays as it is; only .docx imports pay for the second read.
import type { Executor } from '../db/client.ts';
import type { DocumentBlock } from '../domain/plan/model.ts';
import { readPlanBlocks } from '../domain/plan/read-plan-document.ts';
import { insertPlanBlocks } from '../repositories/plan-blocks.ts';
import type { PlanFile } from './read-plan-file.ts';

/** The blocks to keep for a plan file: null for .txt (its text is kept instead). Call before the transaction. */
export async function documentBlocksToKeep(file: Pick<PlanFile, 'bytes' | 'fileName'>): Promise<DocumentBlock[] | null> {
  return file.fileName.toLowerCase().endsWith('.docx') ? readPlanBlocks(file.bytes, file.fileName) : null;
}

export async function keepDocumentBlocks(tx: Executor, countyId: string, planId: string, blocks: readonly DocumentBlock[] | null): Promise<void> {
  if (blocks !== null) await insertPlanBlocks(tx, { countyId, planId, blocks });
}
