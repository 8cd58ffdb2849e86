// The kept block model of .docx plans (plan_document_blocks), read back to propose task candidates. County-pinned.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { planDocumentBlocks } from '../db/schema/index.ts';
import type { DocumentBlock } from '../domain/plan/model.ts';

export async function insertPlanBlocks(exec: Executor, input: { countyId: string; planId: string; blocks: readonly DocumentBlock[] }): Promise<void> {
  await exec
    .insert(planDocumentBlocks)
    .values({ countyId: input.countyId, planId: input.planId, blocks: [...input.blocks] })
    .onConflictDoNothing({ target: planDocumentBlocks.planId });
}

export async function findPlanBlocks(exec: Executor, countyId: string, planId: string): Promise<DocumentBlock[] | null> {
  const rows = await exec
    .select({ blocks: planDocumentBlocks.blocks })
    .from(planDocumentBlocks)
    .where(and(eq(planDocumentBlocks.countyId, countyId), eq(planDocumentBlocks.planId, planId)));
  return rows[0]?.blocks ?? null;
}
