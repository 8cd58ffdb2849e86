// Zod schemas of the register API (issue 6): HTTP validates and serialises with them, the web app's forms reuse
// them, and the rule-pack service checks published parameters against the kind's schema. The type checks at the
// bottom keep them in step with the domain types.
import { z } from 'zod';
import type { Same } from './same.ts';
import { CERTIFICATION_KINDS } from '../domain/registers/certifications.ts';
import { COMMISSIONER_LEVELS, COMMISSIONER_TYPES, type CommissionerAssessmentParams } from '../domain/registers/commissioners.ts';
import { isIsoDate } from '../domain/registers/dates.ts';
import { ENTERPRISE_SIZES } from '../domain/registers/enterprise-import.ts';
import { EVALUATION_KINDS, type EvaluationResult } from '../domain/registers/evaluation.ts';
import { FIGURE_FIELDS } from '../domain/registers/figures.ts';
import { EXPERT_GRADES, type HnteParams } from '../domain/registers/hnte.ts';
import { PLATFORM_KINDS, PLATFORM_LEVELS, REGISTER_RULES, type BindingParams } from '../domain/registers/indicator-binding.ts';
import type { InnovativeSmeParams } from '../domain/registers/innovative-sme.ts';
import { RULE_PACK_KINDS, type RulePackKind, type RulePackParamsByKind } from '../domain/registers/rule-packs.ts';
import { PRODUCT_DOMAINS, RD_INSTITUTION_LEVELS, type SpecializedSmeParams } from '../domain/registers/specialized-sme.ts';
import { CONTRACT_TYPES } from '../domain/registers/tech-contracts.ts';
import type { TsmeParams } from '../domain/registers/tsme.ts';
import { FILE_TYPES } from '../domain/reporting/file-type.ts';
import type { AgreementFileRecord } from '../repositories/agreement-files.ts';
import type { DispatchAgreementFiles } from '../services/registers/get-agreement-file.ts';

export const isoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
export const yearSchema = z.coerce.number().int().min(1990).max(2100);
export const idParams = z.strictObject({ id: z.uuid({ message: '编号格式不正确 / invalid id' }) });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const amount = z.number().finite().min(0).max(1e12);

// ── rule-pack parameters ───────────────────────────────────────────────────────────────────────────────────────
const range = z.strictObject({ min: z.number().finite(), max: z.number().finite() }).refine((r) => r.min <= r.max, { message: 'min 不能大于 max' });
function bandTable<S extends z.ZodType>(score: S) {
  return z.strictObject({
    direction: z.enum(['higher-better', 'lower-better']),
    boundary: z.enum(['better', 'worse']),
    rows: z.array(z.strictObject({ limit: z.number().finite(), grade: z.string().min(1), score })).min(1),
    otherwise: z.strictObject({ grade: z.string().min(1), score }),
  });
}
const pointsBand = bandTable(z.number().finite().min(0));
const rangeBand = bandTable(range);
const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);

export const tsmeParamsSchema = z.strictObject({
  scheme: z.literal('tsme'),
  maxEmployees: positive,
  maxSalesRevenue: positive,
  maxTotalAssets: positive,
  passScore: nonNegative,
  staffBands: pointsBand,
  rdSalesBands: pointsBand,
  rdCostBands: pointsBand,
  ipClass1Points: nonNegative,
  ipClass2Bands: pointsBand,
  requireAuditCollection: z.boolean(),
  excludedIndustries: z.array(z.string().min(1)),
  certificateValidityYears: positive,
});

export const hnteParamsSchema = z.strictObject({
  scheme: z.literal('hnte'),
  minDaysRegistered: nonNegative,
  techStaffMinPercent: nonNegative,
  rdIntensityBySales: z.array(z.strictObject({ upToSales: z.number().finite().nullable(), minPercent: nonNegative })).min(1),
  domesticRdMinPercent: nonNegative,
  hiTechRevenueMinPercent: nonNegative,
  innovationScoreAbove: nonNegative,
  technologyFields: z.array(z.string().min(1)).min(1),
  certificateValidityYears: positive,
  expertGradeRanges: z.strictObject({ A: range, B: range, C: range, D: range, E: range }),
  ipClass1Range: range,
  ipClass2Bands: rangeBand,
  ipAcquisitionRanges: z.strictObject({ self: range, acquiredOnly: range }),
  standardsBonus: range,
  ipCap: positive,
  conversionBands: rangeBand,
  organisationItemMaxima: z.array(nonNegative).length(4),
  growthBands: rangeBand,
  shortHistoryGrowth: z.enum(['two-year-ratio', 'zero']),
});

const ipPoints = z.strictObject({ highValue: nonNegative, selfDeveloped: nonNegative, class1: nonNegative, class2: nonNegative, none: nonNegative });

export const innovativeSmeParamsSchema = z.strictObject({
  scheme: z.literal('innovative-sme-2022'),
  passScore: nonNegative,
  groupMinima: z.strictObject({ innovation: nonNegative, growth: nonNegative, specialisation: nonNegative }),
  ipPoints,
  rdRatioBands: pointsBand,
  revenueGrowthBands: pointsBand,
  debtRatioBands: pointsBand,
  strategicIndustryPoints: z.strictObject({ strategic: nonNegative, other: nonNegative }),
  mainBusinessShareBands: pointsBand,
  equityFinancingMin: nonNegative,
  certificateValidityYears: positive,
});

export const specializedSmeParamsSchema = z.discriminatedUnion('scheme', [
  z.strictObject({
    scheme: z.literal('specialized-sme-2022'),
    nicheYearsMin: nonNegative,
    rdExpenseMin: nonNegative,
    rdRatioMin: nonNegative,
    revenueMin: nonNegative,
    equityFinancingAlternative: nonNegative,
    passScore: nonNegative,
    directRdAverageMin: nonNegative,
    directEquityFinancingMin: nonNegative,
    mainBusinessShareBands: pointsBand,
    revenueGrowthBands: pointsBand,
    nicheYearsPerPoint: positive,
    nicheYearsMaxPoints: nonNegative,
    productDomainPoints: z.strictObject({ 补短板锻长板填空白: nonNegative, 六基或老字号或龙头配套: nonNegative, 其他: nonNegative }),
    digitalLevelPoints: z.strictObject({ level3: nonNegative, level2: nonNegative, level1: nonNegative }),
    qualityPointsPerItem: nonNegative,
    qualityMaxPoints: nonNegative,
    netProfitMarginBands: pointsBand,
    debtRatioBands: pointsBand,
    localFeatureMaxPoints: nonNegative,
    ipPoints,
    rdAmountBands: pointsBand,
    rdShareBands: pointsBand,
    rdStaffBands: pointsBand,
    rdInstitutionPoints: z.strictObject({ 国家级: nonNegative, 省级: nonNegative, 市级: nonNegative, 市级以下: nonNegative, 未建立: nonNegative }),
    certificateValidityYears: positive,
  }),
  z.strictObject({
    scheme: z.literal('specialized-sme-2026'),
    nicheYearsMin: nonNegative,
    revenueMin: nonNegative,
    equityFinancingAlternative: nonNegative,
    mainBusinessShareMin: nonNegative,
    debtRatioMax: nonNegative,
    rdExpenseEachYearMin: nonNegative,
    rdRatioEachYearMin: nonNegative,
    ipClass1Min: nonNegative,
    evaluationScoreMin: nonNegative,
    certificateValidityYears: positive,
  }),
]);

export const commissionerAssessmentParamsSchema = z.strictObject({
  scheme: z.literal('commissioner-assessment'),
  components: z
    .array(z.strictObject({ code: z.string().min(1).max(40), label: z.string().min(1).max(40), weight: positive, source: z.enum(['service-records', 'manual']) }))
    .min(1),
  serviceRecordTarget: positive,
  grades: z.array(z.strictObject({ min: nonNegative, grade: z.string().min(1) })),
  lowestGrade: z.string().min(1),
});

export const RULE_PACK_PARAM_SCHEMAS: { [K in RulePackKind]: z.ZodType<RulePackParamsByKind[K]> } = {
  tsme: tsmeParamsSchema,
  hnte: hnteParamsSchema,
  'innovative-sme': innovativeSmeParamsSchema,
  'specialized-sme': specializedSmeParamsSchema,
  'commissioner-assessment': commissionerAssessmentParamsSchema,
};

export const rulePackSchema = z.object({
  id: z.uuid(),
  kind: z.enum(RULE_PACK_KINDS),
  version: z.string(),
  title: z.string(),
  docNumber: z.string(),
  sourceUrl: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  reliability: z.string(),
  params: z.unknown(),
  builtin: z.boolean(),
  publishedBy: z.string(),
  createdAt: z.string(),
  inForceToday: z.boolean(),
});

export const publishRulePackBody = z.strictObject({
  kind: z.enum(RULE_PACK_KINDS),
  version: text(60),
  title: text(200),
  docNumber: text(200),
  sourceUrl: z.string().trim().max(500),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable().optional(),
  reliability: text(500),
  params: z.unknown(),
});

// ── enterprises ────────────────────────────────────────────────────────────────────────────────────────────────
export const enterpriseSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  uscc: z.string(),
  name: z.string(),
  town: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  establishedOn: z.string().nullable(),
  listedOn: z.string(),
  removedOn: z.string().nullable(),
  version: z.number().int(),
});

export const enterpriseListItemSchema = enterpriseSchema.extend({ validCertifications: z.array(z.enum(CERTIFICATION_KINDS)) });

export const enterpriseBody = z.strictObject({
  uscc: text(30),
  name: text(100),
  town: optionalText(40),
  industry: optionalText(60),
  size: z.enum(ENTERPRISE_SIZES).nullable().optional(),
  establishedOn: isoDate.nullable().optional(),
  listedOn: isoDate.optional(),
});

export const enterprisePatchBody = z.strictObject({
  version: z.number().int().positive(),
  name: text(100).optional(),
  town: optionalText(40),
  industry: optionalText(60),
  size: z.enum(ENTERPRISE_SIZES).nullable().optional(),
  establishedOn: isoDate.nullable().optional(),
  listedOn: isoDate.optional(),
  removedOn: isoDate.nullable().optional(),
});

const figureShape = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, z.number().finite().nullable()])) as Record<(typeof FIGURE_FIELDS)[number], z.ZodNullable<z.ZodNumber>>;
export const figuresSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  year: z.number().int(),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  ...figureShape,
});
const figurePatchShape = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, z.number().finite().nullable().optional()])) as Record<
  (typeof FIGURE_FIELDS)[number],
  z.ZodOptional<z.ZodNullable<z.ZodNumber>>
>;
export const figuresBody = z.strictObject({ version: z.number().int().min(0), ...figurePatchShape });
export const figuresParams = z.strictObject({ id: z.uuid(), year: yearSchema });

export const enterpriseQuery = z.strictObject({
  q: z.string().trim().max(60).optional(),
  town: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const importCellErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string(), text: z.string() });
export const importResultSchema = z.object({
  status: z.enum(['imported', 'preview', 'invalid']),
  rowCount: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  figureRows: z.number().int(),
  errors: z.array(importCellErrorSchema),
});
export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

// ── evaluations ────────────────────────────────────────────────────────────────────────────────────────────────
const flag = z.boolean().nullable().optional();
export const tsmeDeclarationsSchema = z.strictObject({
  residentEnterprise: flag,
  auditCollection: flag,
  productsPermitted: flag,
  cleanRecord: flag,
  validHnteCertificate: flag,
  nationalAwardTop3: flag,
  provincialRdInstitution: flag,
  ledStandard: flag,
  rdMeasure: z.enum(['sales', 'cost', 'best']).optional(),
});
const expertGrade = z.enum(EXPERT_GRADES).nullable();
export const hnteDeclarationsSchema = z.strictObject({
  registeredOn: isoDate.nullable().optional(),
  applicationDate: isoDate.optional(),
  ipSupportsCoreProducts: flag,
  technologyField: z.string().max(40).nullable().optional(),
  cleanRecord: flag,
  ipAcquisition: z.enum(['self', 'acquired-only']).nullable().optional(),
  participatedInStandards: flag,
  selfAssessment: z
    .strictObject({
      technicalAdvancement: expertGrade,
      coreSupport: expertGrade,
      organisation: z.array(z.number().min(0).max(6).nullable()).length(4).nullable(),
    })
    .nullable()
    .optional(),
});
export const innovativeSmeDeclarationsSchema = z.strictObject({
  strategicEmergingIndustry: flag,
  scienceAward3y: flag,
  validHonour: flag,
  provincialRdInstitution: flag,
  equityFinancing3y: amount.nullable().optional(),
});
export const specializedSmeDeclarationsSchema = z.strictObject({
  nicheYears: z.number().min(0).max(200).nullable().optional(),
  equityFinancing2y: amount.nullable().optional(),
  productDomain: z.enum(PRODUCT_DOMAINS).nullable().optional(),
  digitalLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional(),
  qualityItems: z.number().int().min(0).max(4).nullable().optional(),
  localFeaturePoints: z.number().min(0).max(100).nullable().optional(),
  rdInstitutionLevel: z.enum(RD_INSTITUTION_LEVELS).nullable().optional(),
  scienceAwardTop: flag,
  makerChinaTop500: flag,
  holdsTechInnovativeStatus: flag,
  ipApplied: flag,
  ipExempt: flag,
  leadingMarketShare: flag,
  developmentScore: z.number().min(0).max(100).nullable().optional(),
});

export const evaluateBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tsme'), year: yearSchema, evaluatedOn: isoDate.optional(), industry: z.string().max(60).nullable().optional(), declarations: tsmeDeclarationsSchema }),
  z.strictObject({ kind: z.literal('hnte'), year: yearSchema, evaluatedOn: isoDate.optional(), declarations: hnteDeclarationsSchema }),
  z.strictObject({ kind: z.literal('innovative-sme'), year: yearSchema, evaluatedOn: isoDate.optional(), declarations: innovativeSmeDeclarationsSchema }),
  z.strictObject({ kind: z.literal('specialized-sme'), year: yearSchema, evaluatedOn: isoDate.optional(), declarations: specializedSmeDeclarationsSchema }),
]);
export type EvaluateRequest = z.infer<typeof evaluateBody>;

const conditionSchema = z.object({ code: z.string(), label: z.string(), status: z.enum(['met', 'failed', 'unknown']), detail: z.string() });
const subScoreSchema = z.object({
  code: z.string(),
  label: z.string(),
  group: z.string().nullable(),
  measure: z.string().nullable(),
  grade: z.string(),
  min: z.number(),
  max: z.number(),
  maxPoints: z.number(),
});
export const evaluationResultSchema = z.object({
  kind: z.enum(EVALUATION_KINDS),
  outcome: z.enum(['pass', 'fail', 'likely', 'undecided']),
  outcomeLabel: z.string(),
  conditions: z.array(conditionSchema),
  scores: z.array(subScoreSchema),
  total: z.object({ min: z.number(), max: z.number(), maxPoints: z.number() }).nullable(),
  directGrounds: z.array(z.string()),
  failures: z.array(z.string()),
  notes: z.array(z.string()),
});
export const evaluationSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  enterpriseId: z.uuid(),
  kind: z.enum(EVALUATION_KINDS),
  year: z.number().int(),
  evaluatedOn: z.string(),
  rulePackId: z.uuid(),
  rulePackVersion: z.string(),
  inputs: z.unknown(),
  result: evaluationResultSchema,
  actor: z.string(),
  createdAt: z.string(),
});

// ── certifications, funnel ─────────────────────────────────────────────────────────────────────────────────────
export const certificationSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  kind: z.enum(CERTIFICATION_KINDS),
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
  evaluationId: z.uuid().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  state: z.enum(['valid', 'expiring', 'expired', 'revoked', 'pending']),
});
export const certificationBody = z.strictObject({
  enterpriseId: z.uuid(),
  kind: z.enum(CERTIFICATION_KINDS),
  number: text(60),
  issuedOn: isoDate,
  validUntil: isoDate.optional(),
  evaluationId: z.uuid().nullable().optional(),
  note: optionalText(500),
});
export const certificationPatchBody = z.strictObject({
  version: z.number().int().positive(),
  number: text(60).optional(),
  issuedOn: isoDate.optional(),
  validUntil: isoDate.optional(),
  revokedOn: isoDate.nullable().optional(),
  revokeReason: optionalText(500),
  note: optionalText(500),
});
export const alertSchema = z.object({
  certificationId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  kind: z.enum(CERTIFICATION_KINDS),
  number: z.string(),
  validUntil: z.string(),
  state: z.enum(['expired', 'expiring']),
  daysLeft: z.number().int(),
  message: z.string(),
});
export const alertsQuery = z.strictObject({ withinDays: z.coerce.number().int().min(0).max(1000).default(90), today: isoDate.optional() });
export const funnelRowSchema = z.object({
  code: z.string(),
  label: z.string(),
  count: z.number().int(),
  fromPrevious: z.number().int(),
  conversionRate: z.number().nullable(),
});
export const funnelSchema = z.object({ year: z.number().int(), stages: z.array(funnelRowSchema) });
export const yearQuery = z.strictObject({ year: yearSchema });

// ── platforms ──────────────────────────────────────────────────────────────────────────────────────────────────
export const platformSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  name: z.string(),
  kind: z.enum(PLATFORM_KINDS),
  level: z.enum(PLATFORM_LEVELS),
  hostName: z.string(),
  hostEnterpriseId: z.uuid().nullable(),
  recognisedOn: z.string(),
  revokedOn: z.string().nullable(),
  docNumber: z.string().nullable(),
  field: z.string().nullable(),
  area: z.number().nullable(),
  tenantCount: z.number().int().nullable(),
  version: z.number().int(),
  activeToday: z.boolean(),
});
const platformFields = {
  name: text(100),
  kind: z.enum(PLATFORM_KINDS),
  level: z.enum(PLATFORM_LEVELS),
  hostName: text(100),
  hostEnterpriseId: z.uuid().nullable().optional(),
  recognisedOn: isoDate,
  revokedOn: isoDate.nullable().optional(),
  docNumber: optionalText(100),
  field: optionalText(60),
  area: z.number().finite().min(0).max(1e8).nullable().optional(),
  tenantCount: z.number().int().min(0).max(1e6).nullable().optional(),
};
export const platformBody = z.strictObject(platformFields);
export const platformPatchBody = z.strictObject({ version: z.number().int().positive(), ...z.object(platformFields).partial().shape });

// ── commissioners ──────────────────────────────────────────────────────────────────────────────────────────────
export const commissionerSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  name: z.string(),
  level: z.enum(COMMISSIONER_LEVELS),
  type: z.enum(COMMISSIONER_TYPES),
  dispatchingUnit: z.string(),
  title: z.string().nullable(),
  field: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
});
const commissionerFields = {
  name: text(40),
  level: z.enum(COMMISSIONER_LEVELS),
  type: z.enum(COMMISSIONER_TYPES),
  dispatchingUnit: text(100),
  title: optionalText(40),
  field: optionalText(60),
  phone: optionalText(30),
};
export const commissionerBody = z.strictObject(commissionerFields);
export const commissionerPatchBody = z.strictObject({ version: z.number().int().positive(), ...z.object(commissionerFields).partial().shape });
export const dispatchSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  commissionerId: z.uuid(),
  town: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  serviceObject: z.string(),
  agreementNumber: z.string(),
  agreementSignedOn: z.string(),
  tasks: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  version: z.number().int(),
});
export const dispatchBody = z.strictObject({
  town: optionalText(40),
  enterpriseId: z.uuid().nullable().optional(),
  serviceObject: text(100),
  agreementNumber: text(60),
  agreementSignedOn: isoDate,
  tasks: text(2000),
  startOn: isoDate,
  endOn: isoDate.nullable().optional(),
});
export const serviceLogSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  commissionerId: z.uuid(),
  dispatchId: z.uuid().nullable(),
  servedOn: z.string(),
  place: z.string(),
  content: z.string(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  enteredBy: z.string(),
  version: z.number().int(),
  photos: z.array(z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int() })),
});
export const serviceLogBody = z.strictObject({
  dispatchId: z.uuid().nullable().optional(),
  servedOn: isoDate,
  place: text(200),
  content: text(4000),
});
export const confirmLogBody = z.strictObject({ version: z.number().int().positive(), confirmedBy: text(100) });
export const photoQuery = z.strictObject({ fileName: text(200) });
export const assessmentSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  commissionerId: z.uuid(),
  year: z.number().int(),
  rulePackVersion: z.string(),
  inputs: z.unknown(),
  result: z.unknown(),
  total: z.number(),
  grade: z.string(),
  actor: z.string(),
  createdAt: z.string(),
});
export const assessBody = z.strictObject({
  year: yearSchema,
  manualScores: z.record(z.string().max(40), z.number().min(0).max(100)),
});
// The signed 三方协议 of a dispatch: files listed with the dispatch, uploaded as the raw request body (the server
// judges the bytes), each write naming the dispatch version it was made against.
export const agreementFileSchema = z.object({
  id: z.uuid(),
  dispatchId: z.uuid(),
  fileName: z.string(),
  fileType: z.enum(FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export const dispatchAgreementFilesSchema = z.object({ dispatchId: z.uuid(), version: z.number().int(), files: z.array(agreementFileSchema) });
const dispatchVersion = z.coerce.number().int().positive();
export const agreementUploadQuery = z.strictObject({ fileName: text(200), version: dispatchVersion, replaces: z.uuid().optional() });
export const agreementRemoveQuery = z.strictObject({ version: dispatchVersion });
export const dispatchDetailSchema = dispatchSchema.extend({ agreementFiles: z.array(agreementFileSchema) });
export const commissionerDetailSchema = commissionerSchema.extend({
  dispatches: z.array(dispatchDetailSchema),
  serviceLogs: z.array(serviceLogSchema),
  assessments: z.array(assessmentSchema),
});

// ── technology contracts ───────────────────────────────────────────────────────────────────────────────────────
export const contractSchema = z.object({
  id: z.uuid(),
  countyId: z.uuid(),
  countyName: z.string(),
  registrationNumber: z.string(),
  registeredOn: z.string(),
  type: z.enum(CONTRACT_TYPES),
  name: z.string(),
  sellerName: z.string(),
  sellerRegion: z.string().nullable(),
  sellerInCounty: z.boolean(),
  buyerName: z.string(),
  buyerRegion: z.string().nullable(),
  buyerInCounty: z.boolean(),
  contractAmount: z.number(),
  technologyAmount: z.number(),
  enterpriseId: z.uuid().nullable(),
  version: z.number().int(),
});
const contractFields = {
  registrationNumber: text(60),
  registeredOn: isoDate,
  type: z.enum(CONTRACT_TYPES),
  name: text(200),
  sellerName: text(100),
  sellerRegion: optionalText(60),
  sellerInCounty: z.boolean(),
  buyerName: text(100),
  buyerRegion: optionalText(60),
  buyerInCounty: z.boolean(),
  contractAmount: amount,
  technologyAmount: amount,
  enterpriseId: z.uuid().nullable().optional(),
};
export const contractBody = z.strictObject(contractFields);
export const contractPatchBody = z.strictObject({ version: z.number().int().positive(), ...z.object(contractFields).partial().shape });
export const contractQuery = z.strictObject({ year: yearSchema.optional() });
export const contractTotalsQuery = z.strictObject({ year: yearSchema, side: z.enum(['seller', 'buyer']).default('seller') });
export const contractTotalsSchema = z.object({
  year: z.number().int(),
  side: z.enum(['seller', 'buyer']),
  contractAmount: z.number(),
  technologyAmount: z.number(),
  count: z.number().int(),
  byType: z.record(z.string(), z.object({ count: z.number().int(), total: z.number() })),
});

// ── register → indicator bindings ──────────────────────────────────────────────────────────────────────────────
export const bindingParamsSchema = z.strictObject({
  certificationKinds: z.array(z.enum(CERTIFICATION_KINDS)).optional(),
  platformKinds: z.array(z.enum(PLATFORM_KINDS)).optional(),
  platformLevels: z.array(z.enum(PLATFORM_LEVELS)).optional(),
  commissionerLevels: z.array(z.enum(COMMISSIONER_LEVELS)).optional(),
  side: z.enum(['seller', 'buyer']).optional(),
  amount: z.enum(['contract', 'technology']).optional(),
});
export const bindingSchema = z.object({
  id: z.uuid().nullable(),
  countyId: z.uuid(),
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  indicatorUnit: z.string().nullable(),
  planId: z.uuid(),
  planTitle: z.string(),
  rule: z.enum(REGISTER_RULES),
  ruleLabel: z.string(),
  params: bindingParamsSchema,
  version: z.number().int(),
  suggested: z.boolean(),
});
export const bindBody = z.strictObject({
  indicatorId: z.uuid(),
  rule: z.enum(REGISTER_RULES),
  params: bindingParamsSchema.default({}),
  version: z.number().int().min(0).default(0),
});
const recordRefSchema = z.object({ id: z.string(), entity: z.string(), label: z.string(), value: z.number() });
export const registerFigureSchema = z.object({
  bindingId: z.uuid(),
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  rule: z.enum(REGISTER_RULES),
  year: z.number().int(),
  value: z.number(),
  unit: z.string(),
  indicatorValue: z.number().nullable(),
  indicatorUnit: z.string().nullable(),
  description: z.string(),
  records: z.array(recordRefSchema),
  valueId: z.uuid().nullable(),
});
/** A figure as synced into monitoring (latest computation per year), with the records behind it. */
export const storedRegisterFigureSchema = z.object({
  id: z.uuid(),
  bindingId: z.uuid(),
  indicatorId: z.uuid(),
  year: z.number().int(),
  value: z.number(),
  indicatorValue: z.number(),
  unit: z.string(),
  description: z.string(),
  records: z.array(recordRefSchema),
  valueId: z.uuid().nullable(),
  computedBy: z.string(),
  createdAt: z.string(),
});

// Compile-time checks: schemas and domain types describe the same objects.
const tsmeMatches: Same<z.infer<typeof tsmeParamsSchema>, TsmeParams> = true;
const hnteMatches: Same<z.infer<typeof hnteParamsSchema>, HnteParams> = true;
const innovativeMatches: Same<z.infer<typeof innovativeSmeParamsSchema>, InnovativeSmeParams> = true;
const specializedMatches: Same<z.infer<typeof specializedSmeParamsSchema>, SpecializedSmeParams> = true;
const assessmentMatches: Same<z.infer<typeof commissionerAssessmentParamsSchema>, CommissionerAssessmentParams> = true;
const resultMatches: Same<z.infer<typeof evaluationResultSchema>, EvaluationResult> = true;
const bindingMatches: Same<Required<z.infer<typeof bindingParamsSchema>>, Required<BindingParams>> = true;
const agreementFileMatches: Same<z.infer<typeof agreementFileSchema>, AgreementFileRecord> = true;
const agreementFilesMatches: Same<z.infer<typeof dispatchAgreementFilesSchema>, DispatchAgreementFiles> = true;
void [tsmeMatches, hnteMatches, innovativeMatches, specializedMatches, assessmentMatches, resultMatches, bindingMatches, agreementFileMatches, agreementFilesMatches];
