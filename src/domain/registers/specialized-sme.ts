// 专精特新中小企业 — two schemes in one pack kind, chosen by the pack in force on the evaluation date:
//   · 2022: 《优质中小企业梯度培育管理暂行办法》(工信部企业〔2022〕63号) 附件2 — 4 conditions + 13 indicators (§3.2) [V];
//   · 2026: 《优质中小企业梯度培育管理办法》(工信部企业〔2026〕2号, from 2026-04-01) — all-required criteria and a
//     评价得分 ≥50 computed on zjtx.miit.gov.cn, entered here as a declared figure (§3.3) [S]: check the official
//     text before go-live; every threshold is a parameter.
import { atLeast, atMost, formatNumber, formatPct, percent, pointsTable, scoreBand, type BandTable } from './bands.ts';
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
import { figuresOf, type YearFigures } from './figures.ts';

export const PRODUCT_DOMAINS = ['补短板锻长板填空白', '六基或老字号或龙头配套', '其他'] as const;
export type ProductDomain = (typeof PRODUCT_DOMAINS)[number];
export const RD_INSTITUTION_LEVELS = ['国家级', '省级', '市级', '市级以下', '未建立'] as const;
export type RdInstitutionLevel = (typeof RD_INSTITUTION_LEVELS)[number];

export interface SpecializedSme2022Params {
  scheme: 'specialized-sme-2022';
  nicheYearsMin: number;
  rdExpenseMin: number;
  rdRatioMin: number;
  revenueMin: number;
  equityFinancingAlternative: number;
  passScore: number;
  directRdAverageMin: number;
  directEquityFinancingMin: number;
  mainBusinessShareBands: BandTable<number>;
  revenueGrowthBands: BandTable<number>;
  /** 每满 N 年得1分，最高 max 分 */
  nicheYearsPerPoint: number;
  nicheYearsMaxPoints: number;
  productDomainPoints: Record<ProductDomain, number>;
  digitalLevelPoints: { level3: number; level2: number; level1: number };
  qualityPointsPerItem: number;
  qualityMaxPoints: number;
  netProfitMarginBands: BandTable<number>;
  debtRatioBands: BandTable<number>;
  localFeatureMaxPoints: number;
  ipPoints: { highValue: number; selfDeveloped: number; class1: number; class2: number; none: number };
  /** 研发费用: by amount (万元) or by share of revenue (%), the better of the two */
  rdAmountBands: BandTable<number>;
  rdShareBands: BandTable<number>;
  rdStaffBands: BandTable<number>;
  rdInstitutionPoints: Record<RdInstitutionLevel, number>;
  certificateValidityYears: number;
}

export const SPECIALIZED_SME_2022_PARAMS: SpecializedSme2022Params = {
  scheme: 'specialized-sme-2022',
  nicheYearsMin: 2,
  rdExpenseMin: 100,
  rdRatioMin: 3,
  revenueMin: 1_000,
  equityFinancingAlternative: 2_000,
  passScore: 60,
  directRdAverageMin: 1_000,
  directEquityFinancingMin: 6_000,
  mainBusinessShareBands: pointsTable([[80, '≥80%', 5], [70, '70%–80%', 3], [60, '60%–70%', 1]], ['<60%', 0]),
  revenueGrowthBands: pointsTable(
    [[10, '≥10%', 10], [8, '8%–10%', 8], [6, '6%–8%', 6], [4, '4%–6%', 4], [0, '0%–4%', 2]],
    ['<0%', 0],
  ),
  nicheYearsPerPoint: 2,
  nicheYearsMaxPoints: 5,
  productDomainPoints: { 补短板锻长板填空白: 5, 六基或老字号或龙头配套: 3, 其他: 0 },
  digitalLevelPoints: { level3: 5, level2: 3, level1: 0 },
  qualityPointsPerItem: 3,
  qualityMaxPoints: 5,
  netProfitMarginBands: pointsTable(
    [[10, '≥10%', 10], [8, '8%–10%', 8], [6, '6%–8%', 6], [4, '4%–6%', 4], [2, '2%–4%', 2]],
    ['<2%', 0],
  ),
  debtRatioBands: pointsTable([[50, '≤50%', 5], [60, '50%–60%', 3], [70, '60%–70%', 1]], ['>70%', 0], { direction: 'lower-better' }),
  localFeatureMaxPoints: 15,
  ipPoints: { highValue: 10, selfDeveloped: 8, class1: 6, class2: 2, none: 0 },
  rdAmountBands: pointsTable([[500, '≥500万元', 10], [400, '400–500万元', 8], [300, '300–400万元', 6], [200, '200–300万元', 4], [100, '100–200万元', 2]], ['<100万元', 0]),
  rdShareBands: pointsTable([[10, '≥10%', 10], [8, '8%–10%', 8], [6, '6%–8%', 6], [4, '4%–6%', 4], [3, '3%–4%', 2]], ['<3%', 0]),
  rdStaffBands: pointsTable([[20, '≥20%', 5], [10, '10%–20%', 3], [5, '5%–10%', 1]], ['<5%', 0]),
  rdInstitutionPoints: { 国家级: 10, 省级: 8, 市级: 4, 市级以下: 2, 未建立: 0 },
  certificateValidityYears: 3,
};

export interface SpecializedSme2026Params {
  scheme: 'specialized-sme-2026';
  nicheYearsMin: number;
  revenueMin: number;
  equityFinancingAlternative: number;
  mainBusinessShareMin: number;
  debtRatioMax: number;
  rdExpenseEachYearMin: number;
  rdRatioEachYearMin: number;
  ipClass1Min: number;
  evaluationScoreMin: number;
  certificateValidityYears: number;
}

export const SPECIALIZED_SME_2026_PARAMS: SpecializedSme2026Params = {
  scheme: 'specialized-sme-2026',
  nicheYearsMin: 3,
  revenueMin: 1_500,
  equityFinancingAlternative: 2_000,
  mainBusinessShareMin: 80,
  debtRatioMax: 80,
  rdExpenseEachYearMin: 100,
  rdRatioEachYearMin: 3,
  ipClass1Min: 1,
  evaluationScoreMin: 50,
  certificateValidityYears: 3,
};

export type SpecializedSmeParams = SpecializedSme2022Params | SpecializedSme2026Params;

export interface SpecializedSmeDeclarations {
  /** 从事特定细分市场年限 */
  nicheYears: number | null;
  /** 近2年新增股权融资总额（合格机构投资者实缴额）, 万元 */
  equityFinancing2y: number | null;
  productDomain: ProductDomain | null;
  /** 数字化水平 1–3 (三级以上 = 3) */
  digitalLevel: 1 | 2 | 3 | null;
  /** 质量管理: items met (省级质量奖; ISO9001 等认证; 自主品牌; 参与制修订标准), 0–4 */
  qualityItems: number | null;
  /** 特色化: 地方特色指标 points set by the provincial authority (2022 only) */
  localFeaturePoints: number | null;
  rdInstitutionLevel: RdInstitutionLevel | null;
  /** 2022 直通: 近三年省级科技奖励前三 / 国家级前五 */
  scienceAwardTop: boolean | null;
  /** 2022 直通: 近三年进入"创客中国"全国500强 */
  makerChinaTop500: boolean | null;
  /** 2026: 持有有效期内科技和创新型中小企业（科技型/创新型）资格 */
  holdsTechInnovativeStatus: boolean | null;
  /** 2026: Ⅰ类知识产权实际应用并产生经济效益 (or exempt by 省部级科技奖励前三 / 省部级研发机构) */
  ipApplied: boolean | null;
  ipExempt: boolean | null;
  /** 2026: 主导产品市场占有率较为靠前 (no number given in the text) */
  leadingMarketShare: boolean | null;
  /** 2026: 专精特新发展评价得分 (zjtx.miit.gov.cn) */
  developmentScore: number | null;
}

export interface SpecializedSmeInput {
  year: number;
  series: readonly YearFigures[];
  declarations: SpecializedSmeDeclarations;
}

export function evaluateSpecializedSme(input: SpecializedSmeInput, params: SpecializedSmeParams): EvaluationResult {
  return params.scheme === 'specialized-sme-2022' ? evaluate2022(input, params) : evaluate2026(input, params);
}

function evaluate2022(input: SpecializedSmeInput, p: SpecializedSme2022Params): EvaluationResult {
  const d = input.declarations;
  const f = figuresOf(input.series, input.year);
  const f1 = figuresOf(input.series, input.year - 1);
  const f2 = figuresOf(input.series, input.year - 2);
  const notes: string[] = [];
  const conditions: ConditionCheck[] = [];

  conditions.push(
    check('niche', `条件1 从事特定细分市场${p.nicheYearsMin}年以上`, d.nicheYears === null ? null : d.nicheYears >= p.nicheYearsMin, d.nicheYears === null ? '未填报细分市场年限' : `${formatNumber(d.nicheYears)} 年`),
  );
  const rdRatio = percent(f.rdExpense, f.salesRevenue);
  conditions.push(
    check(
      'rd',
      `条件2 上年度研发费用不低于${p.rdExpenseMin}万元且占营业收入不低于${p.rdRatioMin}%`,
      f.rdExpense === null || rdRatio === null ? null : atLeast(f.rdExpense, p.rdExpenseMin) && atLeast(rdRatio, p.rdRatioMin),
      f.rdExpense === null || rdRatio === null ? '未填报研发费用或营业收入' : `研发费用 ${formatNumber(f.rdExpense)} 万元，占营业收入 ${formatPct(rdRatio)}`,
    ),
  );
  const revenueOk = f.salesRevenue === null ? null : atLeast(f.salesRevenue, p.revenueMin) || (d.equityFinancing2y !== null && atLeast(d.equityFinancing2y, p.equityFinancingAlternative));
  conditions.push(
    check(
      'revenue',
      `条件3 上年度营业收入${p.revenueMin}万元以上（或近2年股权融资${p.equityFinancingAlternative}万元以上）`,
      revenueOk,
      f.salesRevenue === null ? '未填报营业收入' : `营业收入 ${formatNumber(f.salesRevenue)} 万元${d.equityFinancing2y !== null ? `，近2年股权融资 ${formatNumber(d.equityFinancing2y)} 万元` : ''}`,
    ),
  );

  // 13 indicators
  const scores: SubScore[] = [];
  const band = (code: string, label: string, group: string, value: number | null, table: BandTable<number>, max: number, show: (v: number) => string = formatPct) => {
    const hit = value === null ? null : scoreBand(value, table);
    scores.push(fixed(code, label, group, value === null ? null : show(value), hit?.grade ?? '缺数据', hit?.score ?? 0, max));
  };
  const ZY = '专业化';
  const JX = '精细化';
  const TS = '特色化';
  const CX = '创新能力';
  band('main-share', '上年度主营业务收入占营业收入比重', ZY, percent(f.mainBusinessRevenue, f.salesRevenue), p.mainBusinessShareBands, 5);
  const g1 = f1.mainBusinessRevenue && f2.mainBusinessRevenue ? (f1.mainBusinessRevenue / f2.mainBusinessRevenue - 1) * 100 : null;
  const g2 = f.mainBusinessRevenue !== null && f1.mainBusinessRevenue ? (f.mainBusinessRevenue / f1.mainBusinessRevenue - 1) * 100 : null;
  band('revenue-growth', '近2年主营业务收入平均增长率', ZY, g1 === null || g2 === null ? null : (g1 + g2) / 2, p.revenueGrowthBands, 10);
  const nichePoints = d.nicheYears === null ? 0 : Math.min(p.nicheYearsMaxPoints, Math.floor(d.nicheYears / p.nicheYearsPerPoint));
  scores.push(fixed('niche-years', '从事特定细分市场年限', ZY, d.nicheYears === null ? null : `${formatNumber(d.nicheYears)} 年`, `每满${p.nicheYearsPerPoint}年1分`, nichePoints, p.nicheYearsMaxPoints));
  scores.push(fixed('product-domain', '主导产品所属领域', ZY, null, d.productDomain ?? '未填报', d.productDomain === null ? 0 : p.productDomainPoints[d.productDomain], 5));
  const digital = d.digitalLevel === null ? 0 : d.digitalLevel === 3 ? p.digitalLevelPoints.level3 : d.digitalLevel === 2 ? p.digitalLevelPoints.level2 : p.digitalLevelPoints.level1;
  scores.push(fixed('digital', '数字化水平', JX, null, d.digitalLevel === null ? '未填报' : `${d.digitalLevel === 3 ? '三级以上' : d.digitalLevel === 2 ? '二级' : '一级'}`, digital, 5));
  const quality = d.qualityItems === null ? 0 : Math.min(p.qualityMaxPoints, d.qualityItems * p.qualityPointsPerItem);
  scores.push(fixed('quality', '质量管理水平', JX, d.qualityItems === null ? null : `${d.qualityItems} 项`, `每项${p.qualityPointsPerItem}分`, quality, p.qualityMaxPoints));
  band('net-margin', '上年度净利润率', JX, percent(f.netProfit, f.salesRevenue), p.netProfitMarginBands, 10);
  band('debt-ratio', '上年度资产负债率', JX, percent(f.totalLiabilities, f.totalAssets), p.debtRatioBands, 5);
  const local = d.localFeaturePoints === null ? 0 : Math.min(p.localFeatureMaxPoints, Math.max(0, d.localFeaturePoints));
  scores.push(fixed('local-feature', '地方特色指标', TS, null, d.localFeaturePoints === null ? '未填报' : '省级主管部门确定', local, p.localFeatureMaxPoints));
  const ipHit =
    [f.ipClass1, f.ipClass2].every((v) => v === null)
      ? null
      : (f.ipClass1HighValue ?? 0) >= 1
        ? { grade: 'Ⅰ类高价值≥1项', points: p.ipPoints.highValue }
        : (f.ipClass1SelfDeveloped ?? 0) >= 1
          ? { grade: '自主研发Ⅰ类≥1项', points: p.ipPoints.selfDeveloped }
          : (f.ipClass1 ?? 0) >= 1
            ? { grade: 'Ⅰ类≥1项', points: p.ipPoints.class1 }
            : (f.ipClass2 ?? 0) >= 1
              ? { grade: 'Ⅱ类≥1项', points: p.ipPoints.class2 }
              : { grade: '无', points: p.ipPoints.none };
  scores.push(fixed('ip', '与主导产品相关的有效知识产权数量', CX, ipHit ? `Ⅰ类 ${f.ipClass1 ?? 0} 项、Ⅱ类 ${f.ipClass2 ?? 0} 项` : null, ipHit?.grade ?? '缺数据', ipHit?.points ?? 0, 10));
  const byAmount = f.rdExpense === null ? null : scoreBand(f.rdExpense, p.rdAmountBands);
  const byShare = rdRatio === null ? null : scoreBand(rdRatio, p.rdShareBands);
  const rdBest = byAmount && byShare ? (byAmount.score >= byShare.score ? byAmount : byShare) : (byAmount ?? byShare);
  scores.push(
    fixed('rd-input', '上年度研发费用投入', CX, f.rdExpense === null ? null : `${formatNumber(f.rdExpense)} 万元${rdRatio === null ? '' : `，占营收 ${formatPct(rdRatio)}`}`, rdBest?.grade ?? '缺数据', rdBest?.score ?? 0, 10),
  );
  band('rd-staff', '上年度研发人员占比', CX, percent(f.rdStaff, f.employees), p.rdStaffBands, 5);
  scores.push(fixed('rd-institution', '建立研发机构级别', CX, null, d.rdInstitutionLevel ?? '未填报', d.rdInstitutionLevel === null ? 0 : p.rdInstitutionPoints[d.rdInstitutionLevel], 10));
  const total = sumScores(scores);

  const directGrounds: string[] = [];
  if (d.scienceAwardTop === true) directGrounds.push('近三年获得省级科技奖励前三或国家级科技奖励前五');
  const rdAvg = f.rdExpense !== null && f1.rdExpense !== null ? (f.rdExpense + f1.rdExpense) / 2 : null;
  if (rdAvg !== null && atLeast(rdAvg, p.directRdAverageMin)) directGrounds.push(`近两年研发费用均值 ${formatNumber(rdAvg)} 万元（≥${p.directRdAverageMin}万元）`);
  if (d.equityFinancing2y !== null && atLeast(d.equityFinancing2y, p.directEquityFinancingMin)) directGrounds.push(`近两年新增股权融资 ${formatNumber(d.equityFinancing2y)} 万元（≥${p.directEquityFinancingMin}万元）`);
  if (d.makerChinaTop500 === true) directGrounds.push('近三年进入“创客中国”全国500强企业组名单');

  conditions.push(
    directGrounds.length > 0
      ? check('score', `条件4 评价得分${p.passScore}分以上或满足直通条件`, true, `直通：${directGrounds.join('；')}`)
      : check('score', `条件4 评价得分${p.passScore}分以上或满足直通条件`, total.min >= p.passScore, `得分 ${total.min} 分，无直通条件`),
  );
  const pass = conditions.every((c) => c.status === 'met');
  return {
    kind: 'specialized-sme',
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

function evaluate2026(input: SpecializedSmeInput, p: SpecializedSme2026Params): EvaluationResult {
  const d = input.declarations;
  const f = figuresOf(input.series, input.year);
  const f1 = figuresOf(input.series, input.year - 1);
  const conditions: ConditionCheck[] = [];
  conditions.push(
    check('status', '持有有效期内的科技和创新型中小企业资格', d.holdsTechInnovativeStatus, d.holdsTechInnovativeStatus === null ? '未确认' : d.holdsTechInnovativeStatus ? '持有' : '未持有'),
  );
  conditions.push(
    check('niche', `截至上年末从事特定细分市场${p.nicheYearsMin}年以上`, d.nicheYears === null ? null : d.nicheYears >= p.nicheYearsMin, d.nicheYears === null ? '未填报细分市场年限' : `${formatNumber(d.nicheYears)} 年`),
  );
  conditions.push(
    check(
      'revenue',
      `上年度营业收入不低于${p.revenueMin}万元（或近两年股权投资${p.equityFinancingAlternative}万元以上）`,
      f.salesRevenue === null ? null : atLeast(f.salesRevenue, p.revenueMin) || (d.equityFinancing2y !== null && atLeast(d.equityFinancing2y, p.equityFinancingAlternative)),
      f.salesRevenue === null ? '未填报营业收入' : `营业收入 ${formatNumber(f.salesRevenue)} 万元`,
    ),
  );
  const share = percent(f.mainBusinessRevenue, f.salesRevenue);
  conditions.push(
    check('main-share', `主营业务收入占比不低于${p.mainBusinessShareMin}%`, share === null ? null : atLeast(share, p.mainBusinessShareMin), share === null ? '未填报主营业务收入或营业收入' : formatPct(share)),
  );
  const debt = percent(f.totalLiabilities, f.totalAssets);
  conditions.push(check('debt', `上年末资产负债率不高于${p.debtRatioMax}%`, debt === null ? null : atMost(debt, p.debtRatioMax), debt === null ? '未填报资产或负债总额' : formatPct(debt)));
  const rdYears = [f1, f];
  const rdMissing = rdYears.some((y) => y.rdExpense === null || !y.salesRevenue);
  const rdBad = rdYears.filter((y) => y.rdExpense !== null && y.salesRevenue && !(atLeast(y.rdExpense, p.rdExpenseEachYearMin) && atLeast((y.rdExpense / y.salesRevenue) * 100, p.rdRatioEachYearMin)));
  conditions.push(
    check(
      'rd',
      `近两年研发费用每年不低于${p.rdExpenseEachYearMin}万元且占营收不低于${p.rdRatioEachYearMin}%`,
      rdBad.length > 0 ? false : rdMissing ? null : true,
      rdYears.map((y) => (y.rdExpense === null || !y.salesRevenue ? `${y.year}年未填报` : `${y.year}年 ${formatNumber(y.rdExpense)} 万元（${formatPct((y.rdExpense / y.salesRevenue) * 100)}）`)).join('，'),
    ),
  );
  const ipOk = d.ipExempt === true ? true : f.ipClass1 === null || d.ipApplied === null ? null : f.ipClass1 >= p.ipClass1Min && d.ipApplied;
  conditions.push(
    check(
      'ip',
      `拥有${p.ipClass1Min}项以上实际应用的Ⅰ类知识产权（或获省部级以上奖励/研发机构豁免）`,
      ipOk,
      d.ipExempt === true ? '符合豁免条件' : f.ipClass1 === null ? '未填报Ⅰ类知识产权' : `Ⅰ类 ${f.ipClass1} 项${d.ipApplied === false ? '，未实际应用' : ''}`,
    ),
  );
  conditions.push(check('market', '主导产品市场占有率较为靠前', d.leadingMarketShare, d.leadingMarketShare === null ? '未确认' : d.leadingMarketShare ? '是' : '否'));
  conditions.push(
    check(
      'score',
      `专精特新发展评价得分不低于${p.evaluationScoreMin}分`,
      d.developmentScore === null ? null : atLeast(d.developmentScore, p.evaluationScoreMin),
      d.developmentScore === null ? '未填报优质中小企业梯度培育平台评价得分' : `${formatNumber(d.developmentScore)} 分`,
    ),
  );
  const pass = conditions.every((c) => c.status === 'met');
  return {
    kind: 'specialized-sme',
    outcome: pass ? 'pass' : 'fail',
    outcomeLabel: OUTCOME_LABELS[pass ? 'pass' : 'fail'],
    conditions,
    scores: [],
    total: null,
    directGrounds: [],
    failures: failureLines(conditions),
    notes: ['2026年办法（工信部企业〔2026〕2号）条件来自二手资料 [S]，上线前须核对官方文本；评价得分取自优质中小企业梯度培育平台'],
  };
}
