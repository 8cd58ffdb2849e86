// Plans and their extracted parts. Reads go through TenantScope (see scope.ts); writes take the county explicitly.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { readTogether, type Executor } from '../db/client.ts';
import {
  counties,
  planBoxes,
  planIndicators,
  planOutlineItems,
  planProjects,
  plans,
  planWarnings,
} from '../db/schema/index.ts';
import type {
  OutlineHeading,
  ParsedPlan,
  ParseWarning,
  PlanBox,
  PlanIndicator,
  PlanProject,
} from '../domain/plan/model.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface PlanSummary {
  id: string;
  countyId: string;
  countyName: string;
  title: string;
  region: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  issuer: string | null;
  issuedOn: string | null;
  docNumber: string | null;
  sourceFileName: string;
  contentHash: string;
  /** 1 for the first import, +1 for each newer version of the document. */
  version: number;
  supersedesPlanId: string | null;
  /** The newer version replacing this one; null when this is the current version. */
  supersededByPlanId: string | null;
  createdAt: string;
  indicatorCount: number;
  projectCount: number;
}

export interface StoredIndicator extends PlanIndicator {
  id: string;
  version: number;
}

export interface StoredProject extends PlanProject {
  id: string;
  version: number;
}

export interface PlanDetail extends PlanSummary {
  outline: OutlineHeading[];
  indicators: StoredIndicator[];
  boxes: PlanBox[];
  projects: StoredProject[];
  warnings: ParseWarning[];
}

export interface NewPlan {
  countyId: string;
  parsed: ParsedPlan;
  sourceFileName: string;
  contentHash: string;
  sourceText: string | null;
  /** A newer version of a stored plan (导入新版本): its version number and the plan it replaces. */
  version?: number;
  supersedesPlanId?: string | null;
}

const indicatorCounts = sql<number>`(select count(*)::int from ${planIndicators} where ${planIndicators.planId} = ${plans.id} and ${planIndicators.countyId} = ${plans.countyId})`;
const projectCounts = sql<number>`(select count(*)::int from ${planProjects} where ${planProjects.planId} = ${plans.id} and ${planProjects.countyId} = ${plans.countyId})`;

// The newer version of a plan, if any (plans_supersedes_uq: at most one).
const supersededBy = sql<string | null>`(select "newer"."id" from ${plans} as "newer" where "newer"."supersedes_plan_id" = ${plans.id} and "newer"."county_id" = ${plans.countyId})`;
const isCurrentVersion = sql`not exists (select 1 from ${plans} as "newer" where "newer"."supersedes_plan_id" = ${plans.id} and "newer"."county_id" = ${plans.countyId})`;

/**
 * "This plan row is the current version" as a condition on `plans` for other repositories' queries (the status
 * query's latest plan per county, what a unit owes): one definition, so every view agrees on which version counts.
 */
export function isCurrentPlan(): SQL {
  return isCurrentVersion;
}

const summaryColumns = {
  id: plans.id,
  countyId: plans.countyId,
  countyName: counties.name,
  title: plans.title,
  region: plans.region,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  issuer: plans.issuer,
  issuedOn: plans.issuedOn,
  docNumber: plans.docNumber,
  sourceFileName: plans.sourceFileName,
  contentHash: plans.contentHash,
  version: plans.version,
  supersedesPlanId: plans.supersedesPlanId,
  supersededByPlanId: supersededBy,
  createdAt: plans.createdAt,
  indicatorCount: indicatorCounts,
  projectCount: projectCounts,
};

type SummaryRow = { createdAt: Date } & Omit<PlanSummary, 'createdAt'>;

function toSummary(row: SummaryRow): PlanSummary {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** The current version of every plan in scope (a version replaced by a newer import is left out). */
export async function listPlans(exec: Executor, scope: TenantScope): Promise<PlanSummary[]> {
  const rows = await exec
    .select(summaryColumns)
    .from(plans)
    .innerJoin(counties, eq(counties.id, plans.countyId))
    .where(and(countyFilter(plans.countyId, scope), isCurrentVersion))
    .orderBy(asc(counties.name), desc(plans.createdAt));
  return rows.map(toSummary);
}

export async function findPlanSummary(exec: Executor, scope: TenantScope, planId: string): Promise<PlanSummary | null> {
  const rows = await exec
    .select(summaryColumns)
    .from(plans)
    .innerJoin(counties, eq(counties.id, plans.countyId))
    .where(and(eq(plans.id, planId), countyFilter(plans.countyId, scope)));
  const row = rows[0];
  return row ? toSummary(row) : null;
}

export async function findPlanByHash(exec: Executor, countyId: string, contentHash: string): Promise<PlanSummary | null> {
  const rows = await exec
    .select(summaryColumns)
    .from(plans)
    .innerJoin(counties, eq(counties.id, plans.countyId))
    .where(and(eq(plans.countyId, countyId), eq(plans.contentHash, contentHash)));
  const row = rows[0];
  return row ? toSummary(row) : null;
}

/** How many plans are in scope — current versions only, like listPlans (a re-imported plan is still one plan). */
export async function countPlans(exec: Executor, scope: TenantScope): Promise<number> {
  const rows = await exec
    .select({ n: count() })
    .from(plans)
    .where(and(countyFilter(plans.countyId, scope), isCurrentVersion));
  return rows[0]?.n ?? 0;
}

/**
 * Locks one plan row in scope for the rest of the transaction (SELECT … FOR UPDATE) and says whether it exists.
 * 导入新版本 takes it first: a second re-import of the same version waits here, then sees the newer version.
 */
export async function lockPlanRow(exec: Executor, scope: TenantScope, planId: string): Promise<boolean> {
  const rows = await exec
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.id, planId), countyFilter(plans.countyId, scope)))
    .for('update');
  return rows.length > 0;
}

/**
 * Inside a write transaction: waits for any re-import of this plan to finish (FOR SHARE against its FOR UPDATE),
 * then says whether the plan is still the current version. Two statements on purpose: under READ COMMITTED the
 * second one's snapshot is taken after the wait, so it sees the newer version a re-import just committed.
 */
export async function isPlanStillCurrent(exec: Executor, planId: string): Promise<boolean> {
  await exec.select({ id: plans.id }).from(plans).where(eq(plans.id, planId)).for('share');
  const rows = await exec.select({ id: plans.id }).from(plans).where(and(eq(plans.id, planId), isCurrentVersion));
  return rows.length > 0;
}

export async function findPlanDetail(exec: Executor, scope: TenantScope, planId: string): Promise<PlanDetail | null> {
  const summary = await findPlanSummary(exec, scope, planId);
  if (!summary) return null;
  // The summary query already applied the scope; the part queries also pin county_id so each one is a
  // single-shard query once distributed.
  const inPlan = (table: { planId: PgColumn; countyId: PgColumn }) =>
    and(eq(table.planId, planId), eq(table.countyId, summary.countyId));
  const [outline, indicators, boxes, projects, warnings] = await readTogether(
    exec,
    () => exec.select().from(planOutlineItems).where(inPlan(planOutlineItems)).orderBy(asc(planOutlineItems.ordinal)),
    () => exec.select().from(planIndicators).where(inPlan(planIndicators)).orderBy(asc(planIndicators.ordinal)),
    () => exec.select().from(planBoxes).where(inPlan(planBoxes)).orderBy(asc(planBoxes.ordinal)),
    () => exec.select().from(planProjects).where(inPlan(planProjects)).orderBy(asc(planProjects.ordinal)),
    () => exec.select().from(planWarnings).where(inPlan(planWarnings)).orderBy(asc(planWarnings.ordinal)),
  );
  return {
    ...summary,
    outline: outline.map((o) => ({ level: o.level as OutlineHeading['level'], label: o.label, title: o.title, line: o.line })),
    indicators: indicators.map(toStoredIndicator),
    boxes: boxes.map((b) => ({ number: b.number, title: b.title, items: b.items })),
    projects: projects.map((p) => ({
      id: p.id,
      version: p.version,
      seq: p.seq,
      category: p.category,
      name: p.name,
      leadUnit: p.leadUnit,
      site: p.site,
      nature: p.nature,
      content: p.content,
      investment: p.investment,
      startYear: p.startYear,
      endYear: p.endYear,
    })),
    warnings: warnings.map((w) => ({ code: w.code, message: w.message, line: w.line })),
  };
}

/** The columns of a plan-indicator row that make up the parser's shape (the domain functions take that shape). */
export type IndicatorColumns = Pick<
  typeof planIndicators.$inferSelect,
  | 'seq'
  | 'name'
  | 'unit'
  | 'attribute'
  | 'baselineYear'
  | 'baselineValue'
  | 'baselineText'
  | 'targetYear'
  | 'targetValue'
  | 'targetComparator'
  | 'targetText'
  | 'cumulative'
  | 'annualGrowthRate'
>;

export function planIndicatorOf(row: IndicatorColumns): PlanIndicator {
  return {
    seq: row.seq,
    name: row.name,
    unit: row.unit,
    attribute: row.attribute as PlanIndicator['attribute'],
    baseline:
      row.baselineYear === null ? null : { year: row.baselineYear, value: row.baselineValue, text: row.baselineText ?? '' },
    target:
      row.targetYear === null
        ? null
        : {
            year: row.targetYear,
            value: row.targetValue,
            comparator: row.targetComparator as '>=' | '<=' | null,
            text: row.targetText ?? '',
          },
    cumulative: row.cumulative,
    annualGrowthRate: row.annualGrowthRate,
  };
}

/** The API shape of an indicator row, as GET /api/plans/:id returns it. */
export function toStoredIndicator(row: typeof planIndicators.$inferSelect): StoredIndicator {
  return { id: row.id, version: row.version, ...planIndicatorOf(row) };
}

/** Inserts a plan and all its parts. Call inside a transaction: the caller owns atomicity. */
export async function insertPlan(exec: Executor, input: NewPlan): Promise<string> {
  const { parsed, countyId } = input;
  const planId = randomUUID();
  await exec.insert(plans).values({
    id: planId,
    countyId,
    title: parsed.title,
    region: parsed.region,
    periodStart: parsed.periodStart,
    periodEnd: parsed.periodEnd,
    issuer: parsed.issuer,
    issuedOn: parsed.issuedOn,
    docNumber: parsed.docNumber,
    sourceFileName: input.sourceFileName,
    contentHash: input.contentHash,
    sourceText: input.sourceText,
    version: input.version ?? 1,
    supersedesPlanId: input.supersedesPlanId ?? null,
  });
  const owned = { countyId, planId };
  if (parsed.outline.length > 0) {
    await exec.insert(planOutlineItems).values(
      parsed.outline.map((o, ordinal) => ({ id: randomUUID(), ...owned, ordinal, ...o })),
    );
  }
  if (parsed.indicators.length > 0) {
    await exec.insert(planIndicators).values(
      parsed.indicators.map((i, ordinal) => ({
        id: randomUUID(),
        ...owned,
        ordinal,
        seq: i.seq,
        name: i.name,
        unit: i.unit,
        attribute: i.attribute,
        baselineYear: i.baseline?.year ?? null,
        baselineValue: i.baseline?.value ?? null,
        baselineText: i.baseline?.text ?? null,
        targetYear: i.target?.year ?? null,
        targetValue: i.target?.value ?? null,
        targetComparator: i.target?.comparator ?? null,
        targetText: i.target?.text ?? null,
        cumulative: i.cumulative,
        annualGrowthRate: i.annualGrowthRate,
      })),
    );
  }
  if (parsed.boxes.length > 0) {
    await exec.insert(planBoxes).values(
      parsed.boxes.map((b, ordinal) => ({ id: randomUUID(), ...owned, ordinal, number: b.number, title: b.title, items: b.items })),
    );
  }
  if (parsed.projects.length > 0) {
    await exec.insert(planProjects).values(
      parsed.projects.map((p, ordinal) => ({ id: randomUUID(), ...owned, ordinal, ...p })),
    );
  }
  if (parsed.warnings.length > 0) {
    await exec.insert(planWarnings).values(
      parsed.warnings.map((w, ordinal) => ({ id: randomUUID(), ...owned, ordinal, ...w })),
    );
  }
  return planId;
}

/** The stored decoded text of a .txt plan (null for .docx imports); the caller has checked the plan is in scope. */
export async function planSourceText(exec: Executor, countyId: string, planId: string): Promise<string | null> {
  const rows = await exec
    .select({ sourceText: plans.sourceText })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.countyId, countyId)));
  return rows[0]?.sourceText ?? null;
}
