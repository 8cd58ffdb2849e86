// 高新技术企业认定 pre-check worked examples (domain-rules §2).
import { describe, expect, it } from 'vitest';
import { scoreBand } from '../../src/domain/registers/bands.ts';
import { emptyFigures, type YearFigures } from '../../src/domain/registers/figures.ts';
import { evaluateHnte, growthRate, HNTE_2016_PARAMS, type HnteDeclarations, type HnteInput } from '../../src/domain/registers/hnte.ts';

const P = HNTE_2016_PARAMS;

const declarations: HnteDeclarations = {
  registeredOn: '2018-03-01',
  applicationDate: '2025-05-20',
  ipSupportsCoreProducts: true,
  technologyField: '先进制造与自动化',
  cleanRecord: true,
  ipAcquisition: 'self',
  participatedInStandards: false,
  selfAssessment: null,
};

function year(y: number, values: Partial<YearFigures>): YearFigures {
  return { ...emptyFigures(y), ...values };
}

/** A solid applicant: 4000万 sales, 6% R&D, all domestic, 70% hi-tech revenue, 1 invention patent, growing 20%/yr. */
function applicant(overrides: { y2022?: Partial<YearFigures>; y2023?: Partial<YearFigures>; y2024?: Partial<YearFigures>; d?: Partial<HnteDeclarations> } = {}): HnteInput {
  return {
    year: 2024,
    series: [
      year(2022, { salesRevenue: 2800, rdExpense: 168, rdExpenseDomestic: 168, netAssets: 1000, conversions: 3, ...overrides.y2022 }),
      year(2023, { salesRevenue: 3360, rdExpense: 202, rdExpenseDomestic: 202, netAssets: 1200, conversions: 3, ...overrides.y2023 }),
      year(2024, {
        salesRevenue: 4032,
        rdExpense: 242,
        rdExpenseDomestic: 242,
        netAssets: 1440,
        conversions: 3,
        employees: 100,
        techStaff: 15,
        hiTechRevenue: 2823,
        ipClass1: 1,
        ipClass2: 6,
        ...overrides.y2024,
      }),
    ],
    declarations: { ...declarations, ...overrides.d },
  };
}

describe('成长性: ½(v2/v1 + v3/v2) − 1 and the edge rules', () => {
  it.each<[string, (number | null)[], number | null, string]>([
    ['steady 20%', [1000, 1200, 1440], 20, ''],
    ['uneven: ½(1.5 + 1.0) − 1 = 25%', [100, 150, 150], 25, ''],
    ['first year 0 → last two years only', [0, 100, 130], 30, '第一年为0，按后两年计算'],
    ['second year 0 → 0 points', [100, 0, 50], null, '第二年末为0，按0分计'],
    ['shrinking → negative rate (scores F)', [100, 90, 81], -10, ''],
    ['two years only → v3/v2 − 1 [U]', [null, 100, 110], 10, '不足三年，按近两年计算 [U]'],
    ['one year only → 0 points', [null, null, 110], null, '不足两年数据，按0分计 [U]'],
  ])('%s', (_label, values, rate, note) => {
    const g = growthRate(values, 'two-year-ratio');
    if (rate === null) expect(g.rate).toBeNull();
    else expect(g.rate).toBeCloseTo(rate, 9);
    expect(g.note).toBe(note);
  });

  it('the [U] short-history reading is a parameter', () => {
    expect(growthRate([null, 100, 110], 'zero')).toEqual({ rate: null, note: '不足三年数据，按0分计 [U]' });
  });

  it.each<[number, string, number, number]>([
    [35, 'A ≥35%', 9, 10],
    [34.99, 'B ≥25%', 7, 8],
    [25, 'B ≥25%', 7, 8],
    [15, 'C ≥15%', 5, 6],
    [5, 'D ≥5%', 3, 4],
    [4.99, 'E >0', 1, 2],
    [0.01, 'E >0', 1, 2],
    [0, 'F ≤0', 0, 0],
    [-3, 'F ≤0', 0, 0],
  ])('growth %s (percent) → %s (%i–%i)', (rate, grade, min, max) => {
    expect(scoreBand(rate, P.growthBands)).toMatchObject({ grade, score: { min, max } });
  });
});

describe('科技成果转化 (annual average of the last 3 years) and 知识产权数量 bands', () => {
  it.each<[number, string, number, number]>([
    [5, 'A ≥5项', 25, 30],
    [4.67, 'B ≥4项', 19, 24],
    [4, 'B ≥4项', 19, 24],
    [3, 'C ≥3项', 13, 18],
    [2, 'D ≥2项', 7, 12],
    [1, 'E ≥1项', 1, 6],
    [0.67, 'F 0项', 0, 0],
    [0, 'F 0项', 0, 0],
  ])('average %s → %s', (avg, grade, min, max) => {
    expect(scoreBand(avg, P.conversionBands)).toMatchObject({ grade, score: { min, max } });
  });

  it.each<[number, string, number, number]>([
    [5, 'B ≥5项Ⅱ类', 5, 6],
    [4, 'C 3~4项Ⅱ类', 3, 4],
    [3, 'C 3~4项Ⅱ类', 3, 4],
    [2, 'D 1~2项Ⅱ类', 1, 2],
    [1, 'D 1~2项Ⅱ类', 1, 2],
    [0, 'E 0项', 0, 0],
  ])('%i Ⅱ类 → %s', (n, grade, min, max) => {
    expect(scoreBand(n, P.ipClass2Bands)).toMatchObject({ grade, score: { min, max } });
  });
});

describe('the 8 conditions and the 创新能力 range', () => {
  it('a solid applicant is only ever "likely" or "undecided" — here undecided, the range spans 70', () => {
    const r = evaluateHnte(applicant(), P);
    expect(r.outcome).toBe('undecided');
    expect(r.conditions.filter((c) => c.status !== 'met')).toEqual([]);
    // IP: adv 0–8 + core 0–8 + count 7–8 + self 1–6 + standards 0 = 8–30 ; conversion C 13–18 ;
    // organisation 0–20 ; growth C 5–6 twice (20%) = 10–12.  → 31–80
    expect(r.total).toEqual({ min: 31, max: 80, maxPoints: 100 });
    expect(r.conditions.find((c) => c.code === 'c7')?.detail).toBe('得分区间 31–80 分，取决于专家评分');
    expect(r.failures).toEqual([]);
  });

  it('self-assessed expert grades narrow the range; a minimum above 70 makes it "likely", never "pass"', () => {
    const r = evaluateHnte(
      applicant({
        y2022: { conversions: 5 },
        y2023: { conversions: 5 },
        y2024: { conversions: 5 },
        d: { participatedInStandards: true, selfAssessment: { technicalAdvancement: 'A', coreSupport: 'A', organisation: [5, 5, 3, 3] } },
      }),
      P,
    );
    // IP 7+7+7+1+1 = 23 .. 8+8+8+6+2 = 32 → capped 30 ; conversion 25–30 ; organisation 16 ; growth 10–12
    expect(r.total).toEqual({ min: 74, max: 88, maxPoints: 100 });
    expect(r.outcome).toBe('likely');
    expect(r.outcomeLabel).toBe('预检符合（以专家评审为准）');
  });

  it('a maximum of exactly 70 fails condition 7 (">70, 不含70")', () => {
    const r = evaluateHnte(
      applicant({
        y2022: { conversions: 0 },
        y2023: { conversions: 0 },
        y2024: { conversions: 0, ipClass1: 0, ipClass2: 6 },
        d: { selfAssessment: { technicalAdvancement: 'C', coreSupport: 'A', organisation: [6, 6, 4, 4] }, participatedInStandards: false },
      }),
      P,
    );
    // IP: 3–4 + 7–8 + 5–6 (≥5 Ⅱ类) + 1–6 + 0 = 16–24 ; conversion 0 ; organisation 20 ; growth 10–12 → 46–56
    expect(r.total?.max).toBeLessThanOrEqual(70);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual([`条件7 创新能力评价得分高于70分：得分区间 ${r.total?.min}–${r.total?.max} 分，最高分亦不超过70分`]);
  });

  it.each<[string, Parameters<typeof applicant>[0], string | string[]]>([
    ['registered 364 days before applying', { d: { registeredOn: '2024-05-21' } }, '条件1 注册成立一年以上：成立于 2024-05-21，至申请日 364 天（须 ≥365 天）'],
    [
      'no IP at all (which also caps the 创新能力 score below 70)',
      { y2024: { ipClass1: 0, ipClass2: 0 } },
      ['条件2 拥有对主要产品发挥核心支持作用的知识产权：无Ⅰ类、Ⅱ类知识产权', '条件7 创新能力评价得分高于70分：得分区间 23–66 分，最高分亦不超过70分'],
    ],
    ['field outside the 8', { d: { technologyField: '房地产' } }, '条件3 核心技术属于《国家重点支持的高新技术领域》：技术领域：房地产'],
    ['科技人员 9.9%', { y2024: { employees: 1000, techStaff: 99 } }, '条件4 科技人员占职工总数比例不低于10%：科技人员占比 9.9%'],
    ['hi-tech revenue 59%', { y2024: { hiTechRevenue: 2379 } }, '条件6 高新技术产品（服务）收入占比不低于60%：高新技术产品收入占比 59.0%'],
    ['domestic R&D under 60%', { y2022: { rdExpenseDomestic: 50 }, y2023: { rdExpenseDomestic: 100 }, y2024: { rdExpenseDomestic: 100 } }, '条件5 境内研发费用占比不低于60%：境内研发费用占比 40.8%'],
    ['an accident last year', { d: { cleanRecord: false } }, '条件8 申请前一年内未发生重大安全、质量事故或严重环境违法行为：有重大安全、质量事故或严重环境违法行为'],
  ])('one line per failed condition: %s', (_label, overrides, line) => {
    const r = evaluateHnte(applicant(overrides), P);
    expect(r.outcome).toBe('fail');
    expect(r.failures).toEqual(Array.isArray(line) ? line : [line]);
  });

  it('exactly 10% 科技人员, 60% hi-tech revenue and 365 days pass their conditions (不低于 / 以上 inclusive)', () => {
    const r = evaluateHnte(applicant({ y2024: { employees: 1000, techStaff: 100, hiTechRevenue: 2419.2 }, d: { registeredOn: '2024-05-20' } }), P);
    for (const code of ['c1', 'c4', 'c6']) expect(r.conditions.find((c) => c.code === code)?.status, code).toBe('met');
  });

  describe('条件5: the R&D threshold follows the latest year sales (≤5000万 5%, ≤2亿 4%, above 3%)', () => {
    const rd = (sales: number, rdPct: number) =>
      applicant({
        y2022: { salesRevenue: sales, rdExpense: (sales * rdPct) / 100 },
        y2023: { salesRevenue: sales, rdExpense: (sales * rdPct) / 100 },
        y2024: { salesRevenue: sales, rdExpense: (sales * rdPct) / 100, rdExpenseDomestic: (sales * rdPct) / 100, hiTechRevenue: sales },
      });
    it.each<[number, number, 'met' | 'failed']>([
      [5000, 5, 'met'],
      [5000, 4.9, 'failed'], // 5000万 exactly is in the ≤5000万 tier ("小于5,000万元（含）")
      [5001, 4, 'met'],
      [20_000, 4, 'met'],
      [20_000, 3.9, 'failed'],
      [20_001, 3, 'met'],
      [20_001, 2.9, 'failed'],
    ])('sales %i万, R&D %s (percent) → %s', (sales, pct, status) => {
      const r = evaluateHnte(rd(sales, pct), P);
      expect(r.conditions.find((c) => c.code === 'c5')?.status).toBe(status);
    });
  });

  it('under three years of operation, 条件5 uses the years there are and says so', () => {
    const input = applicant();
    const r = evaluateHnte({ ...input, series: input.series.filter((f) => f.year !== 2022) }, P);
    expect(r.conditions.find((c) => c.code === 'c5')?.detail).toContain('（按实际经营 2 年计）');
    expect(r.notes).toContain('净资产增长率：不足三年，按近两年计算 [U]');
  });
});
