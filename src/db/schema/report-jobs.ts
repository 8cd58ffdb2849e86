// 报告生成任务: one row per generation request (年度监测 / 中期评估 / 总结评估 for a plan, or a municipal batch), moving
// queued → running → done | failed, with its progress for the page and, when failed, the reason in words. The
// generated files are kept with the job so the page can download them later.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReportJobStatus, ReportKind } from '../../domain/reports/model.ts';
import { bytea, createdAt } from './columns.ts';
import { counties } from './counties.ts';
import { plans } from './plans.ts';

export type { ReportJobStatus };

/** A job for one plan of one county, or the municipal batch over all counties of a municipality. */
export type ReportJobScope = 'plan' | 'municipal';

export const reportJobs = pgTable(
  'report_jobs',
  {
    id: uuid('id').primaryKey(),
    /**
     * The county of the plan. NULL only for a municipal batch job: it spans every county of a municipality, so no one
     * county owns it — and a county scope (county_id = X) never matches NULL, so only the municipal bureau sees it.
     */
    countyId: uuid('county_id').references(() => counties.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    scope: text('scope').$type<ReportJobScope>().notNull(),
    /** The municipality of a batch job (counties.municipality), null for a plan job. */
    municipality: text('municipality'),
    kind: text('kind').$type<ReportKind>().notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<ReportJobStatus>().notNull().default('queued'),
    /** 0–100 for the progress bar, and the step being worked on (读取数据 / 绘制图表 …). */
    progress: integer('progress').notNull().default(0),
    step: text('step'),
    /** Why a failed job failed, in words the bureau can act on. */
    error: text('error'),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Touched on every progress step: a running job whose heartbeat stopped was interrupted (server restart). */
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('report_jobs_county_idx').on(t.countyId, t.createdAt),
    index('report_jobs_status_idx').on(t.status, t.updatedAt),
    check('report_jobs_status_ck', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
    check('report_jobs_kind_ck', sql`${t.kind} in ('annual', 'midterm', 'final')`),
    check('report_jobs_scope_ck', sql`${t.scope} in ('plan', 'municipal')`),
    check('report_jobs_progress_ck', sql`${t.progress} between 0 and 100`),
    // A plan job names its county and plan; only a batch job may leave the county empty.
    check('report_jobs_owner_ck', sql`(${t.scope} = 'municipal') = (${t.countyId} is null)`),
  ],
);

/** The files a job produced (.docx, .xlsx, or the batch .zip). county_id as on the job (NULL for a batch). */
export const reportJobFiles = pgTable(
  'report_job_files',
  {
    id: uuid('id').primaryKey(),
    /** Same as the job's county: NULL only for the files of a municipal batch job (see report_jobs.county_id). */
    countyId: uuid('county_id'),
    jobId: uuid('job_id')
      .notNull()
      .references(() => reportJobs.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('report_job_files_job_idx').on(t.countyId, t.jobId)],
);
