// 科技型中小企业评价 — 国科发政〔2017〕115号 第六–八条, with the 2022 服务工作指引 (国科火字〔2022〕67号) overlay.
// domain-rules §1. Pass = basic conditions (一)–(四) AND (直接确认 OR (total ≥ 60 AND 科技人员 score > 0)).
import { formatNumber, formatPct, percent, pointsTable, scoreBand, type BandTable } from './bands.ts';
import {
  check,
  failureLines,
  fixed,
  OUTCOME_LABELS,
  sumScores,
  type ConditionCheck,
  type EvaluationResult,
  type SubScore,
} from './evaluation.ts';
import type { YearFigures } from './figures.ts';

export interface TsmeParams {
  scheme: 'tsme';
  /** 条件（二） */
  maxEmployees: number;
  maxSalesRevenue: number;
  maxTotalAssets: number;
  /** 条件（五）: total ≥ passScore */
  passScore: number;
  /** A: 科技人员 ÷ 职工总数, percent */
  staffBands: BandTable<number>;
  /** B(1): 研发费用 ÷ 销售收入, percent */
  rdSalesBands: BandTable<number>;
  /** B(2): 研发费用 ÷ 成本费用, percent */
  rdCostBands: BandTable<number>;
  /** C: any Ⅰ类 item scores this */
  ipClass1Points: number;
  /** C: otherwise by the number of Ⅱ类 items */
  ipClass2Bands: BandTable<number>;
  /** 2022 指引 (一): 会计核算健全、实行查账征收 — 核定征收 enterprises are excluded. */
  requireAuditCollection: boolean;
  /** 2022 指引 (三): excluded industries. The quoted text breaks off — [U], keep configurable. */
  excludedIndustries: string[];
  /** 入库登记编号 validity, years ([S/U] "reportedly one year"). */
  certificateValidityYears: number;
}

export const TSME_2017_PARAMS: TsmeParams = {
  scheme: 'tsme',
  maxEmployees: 500,
  maxSalesRevenue: 20_000,
  maxTotalAssets: 20_000,
  passScore: 60,
  staffBands: pointsTable(
    [
      [30, '≥30%', 20],
      [25, '25%–30%', 16],
      [20, '20%–25%', 12],
      [15, '15%–20%', 8],
      [10, '10%–15%', 4],
    ],
    ['<10%', 0],
  ),
  rdSalesBands: pointsTable(
    [
      [6, '≥6%', 50],
      [5, '5%–6%', 40],
      [4, '4%–5%', 30],
      [3, '3%–4%', 20],
      [2, '2%–3%', 10],
    ],
    ['<2%', 0],
  ),
  rdCostBands: pointsTable(
    [
      [30, '≥30%', 50],
      [25, '25%–30%', 40],
      [20, '20%–25%', 30],
      [15, '15%–20%', 20],
      [10, '10%–15%', 10],
    ],
    ['<10%', 0],
  ),
  ipClass1Points: 30,
  ipClass2Bands: pointsTable(
    [
      [4, 'Ⅱ类≥4项', 24],
      [3, 'Ⅱ类3项', 18],
      [2, 'Ⅱ类2项', 12],
      [1, 'Ⅱ类1项', 6],
    ],
    ['无', 0],
  ),
  requireAuditCollection: false,
  excludedIndustries: [],
  certificateValidityYears: 1,
};

/** 2022 指引 overlay: 查账征收 required; the R&D super-deduction negative list (财税〔2015〕119号) as the [U] default. */
export const TSME_2022_PARAMS: TsmeParams = {
  ...TSME_2017_PARAMS,
  requireAuditCollection: true,
  excludedIndustries: ['烟草制造业', '住宿和餐饮业', '批发和零售业', '房地产业', '租赁和商务服务业', '娱乐业'],
};

/** What the enterprise declares (the yes/no facts no yearly figure holds). null = not confirmed → fails, says so. */
export interface TsmeDeclarations {
  /** (一) 在中国境内（不含港澳台）注册的居民企业 */
  residentEnterprise: boolean | null;
  /** (一) 2022: 会计核算健全、查账征收、能准确归集研发费用 */
  auditCollection: boolean | null;
  /** (三) 产品和服务不属于国家禁止、限制和淘汰类 */
  productsPermitted: boolean | null;
  /** (四) 未发生重大安全/质量事故、严重环境违法、科研严重失信，未列入经营异常名录和严重违法失信名单 */
  cleanRecord: boolean | null;
  /** 第八条 直接确认 grounds */
  validHnteCertificate: boolean | null;
  nationalAwardTop3: boolean | null;
  provincialRdInstitution: boolean | null;
  ledStandard: boolean | null;
  /** Which 研发投入 measure the enterprise chose; `best` takes the higher ("从(1)、(2)两项指标中选择一个"). */
  rdMeasure: 'sales' | 'cost' | 'best';
}

export interface TsmeInput {
  figures: YearFigures;
  industry: string | null;
  declarations: TsmeDeclarations;
}

const DIRECT_GROUNDS: [keyof TsmeDeclarations, string][] = [
  ['validHnteCertificate', '拥有有效期内高新技术企业资格证书'],
  ['nationalAwardTop3', '近五年内获得过国家级科技奖励并在获奖单位中排名前三'],
  ['provincialRdInstitution', '拥有经认定的省部级以上研发机构'],
  ['ledStandard', '近五年内主导制定过国际标准、国家标准或行业标准'],
];

export function evaluateTsme(input: TsmeInput, params: TsmeParams): EvaluationResult {
  const f = input.figures;
  const d = input.declarations;
  const conditions: ConditionCheck[] = [];
  const notes: string[] = [];

  // (一)
  const residentDetail = d.residentEnterprise === null ? '未确认是否为境内注册的居民企业' : d.residentEnterprise ? '境内注册的居民企业' : '非境内注册的居民企业';
  if (params.requireAuditCollection) {
    const label = '条件（一）境内居民企业、查账征收';
    if (d.residentEnterprise === false) conditions.push(check('basic-1', label, false, residentDetail));
    else if (d.auditCollection === false) conditions.push(check('basic-1', label, false, '企业所得税实行核定征收（2022年指引要求查账征收）'));
    else if (d.residentEnterprise === null || d.auditCollection === null) {
      conditions.push(check('basic-1', label, null, d.residentEnterprise === null ? residentDetail : '未确认是否查账征收'));
    } else conditions.push(check('basic-1', label, true, '境内注册的居民企业，查账征收'));
  } else {
    conditions.push(check('basic-1', '条件（一）境内注册的居民企业', d.residentEnterprise, residentDetail));
  }

  // (二)
  const sizeProblems: string[] = [];
  const sizeMissing: string[] = [];
  const limit = (value: number | null, max: number, label: string, unit: string) => {
    if (value === null) sizeMissing.push(label);
    else if (value > max) sizeProblems.push(`${label} ${formatNumber(value)}${unit}，超过${formatNumber(max)}${unit}`);
  };
  limit(f.employees, params.maxEmployees, '职工总数', '人');
  limit(f.salesRevenue, params.maxSalesRevenue, '年销售收入', '万元');
  limit(f.totalAssets, params.maxTotalAssets, '资产总额', '万元');
  conditions.push(
    check(
      'basic-2',
      '条件（二）规模',
      sizeProblems.length > 0 ? false : sizeMissing.length > 0 ? null : true,
      sizeProblems.length > 0
        ? sizeProblems.join('；')
        : sizeMissing.length > 0
          ? `未填报${sizeMissing.join('、')}`
          : `职工 ${formatNumber(f.employees ?? 0)} 人、销售收入 ${formatNumber(f.salesRevenue ?? 0)} 万元、资产总额 ${formatNumber(f.totalAssets ?? 0)} 万元，均在上限内`,
    ),
  );

  // (三)
  const excluded = input.industry !== null && params.excludedIndustries.some((name) => input.industry?.includes(name));
  conditions.push(
    check(
      'basic-3',
      '条件（三）产品、服务及所属行业',
      excluded ? false : d.productsPermitted,
      excluded
        ? `所属行业“${input.industry ?? ''}”在排除行业之列`
        : d.productsPermitted === null
          ? '未确认产品和服务不属于禁止、限制和淘汰类'
          : d.productsPermitted
            ? '不属于禁止、限制和淘汰类'
            : '产品或服务属于国家禁止、限制或淘汰类',
    ),
  );
  if (params.excludedIndustries.length > 0) notes.push('排除行业清单依据财税〔2015〕119号负面清单推定，待核对2022年指引原文 [U]');

  // (四)
  conditions.push(
    check(
      'basic-4',
      '条件（四）信用与安全记录',
      d.cleanRecord,
      d.cleanRecord === null ? '未确认无重大事故、严重违法失信记录' : d.cleanRecord ? '无重大事故及失信记录' : '存在重大事故、严重违法失信或经营异常记录',
    ),
  );

  // Scores
  const scores: SubScore[] = [];
  const staffRatio = percent(f.techStaff, f.employees);
  const staff = staffRatio === null ? null : scoreBand(staffRatio, params.staffBands);
  scores.push(
    fixed('staff', '科技人员指标', null, staffRatio === null ? null : `科技人员占比 ${formatPct(staffRatio)}`, staff?.grade ?? '缺数据', staff?.score ?? 0, 20),
  );

  const bySales = percent(f.rdExpense, f.salesRevenue);
  const byCost = percent(f.rdExpense, f.costs);
  const salesHit = bySales === null ? null : scoreBand(bySales, params.rdSalesBands);
  const costHit = byCost === null ? null : scoreBand(byCost, params.rdCostBands);
  let rdMeasure: 'sales' | 'cost' | null;
  if (d.rdMeasure === 'sales') rdMeasure = salesHit ? 'sales' : null;
  else if (d.rdMeasure === 'cost') rdMeasure = costHit ? 'cost' : null;
  else rdMeasure = salesHit && (!costHit || salesHit.score >= costHit.score) ? 'sales' : costHit ? 'cost' : null;
  const rdHit = rdMeasure === 'sales' ? salesHit : rdMeasure === 'cost' ? costHit : null;
  const rdRatio = rdMeasure === 'sales' ? bySales : byCost;
  scores.push(
    fixed(
      'rd',
      '研发投入指标',
      null,
      rdRatio === null || rdMeasure === null
        ? null
        : `${rdMeasure === 'sales' ? '研发费用占销售收入' : '研发费用占成本费用'} ${formatPct(rdRatio)}`,
      rdHit?.grade ?? '缺数据',
      rdHit?.score ?? 0,
      50,
    ),
  );
  if (d.rdMeasure === 'best' && salesHit && costHit) {
    notes.push(
      `研发投入按${rdMeasure === 'sales' ? '(1)销售收入' : '(2)成本费用'}口径计分（(1) ${salesHit.score} 分，(2) ${costHit.score} 分，取高者）`,
    );
  }

  const ip =
    f.ipClass1 === null && f.ipClass2 === null
      ? null
      : (f.ipClass1 ?? 0) >= 1
        ? { grade: 'Ⅰ类≥1项', score: params.ipClass1Points }
        : scoreBand(f.ipClass2 ?? 0, params.ipClass2Bands);
  scores.push(
    fixed(
      'ip',
      '科技成果指标',
      null,
      ip === null ? null : `Ⅰ类 ${f.ipClass1 ?? 0} 项、Ⅱ类 ${f.ipClass2 ?? 0} 项`,
      ip?.grade ?? '缺数据',
      ip?.score ?? 0,
      30,
    ),
  );
  const total = sumScores(scores);

  // 第八条 直接确认
  const directGrounds = DIRECT_GROUNDS.filter(([key]) => d[key] === true).map(([, label]) => label);

  // (五) — two parts, each its own line so a fail names the part that failed.
  if (directGrounds.length > 0) {
    conditions.push(check('basic-5', '条件（五）评价得分', true, `直接确认：${directGrounds.join('；')}（不需60分）`));
  } else {
    conditions.push(
      check(
        'basic-5-score',
        `条件（五）综合评价得分不低于${params.passScore}分`,
        total.min >= params.passScore,
        `得分 ${total.min} 分（科技人员 ${scores[0]?.min ?? 0} + 研发投入 ${scores[1]?.min ?? 0} + 科技成果 ${scores[2]?.min ?? 0}）`,
      ),
    );
    conditions.push(
      check(
        'basic-5-staff',
        '条件（五）科技人员指标得分不得为0分',
        staffRatio === null ? null : (staff?.score ?? 0) > 0,
        staffRatio === null ? '未填报科技人员或职工总数' : `科技人员占比 ${formatPct(staffRatio)}，得 ${staff?.score ?? 0} 分（须 ≥10%）`,
      ),
    );
  }
  if (rdRatio === null && directGrounds.length === 0) notes.push('未填报研发费用或其分母，研发投入指标按0分计');

  const pass = conditions.every((c) => c.status === 'met');
  return {
    kind: 'tsme',
    outcome: pass ? 'pass' : 'fail',
    outcomeLabel: OUTCOME_LABELS[pass ? 'pass' : 'fail'],
    conditions,
    scores,
    total,
    directGrounds,
    failures: failureLines(conditions),
    notes,
  };
}
