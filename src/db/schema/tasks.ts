// 任务、项目台账、督办、通知、考核: who does what by when, and who is behind. county_id on every row (see index.ts);
// units are referenced with (unit_id, county_id) so a task can only name units of its own county.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AssessmentWeights, TaskReportFrequency } from '../../domain/supervision/assessment.ts';
import type { Colour, ColourReason, ColourRules } from '../../domain/supervision/colours.ts';
import type { OrderState } from '../../domain/supervision/orders.ts';
import type { DocumentBlock } from '../../domain/plan/model.ts';
import type { CandidateKind, OutlinePlace } from '../../domain/tasks/candidates.ts';
import type { FileType } from '../../domain/reporting/file-type.ts';
import type { ReportState } from '../../domain/reporting/workflow.ts';
import { units, users } from './accounts.ts';
import { createdAt, uploadedFileColumns } from './columns.ts';
import { counties } from './counties.ts';
import { planIndicators, planProjects, plans } from './plans.ts';

const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);

const day = (name: string) => date(name, { mode: 'string' });

export const CANDIDATE_STATES = ['proposed', 'accepted', 'merged', 'dropped'] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

/** 任务候选: a 专栏 item or task paragraph proposed from a plan, until the bureau accepts, merges or drops it. */
export const taskCandidates = pgTable(
  'task_candidates',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    kind: text('kind').$type<CandidateKind>().notNull(),
    title: text('title'),
    text: text('text').notNull(),
    outline: jsonb('outline').$type<OutlinePlace[]>().notNull(),
    line: integer('line'),
    boxNumber: integer('box_number'),
    boxTitle: text('box_title'),
    boxItem: integer('box_item'),
    state: text('state').$type<CandidateState>().notNull().default('proposed'),
    /** The task it became (accepted) or was merged into. */
    taskId: uuid('task_id'),
    /** Why it was dropped. */
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('task_candidates_plan_ordinal_uq').on(t.countyId, t.planId, t.ordinal),
    index('task_candidates_task_idx').on(t.countyId, t.taskId),
    check('task_candidates_kind_ck', sql`${t.kind} in ('box-item', 'paragraph')`),
    check('task_candidates_state_ck', sql`${t.state} in ('proposed', 'accepted', 'merged', 'dropped')`),
  ],
);

export const TASK_STATES = ['active', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** 任务: lead unit (牵头单位), responsible units (责任单位, task_units), supervising unit, deadline, milestones. */
/**
 * The block model (domain/plan) of a plan imported from .docx, as the parser read it. A .txt plan keeps its text
 * (plans.source_text) and its blocks are re-read from it; a .docx keeps no text, so without these rows its task
 * chapters' paragraphs could not be proposed as candidates. Line numbers are the parser's, matching the stored outline.
 */
export const planDocumentBlocks = pgTable('plan_document_blocks', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  countyId: uuid('county_id').notNull(),
  blocks: jsonb('blocks').$type<DocumentBlock[]>().notNull(),
  createdAt: createdAt(),
});

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Where in the plan it comes from (the first candidate's place); empty for tasks added by hand. */
    outline: jsonb('outline').$type<OutlinePlace[]>().notNull().default(sql`'[]'::jsonb`),
    leadUnitId: uuid('lead_unit_id'),
    supervisingUnitId: uuid('supervising_unit_id'),
    startOn: day('start_on').notNull(),
    deadline: day('deadline'),
    state: text('state').$type<TaskState>().notNull().default('active'),
    doneOn: day('done_on'),
    /** Latest approved % done (0–100), kept here so lists and the colour scan need no report query. */
    percentDone: doublePrecision('percent_done'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_county_idx').on(t.countyId, t.planId),
    index('tasks_lead_idx').on(t.countyId, t.leadUnitId),
    foreignKey({ name: 'tasks_lead_unit_fk', columns: [t.leadUnitId, t.countyId], foreignColumns: [units.id, units.countyId] }),
    foreignKey({
      name: 'tasks_supervising_unit_fk',
      columns: [t.supervisingUnitId, t.countyId],
      foreignColumns: [units.id, units.countyId],
    }),
    check('tasks_state_ck', sql`${t.state} in ('active', 'done')`),
    check('tasks_done_ck', sql`(${t.state} = 'done') = (${t.doneOn} is not null)`),
    check('tasks_percent_ck', sql`${t.percentDone} is null or (${t.percentDone} >= 0 and ${t.percentDone} <= 100)`),
  ],
);

/** 责任单位 of a task (the lead unit is on the task itself). */
export const taskUnits = pgTable(
  'task_units',
  {
    countyId: uuid('county_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'task_units_pk', columns: [t.countyId, t.taskId, t.unitId] }),
    index('task_units_unit_idx').on(t.countyId, t.unitId),
    foreignKey({ name: 'task_units_unit_fk', columns: [t.unitId, t.countyId], foreignColumns: [units.id, units.countyId] }),
  ],
);

/** The plan indicators a task serves. */
export const taskIndicators = pgTable(
  'task_indicators',
  {
    countyId: uuid('county_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'task_indicators_pk', columns: [t.countyId, t.taskId, t.indicatorId] })],
);

/** 项目台账: a key project from the plan's 项目清单 / 附件 重点任务, tracked year by year. */
export const ledgerProjects = pgTable(
  'ledger_projects',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    planId: uuid('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    /** The plan row it was taken from (one ledger entry per plan row). */
    sourceProjectId: uuid('source_project_id').references(() => planProjects.id, { onDelete: 'set null' }),
    seq: text('seq'),
    category: text('category'),
    name: text('name').notNull(),
    /** 牵头单位 as written in the plan; lead_unit_id once matched to a unit. */
    leadUnitName: text('lead_unit_name'),
    leadUnitId: uuid('lead_unit_id'),
    site: text('site'),
    nature: text('nature'),
    content: text('content').notNull().default(''),
    /** 总投资, 万元 */
    totalInvestment: numeric('total_investment', { precision: 16, scale: 2, mode: 'number' }),
    startYear: integer('start_year'),
    endYear: integer('end_year'),
    doneOn: day('done_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ledger_projects_county_idx').on(t.countyId, t.planId),
    uniqueIndex('ledger_projects_source_uq').on(t.countyId, t.sourceProjectId),
    foreignKey({
      name: 'ledger_projects_lead_unit_fk',
      columns: [t.leadUnitId, t.countyId],
      foreignColumns: [units.id, units.countyId],
    }),
  ],
);

/** One year of a ledger project: planned and completed investment, 形象进度, % done. */
export const ledgerProjectYears = pgTable(
  'ledger_project_years',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => ledgerProjects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    plannedInvestment: numeric('planned_investment', { precision: 16, scale: 2, mode: 'number' }),
    completedInvestment: numeric('completed_investment', { precision: 16, scale: 2, mode: 'number' }),
    imageProgress: text('image_progress').notNull().default(''),
    percentDone: doublePrecision('percent_done'),
    updatedBy: text('updated_by'),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ledger_project_years_uq').on(t.countyId, t.projectId, t.year),
    check('ledger_project_years_percent_ck', sql`${t.percentDone} is null or (${t.percentDone} >= 0 and ${t.percentDone} <= 100)`),
    check('ledger_project_years_money_ck', sql`coalesce(${t.plannedInvestment}, 0) >= 0 and coalesce(${t.completedInvestment}, 0) >= 0`),
  ],
);

/** 节点 of a task or of a ledger project: name, due date, done date, evidence. */
export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => ledgerProjects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    dueOn: day('due_on').notNull(),
    doneOn: day('done_on'),
    evidence: text('evidence'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('milestones_task_idx').on(t.countyId, t.taskId),
    index('milestones_project_idx').on(t.countyId, t.projectId),
    check('milestones_owner_ck', sql`(${t.taskId} is null) <> (${t.projectId} is null)`),
  ],
);

/** A unit's progress report on a task for one period; reviewed like indicator reports (return with reason). */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    /** Period code: 2025, 2025H1, 2025Q3, 2025M07. */
    period: text('period').notNull(),
    text: text('text').notNull().default(''),
    percentDone: doublePrecision('percent_done'),
    state: text('state').$type<ReportState>().notNull().default('draft'),
    reason: text('reason'),
    /** When the report is due (end of period + grace), for 考核 timeliness. */
    dueOn: day('due_on'),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('task_reports_uq').on(t.countyId, t.taskId, t.unitId, t.period),
    index('task_reports_unit_idx').on(t.countyId, t.unitId),
    foreignKey({ name: 'task_reports_unit_fk', columns: [t.unitId, t.countyId], foreignColumns: [units.id, units.countyId] }),
    check('task_reports_state_ck', sql`${t.state} in ('draft', 'submitted', 'returned', 'approved')`),
    check('task_reports_percent_ck', sql`${t.percentDone} is null or (${t.percentDone} >= 0 and ${t.percentDone} <= 100)`),
  ],
);

/** Photos and PDFs on a task report, stored in the database (backups and county isolation cover them). */
export const taskReportAttachments = pgTable(
  'task_report_attachments',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => taskReports.id, { onDelete: 'cascade' }),
    ...uploadedFileColumns(),
    createdAt: createdAt(),
  },
  (t) => [index('task_report_attachments_report_idx').on(t.countyId, t.reportId)],
);

export const SUPERVISED_KINDS = ['task', 'project', 'indicator'] as const;
export type SupervisedKind = (typeof SUPERVISED_KINDS)[number];

/** 督办单: one per item and colour; issued → signed → replied → closed, or escalated / resolved by the scan. */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    itemKind: text('item_kind').$type<SupervisedKind>().notNull(),
    /** The task, ledger project or plan indicator id. */
    itemId: uuid('item_id').notNull(),
    itemTitle: text('item_title').notNull(),
    /** The unit that must answer; null when the item has no responsible unit yet (the bureau answers). */
    unitId: uuid('unit_id'),
    colour: text('colour').$type<Colour>().notNull(),
    reasons: jsonb('reasons').$type<ColourReason[]>().notNull(),
    state: text('state').$type<OrderState>().notNull().default('issued'),
    issuedOn: day('issued_on').notNull(),
    issuedBy: text('issued_by').notNull(),
    signDueOn: day('sign_due_on').notNull(),
    replyDueOn: day('reply_due_on').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: text('signed_by'),
    replyText: text('reply_text'),
    repliedOn: day('replied_on'),
    repliedBy: text('replied_by'),
    /** Set on the first reply: whether it came by the deadline (考核 counts it). */
    repliedOnTime: boolean('replied_on_time'),
    /** The bureau's reason when it sent a reply back, or its note when closing. */
    reviewNote: text('review_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    /** Why the scan ended it (resolved / escalated). */
    endNote: text('end_note'),
    escalatedFromId: uuid('escalated_from_id'),
    /** A red order ignored past its deadline (marked once). */
    overdue: boolean('overdue').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('supervision_orders_county_idx').on(t.countyId, t.state),
    index('supervision_orders_unit_idx').on(t.countyId, t.unitId),
    index('supervision_orders_item_idx').on(t.countyId, t.itemKind, t.itemId),
    // At most one open order per item: two scans racing cannot both issue one.
    uniqueIndex('supervision_orders_open_uq')
      .on(t.countyId, t.itemKind, t.itemId)
      .where(sql`${t.state} in ('issued', 'signed', 'replied')`),
    foreignKey({ name: 'supervision_orders_unit_fk', columns: [t.unitId, t.countyId], foreignColumns: [units.id, units.countyId] }),
    check('supervision_orders_kind_ck', sql`${t.itemKind} in ('task', 'project', 'indicator')`),
    check('supervision_orders_colour_ck', sql`${t.colour} in ('blue', 'yellow', 'red')`),
    check(
      'supervision_orders_state_ck',
      sql`${t.state} in ('issued', 'signed', 'replied', 'closed', 'escalated', 'resolved')`,
    ),
  ],
);

/** In-app notification for one user; e-mailed too when SMTP is configured and the user left an address. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Path in the web app, e.g. /supervision?order=… */
    link: text('link'),
    orderId: uuid('order_id').references(() => supervisionOrders.id, { onDelete: 'cascade' }),
    /** 'none' (no address or no SMTP), 'pending', 'sent', 'failed'. */
    emailStatus: text('email_status').notNull().default('none'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    check('notifications_email_ck', sql`${t.emailStatus} in ('none', 'pending', 'sent', 'failed')`),
  ],
);

/** A user's address for 督办 e-mail (the accounts table keeps no e-mail; this is opt-in per user). */
export const notificationEmails = pgTable('notification_emails', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  countyId: uuid('county_id'),
  email: text('email').notNull(),
  updatedAt: updatedAt(),
});

/** Per county: the colour rules and the 考核 weights (defaults in the domain when no row exists). */
export const supervisionSettings = pgTable(
  'supervision_settings',
  {
    countyId: uuid('county_id')
      .primaryKey()
      .references(() => counties.id),
    colourRules: jsonb('colour_rules').$type<ColourRules>().notNull(),
    assessmentWeights: jsonb('assessment_weights').$type<AssessmentWeights>().notNull(),
    /** How often units report task progress (月报 / 季报 / 半年报 / 年报): what 考核 counts as owed. */
    taskReportFrequency: text('task_report_frequency').$type<TaskReportFrequency>().notNull().default('quarter'),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [check('supervision_settings_task_report_frequency_ck', sql`${t.taskReportFrequency} in ('month', 'quarter', 'half', 'year')`)],
);
