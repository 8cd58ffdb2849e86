// Proposes task candidates from an imported plan (each 专栏 item and each task paragraph, see domain/tasks) and
// stores them for the bureau to accept, merge or drop. Proposing twice returns the stored list: decisions already
// taken on candidates are never thrown away by a second click.
import type { Database } from '../db/client.ts';
import { proposeTaskCandidates as propose, type ProposeOptions } from '../domain/tasks/candidates.ts';
import { textToBlocks } from '../domain/plan/text-blocks.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findPlanBlocks } from '../repositories/plan-blocks.ts';
import { findPlanDetail } from '../repositories/plans.ts';
import { planSourceText } from '../repositories/plans.ts';
import { countCandidates, insertCandidates, listCandidates, lockPlan } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { candidateView, type CandidateView } from './list-task-candidates.ts';

export interface ProposeResult {
  status: 'proposed' | 'already-proposed';
  taskChapters: string[];
  notes: string[];
  candidates: CandidateView[];
}

export async function proposeTaskCandidates(
  db: Database,
  access: Access,
  planId: string,
  options: ProposeOptions = {},
): Promise<ProposeResult> {
  const plan = await findPlanDetail(db, access.scope, planId);
  if (!plan) throw new NotFoundError('plan', planId, '规划不存在 / plan not found');
  // The one block model for both formats: a .txt's re-read from its stored text, a .docx's as kept at import.
  const sourceText = await planSourceText(db, plan.countyId, planId);
  const blocks = sourceText !== null ? textToBlocks(sourceText) : await findPlanBlocks(db, plan.countyId, planId);
  let proposal;
  try {
    proposal = propose({ outline: plan.outline, boxes: plan.boxes, blocks }, options);
  } catch (error) {
    if (error instanceof RangeError) throw new ValidationError(error.message, [{ path: '/chapters', message: error.message }]);
    throw error;
  }
  return db.transaction(async (tx) => {
    // Serialise proposals of one plan: the plan row lock makes a second, concurrent click wait and then see the rows.
    await lockPlan(tx, plan.countyId, planId);
    const existing = await countCandidates(tx, plan.countyId, planId);
    if (existing === 0) {
      await insertCandidates(tx, { countyId: plan.countyId, planId }, proposal.candidates);
      await appendAudit(tx, {
        countyId: plan.countyId,
        ...auditActor(access.actor),
        action: 'task.candidates.propose',
        entity: 'plan',
        entityId: planId,
        after: { count: proposal.candidates.length, taskChapters: proposal.taskChapters },
      });
    }
    const stored = await listCandidates(tx, access.scope, planId);
    return {
      status: existing === 0 ? ('proposed' as const) : ('already-proposed' as const),
      taskChapters: proposal.taskChapters,
      notes: proposal.notes,
      candidates: stored.map(candidateView),
    };
  });
}
