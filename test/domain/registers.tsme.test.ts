// 科技型中小企业评价 worked examples (domain-rules §1). Bands are [x, y): a value exactly on a limit takes the upper band.
import { describe, expect, it } from 'vitest';
import { scoreBand } from '../../src/domain/registers/bands.ts';
import { emptyFigures, type YearFigures } from '../../src/domain/registers/figures.ts';
import {
  evaluateTsme,
  TSME_2017_PARAMS,
  TSME_2022_PARAMS,
  type TsmeDeclarations,
  type TsmeInput,
} from '../../src/domain/registers/tsme.ts';

const P = TSME_2017_PARAMS;

const clean: TsmeDeclarations = {
  residentEnterprise: true,
  auditCollection: true,
  productsPermitted: true,
  cleanRecord: true,
  validHnteCertificate: false,
  nationalAwardTop3: false,
  provincialRdInstitution: false,
  ledStandard: false,
  rdMeasure: 'best',
};

function figures(values: Partial<YearFigures>): YearFigures {
  return { ...emptyFigures(2024), ...values };
}

/** A small firm: 100 staff, 1000万 sales, 800万 costs, 500万 assets. */
function input(values: Partial<YearFigures>, declarations: Partial<TsmeDeclarations> = {}, industry: string | null = '制造业'): TsmeInput {
  return {
    figures: figures({ employees: 100, salesRevenue: 1000, costs: 800, totalAssets: 500, ipClass1: 0, ipClass2: 0, techStaff: 0, rdExpense: 0, ...values }),
    industry,
    declarations: { ...clean, ...declarations },
  };
}

describe('A. 科技人员指标 (科技人员 ÷ 职工总数, max 20)', () => {
  it.each<[number, number, number, string]>([
    // techStaff, employees, points, why
    [30, 100, 20, '30% exactly → ≥30% band'],
    [45, 100, 20, '45%'],
    [29, 100, 16, '29% → [25,30)'],
    [25, 100, 16, '25% exactly → [25,30) (lower limit included)'],
    [21, 70, 20, '21/70 = 30.000000000000004% in floats → still the 30% band, not noise'],
    [24, 100, 12, '24% → [20,25)'],
    [20, 100, 12, '20% exactly'],
    [15, 100, 8, '15% exactly → [15,20)'],
    [14, 100, 4, '14% → [10,15)'],
    [10, 100, 4, '10% exactly → [10,15): the lowest non-zero band'],
    [9, 100, 0, '9% → <10%'],
    [0, 100, 0, 'no 科技人员'],
  ])('%i / %i → %i points (%s)', (techStaff, employees, points) => {
    const ratio = (techStaff / employees) * 100;
    expect(scoreBand(ratio, P.staffBands).score).toBe(points);
  });
});

describe('B. 研发投入指标 (max 50, the enterprise picks one measure)', () => {
  it.each<[number, number, string]>([
    [6, 50, '≥6%'],
    [5.99, 40, '[5,6)'],
    [5, 40, '5% exactly'],
    [4, 30, '4% exactly'],
    [3, 20, '3%'],
    [2, 10, '2% exactly'],
    [1.99, 0, '<2%'],
  ])('研发费用 ÷ 销售收入 %s percent → %i (%s)', (pct, points) => {
    expect(scoreBand(pct, P.rdSalesBands).score).toBe(points);
  });

  it.each<[number, number]>([
    [30, 50],
    [29.9, 40],
    [25, 40],
    [20, 30],
    [15, 20],
    [10, 10],
    [9.9, 0],
  ])('研发费用 ÷ 成本费用 %s percent → %i', (pct, points) => {
    expect(scoreBand(pct, P.rdCostBands).score).toBe(points);
  });

  it('takes the better measure when the enterprise lets the platform choose, and says which', () => {
    // 研发 40万: 4% of 1000万 sales (30) but 5% of 800万 costs (<10% → 0): sales wins.
    const bySales = evaluateTsme(input({ techStaff: 30, rdExpense: 40 }), P);
    expect(bySales.scores.find((s) => s.code === 'rd')).toMatchObject({ min: 30, measure: '研发费用占销售收入 4.0%' });
    // 研发 100万 with costs 300万: 10% of sales (50) vs 33% of costs (50) — tie goes to sales.
    const costs = evaluateTsme(input({ techStaff: 30, rdExpense: 90, costs: 300 }), P);
    // 9% of sales → 50; 30% of costs → 50
    expect(costs.scores.find((s) => s.code === 'rd')?.min).toBe(50);
    const chosen = evaluateTsme(input({ techStaff: 30, rdExpense: 90, costs: 300 }, { rdMeasure: 'cost' }), P);
    expect(chosen.scores.find((s) => s.code === 'rd')?.measure).toBe('研发费用占成本费用 30.0%');
  });
});

describe('C. 科技成果指标 (max 30)', () => {
  it.each<[number, number, number]>([
    [1, 0, 30],
    [2, 7, 30],
    [0, 4, 24],
    [0, 9, 24],
    [0, 3, 18],
    [0, 2, 12],
    [0, 1, 6],
    [0, 0, 0],
  ])('Ⅰ类 %i, Ⅱ类 %i → %i', (c1, c2, points) => {
    const result = evaluateTsme(input({ techStaff: 30, ipClass1: c1, ipClass2: c2 }), P);
    expect(result.scores.find((s) => s.code === 'ip')?.min).toBe(points);
  });
});

describe('decision: conditions (一)–(四) and (五) total ≥ 60 with 科技人员 > 0, or 直接确认', () => {
  it('passes at exactly 60 points: 科技人员 20 + 研发 10 + 成果 30', () => {
    const r = evaluateTsme(input({ techStaff: 30, rdExpense: 20, ipClass1: 1 }), P);
    expect(r.total).toEqual({ min: 60, max: 60, maxPoints: 100 });
    expect(r.outcome).toBe('pass');
    expect(r.failures).toEqual([]);
  });

  it('fails at 56 points with one line naming the score', () => {
    // 16 (25%) + 10 (2%) + 30 = 56
    const r = evaluateTsme(input({ techStaff: 25, rdExpense: 20, ipClass1: 1 }), P);
    expect(r.total?.min).toBe(56);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual(['条件（五）综合评价得分不低于60分：得分 56 分（科技人员 16 + 研发投入 10 + 科技成果 30）']);
  });

  it('a 0 科技人员 score fails the test even with 80 points from the other two indicators', () => {
    // 9% staff → 0; 研发 6% → 50; Ⅰ类 → 30; total 80 ≥ 60 but (五) forbids a 0 staff score.
    const r = evaluateTsme(input({ techStaff: 9, rdExpense: 60, ipClass1: 1 }), P);
    expect(r.total?.min).toBe(80);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual(['条件（五）科技人员指标得分不得为0分：科技人员占比 9.0%，得 0 分（须 ≥10%）']);
    expect(r.conditions.find((c) => c.code === 'basic-5-score')?.status).toBe('met');
  });

  it('10% 科技人员 (boundary) scores 4 and is enough for the staff part of (五)', () => {
    const r = evaluateTsme(input({ techStaff: 10, rdExpense: 60, ipClass1: 1 }), P);
    expect(r.total?.min).toBe(84);
    expect(r.outcome).toBe('pass');
  });

  it('lists each failed basic condition on its own line, in the order of 第六条', () => {
    const r = evaluateTsme(
      input({ techStaff: 180, employees: 600, salesRevenue: 25_000, rdExpense: 2000, ipClass1: 1 }, { cleanRecord: false }),
      P,
    );
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual([
      '条件（二）规模：职工总数 600人，超过500人；年销售收入 25000万元，超过20000万元',
      '条件（四）信用与安全记录：存在重大事故、严重违法失信或经营异常记录',
    ]);
  });

  it('boundary of (二): exactly 500 staff and 2亿 sales are allowed ("不超过")', () => {
    const r = evaluateTsme(input({ employees: 500, techStaff: 150, salesRevenue: 20_000, totalAssets: 20_000, rdExpense: 1200, ipClass1: 1 }), P);
    expect(r.conditions.find((c) => c.code === 'basic-2')?.status).toBe('met');
    expect(r.outcome).toBe('pass');
  });

  it('直接确认 (valid 高企 certificate) passes without 60 points — but not without the basic conditions', () => {
    const weak = input({ techStaff: 5, rdExpense: 0 }, { validHnteCertificate: true });
    const r = evaluateTsme(weak, P);
    expect(r.total?.min).toBe(0);
    expect(r.outcome).toBe('pass');
    expect(r.directGrounds).toEqual(['拥有有效期内高新技术企业资格证书']);
    const foreign = evaluateTsme({ ...weak, declarations: { ...weak.declarations, residentEnterprise: false } }, P);
    expect(foreign.outcome).toBe('fail');
    expect(foreign.failures).toEqual(['条件（一）境内注册的居民企业：非境内注册的居民企业']);
  });

  it('missing figures fail as "缺少数据", never as a silent pass', () => {
    const r = evaluateTsme({ figures: emptyFigures(2024), industry: null, declarations: { ...clean, cleanRecord: null } }, P);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual([
      '条件（二）规模：缺少数据（未填报职工总数、年销售收入、资产总额）',
      '条件（四）信用与安全记录：缺少数据（未确认无重大事故、严重违法失信记录）',
      '条件（五）综合评价得分不低于60分：得分 0 分（科技人员 0 + 研发投入 0 + 科技成果 0）',
      '条件（五）科技人员指标得分不得为0分：缺少数据（未填报科技人员或职工总数）',
    ]);
  });
});

describe('2022 指引 overlay', () => {
  it('核定征收 fails (一) under the 2022 pack but not under 2017', () => {
    const good = input({ techStaff: 30, rdExpense: 60, ipClass1: 1 }, { auditCollection: false });
    expect(evaluateTsme(good, P).outcome).toBe('pass');
    const r = evaluateTsme(good, TSME_2022_PARAMS);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual(['条件（一）境内居民企业、查账征收：企业所得税实行核定征收（2022年指引要求查账征收）']);
  });

  it('an excluded industry ([U] list, configurable) fails (三)', () => {
    const r = evaluateTsme(input({ techStaff: 30, rdExpense: 60, ipClass1: 1 }, {}, '房地产业'), TSME_2022_PARAMS);
    expect(r.failures).toEqual(['条件（三）产品、服务及所属行业：所属行业“房地产业”在排除行业之列']);
    const custom = evaluateTsme(input({ techStaff: 30, rdExpense: 60, ipClass1: 1 }, {}, '房地产业'), { ...TSME_2022_PARAMS, excludedIndustries: [] });
    expect(custom.outcome).toBe('pass');
  });
});
