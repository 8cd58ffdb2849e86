// 创新型中小企业评价 — 《优质中小企业梯度培育管理暂行办法》(工信部企业〔2022〕63号) 附件1. domain-rules §3.1.
// Per the 2026 办法 第三十条 [S] this standard still applies to 科技和创新型中小企业 until a merged one is issued.
// Pass: total ≥ 60 with 创新能力 ≥ 20, 成长性 ≥ 15, 专业化 ≥ 15 — or any one direct condition.
// Band boundaries ("5%以上", "3%-5%") are [U]: each table carries `boundary`, default 'better' (exactly 3% → 15).
import { formatNumber, formatPct, percent, pointsTable, scoreBand, type BandTable } from './bands.ts';
import {
  check,
  failureLines,
  fixed,
  groupPoints,
  OUTCOME_LABELS,
  sumScores,
  type ConditionCheck,
  type EvaluationResult,
  type SubScore,
} from './evaluation.ts';
import { figuresOf, type YearFigures } from './figures.ts';

export interface InnovativeSmeParams {
  scheme: 'innovative-sme-2022';
  passScore: number;
  groupMinima: { innovation: number; growth: number; specialisation: number };
  /** 知识产权 points: Ⅰ类高价值 / 自主研发Ⅰ类 / Ⅰ类 / Ⅱ类 / 无 */
  ipPoints: { highValue: number; selfDeveloped: number; class1: number; class2: number; none: number };
  /** 研发费用 ÷ 营业收入, percent */
  rdRatioBands: BandTable<number>;
  /** 主营业务收入增长率, percent */
  revenueGrowthBands: BandTable<number>;
  /** 资产负债率, percent (lower is better) */
  debtRatioBands: BandTable<number>;
  strategicIndustryPoints: { strategic: number; other: number };
  /** 主营业务收入 ÷ 营业收入, percent */
  mainBusinessShareBands: BandTable<number>;
  /** 直接条件4: 近三年新增股权融资 ≥ this (万元) */
  equityFinancingMin: number;
  certificateValidityYears: number;
}

export const INNOVATIVE_SME_2022_PARAMS: InnovativeSmeParams = {
  scheme: 'innovative-sme-2022',
  passScore: 60,
  groupMinima: { innovation: 20, growth: 15, specialisation: 15 },
  ipPoints: { highValue: 20, selfDeveloped: 15, class1: 10, class2: 5, none: 0 },
  rdRatioBands: pointsTable(
    [
      [5, 'A ≥5%', 20],
      [3, 'B 3%–5%', 15],
      [2, 'C 2%–3%', 10],
      [1, 'D 1%–2%', 5],
    ],
    ['E <1%', 0],
  ),
  revenueGrowthBands: pointsTable(
    [
      [15, 'A ≥15%', 20],
      [10, 'B 10%–15%', 15],
      [5, 'C 5%–10%', 10],
      [0, 'D 0%–5%', 5],
    ],
    ['E <0%', 0],
  ),
  debtRatioBands: pointsTable(
    [
      [55, 'A ≤55%', 10],
      [75, 'B 55%–75%', 5],
    ],
    ['C ≥75%', 0],
    { direction: 'lower-better' },
  ),
  strategicIndustryPoints: { strategic: 10, other: 5 },
  mainBusinessShareBands: pointsTable(
    [
      [70, 'A ≥70%', 20],
      [60, 'B 60%–70%', 15],
      [55, 'C 55%–60%', 10],
      [50, 'D 50%–55%', 5],
    ],
    ['E <50%', 0],
  ),
  equityFinancingMin: 500,
  certificateValidityYears: 3,
};

export interface InnovativeSmeDeclarations {
  /** 主导产品属于《战略性新兴产业分类》 */
  strategicEmergingIndustry: boolean | null;
  /** 直接条件1: 近三年内获得过国家级、省级科技奖励 */
  scienceAward3y: boolean | null;
  /** 直接条件2: 有效期内的高企、国家级技术创新示范企业、知识产权优势/示范企业等荣誉 */
  validHonour: boolean | null;
  /** 直接条件3: 经认定的省部级以上研发机构 */
  provincialRdInstitution: boolean | null;
  /** 直接条件4: 近三年新增股权融资总额（合格机构投资者实缴额）, 万元 */
  equityFinancing3y: number | null;
}

export interface InnovativeSmeInput {
  /** 上年度 */
  year: number;
  series: readonly YearFigures[];
  declarations: InnovativeSmeDeclarations;
}

export function ipGrade(f: YearFigures, points: InnovativeSmeParams['ipPoints']): { grade: string; points: number } | null {
  if ([f.ipClass1, f.ipClass2, f.ipClass1HighValue, f.ipClass1SelfDeveloped].every((v) => v === null)) return null;
  if ((f.ipClass1HighValue ?? 0) >= 1) return { grade: 'A Ⅰ类高价值≥1项', points: points.highValue };
  if ((f.ipClass1SelfDeveloped ?? 0) >= 1) return { grade: 'B 自主研发Ⅰ类≥1项', points: points.selfDeveloped };
  if ((f.ipClass1 ?? 0) >= 1) return { grade: 'C Ⅰ类≥1项', points: points.class1 };
  if ((f.ipClass2 ?? 0) >= 1) return { grade: 'D Ⅱ类≥1项', points: points.class2 };
  return { grade: 'E 无', points: points.none };
}

export function evaluateInnovativeSme(input: InnovativeSmeInput, params: InnovativeSmeParams): EvaluationResult {
  const f = figuresOf(input.series, input.year);
  const prev = figuresOf(input.series, input.year - 1);
  const d = input.declarations;
  const notes: string[] = ['“以上”“x%-y%”边界归属未经核实 [U]，本规则包按就高原则计分'];
  const scores: SubScore[] = [];
  const IN = '创新能力';
  const GR = '成长性';
  const SP = '专业化';

  const ip = ipGrade(f, params.ipPoints);
  scores.push(fixed('ip', '与主导产品相关的有效知识产权数量', IN, ip ? `Ⅰ类 ${f.ipClass1 ?? 0} 项、Ⅱ类 ${f.ipClass2 ?? 0} 项` : null, ip?.grade ?? '缺数据', ip?.points ?? 0, 20));

  const rd = percent(f.rdExpense, f.salesRevenue);
  const rdHit = rd === null ? null : scoreBand(rd, params.rdRatioBands);
  scores.push(fixed('rd-ratio', '上年度研发费用占营业收入比重', IN, rd === null ? null : formatPct(rd), rdHit?.grade ?? '缺数据', rdHit?.score ?? 0, 20));

  const growth = f.mainBusinessRevenue === null || prev.mainBusinessRevenue === null || prev.mainBusinessRevenue === 0 ? null : (f.mainBusinessRevenue / prev.mainBusinessRevenue - 1) * 100;
  const growthHit = growth === null ? null : scoreBand(growth, params.revenueGrowthBands);
  scores.push(fixed('revenue-growth', '上年度主营业务收入增长率', GR, growth === null ? null : formatPct(growth), growthHit?.grade ?? '缺数据', growthHit?.score ?? 0, 20));

  const debt = percent(f.totalLiabilities, f.totalAssets);
  const debtHit = debt === null ? null : scoreBand(debt, params.debtRatioBands);
  scores.push(fixed('debt-ratio', '上年度资产负债率', GR, debt === null ? null : formatPct(debt), debtHit?.grade ?? '缺数据', debtHit?.score ?? 0, 10));

  const strategic = d.strategicEmergingIndustry;
  scores.push(
    fixed(
      'industry',
      '主导产品所属领域',
      SP,
      null,
      strategic === null ? '未填报' : strategic ? 'A 战略性新兴产业' : 'B 其他领域',
      strategic === null ? 0 : strategic ? params.strategicIndustryPoints.strategic : params.strategicIndustryPoints.other,
      10,
    ),
  );

  const share = percent(f.mainBusinessRevenue, f.salesRevenue);
  const shareHit = share === null ? null : scoreBand(share, params.mainBusinessShareBands);
  scores.push(fixed('main-share', '上年度主营业务收入占营业收入比重', SP, share === null ? null : formatPct(share), shareHit?.grade ?? '缺数据', shareHit?.score ?? 0, 20));

  const total = sumScores(scores);
  const directGrounds: string[] = [];
  if (d.scienceAward3y === true) directGrounds.push('近三年内获得过国家级、省级科技奖励');
  if (d.validHonour === true) directGrounds.push('拥有有效期内的高新技术企业等荣誉');
  if (d.provincialRdInstitution === true) directGrounds.push('拥有经认定的省部级以上研发机构');
  if (d.equityFinancing3y !== null && d.equityFinancing3y >= params.equityFinancingMin) {
    directGrounds.push(`近三年新增股权融资 ${formatNumber(d.equityFinancing3y)} 万元（≥${params.equityFinancingMin}万元）`);
  }

  const conditions: ConditionCheck[] = [];
  if (directGrounds.length > 0) {
    conditions.push(check('direct', '满足直接认定条件', true, directGrounds.join('；')));
  } else {
    const inn = groupPoints(scores, IN);
    const gro = groupPoints(scores, GR);
    const spe = groupPoints(scores, SP);
    conditions.push(check('score', `评价得分达到${params.passScore}分以上`, total.min >= params.passScore, `得分 ${total.min} 分`));
    conditions.push(check('innovation', `创新能力指标得分不低于${params.groupMinima.innovation}分`, inn >= params.groupMinima.innovation, `创新能力 ${inn} 分`));
    conditions.push(check('growth', `成长性指标得分不低于${params.groupMinima.growth}分`, gro >= params.groupMinima.growth, `成长性 ${gro} 分`));
    conditions.push(check('specialisation', `专业化指标得分不低于${params.groupMinima.specialisation}分`, spe >= params.groupMinima.specialisation, `专业化 ${spe} 分`));
  }
  const pass = conditions.every((c) => c.status === 'met');
  return {
    kind: 'innovative-sme',
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
