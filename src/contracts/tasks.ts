// Zod schemas of the task, ledger, 督办, notification and 考核 API. The routes validate and serialise with them;
// the web app's forms reuse them. The type checks at the bottom keep them in step with the services.
import { z } from 'zod';
import type { Same } from './same.ts';
import { CANDIDATE_STATES, SUPERVISED_KINDS, TASK_STATES } from '../db/schema/index.ts';
import { FILE_TYPES } from '../domain/reporting/file-type.ts';
import { REPORT_STATES } from '../domain/reporting/workflow.ts';
import { ASSESSMENT_COMPONENTS, TASK_REPORT_FREQUENCIES } from '../domain/supervision/assessment.ts';
import { COLOURS } from '../domain/supervision/colours.ts';
import { ORDER_STATES } from '../domain/supervision/orders.ts';
import type { Assessment, AssessmentRow } from '../services/assess-units.ts';
import type { SupervisionSettings } from '../services/get-supervision-settings.ts';
import type { TaskDetail } from '../services/get-task.ts';
import type { LedgerListing, LedgerYearView } from '../services/list-project-ledger.ts';
import type { NotificationView } from '../services/list-notifications.ts';
import type { OrderView } from '../services/list-supervision-orders.ts';
import type { CandidateView } from '../services/list-task-candidates.ts';
import type { TaskReportView } from '../services/list-task-reports.ts';
import type { ScanSummary } from '../services/scan-supervision.ts';
import type { MilestoneView, TaskView } from '../services/task-view.ts';
import type { AttachmentInfo } from '../repositories/task-reports.ts';

const id = (what: string) => z.uuid({ message: `${what}编号格式不正确 / invalid ${what} id` });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
const version = z.number().int().min(0);
const percent = z.number().min(0).max(100);
const money = z.number().min(0).max(1e12);
const longText = z.string().max(20_000);
const periodCode = z.string().trim().min(4).max(16).describe('期间：2024、2024H1、2024Q2、2024M07 或 2024年第二季度 等');

// ── requests ─────────────────────────────────────────────────────────────────────────────────────────────────

export const planParamsSchema = z.strictObject({ planId: id('规划') });
export const taskParamsSchema = z.strictObject({ taskId: id('任务') });
export const candidateParamsSchema = z.strictObject({ candidateId: id('候选任务') });
export const milestoneParamsSchema = z.strictObject({ milestoneId: id('节点') });
export const taskReportParamsSchema = z.strictObject({ reportId: id('报告') });
export const taskAttachmentParamsSchema = z.strictObject({ attachmentId: id('附件') });
export const projectParamsSchema = z.strictObject({ projectId: id('项目') });
export const projectYearParamsSchema = z.strictObject({ projectId: id('项目'), year: z.coerce.number().int().min(2000).max(2100) });
export const orderParamsSchema = z.strictObject({ orderId: id('督办单') });

export const proposeBodySchema = z.strictObject({
  /** Task chapters by label, e.g. { from: '第三章', to: '第十章' }; default: chosen by their titles. */
  chapters: z.strictObject({ from: z.string().trim().min(2).max(10), to: z.string().trim().min(2).max(10) }).optional(),
});

export const candidateQuerySchema = z.strictObject({ state: z.enum(CANDIDATE_STATES).optional() });

const taskFields = {
  description: longText.optional(),
  leadUnitId: id('单位').nullable().optional(),
  responsibleUnitIds: z.array(id('单位')).max(50).optional(),
  supervisingUnitId: id('单位').nullable().optional(),
  startOn: isoDate.optional(),
  deadline: isoDate.nullable().optional(),
  indicatorIds: z.array(id('指标')).max(100).optional(),
};

export const acceptCandidatesBodySchema = z.strictObject({
  candidateIds: z.array(id('候选任务')).min(1).max(100),
  intoTaskId: id('任务').optional(),
  task: z.strictObject({ title: z.string().trim().max(200).optional(), ...taskFields }).optional(),
});

export const dropCandidateBodySchema = z.strictObject({ note: z.string().trim().min(1, { message: '请填写理由 / reason required' }).max(500) });
export const restoreCandidateBodySchema = z.strictObject({ version });

export const createTaskBodySchema = z.strictObject({
  title: z.string().trim().min(1, { message: '任务名称不能为空 / title required' }).max(200),
  countyId: id('区县').optional(),
  planId: id('规划').nullable().optional(),
  ...taskFields,
});

export const updateTaskBodySchema = z.strictObject({
  version,
  title: z.string().trim().min(1).max(200).optional(),
  done: z.boolean().optional(),
  doneOn: isoDate.optional(),
  ...taskFields,
});

export const taskListQuerySchema = z.strictObject({
  planId: id('规划').optional(),
  state: z.enum(TASK_STATES).optional(),
  unitId: id('单位').optional(),
  colour: z.enum([...COLOURS, 'none']).optional(),
});

export const addMilestoneBodySchema = z.strictObject({
  taskId: id('任务').optional(),
  projectId: id('项目').optional(),
  name: z.string().trim().min(1).max(200),
  dueOn: isoDate,
  doneOn: isoDate.nullable().optional(),
  evidence: z.string().max(2000).nullable().optional(),
});

export const updateMilestoneBodySchema = z.strictObject({
  version,
  name: z.string().trim().min(1).max(200).optional(),
  dueOn: isoDate.optional(),
  doneOn: isoDate.nullable().optional(),
  evidence: z.string().max(2000).nullable().optional(),
  done: z.boolean().optional(),
});

export const deleteMilestoneQuerySchema = z.strictObject({ version: z.coerce.number().int().min(0) });

export const saveTaskReportBodySchema = z.strictObject({
  unitId: id('单位').optional(),
  period: periodCode,
  text: longText,
  percentDone: percent.nullable(),
  version: version.optional(),
});

export const taskReportListQuerySchema = z.strictObject({
  taskId: id('任务').optional(),
  unitId: id('单位').optional(),
  state: z.enum(REPORT_STATES).optional(),
});

export const versionBodySchema = z.strictObject({ version });

export const reviewTaskReportBodySchema = z.strictObject({
  version,
  decision: z.enum(['approve', 'return']),
  reason: z.string().max(2000).optional(),
});

export const attachmentUploadQuerySchema = z.strictObject({ fileName: z.string().trim().min(1).max(200) });

export const ledgerQuerySchema = z.strictObject({ planId: id('规划').optional(), unitId: id('单位').optional() });

export const saveLedgerYearBodySchema = z.strictObject({
  version,
  plannedInvestment: money.nullable(),
  completedInvestment: money.nullable(),
  imageProgress: z.string().max(2000),
  percentDone: percent.nullable(),
});

export const updateLedgerProjectBodySchema = z.strictObject({
  version,
  leadUnitId: id('单位').nullable().optional(),
  category: z.string().max(100).nullable().optional(),
  site: z.string().max(200).nullable().optional(),
  nature: z.string().max(50).nullable().optional(),
  content: longText.optional(),
  totalInvestment: money.nullable().optional(),
  startYear: z.number().int().min(2000).max(2100).nullable().optional(),
  endYear: z.number().int().min(2000).max(2100).nullable().optional(),
  doneOn: isoDate.nullable().optional(),
});

export const orderListQuerySchema = z.strictObject({
  state: z.enum([...ORDER_STATES, 'open']).optional(),
  colour: z.enum(COLOURS).optional(),
  unitId: id('单位').optional(),
  itemKind: z.enum(SUPERVISED_KINDS).optional(),
  itemId: id('事项').optional(),
});

export const orderActionBodySchema = z.strictObject({
  version,
  action: z.enum(['sign', 'reply', 'return', 'close']),
  text: z.string().max(5000).optional(),
});

export const scanBodySchema = z.strictObject({ countyId: id('区县').optional() });

const colourRulesSchema = z.strictObject({
  blueWithinWorkingDays: z.number().int().min(0).max(60),
  progressTolerance: z.number().min(0).max(1),
  signWithinWorkingDays: z.number().int().min(0).max(60),
  replyWithinWorkingDays: z.strictObject({ blue: z.number().int().min(0).max(60), yellow: z.number().int().min(0).max(60), red: z.number().int().min(0).max(60) }),
});
const weightsSchema = z.strictObject({
  indicators: z.number().min(0).max(100),
  reports: z.number().min(0).max(100),
  tasks: z.number().min(0).max(100),
  supervision: z.number().min(0).max(100),
});

/** 任务进展报送频次: 月报 / 季报 / 半年报 / 年报. */
const taskReportFrequencySchema = z.enum(TASK_REPORT_FREQUENCIES, { message: '报送频次须为 month、quarter、half 或 year / unknown frequency' });

export const countyQuerySchema = z.strictObject({ countyId: id('区县').optional() });
export const updateSettingsBodySchema = z.strictObject({
  countyId: id('区县').optional(),
  version,
  colourRules: colourRulesSchema.optional(),
  assessmentWeights: weightsSchema.optional(),
  taskReportFrequency: taskReportFrequencySchema.optional(),
});

export const notificationQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const readNotificationsBodySchema = z.strictObject({ ids: z.union([z.array(id('通知')).max(500), z.literal('all')]) });
export const notificationEmailBodySchema = z.strictObject({ email: z.string().trim().max(200).nullable() });

export const assessmentQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  countyId: id('区县').optional(),
});

// ── answers ──────────────────────────────────────────────────────────────────────────────────────────────────

const outlinePlaceSchema = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), label: z.string(), title: z.string(), line: z.number().int() });
const unitRefSchema = z.object({ id: z.uuid(), name: z.string() });
const colourReasonSchema = z.object({
  code: z.enum(['deadline-near', 'milestone-near', 'milestone-overdue', 'behind-schedule', 'overdue', 'indicator-lagging', 'binding-not-met']),
  colour: z.enum(COLOURS),
  text: z.string(),
});

export const candidateSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  ordinal: z.number().int(),
  kind: z.enum(['box-item', 'paragraph']),
  title: z.string().nullable(),
  text: z.string(),
  outline: z.array(outlinePlaceSchema),
  line: z.number().int().nullable(),
  box: z.object({ number: z.number().int(), title: z.string(), item: z.number().int() }).nullable(),
  state: z.enum(CANDIDATE_STATES),
  taskId: z.uuid().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const proposeResultSchema = z.object({
  status: z.enum(['proposed', 'already-proposed']),
  taskChapters: z.array(z.string()),
  notes: z.array(z.string()),
  candidates: z.array(candidateSchema),
});

export const milestoneSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  evidence: z.string().nullable(),
  version: z.number().int(),
});

export const taskSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  planId: z.uuid().nullable(),
  title: z.string(),
  description: z.string(),
  outline: z.array(outlinePlaceSchema),
  leadUnit: unitRefSchema.nullable(),
  responsibleUnits: z.array(unitRefSchema),
  supervisingUnit: unitRefSchema.nullable(),
  startOn: z.string(),
  deadline: z.string().nullable(),
  state: z.enum(TASK_STATES),
  doneOn: z.string().nullable(),
  percentDone: z.number().nullable(),
  indicatorIds: z.array(z.uuid()),
  milestones: z.array(milestoneSchema),
  colour: z.enum(COLOURS).nullable(),
  colourReasons: z.array(colourReasonSchema),
  version: z.number().int(),
  createdAt: z.string(),
});

export const taskAttachmentSchema = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  fileName: z.string(),
  fileType: z.enum(FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});

export const taskReportSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  period: z.string(),
  text: z.string(),
  percentDone: z.number().nullable(),
  state: z.enum(REPORT_STATES),
  reason: z.string().nullable(),
  dueOn: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  attachments: z.array(taskAttachmentSchema),
});

export const orderSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  itemKind: z.enum(SUPERVISED_KINDS),
  itemId: z.uuid(),
  itemTitle: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  colour: z.enum(COLOURS),
  colourLabel: z.string(),
  reasons: z.array(colourReasonSchema),
  state: z.enum(ORDER_STATES),
  stateLabel: z.string(),
  issuedOn: z.string(),
  issuedBy: z.string(),
  signDueOn: z.string(),
  replyDueOn: z.string(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  replyText: z.string().nullable(),
  repliedOn: z.string().nullable(),
  repliedBy: z.string().nullable(),
  repliedOnTime: z.boolean().nullable(),
  reviewNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  endNote: z.string().nullable(),
  escalatedFromId: z.uuid().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});

export const taskDetailSchema = taskSchema.extend({ reports: z.array(taskReportSchema), orders: z.array(orderSchema) });

const ledgerYearSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  plannedInvestment: z.number().nullable(),
  completedInvestment: z.number().nullable(),
  imageProgress: z.string(),
  percentDone: z.number().nullable(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
});
export { ledgerYearSchema };

const ledgerTotalSchema = z.object({
  key: z.string(),
  projects: z.number().int(),
  totalInvestment: z.number(),
  plannedInvestment: z.number(),
  completedInvestment: z.number(),
});

export const ledgerListingSchema = z.object({
  projects: z.array(
    z.object({
      id: z.uuid(),
      countyId: z.uuid(),
      planId: z.uuid().nullable(),
      seq: z.string().nullable(),
      category: z.string().nullable(),
      name: z.string(),
      leadUnitName: z.string().nullable(),
      leadUnit: unitRefSchema.nullable(),
      site: z.string().nullable(),
      nature: z.string().nullable(),
      content: z.string(),
      totalInvestment: z.number().nullable(),
      startYear: z.number().int().nullable(),
      endYear: z.number().int().nullable(),
      doneOn: z.string().nullable(),
      years: z.array(ledgerYearSchema),
      milestones: z.array(milestoneSchema),
      completedInvestment: z.number(),
      colour: z.enum(COLOURS).nullable(),
      colourReasons: z.array(colourReasonSchema),
      version: z.number().int(),
    }),
  ),
  totals: z.object({
    byCategory: z.array(ledgerTotalSchema),
    byUnit: z.array(ledgerTotalSchema),
    byYear: z.array(ledgerTotalSchema),
    all: ledgerTotalSchema,
  }),
});

export const scanSummarySchema = z.object({
  today: z.string(),
  counties: z.number().int(),
  items: z.number().int(),
  issued: z.number().int(),
  escalated: z.number().int(),
  resolved: z.number().int(),
  markedOverdue: z.number().int(),
  mails: z.object({ sent: z.number().int(), failed: z.number().int() }),
  newOrders: z.array(orderSchema),
});

export const settingsSchema = z.object({
  countyId: z.uuid(),
  colourRules: colourRulesSchema,
  assessmentWeights: weightsSchema,
  taskReportFrequency: taskReportFrequencySchema,
  version: z.number().int(),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  orderId: z.uuid().nullable(),
  emailStatus: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});

const tallySchema = z.object({ good: z.number().int(), total: z.number().int() });
const componentRecord = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, value])) as Record<(typeof ASSESSMENT_COMPONENTS)[number], T>);

const overdueReportSchema = z.object({
  kind: z.enum(['indicator', 'task']),
  name: z.string(),
  taskId: z.uuid().nullable(),
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  submittedOn: z.string().nullable(),
  timeliness: z.enum(['late', 'missing']),
});
const assessmentRowSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: z.string(),
  counts: componentRecord(tallySchema),
  rates: componentRecord(z.number().nullable()),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  reportBreakdown: z.object({ onTime: z.number().int(), late: z.number().int(), missing: z.number().int() }),
  overdueReports: z.array(overdueReportSchema),
});

export const assessmentSchema = z.object({
  countyId: z.uuid(),
  countyName: z.string(),
  year: z.number().int(),
  weights: weightsSchema,
  taskReportFrequency: taskReportFrequencySchema,
  rows: z.array(assessmentRowSchema),
});

// Compile-time checks: the schemas and the service types describe the same objects.
const checks: [
  Same<z.infer<typeof candidateSchema>, CandidateView>,
  Same<z.infer<typeof taskSchema>, TaskView>,
  Same<z.infer<typeof milestoneSchema>, MilestoneView>,
  Same<z.infer<typeof taskReportSchema>, TaskReportView>,
  Same<z.infer<typeof taskAttachmentSchema>, AttachmentInfo>,
  Same<z.infer<typeof orderSchema>, OrderView>,
  Same<z.infer<typeof taskDetailSchema>, TaskDetail>,
  Same<z.infer<typeof ledgerYearSchema>, LedgerYearView>,
  Same<z.infer<typeof ledgerListingSchema>, LedgerListing>,
  Same<z.infer<typeof scanSummarySchema>, ScanSummary>,
  Same<z.infer<typeof settingsSchema>, SupervisionSettings>,
  Same<z.infer<typeof notificationSchema>, NotificationView>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
const assessmentMatches: Same<Omit<z.infer<typeof assessmentSchema>, 'rows'>, Omit<Assessment, 'rows'>> = true;
const rowMatches: Same<z.infer<typeof assessmentRowSchema>, AssessmentRow> = true;
void [checks, assessmentMatches, rowMatches];
