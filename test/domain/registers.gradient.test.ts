// 梯度培育 worked examples: 创新型中小企业 (63号 附件1) and 专精特新 (63号 附件2; 2026 办法) — domain-rules §3.
import { describe, expect, it } from 'vitest';
import { scoreBand } from '../../src/domain/registers/bands.ts';
import { emptyFigures, type YearFigures } from '../../src/domain/registers/figures.ts';
import {
  evaluateInnovativeSme,
  INNOVATIVE_SME_2022_PARAMS as IP,
  type InnovativeSmeDeclarations,
} from '../../src/domain/registers/innovative-sme.ts';
import {
  evaluateSpecializedSme,
  SPECIALIZED_SME_2022_PARAMS as S22,
  SPECIALIZED_SME_2026_PARAMS as S26,
  type SpecializedSmeDeclarations,
} from '../../src/domain/registers/specialized-sme.ts';

const y = (year: number, v: Partial<YearFigures>): YearFigures => ({ ...emptyFigures(year), ...v });

describe('创新型中小企业 bands — boundaries go to the higher band by default ([U], configurable)', () => {
  it.each<[string, number, number]>([
    ['rdRatioBands', 5, 20],
    ['rdRatioBands', 4.99, 15],
    ['rdRatioBands', 3, 15],
    ['rdRatioBands', 2.99, 10],
    ['rdRatioBands', 2, 10],
    ['rdRatioBands', 1, 5],
    ['rdRatioBands', 0.99, 0],
    ['revenueGrowthBands', 15, 20],
    ['revenueGrowthBands', 10, 15],
    ['revenueGrowthBands', 5, 10],
    ['revenueGrowthBands', 0, 5],
    ['revenueGrowthBands', -0.01, 0],
    ['debtRatioBands', 55, 10],
    ['debtRatioBands', 55.01, 5],
    ['debtRatioBands', 74.99, 5],
    ['debtRatioBands', 75, 5],
    ['debtRatioBands', 75.01, 0],
    ['mainBusinessShareBands', 70, 20],
    ['mainBusinessShareBands', 60, 15],
    ['mainBusinessShareBands', 55, 10],
    ['mainBusinessShareBands', 50, 5],
    ['mainBusinessShareBands', 49.9, 0],
  ])('%s: %s → %i', (table, value, points) => {
    const t = IP[table as 'rdRatioBands'];
    expect(scoreBand(value, t).score).toBe(points);
  });

  it('with boundary "worse", exactly 3% falls to the lower band (the other reading of "3%-5%")', () => {
    expect(scoreBand(3, { ...IP.rdRatioBands, boundary: 'worse' }).score).toBe(10);
    // and 资产负债率 exactly 55% is B, not A
    expect(scoreBand(55, { ...IP.debtRatioBands, boundary: 'worse' }).score).toBe(5);
  });
});

describe('创新型中小企业 decision: 60 points with group minima 20/15/15, or a direct condition', () => {
  const none: InnovativeSmeDeclarations = {
    strategicEmergingIndustry: true,
    scienceAward3y: false,
    validHonour: false,
    provincialRdInstitution: false,
    equityFinancing3y: null,
  };
  const firm = (v: Partial<YearFigures>, prev: Partial<YearFigures> = {}) => ({
    year: 2024,
    series: [
      y(2023, { mainBusinessRevenue: 1000, ...prev }),
      y(2024, { salesRevenue: 1200, mainBusinessRevenue: 1100, rdExpense: 36, totalAssets: 1000, totalLiabilities: 500, ipClass1: 1, ipClass2: 0, ...v }),
    ],
    declarations: none,
  });

  it('passes: IP C 10 + R&D 3% B 15 + growth 10% B 15 + debt 50% A 10 + strategic 10 + share 91.7% A 20 = 80', () => {
    const r = evaluateInnovativeSme(firm({}), IP);
    expect(r.scores.map((s) => s.min)).toEqual([10, 15, 15, 10, 10, 20]);
    expect(r.total?.min).toBe(80);
    expect(r.outcome).toBe('pass');
  });

  it('fails the 创新能力 minimum (15 < 20) even with 70 points in total', () => {
    const r = evaluateInnovativeSme(firm({ ipClass1: 0, ipClass2: 0 }), IP);
    expect(r.total?.min).toBe(70);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual(['创新能力指标得分不低于20分：创新能力 15 分']);
  });

  it('a direct condition (股权融资 500万 exactly) passes regardless of score', () => {
    const input = firm({ ipClass1: 0, rdExpense: 0 });
    const r = evaluateInnovativeSme({ ...input, declarations: { ...none, equityFinancing3y: 500 } }, IP);
    expect(r.outcome).toBe('pass');
    expect(r.directGrounds).toEqual(['近三年新增股权融资 500 万元（≥500万元）']);
  });

  it('IP grades: 高价值 > 自主研发Ⅰ类 > Ⅰ类 > Ⅱ类 > none', () => {
    const grade = (v: Partial<YearFigures>) => evaluateInnovativeSme(firm(v), IP).scores[0]?.min;
    expect(grade({ ipClass1: 2, ipClass1HighValue: 1 })).toBe(20);
    expect(grade({ ipClass1: 2, ipClass1SelfDeveloped: 1 })).toBe(15);
    expect(grade({ ipClass1: 1 })).toBe(10);
    expect(grade({ ipClass1: 0, ipClass2: 3 })).toBe(5);
    expect(grade({ ipClass1: 0, ipClass2: 0 })).toBe(0);
  });
});

describe('专精特新 2022: 4 conditions + 13 indicators', () => {
  const decl: SpecializedSmeDeclarations = {
    nicheYears: 7,
    equityFinancing2y: null,
    productDomain: '六基或老字号或龙头配套',
    digitalLevel: 2,
    qualityItems: 2,
    localFeaturePoints: 8,
    rdInstitutionLevel: '市级',
    scienceAwardTop: false,
    makerChinaTop500: false,
    holdsTechInnovativeStatus: true,
    ipApplied: true,
    ipExempt: false,
    leadingMarketShare: true,
    developmentScore: 62,
  };
  const series = [
    y(2022, { mainBusinessRevenue: 2500, rdExpense: 150, salesRevenue: 2600 }),
    y(2023, { mainBusinessRevenue: 2750, rdExpense: 160, salesRevenue: 2900 }),
    y(2024, {
      salesRevenue: 3200,
      mainBusinessRevenue: 3000,
      rdExpense: 192,
      netProfit: 256,
      totalAssets: 2000,
      totalLiabilities: 1100,
      employees: 100,
      rdStaff: 12,
      ipClass1: 1,
      ipClass2: 5,
    }),
  ];

  it('scores each indicator as the table says', () => {
    const r = evaluateSpecializedSme({ year: 2024, series, declarations: decl }, S22);
    const points = Object.fromEntries(r.scores.map((s) => [s.code, s.min]));
    expect(points).toEqual({
      'main-share': 5, // 93.75% ≥80
      'revenue-growth': 8, // (10% + 9.09%)/2 = 9.55% → 8–10
      'niche-years': 3, // floor(7/2)
      'product-domain': 3,
      digital: 3,
      quality: 5, // 2 × 3 = 6, capped 5
      'net-margin': 8, // 8%
      'debt-ratio': 3, // 1100/2000 = 55% → 50–60%
      'local-feature': 8,
      ip: 6,
      'rd-input': 6, // by amount 192万 → 2, by share 6% → 6: the better counts
      'rd-staff': 3, // 12%
      'rd-institution': 4,
    });
  });

  it('passes condition 4 with 65 points and all four conditions met', () => {
    const r = evaluateSpecializedSme({ year: 2024, series, declarations: decl }, S22);
    expect(r.total?.min).toBe(65);
    expect(r.outcome).toBe('pass');
  });

  it.each<[string, Partial<SpecializedSmeDeclarations>, Partial<YearFigures>, string[]]>([
    ['niche market 1.5 years', { nicheYears: 1.5 }, {}, ['条件1 从事特定细分市场2年以上：1.5 年']],
    ['R&D 99万', {}, { rdExpense: 99 }, ['条件2 上年度研发费用不低于100万元且占营业收入不低于3%：研发费用 99 万元，占营业收入 3.1%']],
    ['revenue 999万 without equity', {}, { salesRevenue: 999, mainBusinessRevenue: 999, rdExpense: 100 }, ['条件3 上年度营业收入1000万元以上（或近2年股权融资2000万元以上）：营业收入 999 万元']],
  ])('fails with one line: %s', (_label, d, f, lines) => {
    const s2 = series.map((row) => (row.year === 2024 ? { ...row, ...f } : row));
    const r = evaluateSpecializedSme({ year: 2024, series: s2, declarations: { ...decl, ...d } }, S22);
    expect(r.failures).toEqual(lines);
  });

  it('revenue under 1000万 is allowed with 2000万 equity financing in 2 years', () => {
    const s2 = series.map((row) => (row.year === 2024 ? { ...row, salesRevenue: 900, mainBusinessRevenue: 900 } : row));
    const r = evaluateSpecializedSme({ year: 2024, series: s2, declarations: { ...decl, equityFinancing2y: 2000 } }, S22);
    expect(r.conditions.find((c) => c.code === 'revenue')?.status).toBe('met');
  });

  it('under 60 points passes only through a 直通 condition (近两年研发均值 ≥1000万)', () => {
    const low = { ...decl, localFeaturePoints: 0, rdInstitutionLevel: '未建立' as const, productDomain: '其他' as const, digitalLevel: 1 as const };
    const r = evaluateSpecializedSme({ year: 2024, series, declarations: low }, S22);
    expect(r.total?.min).toBeLessThan(60);
    expect(r.failures).toEqual([`条件4 评价得分60分以上或满足直通条件：得分 ${r.total?.min} 分，无直通条件`]);
    const rich = series.map((row) => (row.year >= 2023 ? { ...row, rdExpense: 1000, salesRevenue: 10_000, mainBusinessRevenue: 9000 } : row));
    const direct = evaluateSpecializedSme({ year: 2024, series: rich, declarations: low }, S22);
    expect(direct.outcome).toBe('pass');
    expect(direct.directGrounds).toEqual(['近两年研发费用均值 1000 万元（≥1000万元）']);
  });
});

describe('专精特新 2026 办法 (工信部企业〔2026〕2号) — all criteria required [S]', () => {
  const decl: SpecializedSmeDeclarations = {
    nicheYears: 3,
    equityFinancing2y: null,
    productDomain: null,
    digitalLevel: null,
    qualityItems: null,
    localFeaturePoints: null,
    rdInstitutionLevel: null,
    scienceAwardTop: null,
    makerChinaTop500: null,
    holdsTechInnovativeStatus: true,
    ipApplied: true,
    ipExempt: false,
    leadingMarketShare: true,
    developmentScore: 50,
  };
  const series = [
    y(2024, { salesRevenue: 1500, rdExpense: 100, mainBusinessRevenue: 1200 }),
    y(2025, { salesRevenue: 1500, mainBusinessRevenue: 1200, rdExpense: 100, totalAssets: 1000, totalLiabilities: 800, ipClass1: 1 }),
  ];

  it('passes exactly on every limit: 1500万, 80% 主营, 80% 负债, 100万 and 6.7% R&D, 1 Ⅰ类, 3 years, 50 points', () => {
    const r = evaluateSpecializedSme({ year: 2025, series, declarations: decl }, S26);
    expect(r.conditions.filter((c) => c.status !== 'met')).toEqual([]);
    expect(r.outcome).toBe('pass');
    expect(r.total).toBeNull();
    expect(r.notes[0]).toContain('[S]');
  });

  it('lists every failed criterion on its own line', () => {
    const bad = [
      y(2024, { salesRevenue: 1500, rdExpense: 40 }),
      y(2025, { salesRevenue: 1400, mainBusinessRevenue: 1000, rdExpense: 100, totalAssets: 1000, totalLiabilities: 810, ipClass1: 0 }),
    ];
    const r = evaluateSpecializedSme({ year: 2025, series: bad, declarations: { ...decl, nicheYears: 2, developmentScore: 49.5 } }, S26);
    expect(r.failures).toEqual([
      '截至上年末从事特定细分市场3年以上：2 年',
      '上年度营业收入不低于1500万元（或近两年股权投资2000万元以上）：营业收入 1400 万元',
      '主营业务收入占比不低于80%：71.4%',
      '上年末资产负债率不高于80%：81.0%',
      '近两年研发费用每年不低于100万元且占营收不低于3%：2024年 40 万元（2.7%），2025年 100 万元（7.1%）',
      '拥有1项以上实际应用的Ⅰ类知识产权（或获省部级以上奖励/研发机构豁免）：Ⅰ类 0 项',
      '专精特新发展评价得分不低于50分：49.5 分',
    ]);
  });
});
