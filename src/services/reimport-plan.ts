// 导入新版本, step 2 (commit): store a newer version of a plan document as a new plan row of the same county, linked
// to the version it replaces (plans.supersedes_plan_id), and carry the county's work over to it (settings, figures,
// bindings, tasks, ledger — carry-over-plan-data.ts) in ONE transaction with its audit row (plan.reimport, with the
// diff summary and what was carried). The list of plans then shows the new version only; every version stays
// readable by id.
//
// Concurrency: the transaction first locks the plan row it replaces. A second re-import of the same version waits
// there, then finds the version superseded and answers 409 (VersionConflictError with the newer version) before it
// has written anything. plans_supersedes_uq / plans_county_hash_uq stay the last word: a unique violation that still
// gets through (another path inserting the same bytes) is answered 409 the same way, never 500.
import type { Database } from '../db/client.ts';
import { readPlanDocument } from '../domain/plan/read-plan-document.ts';
import { decodePlanText } from '../domain/plan/text-blocks.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findPlanSummary, insertPlan, lockPlanRow } from '../repositories/plans.ts';
import { auditActor, type Access } from './auth/access.ts';
import { carryOverPlanData, planCarryOver, type CarryOverSummary } from './carry-over-plan-data.ts';
import { VersionConflictError } from './errors.ts';
import { documentBlocksToKeep, keepDocumentBlocks } from './keep-document-blocks.ts';
import { checkReimport, supersededError, type ReimportInput } from './preview-plan-reimport.ts';

export interface ReimportPlanResult {
  status: 'imported' | 'already-imported';
  /** The new version; when already imported, the plan already holding these bytes. */
  planId: string;
  previousPlanId: string;
  version: number;
  title: string;
  summary: string;
  /** What followed to the new version and what stayed behind (数据未迁移); null when nothing was imported. */
  carryOver: CarryOverSummary | null;
}

export async function reimportPlan(db: Database, access: Access, input: ReimportInput): Promise<ReimportPlanResult> {
  // Parse outside the transaction (it is the slow part and touches no data); every check runs again inside it.
  const parsed = await readPlanDocument(input.bytes, input.fileName);
  const blocks = await documentBlocksToKeep(input);
  try {
    return await db.transaction(async (tx) => {
      // First statement: serialise re-imports of this plan (see the header). A missing plan falls through to the
      // check below, which answers 404.
      await lockPlanRow(tx, access.scope, input.planId);
      const checked = await checkReimport(tx, access, input, parsed);
      const { previous, diff, contentHash } = checked;
      if (checked.existingPlanId !== null) {
        const existing = await findPlanSummary(tx, access.scope, checked.existingPlanId);
        return {
          status: 'already-imported' as const,
          planId: checked.existingPlanId,
          previousPlanId: previous.id,
          version: existing?.version ?? previous.version,
          title: existing?.title ?? previous.title,
          summary: '该文件已导入过，未做任何更改 / this file was already imported',
          carryOver: null,
        };
      }
      const carry = await planCarryOver(tx, previous, parsed);
      const version = previous.version + 1;
      const planId = await insertPlan(tx, {
        countyId: previous.countyId,
        parsed,
        sourceFileName: input.fileName,
        contentHash,
        sourceText: input.fileName.toLowerCase().endsWith('.txt') ? decodePlanText(input.bytes, input.fileName) : null,
        version,
        supersedesPlanId: previous.id,
      });
      await keepDocumentBlocks(tx, previous.countyId, planId, blocks);
      const rows = await carryOverPlanData(tx, previous, planId, carry);
      await appendAudit(tx, {
        countyId: previous.countyId,
        ...auditActor(access.actor),
        action: 'plan.reimport',
        entity: 'plan',
        entityId: planId,
        before: { planId: previous.id, version: previous.version, fileName: previous.sourceFileName, contentHash: previous.contentHash },
        after: {
          planId,
          version,
          title: parsed.title,
          fileName: input.fileName,
          contentHash,
          summary: diff.summary,
          counts: {
            fields: diff.fields.length,
            outline: diff.outline.counts,
            indicators: diff.indicators.counts,
            boxes: diff.boxes.counts,
            projects: diff.projects.counts,
          },
          // Re-pointed rows keep their ids, so this one row (with the pairs' names) is their whole history.
          carryOver: {
            summary: carry.summary.summary,
            rows,
            renamed: carry.summary.renamed,
            notCarried: carry.summary.notCarried,
          },
        },
      });
      return {
        status: 'imported' as const,
        planId,
        previousPlanId: previous.id,
        version,
        title: parsed.title,
        summary: diff.summary,
        carryOver: carry.summary,
      };
    });
  } catch (error) {
    if (isPlanUniqueViolation(error)) {
      const previous = await findPlanSummary(db, access.scope, input.planId);
      const newer = previous?.supersededByPlanId ? await findPlanSummary(db, access.scope, previous.supersededByPlanId) : null;
      throw newer ? supersededError(newer) : new VersionConflictError('plan', previous);
    }
    throw error;
  }
}

const PLAN_UNIQUES = new Set(['plans_supersedes_uq', 'plans_county_hash_uq']);

/** A unique violation (23505) on one of the plans' own unique indexes, however deep the driver wrapped it. */
function isPlanUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    const { code, constraint } = e as Error & { code?: unknown; constraint?: unknown };
    if (code === '23505') return (typeof constraint === 'string' && PLAN_UNIQUES.has(constraint)) || /plans_(supersedes|county_hash)_uq/.test(e.message);
  }
  return false;
}
