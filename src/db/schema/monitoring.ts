// 指标监测: who reports which indicator when (settings), the reports a unit files per period, the values of every
// source, their attachments and the bureau's spot checks. county_id on every row (see index.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PeriodKind } from '../../domain/period/period.ts';
import type { TargetKind } from '../../domain/progress/target-kind.ts';
import type { AttachmentKind, FileType } from '../../domain/reporting/file-type.ts';
import type { ReportState } from '../../domain/reporting/workflow.ts';
import type { SpotCheckOutcome, ValueSource } from '../../domain/reporting/vocabulary.ts';
import { units } from './accounts.ts';
import { createdAt, uploadedFileColumns } from './columns.ts';
import { planIndicators } from './plans.ts';

const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);

/**
 * Per plan indicator: the responsible unit (责任单位) and how often and by when it reports, plus the bureau's
 * overrides of the inferred target kind and of the tolerance ε. A missing row means "not assigned, defaults".
 */
export const indicatorSettings = pgTable(
  'indicator_settings',
  {
    indicatorId: uuid('indicator_id')
      .primaryKey()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    countyId: uuid('county_id').notNull(),
    responsibleUnitId: uuid('responsible_unit_id'),
    frequency: text('frequency').$type<PeriodKind>().notNull().default('year'),
    /** Days after the period end the report is due; null = the frequency's default (domain/reporting/due.ts). */
    dueDays: integer('due_days'),
    /** The bureau's override of inferTargetKind; null = inferred. */
    targetKind: text('target_kind').$type<TargetKind>(),
    /** ε as a fraction; null = DEFAULT_TOLERANCE. */
    tolerance: doublePrecision('tolerance'),
    isSample: boolean('is_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('indicator_settings_unit_idx').on(t.countyId, t.responsibleUnitId),
    // The unit must be of the indicator's own county.
    foreignKey({
      name: 'indicator_settings_unit_fk',
      columns: [t.responsibleUnitId, t.countyId],
      foreignColumns: [units.id, units.countyId],
    }),
    check('indicator_settings_frequency_ck', sql`${t.frequency} in ('year', 'half', 'quarter', 'month')`),
    check('indicator_settings_due_ck', sql`${t.dueDays} is null or ${t.dueDays} between 0 and 366`),
    check('indicator_settings_tolerance_ck', sql`${t.tolerance} is null or (${t.tolerance} >= 0 and ${t.tolerance} <= 1)`),
  ],
);

/** What one unit files for one period (填报 → 提交 → 审核 → 退回/通过); its values hang off it. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Period code: 2023, 2023H1, 2023Q2, 2023M07. */
    period: text('period').notNull(),
    state: text('state').$type<ReportState>().notNull().default('draft'),
    /** Why it was last returned or reopened (required for both). */
    reason: text('reason'),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    isSample: boolean('is_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reports_unit_period_uq').on(t.countyId, t.unitId, t.period),
    foreignKey({ name: 'reports_unit_fk', columns: [t.unitId, t.countyId], foreignColumns: [units.id, units.countyId] }),
    check('reports_state_ck', sql`${t.state} in ('draft', 'submitted', 'returned', 'approved')`),
  ],
);

/**
 * One figure: (indicator, period, source) → value. Unit reports carry report_id; the bureau's own entries from
 * 统计局 / 登记系统 do not. Exactly one value per (indicator, period) may be official, and only a reviewed one
 * (approved report or the bureau's own entry) — so the status query reads `is_official` and nothing else.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    /** 数据年份: the year the figure describes (the period's year). */
    dataYear: integer('data_year').notNull(),
    /** Orders periods as comparePeriods does (see domain/reporting/period-sort.ts), so SQL can cut at "as of". */
    periodSort: integer('period_sort').notNull(),
    source: text('source').$type<ValueSource>().notNull(),
    reportId: uuid('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    /** The unit that reported it (source 'unit'). No foreign key: values outlive a renamed or removed unit. */
    unitId: uuid('unit_id'),
    value: doublePrecision('value').notNull(),
    /** 计量单位 as entered; checked against the indicator's unit. */
    measureUnit: text('measure_unit'),
    /** 口径说明 */
    caliberNote: text('caliber_note'),
    comment: text('comment'),
    /** Why a value far outside the history is right (required before submitting an outlier). */
    explanation: text('explanation'),
    isOfficial: boolean('is_official').notNull().default(false),
    officialReason: text('official_reason'),
    enteredBy: text('entered_by').notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('indicator_values_source_uq').on(t.countyId, t.indicatorId, t.period, t.source),
    uniqueIndex('indicator_values_official_uq')
      .on(t.countyId, t.indicatorId, t.period)
      .where(sql`${t.isOfficial}`),
    // The status query: official values of many indicators up to a period, in period order.
    index('indicator_values_status_idx')
      .on(t.countyId, t.indicatorId, t.periodSort)
      .where(sql`${t.isOfficial}`),
    index('indicator_values_report_idx').on(t.countyId, t.reportId),
    check('indicator_values_source_ck', sql`${t.source} in ('unit', 'statistics', 'register')`),
    check('indicator_values_report_ck', sql`(${t.source} = 'unit') = (${t.reportId} is not null)`),
  ],
);

/** Evidence on a value (统计表, 证明材料), stored in the database: backups and county isolation cover it too. */
export const valueAttachments = pgTable(
  'value_attachments',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    valueId: uuid('value_id')
      .notNull()
      .references(() => indicatorValues.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AttachmentKind>().notNull(),
    ...uploadedFileColumns(),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('value_attachments_value_idx').on(t.countyId, t.valueId)],
);

/** 抽样核查: a value drawn at random from the submitted ones, and what the check found. */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    valueId: uuid('value_id')
      .notNull()
      .references(() => indicatorValues.id, { onDelete: 'cascade' }),
    /** One draw = one batch, so a draw can be listed as a whole. */
    batchId: uuid('batch_id').notNull(),
    drawnBy: text('drawn_by').notNull(),
    outcome: text('outcome').$type<SpotCheckOutcome>(),
    note: text('note'),
    checkedBy: text('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('spot_checks_value_uq').on(t.countyId, t.valueId),
    index('spot_checks_batch_idx').on(t.countyId, t.batchId),
    check('spot_checks_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('confirmed', 'discrepancy')`),
  ],
);

/** Units the sample data created (the units table belongs to accounts), so `sample remove` deletes exactly them. */
export const sampleUnits = pgTable('sample_units', {
  unitId: uuid('unit_id').primaryKey(),
  countyId: uuid('county_id').notNull(),
});

/**
 * Per county, a stamp that changes whenever anything the municipal comparison reads about its plans changes: the
 * plans (a new version, a title, the span), their indicator rows, the indicator settings (target kind, tolerance)
 * or the county's name. Set by triggers (migration 0010), not by services, so no write path can forget it; the
 * comparison keeps each county's evaluated plan frame in memory and re-reads only counties whose stamp moved.
 * No foreign key to counties: the triggers also fire while a county's rows are cascade-deleted, after the county.
 */
export const planFrameStamps = pgTable('plan_frame_stamps', {
  countyId: uuid('county_id').primaryKey(),
  stamp: bigint('stamp', { mode: 'number' }).notNull(),
});
