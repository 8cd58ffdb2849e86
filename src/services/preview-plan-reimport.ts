// 导入新版本, step 1 (dry run): parse the uploaded document, check it is a version of the same county's plan, and
// say what changed against the stored plan — nothing is written. reimport-plan.ts commits the same checks.
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../db/client.ts';
import { diffPlans, type PlanDiff } from '../domain/plan/diff-plans.ts';
import { PlanDocumentError, type ParsedPlan, type ParseWarning } from '../domain/plan/model.ts';
import { readPlanDocument } from '../domain/plan/read-plan-document.ts';
import { findPlanByHash, findPlanDetail, findPlanSummary, type PlanDetail, type PlanSummary } from '../repositories/plans.ts';
import type { Access } from './auth/access.ts';
import { planCarryOver, type CarryOverSummary } from './carry-over-plan-data.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';
import type { PlanFile } from './read-plan-file.ts';

export interface ReimportInput extends PlanFile {
  /** The stored plan (current version) the file is a newer version of. */
  planId: string;
}

export interface PlanReimportPreview {
  planId: string;
  countyName: string;
  fileName: string;
  contentHash: string;
  identical: boolean;
  existingPlanId: string | null;
  currentVersion: number;
  nextVersion: number;
  title: string;
  diff: PlanDiff;
  /** What of the county's work follows to the new version, and what stays behind; null when nothing is imported. */
  carryOver: CarryOverSummary | null;
  warnings: ParseWarning[];
}

export async function previewPlanReimport(db: Database, access: Access, input: ReimportInput): Promise<PlanReimportPreview> {
  const checked = await checkReimport(db, access, input);
  const carryOver = checked.existingPlanId === null ? (await planCarryOver(db, checked.previous, checked.parsed)).summary : null;
  return {
    planId: checked.previous.id,
    countyName: checked.previous.countyName,
    fileName: input.fileName,
    contentHash: checked.contentHash,
    identical: checked.existingPlanId !== null,
    existingPlanId: checked.existingPlanId,
    currentVersion: checked.previous.version,
    nextVersion: checked.previous.version + 1,
    title: checked.parsed.title,
    diff: checked.diff,
    carryOver,
    warnings: checked.parsed.warnings,
  };
}

export interface CheckedReimport {
  previous: PlanDetail;
  parsed: ParsedPlan;
  contentHash: string;
  /** A plan of the county already holding exactly these bytes (this version, an earlier one, or another plan). */
  existingPlanId: string | null;
  diff: PlanDiff;
}

/** Parses `input` and checks it may become the next version of plan `input.planId`. Reads only. */
export async function checkReimport(exec: Executor, access: Access, input: ReimportInput, parsedAlready?: ParsedPlan): Promise<CheckedReimport> {
  const previous = await findPlanDetail(exec, access.scope, input.planId);
  // A plan of another county answers exactly like a missing one, so ids cannot be probed.
  if (!previous) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
  if (previous.supersededByPlanId !== null) {
    // Also what the loser of two concurrent re-imports sees once the winner has committed (reimport-plan.ts locks
    // the plan row first, so it waits for the winner instead of racing it).
    throw supersededError(await findPlanSummary(exec, access.scope, previous.supersededByPlanId));
  }
  const parsed = parsedAlready ?? (await readPlanDocument(input.bytes, input.fileName));
  if (parsed.region !== null && !sameCounty(parsed.region, previous.countyName)) {
    throw new PlanDocumentError(
      input.fileName,
      `文件是${parsed.region}的规划，不能作为${previous.countyName}规划的新版本导入 / the file is a plan of ${parsed.region}, not of ${previous.countyName}`,
      'county-mismatch',
    );
  }
  const contentHash = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await findPlanByHash(exec, previous.countyId, contentHash);
  return { previous, parsed, contentHash, existingPlanId: existing?.id ?? null, diff: diffPlans(previous, parsed) };
}

/** 409 with the newer version as the current record: someone re-imported this version first. */
export function supersededError(newer: PlanSummary | null): VersionConflictError {
  const which = newer ? `（第 ${newer.version} 版，${newer.sourceFileName}）` : '';
  return new VersionConflictError(
    'plan',
    newer,
    `此规划已有更新的版本${which}，请在最新版本上导入新版本 / a newer version of this plan exists; re-import on the newest one`,
  );
}

/** 石柱县 = 石柱土家族自治县 = 石柱: compare the place name without its administrative suffix. */
export function sameCounty(a: string, b: string): boolean {
  return placeName(a) === placeName(b);
}

function placeName(name: string): string {
  const trimmed = name.replace(/\s+/g, '');
  return trimmed.replace(/((?:[\u4e00-\u9fa5]{1,4}族)+自治)?(县|区|市)$/u, '') || trimmed;
}
