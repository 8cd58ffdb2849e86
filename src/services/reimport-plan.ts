// 导入新版本, step 2 (commit): store a newer version of a plan document as a new plan row of the same county, linked
// to the version it replaces (plans.supersedes_plan_id), in ONE transaction with its audit row (plan.reimport, with
// the diff summary). The list of plans then shows the new version only; every version stays readable by id.
import type { Database } from '../db/client.ts';
import { readPlanDocument } from '../domain/plan/read-plan-document.ts';
import { decodePlanText } from '../domain/plan/text-blocks.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findPlanSummary, insertPlan } from '../repositories/plans.ts';
import { auditActor, type Access } from './auth/access.ts';
import { checkReimport, type ReimportInput } from './preview-plan-reimport.ts';

export interface ReimportPlanResult {
  status: 'imported' | 'already-imported';
  /** The new version; when already imported, the plan already holding these bytes. */
  planId: string;
  previousPlanId: string;
  version: number;
  title: string;
  summary: string;
}

export async function reimportPlan(db: Database, access: Access, input: ReimportInput): Promise<ReimportPlanResult> {
  // Parse outside the transaction (it is the slow part and touches no data); every check runs again inside it.
  const parsed = await readPlanDocument(input.bytes, input.fileName);
  return db.transaction(async (tx) => {
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
      };
    }
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
      },
    });
    return { status: 'imported' as const, planId, previousPlanId: previous.id, version, title: parsed.title, summary: diff.summary };
  });
}
