// Zod schemas of the monitoring API (指标监测): request bodies and answers. The routes validate and serialise with
// them; the web app's forms reuse them. The type checks at the bottom keep them in step with the services.
import { z } from 'zod';
import type { Same } from './same.ts';
import { PERIOD_KINDS } from '../domain/period/period.ts';
import { FORECAST_METHODS, STATUS_OUTCOMES, TARGET_KINDS } from '../domain/progress/index.ts';
import { ATTACHMENT_KINDS, FILE_TYPES } from '../domain/reporting/file-type.ts';
import { SPOT_CHECK_OUTCOMES, VALUE_SOURCES } from '../domain/reporting/vocabulary.ts';
import { REPORT_STATES } from '../domain/reporting/workflow.ts';
import type { AttachmentRecord } from '../repositories/attachments.ts';
import type { IndicatorSetting } from '../repositories/indicator-settings.ts';
import type { ValueRecord } from '../repositories/indicator-values.ts';
import type { ReportRecord } from '../repositories/reports.ts';
import type { SpotCheckRecord } from '../repositories/spot-checks.ts';
import type { CountyComparison } from '../services/monitoring/compare-counties.ts';
import type { PlanStatus } from '../services/monitoring/get-plan-status.ts';
import type { StatusCell } from '../services/monitoring/indicator-status.ts';
import type { OutstandingReport } from '../services/monitoring/list-outstanding-reports.ts';
import type { SheetUploadResult } from '../services/monitoring/upload-report-sheet.ts';
import type { AdoptSettingsResult } from '../services/monitoring/adopt-previous-plan-settings.ts';
import { ADOPTION_NOTE_CODES } from '../domain/reporting/adopt-settings.ts';
import { REGISTER_RULES } from '../domain/registers/indicator-binding.ts';
import { planIndicatorSchema } from './plan.ts';
import { bindingParamsSchema } from './registers.ts';

const id = (what: string) => z.uuid({ message: `${what}编号格式不正确 / invalid ${what} id` });
const periodCode = z
  .string()
  .trim()
  .min(4)
  .max(16)
  .describe('期间：2023、2023H1、2023Q2、2023M07 或 2023年第二季度 等');
const version = z.number().int().min(0);
const optionalText = z.string().max(2000).nullable().optional();

// ── requests ─────────────────────────────────────────────────────────────────────────────────────────────────

export const periodQuerySchema = z.strictObject({ period: periodCode.optional() });
export const planStatusParamsSchema = z.strictObject({ planId: id('规划') });
export const indicatorParamsSchema = z.strictObject({ indicatorId: id('指标') });
export const valueParamsSchema = z.strictObject({ valueId: id('数据') });
export const reportParamsSchema = z.strictObject({ reportId: id('报表') });
export const attachmentParamsSchema = z.strictObject({ attachmentId: id('附件') });
export const spotCheckParamsSchema = z.strictObject({ spotCheckId: id('核查') });
export const unitPeriodParamsSchema = z.strictObject({ unitId: id('单位'), period: periodCode });

export const compareQuerySchema = z.strictObject({
  period: periodCode.optional(),
  /** Comma-separated county ids; default: every county in reach. */
  counties: z.string().max(100_000).optional(),
});

export const outstandingQuerySchema = z.strictObject({ unitId: id('单位').optional() });

export const enterValueBodySchema = z.strictObject({
  indicatorId: id('指标'),
  period: periodCode,
  source: z.enum(VALUE_SOURCES).default('unit'),
  value: z.number().finite(),
  measureUnit: optionalText,
  caliberNote: optionalText,
  comment: optionalText,
  explanation: optionalText,
  expectedVersion: version,
});

export const transitionBodySchema = z.strictObject({ expectedVersion: version });
export const reasonBodySchema = z.strictObject({ expectedVersion: version, reason: z.string().max(2000) });
export const officialBodySchema = z.strictObject({ expectedVersion: version, reason: z.string().max(2000) });

export const configureIndicatorBodySchema = z.strictObject({
  responsibleUnitId: id('单位').nullable(),
  frequency: z.enum(PERIOD_KINDS),
  dueDays: z.number().int().min(0).max(366).nullable(),
  targetKind: z.enum(TARGET_KINDS).nullable(),
  tolerance: z.number().min(0).max(1).nullable(),
  expectedVersion: version,
});

/** 沿用上一规划设置: commit false = the dry-run proposal, nothing written. */
export const adoptSettingsBodySchema = z.strictObject({ commit: z.boolean() });

export const attachmentQuerySchema = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string().trim().min(1).max(200),
});

export const drawSpotCheckBodySchema = z.strictObject({
  size: z.number().int().min(1).max(200),
  period: periodCode.optional(),
});

export const recordSpotCheckBodySchema = z.strictObject({
  outcome: z.enum(SPOT_CHECK_OUTCOMES),
  note: optionalText,
  expectedVersion: version,
});

export const sheetUploadQuerySchema = z.strictObject({
  /** true: write (only when every row is valid); default false: dry run. */
  commit: z.enum(['true', 'false']).default('false'),
});

// ── answers ──────────────────────────────────────────────────────────────────────────────────────────────────

const forecastSchema = z.union([
  z.object({
    possible: z.literal(true),
    method: z.enum(FORECAST_METHODS),
    targetYear: z.number().int(),
    projectedValue: z.number(),
    targetValue: z.number(),
    projectedShare: z.number(),
    projectedRate: z.number().nullable(),
    warning: z.boolean(),
    bindingWarning: z.boolean(),
    label: z.literal('预警').nullable(),
    pointsUsed: z.number().int(),
    summary: z.string(),
  }),
  z.object({ possible: z.literal(false), method: z.enum(FORECAST_METHODS), reason: z.string() }),
]);

const currentValueSchema = z.object({
  value: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  dataYear: z.number().int(),
  source: z.enum(VALUE_SOURCES),
  sourceLabel: z.string(),
});

export const indicatorStatusSchema = z.object({
  countyId: z.uuid(),
  countyName: z.string(),
  planId: z.uuid(),
  indicatorId: z.uuid(),
  seq: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  attribute: planIndicatorSchema.shape.attribute,
  kind: z.enum(TARGET_KINDS),
  kindLabel: z.string(),
  kindReason: z.string(),
  kindOverridden: z.boolean(),
  baseline: planIndicatorSchema.shape.baseline,
  target: planIndicatorSchema.shape.target,
  current: currentValueSchema.nullable(),
  completion: z.number().nullable(),
  schedule: z.number().nullable(),
  status: z.enum(STATUS_OUTCOMES),
  statusColour: z.string(),
  explanation: z.string(),
  tolerance: z.number(),
  forecast: forecastSchema,
  responsibleUnitId: z.uuid().nullable(),
  responsibleUnitName: z.string().nullable(),
});

const statusCounts = z.partialRecord(z.enum(STATUS_OUTCOMES), z.number().int());

export const planStatusSchema = z.object({
  planId: z.uuid(),
  planTitle: z.string(),
  countyId: z.uuid(),
  countyName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  indicators: z.array(indicatorStatusSchema),
  counts: statusCounts,
  warnings: z.number().int(),
});

/** A municipal comparison cell: the figures of a status; the sentences are in the county's own table. */
export const statusCellSchema = z.object({
  indicatorId: z.uuid(),
  kind: z.enum(TARGET_KINDS),
  status: z.enum(STATUS_OUTCOMES),
  completion: z.number().nullable(),
  schedule: z.number().nullable(),
  current: currentValueSchema.nullable(),
  warning: z.boolean(),
  bindingWarning: z.boolean(),
});

export const countyComparisonSchema = z.object({
  period: z.string(),
  periodLabel: z.string(),
  counties: z.array(z.object({ countyId: z.uuid(), countyName: z.string(), planId: z.uuid(), planTitle: z.string() })),
  rows: z.array(
    z.object({ key: z.string(), name: z.string(), unit: z.string().nullable(), cells: z.array(statusCellSchema.nullable()) }),
  ),
});

export const valueRecordSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  indicatorId: z.uuid(),
  period: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  dataYear: z.number().int(),
  periodSort: z.number().int(),
  source: z.enum(VALUE_SOURCES),
  reportId: z.uuid().nullable(),
  reportState: z.enum(REPORT_STATES).nullable(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  value: z.number(),
  measureUnit: z.string().nullable(),
  caliberNote: z.string().nullable(),
  comment: z.string().nullable(),
  explanation: z.string().nullable(),
  isOfficial: z.boolean(),
  officialReason: z.string().nullable(),
  enteredBy: z.string(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachmentCount: z.number().int(),
});

export const reportRecordSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  period: z.string(),
  state: z.enum(REPORT_STATES),
  reason: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const indicatorSettingSchema = z.object({
  indicatorId: z.uuid(),
  countyId: z.uuid(),
  responsibleUnitId: z.uuid().nullable(),
  responsibleUnitName: z.string().nullable(),
  frequency: z.enum(PERIOD_KINDS),
  dueDays: z.number().int().nullable(),
  targetKind: z.enum(TARGET_KINDS).nullable(),
  tolerance: z.number().nullable(),
  version: z.number().int(),
});

const monitoredIndicatorSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  planStart: z.number().int().nullable(),
  planEnd: z.number().int().nullable(),
  ordinal: z.number().int(),
  row: planIndicatorSchema,
  setting: indicatorSettingSchema,
});

const outlierSchema = z.union([
  z.object({ outlier: z.literal(false) }),
  z.object({ outlier: z.literal(true), rule: z.enum(['above-factor', 'below-factor', 'over-100-percent']), message: z.string() }),
]);

export const reportSheetSchema = z.object({
  unit: z.object({ id: z.uuid(), countyId: z.uuid(), countyName: z.string(), name: z.string(), kind: z.enum(['部门', '乡镇']) }),
  period: z.string(),
  periodLabel: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  report: reportRecordSchema.nullable(),
  items: z.array(
    z.object({
      indicator: monitoredIndicatorSchema,
      expectedUnit: z.string().nullable(),
      value: valueRecordSchema.nullable(),
      previous: z.number().nullable(),
      outlier: outlierSchema,
    }),
  ),
});

export const outstandingReportSchema = z.object({
  countyId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  reportId: z.uuid().nullable(),
  reportVersion: z.number().int().nullable(),
  state: z.enum(REPORT_STATES).nullable(),
  reason: z.string().nullable(),
  indicatorCount: z.number().int(),
});

const historySchema = z.object({
  valueId: z.string(),
  at: z.string(),
  actor: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const indicatorSeriesSchema = z.object({
  indicator: monitoredIndicatorSchema.extend({
    kind: z.string(),
    kindLabel: z.string(),
    kindReason: z.string(),
    kindOverridden: z.boolean(),
    tolerance: z.number(),
  }),
  status: indicatorStatusSchema.nullable(),
  path: z
    .array(z.object({ year: z.number().int(), schedule: z.number(), value: z.number(), low: z.number(), high: z.number() }))
    .nullable(),
  sources: z.array(
    z.object({
      source: z.enum(VALUE_SOURCES),
      label: z.string(),
      values: z.array(valueRecordSchema.extend({ history: z.array(historySchema) })),
    }),
  ),
  official: z.array(
    z.object({ period: z.string(), value: z.number(), source: z.enum(VALUE_SOURCES), dataYear: z.number().int() }),
  ),
});

export const attachmentSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  valueId: z.uuid(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  fileType: z.enum(FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});

export const spotCheckSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  valueId: z.uuid(),
  batchId: z.uuid(),
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  period: z.string(),
  value: z.number(),
  drawnBy: z.string(),
  drawnAt: z.string(),
  outcome: z.enum(SPOT_CHECK_OUTCOMES).nullable(),
  note: z.string().nullable(),
  checkedBy: z.string().nullable(),
  checkedAt: z.string().nullable(),
  version: z.number().int(),
});

export const spotCheckDrawSchema = z.object({ batchId: z.uuid(), poolSize: z.number().int(), checks: z.array(spotCheckSchema) });

const cellErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });

export const sheetUploadSchema = z.object({
  committed: z.boolean(),
  unitId: z.uuid(),
  unitName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      indicatorId: z.uuid(),
      name: z.string(),
      value: z.number(),
      measureUnit: z.string().nullable(),
      caliberNote: z.string().nullable(),
      comment: z.string().nullable(),
      explanation: z.string().nullable(),
      storedValue: z.number().nullable(),
      change: z.enum(['new', 'changed', 'unchanged']),
      warning: z.string().nullable(),
    }),
  ),
  skipped: z.array(z.number().int()),
  errors: z.array(cellErrorSchema),
});

const adoptionPlanSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
});

export const adoptSettingsSchema = z.object({
  plan: adoptionPlanSchema,
  previousPlan: adoptionPlanSchema.nullable(),
  rows: z.array(
    z.object({
      indicatorId: z.uuid(),
      name: z.string(),
      unit: z.string().nullable(),
      previous: z.object({ indicatorId: z.uuid(), name: z.string(), unit: z.string().nullable() }).nullable(),
      setting: z
        .object({
          responsibleUnitId: z.uuid().nullable(),
          responsibleUnitName: z.string().nullable(),
          frequency: z.enum(PERIOD_KINDS),
          dueDays: z.number().int().nullable(),
          tolerance: z.number().nullable(),
          isSample: z.boolean(),
        })
        .nullable(),
      binding: z.object({ rule: z.enum(REGISTER_RULES), params: bindingParamsSchema }).nullable(),
      notes: z.array(z.object({ code: z.enum(ADOPTION_NOTE_CODES), message: z.string() })),
    }),
  ),
  counts: z.object({
    indicators: z.number().int(),
    matched: z.number().int(),
    settings: z.number().int(),
    bindings: z.number().int(),
    skipped: z.number().int(),
  }),
  committed: z.boolean(),
  written: z.object({ settings: z.number().int(), bindings: z.number().int() }).nullable(),
});

// Compile-time checks: the schemas and the service types describe the same objects.
const checks: [
  Same<z.infer<typeof valueRecordSchema>, ValueRecord>,
  Same<z.infer<typeof reportRecordSchema>, ReportRecord>,
  Same<z.infer<typeof attachmentSchema>, AttachmentRecord>,
  Same<z.infer<typeof spotCheckSchema>, SpotCheckRecord>,
  Same<z.infer<typeof outstandingReportSchema>, OutstandingReport>,
  Same<z.infer<typeof sheetUploadSchema>, SheetUploadResult>,
  Same<z.infer<typeof indicatorSettingSchema>['frequency'], IndicatorSetting['frequency']>,
  Same<z.infer<typeof planStatusSchema>['warnings'], PlanStatus['warnings']>,
  Same<z.infer<typeof countyComparisonSchema>['counties'], CountyComparison['counties']>,
  Same<z.infer<typeof statusCellSchema>, StatusCell>,
  Same<z.infer<typeof adoptSettingsSchema>, AdoptSettingsResult>,
] = [true, true, true, true, true, true, true, true, true, true, true];
void checks;
