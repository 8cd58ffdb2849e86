// Zod schemas of the plan API: the HTTP routes validate/serialise with them and the web app's forms reuse them.
// Shapes mirror src/domain/plan/model.ts; the type checks at the bottom keep the two in step.
import { z } from 'zod';
import type { Same } from './same.ts';
import type { PlanDiff } from '../domain/plan/diff-plans.ts';
import type { ParsedPlan } from '../domain/plan/model.ts';
import type { PlanDetail, PlanSummary } from '../repositories/plans.ts';
import type { CarryOverSummary } from '../services/carry-over-plan-data.ts';

export const outlineHeadingSchema = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  label: z.string(),
  title: z.string(),
  line: z.number().int(),
});

const yearValue = { year: z.number().int(), value: z.number().nullable(), text: z.string() };

export const planIndicatorSchema = z.object({
  seq: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  attribute: z.enum(['预期性', '约束性']).nullable(),
  baseline: z.object(yearValue).nullable(),
  target: z.object({ ...yearValue, comparator: z.enum(['>=', '<=']).nullable() }).nullable(),
  cumulative: z.boolean(),
  annualGrowthRate: z.number().nullable(),
});

export const planBoxSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  items: z.array(z.object({ title: z.string().nullable(), text: z.string() })),
});

export const planProjectSchema = z.object({
  seq: z.string(),
  category: z.string().nullable(),
  name: z.string(),
  leadUnit: z.string().nullable(),
  site: z.string().nullable(),
  nature: z.string().nullable(),
  content: z.string(),
  investment: z.number().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
});

export const parseWarningSchema = z.object({ code: z.string(), message: z.string(), line: z.number().int().nullable() });

export const parsedPlanSchema = z.object({
  title: z.string(),
  region: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  docNumber: z.string().nullable(),
  outline: z.array(outlineHeadingSchema),
  indicators: z.array(planIndicatorSchema),
  boxes: z.array(planBoxSchema),
  projects: z.array(planProjectSchema),
  warnings: z.array(parseWarningSchema),
});

export const planSummarySchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  title: z.string(),
  region: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  docNumber: z.string().nullable(),
  sourceFileName: z.string(),
  contentHash: z.string(),
  /** 1 for the first import, +1 for each newer version of the document (导入新版本). */
  version: z.number().int(),
  /** The earlier version this one replaces, and the newer one replacing it (null: this is the current version). */
  supersedesPlanId: z.uuid().nullable(),
  supersededByPlanId: z.uuid().nullable(),
  createdAt: z.string(),
  indicatorCount: z.number().int(),
  projectCount: z.number().int(),
});

const stored = { id: z.uuid(), version: z.number().int() };

export const planDetailSchema = planSummarySchema.extend({
  outline: z.array(outlineHeadingSchema),
  indicators: z.array(planIndicatorSchema.extend(stored)),
  boxes: z.array(planBoxSchema),
  projects: z.array(planProjectSchema.extend(stored)),
  warnings: z.array(parseWarningSchema),
});

export const planIdParamsSchema = z.strictObject({ id: z.uuid({ message: '规划编号格式不正确 / invalid plan id' }) });

// ── 导入新版本: the preview (dry run) and the commit ──────────────────────────────────────────────────────────

export const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

const diffItemSchema = z.object({ key: z.string(), detail: z.string().nullable() });

export const sectionDiffSchema = z.object({
  added: z.array(diffItemSchema),
  removed: z.array(diffItemSchema),
  changed: z.array(z.object({ key: z.string(), changes: z.array(fieldChangeSchema) })),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});

export const planDiffSchema = z.object({
  fields: z.array(fieldChangeSchema),
  outline: sectionDiffSchema,
  indicators: sectionDiffSchema,
  boxes: sectionDiffSchema,
  projects: sectionDiffSchema,
  unchanged: z.boolean(),
  summary: z.string(),
});

/** What of the county's work follows to the new version (导入新版本), and what stays behind (数据未迁移). */
export const carryOverSchema = z.object({
  indicators: z.number().int(),
  values: z.number().int(),
  settings: z.number().int(),
  bindings: z.number().int(),
  taskLinks: z.number().int(),
  tasks: z.number().int(),
  projects: z.number().int(),
  renamed: z.array(z.object({ from: z.string(), to: z.string() })),
  notCarried: z.object({
    indicators: z.array(
      z.object({ name: z.string(), values: z.number().int(), hasSetting: z.boolean(), hasBinding: z.boolean(), taskLinks: z.number().int() }),
    ),
    projects: z.array(z.object({ name: z.string(), years: z.number().int() })),
  }),
  summary: z.string(),
});

export const planReimportPreviewSchema = z.object({
  /** The stored version the file is compared with. */
  planId: z.uuid(),
  countyName: z.string(),
  fileName: z.string(),
  contentHash: z.string(),
  /** The very same bytes are already stored (this version or another of the county): importing does nothing. */
  identical: z.boolean(),
  existingPlanId: z.uuid().nullable(),
  currentVersion: z.number().int(),
  nextVersion: z.number().int(),
  title: z.string(),
  diff: planDiffSchema,
  /** Null when the file is already stored (nothing would be imported). */
  carryOver: carryOverSchema.nullable(),
  warnings: z.array(parseWarningSchema),
});

export const planReimportResultSchema = z.object({
  status: z.enum(['imported', 'already-imported']),
  /** The new version (or, when already imported, the plan holding those bytes). */
  planId: z.uuid(),
  previousPlanId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  carryOver: carryOverSchema.nullable(),
});

export const planUploadHeadersSchema = z.object({
  'x-file-name': z
    .string({ message: '请在 x-file-name 请求头中给出文件名（URL 编码）/ x-file-name header required' })
    .min(1, { message: '请在 x-file-name 请求头中给出文件名（URL 编码）/ x-file-name header required' })
    .max(1000),
});

// Compile-time checks: the schemas and the domain/repository types describe the same objects.
const parsedPlanMatches: Same<z.infer<typeof parsedPlanSchema>, ParsedPlan> = true;
const summaryMatches: Same<z.infer<typeof planSummarySchema>, PlanSummary> = true;
const detailMatches: Same<z.infer<typeof planDetailSchema>, PlanDetail> = true;
const diffMatches: Same<z.infer<typeof planDiffSchema>, PlanDiff> = true;
const carryOverMatches: Same<z.infer<typeof carryOverSchema>, CarryOverSummary> = true;
void [parsedPlanMatches, summaryMatches, detailMatches, diffMatches, carryOverMatches];
