import { describe, expect, it } from 'vitest';
import type { Comparator, PlanIndicator } from '../../src/domain/plan/model.ts';
import { formatPeriod, parsePeriod } from '../../src/domain/period/period.ts';
import {
  completionShare,
  targetSpecFromRow,
  type CompletionResult,
  type NotComputableCode,
  type Observation,
  type TargetSpec,
} from '../../src/domain/progress/completion.ts';
import type { TargetKind } from '../../src/domain/progress/target-kind.ts';

function spec(
  baseline: number | null,
  target: number | null,
  extra: { comparator?: Comparator; rate?: number } = {},
): TargetSpec {
  return {
    baseYear: 2020,
    targetYear: 2025,
    baseline,
    target,
    comparator: extra.comparator ?? null,
    annualGrowthRate: extra.rate ?? null,
  };
}

/** `{2023: 0.7}` or `{'2023Q2': 0.6}` → observations (the key is the period code). */
function series(values: Record<string, number | null>): Observation[] {
  return Object.entries(values).map(([code, value]) => {
    const period = parsePeriod(code);
    return period.kind === 'year' ? { dataYear: period.year, value } : { dataYear: period.year, value, period };
  });
}

function computed(result: CompletionResult) {
  if (!result.computable) throw new Error(`expected a share, got ${result.code}: ${result.reason}`);
  return result;
}

function failure(result: CompletionResult) {
  if (result.computable) throw new Error(`expected not computable, got share ${result.share}`);
  return result;
}

// Shared 10% growth numbers: 1.1² = 1.21, 1.1³ = 1.331, 1.1⁵ = 1.61051.
const LN_1_1 = Math.log(1.1);

describe('level-up / level-down / cumulative-stock: (Xy − X0) / (XT − X0)', () => {
  it.each<[string, TargetKind, TargetSpec, Record<string, number | null>, number, boolean]>([
    // 奉节 全社会研发经费占比 0.4 → 1
    ['奉节 R&D 0.7 in 2023', 'level-up', spec(0.4, 1), { 2023: 0.7 }, 0.5, false], // 0.3/0.6
    ['at the base value', 'level-up', spec(0.4, 1), { 2021: 0.4 }, 0, false], // 0/0.6
    ['moved backwards: negative share kept', 'level-up', spec(0.4, 1), { 2022: 0.3 }, -1 / 6, false], // −0.1/0.6
    ['beyond target: share above 1 kept', 'level-up', spec(0.4, 1), { 2024: 1.2 }, 4 / 3, true], // 0.8/0.6
    ['exactly the target', 'level-up', spec(0.4, 1), { 2025: 1 }, 1, true],
    ['latest observation wins', 'level-up', spec(0.4, 1), { 2021: 0.5, 2023: 0.7, 2022: 0.6 }, 0.5, false],
    ['null values are skipped', 'level-up', spec(0.4, 1), { 2022: 0.6, 2023: null }, 1 / 3, false], // 0.2/0.6
    ['part-year reading 2023Q2', 'level-up', spec(0.4, 1), { '2023Q2': 0.6 }, 1 / 3, false],
    // 越小越好 5 → 3: the signs carry the direction
    ['level-down halfway', 'level-down', spec(5, 3), { 2023: 4 }, 0.5, false], // −1/−2
    ['level-down beyond target', 'level-down', spec(5, 3), { 2024: 2.5 }, 1.25, true], // −2.5/−2
    ['level-down worse than base', 'level-down', spec(5, 3), { 2022: 5.5 }, -0.25, false], // 0.5/−2
    // target equal to baseline: 1 on the right side, else 0
    ['level-up hold 5, at 5.2', 'level-up', spec(5, 5), { 2023: 5.2 }, 1, true],
    ['level-up hold 5, exactly 5', 'level-up', spec(5, 5), { 2023: 5 }, 1, true],
    ['level-up hold 5, at 4.9', 'level-up', spec(5, 5), { 2023: 4.9 }, 0, false],
    ['level-down hold 5, at 4.9', 'level-down', spec(5, 5), { 2023: 4.9 }, 1, true],
    ['level-down hold 5, at 5.1', 'level-down', spec(5, 5), { 2023: 5.1 }, 0, false],
    // 石柱 科技型企业 【201】→【240】
    ['石柱 科技型企业 225 in 2023', 'cumulative-stock', spec(201, 240), { 2023: 225 }, 24 / 39, false], // (225−201)/(240−201)
    ['石柱 科技型企业 no change', 'cumulative-stock', spec(201, 240), { 2022: 201 }, 0, false],
    ['石柱 科技型企业 reached', 'cumulative-stock', spec(201, 240), { 2024: 240 }, 1, true],
    ['a stock planned to shrink 10 → 6', 'cumulative-stock', spec(10, 6), { 2023: 8 }, 0.5, false], // −2/−4
    // baseline missing in the plan: the base-year observation stands in
    ['X0 from the 2020 observation', 'level-up', spec(null, 1), { 2020: 0.4, 2023: 0.7 }, 0.5, false],
    ['data in the base year itself', 'level-up', spec(0.4, 1), { 2020: 0.4 }, 0, false],
  ])('%s', (_label, kind, target, values, share, reached) => {
    const result = computed(completionShare(kind, target, series(values)));
    expect(result.kind).toBe(kind);
    expect(result.share).toBeCloseTo(share, 10);
    expect(result.barShare).toBeCloseTo(Math.min(1, Math.max(0, share)), 10);
    expect(result.reached).toBe(reached);
  });

  it('reports the evaluated period and value', () => {
    const result = computed(completionShare('level-up', spec(0.4, 1), series({ 2021: 0.5, '2023Q2': 0.6 })));
    expect(formatPeriod(result.period)).toBe('2023Q2');
    expect(result.dataYear).toBe(2023);
    expect(result.value).toBe(0.6);
    expect(result.baseline).toBe(0.4);
    expect(result.target).toBe(1);
  });

  it('asOf ignores later observations', () => {
    const values = series({ 2021: 0.5, 2022: 0.6, 2023: 0.7, 2024: 0.8 });
    const result = computed(completionShare('level-up', spec(0.4, 1), values, { asOf: parsePeriod('2022') }));
    expect(result.dataYear).toBe(2022);
    expect(result.share).toBeCloseTo(1 / 3, 10); // (0.6 − 0.4)/0.6
  });

  it.each<[string, TargetKind, TargetSpec, Record<string, number | null>, NotComputableCode]>([
    ['no observations', 'level-up', spec(0.4, 1), {}, 'no-data'],
    ['only null values', 'level-up', spec(0.4, 1), { 2022: null, 2023: null }, 'no-data'],
    ['baseline missing, no base-year observation', 'level-up', spec(null, 1), { 2023: 0.7 }, 'missing-baseline'],
    ['target missing', 'level-up', spec(0.4, null), { 2023: 0.7 }, 'missing-target'],
    ['level-up with target below base (override error)', 'level-up', spec(5, 3), { 2023: 4 }, 'invalid-target'],
    ['level-down with target above base (override error)', 'level-down', spec(3, 5), { 2023: 4 }, 'invalid-target'],
    ['a year before the plan', 'level-up', spec(0.4, 1), { 2019: 0.35 }, 'before-plan'],
    ['part of the base year', 'cumulative-stock', spec(201, 240), { '2020Q3': 205 }, 'before-plan'],
  ])('not computable: %s → %s', (_label, kind, target, values, code) => {
    const result = failure(completionShare(kind, target, series(values)));
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects an observation whose period is outside its data year', () => {
    const bad: Observation[] = [{ dataYear: 2023, value: 1, period: parsePeriod('2024Q1') }];
    expect(() => completionShare('level-up', spec(0, 2), bad)).toThrow(RangeError);
  });
});

describe('threshold: met iff the comparator holds', () => {
  it.each<[string, TargetSpec, Record<string, number>, number, boolean, 'keep' | 'reach']>([
    // 奉节 环境空气质量优良天数 353, ≥330: base already satisfies → keep; share 1 or 0
    ['优良天数 340', spec(353, 330, { comparator: '>=' }), { 2023: 340 }, 1, true, 'keep'],
    ['优良天数 exactly 330 (inclusive)', spec(353, 330, { comparator: '>=' }), { 2023: 330 }, 1, true, 'keep'],
    ['优良天数 320: breach', spec(353, 330, { comparator: '>=' }), { 2023: 320 }, 0, false, 'keep'],
    // 奉节 森林覆盖率 63.04 → ≥65: base below → reach; share like a level toward 65
    ['森林覆盖率 64.0 in 2023', spec(63.04, 65, { comparator: '>=' }), { 2023: 64 }, 0.96 / 1.96, false, 'reach'], // ≈0.4898
    ['森林覆盖率 65.5: met, share above 1', spec(63.04, 65, { comparator: '>=' }), { 2023: 65.5 }, 2.46 / 1.96, true, 'reach'], // ≈1.2551
    ['森林覆盖率 64.8 in 2025', spec(63.04, 65, { comparator: '>=' }), { 2025: 64.8 }, 1.76 / 1.96, false, 'reach'], // ≈0.898
    // a ceiling ≤35 from 38
    ['PM2.5 36 toward ≤35', spec(38, 35, { comparator: '<=' }), { 2023: 36 }, 2 / 3, false, 'reach'], // (36−38)/(35−38)
    ['PM2.5 34', spec(38, 35, { comparator: '<=' }), { 2023: 34 }, 4 / 3, true, 'reach'], // (34−38)/(35−38)
    // no base value known: every year must satisfy → keep
    ['no base value', spec(null, 330, { comparator: '>=' }), { 2023: 331 }, 1, true, 'keep'],
  ])('%s', (_label, target, values, share, met, mode) => {
    const result = computed(completionShare('threshold', target, series(values)));
    expect(result.share).toBeCloseTo(share, 10);
    expect(result.reached).toBe(met);
    expect(result.threshold).toMatchObject({ met, mode, limit: target.target, comparator: target.comparator });
  });

  it.each<[string, TargetSpec, NotComputableCode]>([
    ['no comparator', spec(353, 330), 'invalid-target'],
    ['no limit', spec(353, null, { comparator: '>=' }), 'missing-target'],
  ])('not computable: %s → %s', (_label, target, code) => {
    expect(failure(completionShare('threshold', target, series({ 2023: 340 }))).code).toBe(code);
  });
});

describe('cumulative-new: Σ_{Y0<t≤y} x_t / N, base-year flow not counted', () => {
  it.each<[string, Record<string, number>, number, boolean, string]>([
    // N = 100 over 2021—2025
    ['2020 flow 30 ignored; 20 + 25 + 15 = 60', { 2020: 30, 2021: 20, 2022: 25, 2023: 15 }, 0.6, false, '2023'],
    ['one year: 20', { 2021: 20 }, 0.2, false, '2021'],
    ['beyond the total: 40 + 70 = 110', { 2021: 40, 2022: 70 }, 1.1, true, '2022'],
    ['year-to-date 2023Q2: 20 + 25 + 10 = 55', { 2021: 20, 2022: 25, '2023M03': 4, '2023Q2': 10 }, 0.55, false, '2023Q2'],
    ['years after the target year are not added: 5 × 10 = 50', { 2021: 10, 2022: 10, 2023: 10, 2024: 10, 2025: 10, 2026: 10 }, 0.5, false, '2026'],
    ['exactly the total: 50 + 50', { 2021: 50, 2022: 50 }, 1, true, '2022'],
  ])('%s', (_label, values, share, reached, period) => {
    const result = computed(completionShare('cumulative-new', spec(null, 100), series(values)));
    expect(result.share).toBeCloseTo(share, 10);
    expect(result.reached).toBe(reached);
    expect(result.value).toBeCloseTo(share * 100, 10);
    expect(formatPeriod(result.period)).toBe(period);
  });

  it.each<[string, TargetSpec, Record<string, number>, NotComputableCode, RegExp]>([
    ['a year missing inside the window', spec(null, 100), { 2021: 20, 2023: 15 }, 'missing-years', /2022年/],
    ['only base-year data', spec(null, 100), { 2020: 30 }, 'base-year-data', /基期当年/],
    ['no total', spec(null, null), { 2021: 20 }, 'missing-target', /目标累计量/],
    ['zero total', spec(null, 0), { 2021: 20 }, 'invalid-target', /不是正数/],
    ['no data', spec(null, 100), {}, 'no-data', /暂无/],
  ])('not computable: %s → %s', (_label, target, values, code, reason) => {
    const result = failure(completionShare('cumulative-new', target, series(values)));
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(reason);
  });
});

describe('annual-growth: g_y = (Xy/X0)^(1/(y−Y0)) − 1, P_done = ln(Xy/X0) / ((YT−Y0)·ln(1+g))', () => {
  // 石柱 全社会研发经费投入增长 年均 10%: the plan has no base value; the 2020 figure comes from the series.
  const shizhu = spec(null, null, { rate: 10 });

  it.each<[string, TargetSpec, Record<string, number>, number, number, boolean]>([
    ['on track: 10000 → 13310 in 2023', shizhu, { 2020: 10000, 2023: 13310 }, 0.6, 0.1, false], // 3·ln1.1 / (5·ln1.1)
    ['on track: 12100 in 2022', shizhu, { 2020: 10000, 2022: 12100 }, 0.4, 0.1, false], // 2/5
    // 8% a year: 1.08³ = 1.259712; share = 3·ln1.08 / (5·ln1.1) ≈ 0.4845
    ['8% a year', shizhu, { 2020: 10000, 2023: 12597.12 }, (3 * Math.log(1.08)) / (5 * LN_1_1), 0.08, false],
    // actual decline is computable: ln0.9/(5·ln1.1) ≈ −0.2211, g_y = −10%
    ['negative actual growth', shizhu, { 2020: 10000, 2021: 9000 }, Math.log(0.9) / (5 * LN_1_1), -0.1, false],
    ['end level reached on time: 1.1⁵', shizhu, { 2020: 10000, 2025: 16105.1 }, 1, 0.1, true],
    // 1.61051 after 4 years: g_y = 1.61051^(1/4) − 1 ≈ 12.65%, share 1 → reached early
    ['end level reached early', shizhu, { 2020: 10000, 2024: 16105.1 }, 1, 1.61051 ** 0.25 - 1, true],
    ['base value given in the plan', spec(10000, null, { rate: 10 }), { 2023: 13310 }, 0.6, 0.1, false],
    // no 年均 column: g implied by 100 → 161.051, i.e. 10%
    ['g implied by X0 and XT', spec(100, 161.051), { 2023: 133.1 }, 0.6, 0.1, false],
    // 年均下降 5%: 0.95² = 0.9025; share = 2·ln0.95 / (5·ln0.95) = 0.4
    ['a negative target rate (年均下降 5%)', spec(100, null, { rate: -5 }), { 2022: 90.25 }, 0.4, -0.05, false],
  ])('%s', (_label, target, values, share, growth, reached) => {
    const result = computed(completionShare('annual-growth', target, series(values)));
    expect(result.share).toBeCloseTo(share, 9);
    expect(result.actualGrowth).toBeCloseTo(growth, 9);
    expect(result.reached).toBe(reached);
  });

  it('reports g as a fraction and the implied end level', () => {
    const result = computed(completionShare('annual-growth', shizhu, series({ 2020: 10000, 2023: 13310 })));
    expect(result.targetGrowth).toBeCloseTo(0.1, 12);
    expect(result.target).toBeCloseTo(16105.1, 6); // 10000 · 1.1⁵
    expect(result.baseline).toBe(10000);
  });

  it.each<[string, TargetSpec, Record<string, number>, NotComputableCode]>([
    ['baseline missing', shizhu, { 2023: 13310 }, 'missing-baseline'],
    ['baseline zero', spec(0, null, { rate: 10 }), { 2023: 100 }, 'zero-baseline'],
    ['baseline zero from the series', shizhu, { 2020: 0, 2023: 100 }, 'zero-baseline'],
    ['negative baseline', spec(-5, null, { rate: 10 }), { 2023: 100 }, 'non-positive-value'],
    ['actual value zero', shizhu, { 2020: 10000, 2023: 0 }, 'non-positive-value'],
    ['target rate 0%', spec(100, null, { rate: 0 }), { 2023: 110 }, 'zero-growth-rate'],
    ['target rate −100%', spec(100, null, { rate: -100 }), { 2023: 110 }, 'invalid-target'],
    ['no rate and no target', spec(100, null), { 2023: 110 }, 'missing-growth-rate'],
    ['only the base year', shizhu, { 2020: 10000 }, 'base-year-data'],
    ['only part-year figures', shizhu, { 2020: 10000, '2023Q2': 6000 }, 'base-year-data'],
    ['no figures', shizhu, {}, 'no-data'],
    ['before the plan', shizhu, { 2019: 9000 }, 'before-plan'],
  ])('not computable: %s → %s', (_label, target, values, code) => {
    const result = failure(completionShare('annual-growth', target, series(values)));
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('cumulative-reduction: (1 − Xy/X0) / r', () => {
  // 单位GDP能耗降低 13.5%【累计】, base 0.5 吨标煤/万元 from the 2020 figure
  const energy = spec(null, 13.5);

  it.each<[string, TargetSpec, Record<string, number>, number, number, boolean]>([
    ['0.45 in 2023', energy, { 2020: 0.5, 2023: 0.45 }, 0.1 / 0.135, 0.1, false], // 1 − 0.9 = 0.1; ≈0.7407
    ['an increase: negative share', energy, { 2020: 0.5, 2022: 0.52 }, -0.04 / 0.135, -0.04, false], // ≈ −0.2963
    ['reached: 0.5 × 0.865', energy, { 2020: 0.5, 2024: 0.4325 }, 1, 0.135, true],
    // two levels in the plan 0.5 → 0.4: r = 1 − 0.4/0.5 = 0.2
    ['r from two levels', spec(0.5, 0.4), { 2023: 0.45 }, 0.5, 0.1, false], // 0.1/0.2
    ['base year: nothing reduced yet', energy, { 2020: 0.5 }, 0, 0, false],
  ])('%s', (_label, target, values, share, reduction, reached) => {
    const result = computed(completionShare('cumulative-reduction', target, series(values)));
    expect(result.share).toBeCloseTo(share, 10);
    expect(result.actualReduction).toBeCloseTo(reduction, 10);
    expect(result.reached).toBe(reached);
  });

  it.each<[string, TargetSpec, Record<string, number>, NotComputableCode]>([
    ['baseline missing', energy, { 2023: 0.45 }, 'missing-baseline'],
    ['baseline zero', spec(0, 0.4), { 2023: 0.45 }, 'zero-baseline'],
    ['no target', spec(null, null), { 2020: 0.5, 2023: 0.45 }, 'missing-target'],
    ['a negative reduction target', spec(null, -5), { 2020: 0.5, 2023: 0.45 }, 'invalid-target'],
    ['levels going up in the plan', spec(0.4, 0.5), { 2023: 0.45 }, 'invalid-target'],
    ['negative value', energy, { 2020: 0.5, 2023: -0.1 }, 'non-positive-value'],
  ])('not computable: %s → %s', (_label, target, values, code) => {
    expect(failure(completionShare('cumulative-reduction', target, series(values))).code).toBe(code);
  });
});

describe('no NaN or Infinity, whatever the input', () => {
  const kinds: TargetKind[] = [
    'level-up',
    'level-down',
    'threshold',
    'cumulative-stock',
    'cumulative-new',
    'annual-growth',
    'cumulative-reduction',
  ];
  const specs = [spec(0, 0), spec(0, null, { rate: 0 }), spec(null, null), spec(0, 0, { comparator: '>=' })];
  const serieses = [series({ 2020: 0, 2023: 0 }), series({ 2023: 0 }), series({ 2021: 0, 2022: 0 })];
  it.each(kinds)('%s', (kind) => {
    for (const s of specs) {
      for (const values of serieses) {
        const result = completionShare(kind, s, values);
        if (result.computable) expect(Number.isFinite(result.share)).toBe(true);
        else expect(result.reason.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('targetSpecFromRow', () => {
  it('takes years, values, comparator and rate from an imported row', () => {
    const row: PlanIndicator = {
      seq: '12',
      name: '森林覆盖率（%）',
      unit: '%',
      attribute: '约束性',
      baseline: { year: 2020, value: 63.04, text: '63.04' },
      target: { year: 2025, value: 65, text: '≥65', comparator: '>=' },
      cumulative: false,
      annualGrowthRate: null,
    };
    expect(targetSpecFromRow(row, { baseYear: 2019, targetYear: 2024 })).toEqual({
      baseYear: 2020,
      targetYear: 2025,
      baseline: 63.04,
      target: 65,
      comparator: '>=',
      annualGrowthRate: null,
    });
  });

  it('falls back to the plan years when the row has no cells', () => {
    const row = { baseline: null, target: null, annualGrowthRate: 10 };
    expect(targetSpecFromRow(row, { baseYear: 2020, targetYear: 2025 })).toEqual(spec(null, null, { rate: 10 }));
  });
});
