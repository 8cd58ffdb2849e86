import { describe, expect, it } from 'vitest';
import type { Comparator, IndicatorAttribute } from '../../src/domain/plan/model.ts';
import { parsePeriod } from '../../src/domain/period/period.ts';
import type { Observation, TargetSpec } from '../../src/domain/progress/completion.ts';
import {
  BINDING_WARNING_LABEL,
  forecastToTarget,
  linearFit,
  type ForecastMade,
  type ForecastMethod,
  type ForecastResult,
} from '../../src/domain/progress/forecast.ts';
import type { TargetKind } from '../../src/domain/progress/target-kind.ts';

function spec(
  baseline: number | null,
  target: number | null,
  extra: { comparator?: Comparator; rate?: number } = {},
): TargetSpec {
  return { baseYear: 2020, targetYear: 2025, baseline, target, comparator: extra.comparator ?? null, annualGrowthRate: extra.rate ?? null };
}

function series(values: Record<string, number | null>): Observation[] {
  return Object.entries(values).map(([code, value]) => {
    const period = parsePeriod(code);
    return period.kind === 'year' ? { dataYear: period.year, value } : { dataYear: period.year, value, period };
  });
}

function made(result: ForecastResult): ForecastMade {
  if (!result.possible) throw new Error(`expected a forecast, got: ${result.reason}`);
  return result;
}

const E = '预期性' as const;
const B = '约束性' as const;

describe('linearFit (ordinary least squares)', () => {
  it('fits (2020,0) (2021,10) (2022,30) (2023,30)', () => {
    // x̄ = 2021.5, ȳ = 17.5; Σdx·dy = (−1.5)(−17.5) + (−0.5)(−7.5) + (0.5)(12.5) + (1.5)(12.5) = 55; Σdx² = 5
    const fit = linearFit([
      { year: 2020, value: 0 },
      { year: 2021, value: 10 },
      { year: 2022, value: 30 },
      { year: 2023, value: 30 },
    ]);
    expect(fit.slope).toBeCloseTo(11, 10); // 55/5
    expect(fit.intercept + fit.slope * 2025).toBeCloseTo(56, 8); // 17.5 + 11·3.5
  });
});

describe('forecastToTarget', () => {
  it.each<
    [string, TargetKind, IndicatorAttribute, TargetSpec, Record<string, number | null>, ForecastMethod, number, number, boolean, number]
  >([
    // label, kind, attribute, spec, series, method, projected value, projected share, warning, points used
    // 奉节 R&D 0.4 → 1: 0.4, 0.5, 0.6, 0.7 on a line of slope 0.1 → 2025: 0.9; share (0.9 − 0.4)/0.6
    ['linear, short of the level', 'level-up', E, spec(0.4, 1), { 2021: 0.5, 2022: 0.6, 2023: 0.7 }, '线性外推', 0.9, 5 / 6, true, 4],
    // base 0 plus the least-squares example above → 56 ≥ 50; share 56/50
    ['linear, least squares, on course', 'level-up', E, spec(0, 50), { 2021: 10, 2022: 30, 2023: 30 }, '线性外推', 56, 1.12, false, 4],
    // 5 → 3 falling 0.5 a year: 2025 → 2.5 ≤ 3; share (2.5 − 5)/(3 − 5)
    ['linear, level-down on course', 'level-down', E, spec(5, 3), { 2021: 4.5, 2022: 4 }, '线性外推', 2.5, 1.25, false, 3],
    // 石柱 科技型企业 201, 210, 218: x̄ 2021, ȳ 209.667, slope (−1·−8.667 + 1·8.333)/2 = 8.5 → 209.667 + 4·8.5 = 243.667
    ['linear, 科技型企业 stock', 'cumulative-stock', E, spec(201, 240), { 2021: 210, 2022: 218 }, '线性外推', 243 + 2 / 3, (42 + 2 / 3) / 39, false, 3],
    // 优良天数 353, 345, 337: −8 a year → 2025: 313 < 330 → 预警 (约束性)
    ['linear, 优良天数 falling through the floor', 'threshold', B, spec(353, 330, { comparator: '>=' }), { 2021: 345, 2022: 337 }, '线性外推', 313, 0, true, 3],
    // 森林覆盖率 63.04, 63.5, 63.96: +0.46 a year → 65.34 ≥ 65; share 2.3/1.96
    ['linear, 森林覆盖率 reaching the floor', 'threshold', B, spec(63.04, 65, { comparator: '>=' }), { 2021: 63.5, 2022: 63.96 }, '线性外推', 65.34, 2.3 / 1.96, false, 3],
    // exactly 10% a year → 10000·1.1⁵ = 16105.1, share 1
    ['compound, growth on course', 'annual-growth', E, spec(null, null, { rate: 10 }), { 2020: 10000, 2021: 11000, 2022: 12100 }, '复合增长外推', 16105.1, 1, false, 3],
    // 8% a year → 10000·1.08⁵ = 14693.28; share 5·ln1.08/(5·ln1.1) ≈ 0.8075
    ['compound, growth short', 'annual-growth', E, spec(null, null, { rate: 10 }), { 2020: 10000, 2021: 10800, 2022: 11664 }, '复合增长外推', 14693.28077, Math.log(1.08) / Math.log(1.1), true, 3],
    // −4% a year: 0.5·0.96⁵ = 0.40769; reduction 1 − 0.96⁵ = 0.18463 ≥ 0.135
    ['compound, reduction on course', 'cumulative-reduction', E, spec(null, 13.5), { 2020: 0.5, 2021: 0.48, 2022: 0.4608 }, '复合增长外推', 0.5 * 0.96 ** 5, (1 - 0.96 ** 5) / 0.135, false, 3],
    // −1% a year: 0.5·0.99⁵ = 0.47525; reduction 0.04901 < 0.135
    ['compound, reduction short', 'cumulative-reduction', E, spec(null, 13.5), { 2020: 0.5, 2021: 0.495, 2022: 0.49005 }, '复合增长外推', 0.5 * 0.99 ** 5, (1 - 0.99 ** 5) / 0.135, true, 3],
    // flows 15, 17 → average 16; 32 + 3 × 16 = 80 < 100
    ['average flow, short', 'cumulative-new', E, spec(null, 100), { 2020: 99, 2021: 15, 2022: 17 }, '年均增量外推', 80, 0.8, true, 2],
    // 25, 15, 20 → average 20; 60 + 2 × 20 = 100
    ['average flow, on course', 'cumulative-new', E, spec(null, 100), { 2021: 25, 2022: 15, 2023: 20 }, '年均增量外推', 100, 1, false, 3],
    // a gap year is filled with the average like the future years: (20 + 30)/2 = 25; 50 + 3 × 25 = 125
    ['average flow with a gap', 'cumulative-new', E, spec(null, 100), { 2021: 20, 2023: 30 }, '年均增量外推', 125, 1.25, false, 2],
    // part-year figures are left out: only 0.4 (base), 0.5, 0.6 → 2025: 0.9
    ['part-year points ignored', 'level-up', E, spec(0.4, 1), { 2021: 0.5, 2022: 0.6, '2023Q2': 0.9 }, '线性外推', 0.9, 5 / 6, true, 3],
  ])('%s', (_label, kind, attribute, target, values, method, projected, share, warning, points) => {
    const result = made(forecastToTarget({ kind, attribute, spec: target, series: series(values) }));
    expect(result.method).toBe(method);
    expect(result.projectedValue).toBeCloseTo(projected, 4);
    expect(result.projectedShare).toBeCloseTo(share, 6);
    expect(result.warning).toBe(warning);
    expect(result.label).toBe(warning ? '预警' : null);
    expect(result.bindingWarning).toBe(warning && attribute === '约束性');
    expect(result.pointsUsed).toBe(points);
    expect(result.targetYear).toBe(2025);
  });

  it('names the binding miss: 预计难以完成的主要约束性指标', () => {
    const result = made(
      forecastToTarget({
        kind: 'threshold',
        attribute: B,
        spec: spec(353, 330, { comparator: '>=' }),
        series: series({ 2021: 345, 2022: 337 }),
      }),
    );
    expect(result.bindingWarning).toBe(true);
    expect(result.summary).toBe(`按线性外推，预计2025年达到 313，目标 ≥330，预警：${BINDING_WARNING_LABEL}`);
  });

  it.each<[string, TargetKind, TargetSpec, Record<string, number | null>, string]>([
    ['linear', 'level-up', spec(0.4, 1), { 2021: 0.5, 2022: 0.6, 2023: 0.7 }, '按线性外推，预计2025年达到 0.9，目标 1，预警：预计难以完成目标'],
    ['compound', 'annual-growth', spec(null, null, { rate: 10 }), { 2020: 10000, 2021: 10800, 2022: 11664 }, '按复合增长外推，预计2025年达到 14693.2808（年均增长 8.0%），目标 16105.1，预警：预计难以完成目标'],
    ['average flow', 'cumulative-new', spec(null, 100), { 2021: 25, 2022: 15, 2023: 20 }, '按年均增量外推，预计2025年累计达到 100，目标 100，可完成目标'],
  ])('summary, %s', (_label, kind, target, values, summary) => {
    expect(made(forecastToTarget({ kind, attribute: E, spec: target, series: series(values) })).summary).toBe(summary);
  });

  it.each<[string, TargetKind, TargetSpec, Record<string, number | null>, RegExp]>([
    ['only the base value', 'level-up', spec(0.4, 1), {}, /不足2个/],
    ['one observation, no base value', 'level-up', spec(null, 1), { 2023: 0.7 }, /不足2个/],
    ['null values do not count', 'level-up', spec(null, 1), { 2022: null, 2023: 0.7 }, /不足2个/],
    ['a zero in a compound series', 'annual-growth', spec(null, null, { rate: 10 }), { 2020: 0, 2021: 10, 2022: 12 }, /非正数/],
    ['one flow year', 'cumulative-new', spec(null, 100), { 2020: 50, 2021: 20 }, /不足2年/],
    ['no total', 'cumulative-new', spec(null, null), { 2021: 20, 2022: 30 }, /目标累计量/],
    ['no target level', 'level-up', spec(0.4, null), { 2021: 0.5, 2022: 0.6 }, /缺少目标值/],
    ['no growth target', 'annual-growth', spec(100, null), { 2021: 110, 2022: 121 }, /年均增速/],
    ['no reduction target', 'cumulative-reduction', spec(null, null), { 2020: 0.5, 2021: 0.48 }, /降低率/],
  ])('not possible: %s', (_label, kind, target, values, reason) => {
    const result = forecastToTarget({ kind, attribute: E, spec: target, series: series(values) });
    expect(result.possible).toBe(false);
    if (!result.possible) expect(result.reason).toMatch(reason);
  });
});
