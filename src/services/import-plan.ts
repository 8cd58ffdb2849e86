// Imports a plan document: parse, then store plan, outline, indicators, boxes, projects and warnings in ONE
// transaction under its county (created if new). The same bytes imported twice are recognised by content hash.
import { createHash } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { PlanDocumentError, type ParsedPlan } from '../domain/plan/model.ts';
import { readPlanDocument } from '../domain/plan/read-plan-document.ts';
import { decodePlanText } from '../domain/plan/text-blocks.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findCountyByName, insertCounty } from '../repositories/counties.ts';
import { findPlanByHash, insertPlan } from '../repositories/plans.ts';
import { documentBlocksToKeep, keepDocumentBlocks } from './keep-document-blocks.ts';
import type { PlanFile } from './read-plan-file.ts';

export interface ImportPlanInput extends PlanFile {
  /** Who imports: shown in the audit log. */
  actor: string;
  /** Overrides the county named in the title (区县名称), e.g. for a plan whose title names none. */
  countyName?: string | undefined;
}

export type ImportPlanResult =
  | { status: 'imported'; planId: string; countyId: string; countyName: string; title: string; counts: PlanCounts }
  | { status: 'already-imported'; planId: string; countyId: string; countyName: string; title: string; counts: PlanCounts };

export interface PlanCounts {
  outline: number;
  indicators: number;
  boxes: number;
  projects: number;
  warnings: number;
}

/**
 * Steps reported to a progress bar: parse → check → store → commit. The last call happens inside the transaction,
 * so a callback that throws (a cancelled import) rolls everything back.
 */
export const IMPORT_STEPS = ['解析文档', '查重', '写入数据库', '提交'] as const;
export type ImportProgress = (stepIndex: number, label: (typeof IMPORT_STEPS)[number]) => void;

export async function importPlan(db: Database, input: ImportPlanInput, onProgress?: ImportProgress): Promise<ImportPlanResult> {
  onProgress?.(0, IMPORT_STEPS[0]);
  const parsed = await readPlanDocument(input.bytes, input.fileName);
  const countyName = (input.countyName ?? parsed.region)?.trim();
  if (!countyName) {
    throw new PlanDocumentError(
      input.fileName,
      '无法从标题识别区县，请用 --county 指定 / county not found in the title, pass --county',
      'county-unknown',
    );
  }
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  const counts = countParts(parsed);
  const blocks = await documentBlocksToKeep(input);

  onProgress?.(1, IMPORT_STEPS[1]);
  return db.transaction(async (tx) => {
    const existingCounty = await findCountyByName(tx, countyName);
    if (existingCounty) {
      const existing = await findPlanByHash(tx, existingCounty.id, contentHash);
      if (existing) {
        return {
          status: 'already-imported' as const,
          planId: existing.id,
          countyId: existingCounty.id,
          countyName,
          title: existing.title,
          counts,
        };
      }
    }
    onProgress?.(2, IMPORT_STEPS[2]);
    const county = existingCounty ?? (await insertCounty(tx, countyName));
    if (!existingCounty) {
      await appendAudit(tx, {
        countyId: county.id,
        actor: input.actor,
        action: 'county.create',
        entity: 'county',
        entityId: county.id,
        after: county,
      });
    }
    const planId = await insertPlan(tx, {
      countyId: county.id,
      parsed,
      sourceFileName: input.fileName,
      contentHash,
      sourceText: sourceTextOf(input),
    });
    await keepDocumentBlocks(tx, county.id, planId, blocks);
    await appendAudit(tx, {
      countyId: county.id,
      actor: input.actor,
      action: 'plan.import',
      entity: 'plan',
      entityId: planId,
      after: { title: parsed.title, fileName: input.fileName, contentHash, counts },
    });
    onProgress?.(3, IMPORT_STEPS[3]);
    return { status: 'imported' as const, planId, countyId: county.id, countyName, title: parsed.title, counts };
  });
}

function countParts(parsed: ParsedPlan): PlanCounts {
  return {
    outline: parsed.outline.length,
    indicators: parsed.indicators.length,
    boxes: parsed.boxes.length,
    projects: parsed.projects.length,
    warnings: parsed.warnings.length,
  };
}

/** Keep the decoded text of .txt documents so the plan view can show the original beside the extraction. */
function sourceTextOf(file: PlanFile): string | null {
  return file.fileName.toLowerCase().endsWith('.txt') ? decodePlanText(file.bytes, file.fileName) : null;
}
