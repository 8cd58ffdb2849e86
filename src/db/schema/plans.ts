// 规划: plans and their extracted parts. county_id on every row (see index.ts).
import {
  boolean,
  doublePrecision,
  index,
  integer,
  type AnyPgColumn,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { counties } from './counties.ts';

/** One imported version of a plan document (规划). */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    title: text('title').notNull(),
    region: text('region'),
    periodStart: integer('period_start'),
    periodEnd: integer('period_end'),
    issuer: text('issuer'),
    issuedOn: text('issued_on'),
    docNumber: text('doc_number'),
    sourceFileName: text('source_file_name').notNull(),
    /** sha256 of the document bytes: importing the same file twice is detected by this. */
    contentHash: text('content_hash').notNull(),
    /** The document as decoded text (for .txt) so the plan view can show the original beside the extraction. */
    sourceText: text('source_text'),
    /** The document's version number within its chain of re-imports: 1 for the first import, +1 per newer version. */
    version: integer('version').notNull().default(1),
    /** The earlier version this plan replaces (导入新版本); a plan that another one supersedes is no longer current. */
    supersedesPlanId: uuid('supersedes_plan_id').references((): AnyPgColumn => plans.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plans_county_hash_uq').on(t.countyId, t.contentHash),
    index('plans_county_idx').on(t.countyId),
    // At most one newer version per plan: two concurrent re-imports of the same version cannot both win.
    uniqueIndex('plans_supersedes_uq').on(t.supersedesPlanId),
  ],
);

export const planOutlineItems = pgTable(
  'plan_outline_items',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    level: integer('level').notNull(),
    label: text('label').notNull(),
    title: text('title').notNull(),
    line: integer('line').notNull(),
  },
  (t) => [index('plan_outline_plan_idx').on(t.countyId, t.planId)],
);

/** 主要指标: one row of the plan's main-indicator table. */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    seq: text('seq').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    attribute: text('attribute'),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    baselineText: text('baseline_text'),
    targetYear: integer('target_year'),
    targetValue: doublePrecision('target_value'),
    targetComparator: text('target_comparator'),
    targetText: text('target_text'),
    cumulative: boolean('cumulative').notNull().default(false),
    annualGrowthRate: doublePrecision('annual_growth_rate'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('plan_indicators_plan_idx').on(t.countyId, t.planId)],
);

/** 专栏 */
export const planBoxes = pgTable(
  'plan_boxes',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** [{ title, text }] in order; items are only ever read with their box. */
    items: jsonb('items').$type<{ title: string | null; text: string }[]>().notNull(),
  },
  (t) => [index('plan_boxes_plan_idx').on(t.countyId, t.planId)],
);

/** 项目清单 / 附件 重点任务 */
export const planProjects = pgTable(
  'plan_projects',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    seq: text('seq').notNull(),
    category: text('category'),
    name: text('name').notNull(),
    leadUnit: text('lead_unit'),
    site: text('site'),
    nature: text('nature'),
    content: text('content').notNull(),
    /** 总投资, 万元 */
    investment: numeric('investment', { precision: 16, scale: 2, mode: 'number' }),
    startYear: integer('start_year'),
    endYear: integer('end_year'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('plan_projects_plan_idx').on(t.countyId, t.planId)],
);

export const planWarnings = pgTable(
  'plan_warnings',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    line: integer('line'),
  },
  (t) => [index('plan_warnings_plan_idx').on(t.countyId, t.planId)],
);

