// 登记系统 (issue 6): enterprises and their yearly figures, evaluations, certifications, R&D platforms, 科技特派员,
// technology contracts, and the register → indicator bindings. county_id on every tenant row, and child rows point
// at their parent by (id, county_id) so a row can never hang off another county's record. Rule packs are the one
// exception: national/municipal rule texts, shared by every county (like `counties`), published by the municipal
// bureau.
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
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CertificationKind } from '../../domain/registers/certifications.ts';
import type { CommissionerLevel, CommissionerType } from '../../domain/registers/commissioners.ts';
import type { EnterpriseSize } from '../../domain/registers/enterprise-import.ts';
import type { EvaluationKind, EvaluationOutcome, EvaluationResult } from '../../domain/registers/evaluation.ts';
import type { BindingParams, PlatformKind, PlatformLevel, RegisterRecordRef, RegisterRule } from '../../domain/registers/indicator-binding.ts';
import type { RulePackKind } from '../../domain/registers/rule-packs.ts';
import type { ContractType } from '../../domain/registers/tech-contracts.ts';
import type { FileType } from '../../domain/reporting/file-type.ts';
import { createdAt, uploadedFileColumns } from './columns.ts';
import { counties } from './counties.ts';
import { planIndicators } from './plans.ts';

const day = (name: string) => date(name, { mode: 'string' });
const money = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' });
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`);
/** The county's enterprise register (企业库). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    /** 统一社会信用代码, canonical (upper case, check character verified). */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    town: text('town'),
    industry: text('industry'),
    size: text('size').$type<EnterpriseSize>(),
    establishedOn: day('established_on'),
    /** 登记入库日期: when the enterprise entered the county register (the funnel's first stage). */
    listedOn: day('listed_on').notNull(),
    removedOn: day('removed_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enterprises_county_uscc_uq').on(t.countyId, t.uscc),
    unique('enterprises_id_county_uq').on(t.id, t.countyId),
    index('enterprises_county_name_idx').on(t.countyId, t.name),
    check('enterprises_size_ck', sql`${t.size} is null or ${t.size} in ('大型', '中型', '小型', '微型')`),
  ],
);

/** 年度数据: one row per enterprise and year. Amounts in 万元; null = not reported. */
export const enterpriseFigures = pgTable(
  'enterprise_figures',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    year: integer('year').notNull(),
    employees: integer('employees'),
    techStaff: integer('tech_staff'),
    rdStaff: integer('rd_staff'),
    salesRevenue: doublePrecision('sales_revenue'),
    mainBusinessRevenue: doublePrecision('main_business_revenue'),
    totalIncome: doublePrecision('total_income'),
    costs: doublePrecision('costs'),
    rdExpense: doublePrecision('rd_expense'),
    rdExpenseDomestic: doublePrecision('rd_expense_domestic'),
    hiTechRevenue: doublePrecision('hi_tech_revenue'),
    totalAssets: doublePrecision('total_assets'),
    totalLiabilities: doublePrecision('total_liabilities'),
    netAssets: doublePrecision('net_assets'),
    netProfit: doublePrecision('net_profit'),
    ipClass1: integer('ip_class1'),
    ipClass2: integer('ip_class2'),
    ipClass1HighValue: integer('ip_class1_high_value'),
    ipClass1SelfDeveloped: integer('ip_class1_self_developed'),
    conversions: integer('conversions'),
    updatedBy: text('updated_by').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('enterprise_figures_year_uq').on(t.countyId, t.enterpriseId, t.year),
    foreignKey({
      name: 'enterprise_figures_enterprise_fk',
      columns: [t.enterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }).onDelete('cascade'),
    check('enterprise_figures_year_ck', sql`${t.year} between 1990 and 2100`),
  ],
);

/** Versioned rule packs. Not tenant data: one set for all counties (see the file comment). */
export const rulePacks = pgTable(
  'rule_packs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<RulePackKind>().notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    sourceUrl: text('source_url').notNull(),
    effectiveFrom: day('effective_from').notNull(),
    /** Last day in force, inclusive; null while in force. */
    effectiveTo: day('effective_to'),
    reliability: text('reliability').notNull(),
    /** The pack's parameters, validated against the kind's schema (src/contracts/registers.ts) before insert. */
    params: jsonb('params').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    publishedBy: text('published_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rule_packs_kind_version_uq').on(t.kind, t.version)],
);

/** One evaluation: pack version, the inputs as read, every sub-score and condition, the failure lines. */
export const enterpriseEvaluations = pgTable(
  'enterprise_evaluations',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind').$type<EvaluationKind>().notNull(),
    /** 数据年度 (the last fiscal year evaluated). */
    year: integer('year').notNull(),
    evaluatedOn: day('evaluated_on').notNull(),
    rulePackId: uuid('rule_pack_id')
      .notNull()
      .references(() => rulePacks.id),
    rulePackVersion: text('rule_pack_version').notNull(),
    inputs: jsonb('inputs').notNull(),
    result: jsonb('result').$type<EvaluationResult>().notNull(),
    outcome: text('outcome').$type<EvaluationOutcome>().notNull(),
    scoreMin: doublePrecision('score_min'),
    scoreMax: doublePrecision('score_max'),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('enterprise_evaluations_enterprise_idx').on(t.countyId, t.enterpriseId, t.createdAt),
    foreignKey({
      name: 'enterprise_evaluations_enterprise_fk',
      columns: [t.enterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }).onDelete('cascade'),
  ],
);

/** 入库编号 / 证书编号 of the 梯度培育 pipeline. */
export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind').$type<CertificationKind>().notNull(),
    number: text('number').notNull(),
    issuedOn: day('issued_on').notNull(),
    validUntil: day('valid_until').notNull(),
    revokedOn: day('revoked_on'),
    revokeReason: text('revoke_reason'),
    evaluationId: uuid('evaluation_id').references(() => enterpriseEvaluations.id, { onDelete: 'set null' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('certifications_number_uq').on(t.countyId, t.kind, t.number),
    index('certifications_enterprise_idx').on(t.countyId, t.enterpriseId),
    index('certifications_valid_idx').on(t.countyId, t.kind, t.validUntil),
    foreignKey({
      name: 'certifications_enterprise_fk',
      columns: [t.enterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }).onDelete('cascade'),
    check('certifications_dates_ck', sql`${t.validUntil} >= ${t.issuedOn}`),
  ],
);

/** 研发平台、孵化载体: 企业技术研发中心 … 孵化器. */
export const platforms = pgTable(
  'platforms',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    name: text('name').notNull(),
    kind: text('kind').$type<PlatformKind>().notNull(),
    level: text('level').$type<PlatformLevel>().notNull(),
    hostName: text('host_name').notNull(),
    /** The host when it is in the enterprise register. */
    hostEnterpriseId: uuid('host_enterprise_id'),
    recognisedOn: day('recognised_on').notNull(),
    revokedOn: day('revoked_on'),
    docNumber: text('doc_number'),
    field: text('field'),
    /** 孵化场地面积, m² (incubators, 众创空间, 星创天地) */
    area: doublePrecision('area'),
    /** 在孵企业/团队数 */
    tenantCount: integer('tenant_count'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('platforms_county_idx').on(t.countyId, t.kind),
    foreignKey({
      name: 'platforms_host_fk',
      columns: [t.hostEnterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }),
    check('platforms_dates_ck', sql`${t.revokedOn} is null or ${t.revokedOn} >= ${t.recognisedOn}`),
    check('platforms_numbers_ck', sql`(${t.area} is null or ${t.area} >= 0) and (${t.tenantCount} is null or ${t.tenantCount} >= 0)`),
  ],
);

export const commissioners = pgTable(
  'commissioners',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    name: text('name').notNull(),
    level: text('level').$type<CommissionerLevel>().notNull(),
    type: text('type').$type<CommissionerType>().notNull(),
    dispatchingUnit: text('dispatching_unit').notNull(),
    /** 专业技术职务 */
    title: text('title'),
    /** 专业领域 (GB/T 13745) */
    field: text('field'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('commissioners_county_idx').on(t.countyId, t.level), unique('commissioners_id_county_uq').on(t.id, t.countyId)],
);

/** A dispatch to a town and/or enterprise under a 三方协议 (commissioner – dispatching unit – service object). */
export const commissionerDispatches = pgTable(
  'commissioner_dispatches',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    commissionerId: uuid('commissioner_id').notNull(),
    town: text('town'),
    enterpriseId: uuid('enterprise_id'),
    /** The service object as named in the agreement (企业、合作社、村). */
    serviceObject: text('service_object').notNull(),
    agreementNumber: text('agreement_number').notNull(),
    agreementSignedOn: day('agreement_signed_on').notNull(),
    tasks: text('tasks').notNull(),
    startOn: day('start_on').notNull(),
    endOn: day('end_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('commissioner_dispatches_id_county_uq').on(t.id, t.countyId),
    index('commissioner_dispatches_idx').on(t.countyId, t.commissionerId),
    foreignKey({
      name: 'commissioner_dispatches_commissioner_fk',
      columns: [t.commissionerId, t.countyId],
      foreignColumns: [commissioners.id, commissioners.countyId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'commissioner_dispatches_enterprise_fk',
      columns: [t.enterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }),
    check('commissioner_dispatches_dates_ck', sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
);

/** 服务记录: a visit, confirmed by the served unit before it counts. */
export const commissionerServiceLogs = pgTable(
  'commissioner_service_logs',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    commissionerId: uuid('commissioner_id').notNull(),
    dispatchId: uuid('dispatch_id'),
    servedOn: day('served_on').notNull(),
    place: text('place').notNull(),
    content: text('content').notNull(),
    /** Who confirmed for the served unit (name and position), and when; null until confirmed. */
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    enteredBy: text('entered_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    unique('commissioner_service_logs_id_county_uq').on(t.id, t.countyId),
    index('commissioner_service_logs_idx').on(t.countyId, t.commissionerId, t.servedOn),
    foreignKey({
      name: 'commissioner_service_logs_commissioner_fk',
      columns: [t.commissionerId, t.countyId],
      foreignColumns: [commissioners.id, commissioners.countyId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'commissioner_service_logs_dispatch_fk',
      columns: [t.dispatchId, t.countyId],
      foreignColumns: [commissionerDispatches.id, commissionerDispatches.countyId],
    }),
  ],
);

/** Photos of a service visit, in the database so backups and county isolation cover them. */
export const serviceLogPhotos = pgTable(
  'service_log_photos',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    logId: uuid('log_id').notNull(),
    ...uploadedFileColumns(),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_log_photos_log_idx').on(t.countyId, t.logId),
    foreignKey({
      name: 'service_log_photos_log_fk',
      columns: [t.logId, t.countyId],
      foreignColumns: [commissionerServiceLogs.id, commissionerServiceLogs.countyId],
    }).onDelete('cascade'),
  ],
);

/**
 * The signed 三方协议 of a dispatch (scan or Word file), in the database like the visit photos so backups and county
 * isolation cover it. Replacing a file deletes its row and inserts the new one; the audit log keeps both.
 */
export const dispatchAgreementFiles = pgTable(
  'dispatch_agreement_files',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    dispatchId: uuid('dispatch_id').notNull(),
    ...uploadedFileColumns(),
    createdAt: createdAt(),
  },
  (t) => [
    index('dispatch_agreement_files_dispatch_idx').on(t.countyId, t.dispatchId),
    foreignKey({
      name: 'dispatch_agreement_files_dispatch_fk',
      columns: [t.dispatchId, t.countyId],
      foreignColumns: [commissionerDispatches.id, commissionerDispatches.countyId],
    }).onDelete('cascade'),
    check('dispatch_agreement_files_size_ck', sql`${t.size} > 0`),
  ],
);

export const commissionerAssessments = pgTable(
  'commissioner_assessments',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    commissionerId: uuid('commissioner_id').notNull(),
    year: integer('year').notNull(),
    rulePackId: uuid('rule_pack_id')
      .notNull()
      .references(() => rulePacks.id),
    rulePackVersion: text('rule_pack_version').notNull(),
    inputs: jsonb('inputs').notNull(),
    result: jsonb('result').notNull(),
    total: doublePrecision('total').notNull(),
    grade: text('grade').notNull(),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('commissioner_assessments_idx').on(t.countyId, t.commissionerId, t.year),
    foreignKey({
      name: 'commissioner_assessments_commissioner_fk',
      columns: [t.commissionerId, t.countyId],
      foreignColumns: [commissioners.id, commissioners.countyId],
    }).onDelete('cascade'),
  ],
);

/** 技术合同认定登记. 成交额 and 技术交易额 kept apart (万元). */
export const techContracts = pgTable(
  'tech_contracts',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    registrationNumber: text('registration_number').notNull(),
    registeredOn: day('registered_on').notNull(),
    type: text('type').$type<ContractType>().notNull(),
    name: text('name').notNull(),
    sellerName: text('seller_name').notNull(),
    sellerRegion: text('seller_region'),
    sellerInCounty: boolean('seller_in_county').notNull(),
    buyerName: text('buyer_name').notNull(),
    buyerRegion: text('buyer_region'),
    buyerInCounty: boolean('buyer_in_county').notNull(),
    contractAmount: money('contract_amount').notNull(),
    technologyAmount: money('technology_amount').notNull(),
    /** The local party when it is in the enterprise register. */
    enterpriseId: uuid('enterprise_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tech_contracts_number_uq').on(t.countyId, t.registrationNumber),
    index('tech_contracts_registered_idx').on(t.countyId, t.registeredOn),
    foreignKey({
      name: 'tech_contracts_enterprise_fk',
      columns: [t.enterpriseId, t.countyId],
      foreignColumns: [enterprises.id, enterprises.countyId],
    }),
    check('tech_contracts_type_ck', sql`${t.type} in ('技术开发', '技术转让', '技术许可', '技术咨询', '技术服务')`),
    check('tech_contracts_amounts_ck', sql`${t.contractAmount} >= 0 and ${t.technologyAmount} >= 0 and ${t.technologyAmount} <= ${t.contractAmount}`),
    check('tech_contracts_side_ck', sql`${t.sellerInCounty} or ${t.buyerInCounty}`),
  ],
);

/** A plan indicator bound to a register rule. One binding per indicator. */
export const registerBindings = pgTable(
  'register_bindings',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    rule: text('rule').$type<RegisterRule>().notNull(),
    params: jsonb('params').$type<BindingParams>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('register_bindings_indicator_uq').on(t.countyId, t.indicatorId)],
);

/**
 * A figure the registers computed and handed to monitoring (source 登记系统), with the records behind it. Kept per
 * computation, newest last: the list shown beside the value is the one that produced it.
 */
export const registerFigures = pgTable(
  'register_figures',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id').notNull(),
    bindingId: uuid('binding_id')
      .notNull()
      .references(() => registerBindings.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    /** The value in the indicator's unit, as written to monitoring. */
    indicatorValue: doublePrecision('indicator_value').notNull(),
    unit: text('unit').notNull(),
    description: text('description').notNull(),
    records: jsonb('records').$type<RegisterRecordRef[]>().notNull(),
    /** The monitoring value (indicator_values.id) it was written as; no FK: monitoring owns that table's lifecycle. */
    valueId: uuid('value_id'),
    computedBy: text('computed_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('register_figures_idx').on(t.countyId, t.indicatorId, t.year)],
);
