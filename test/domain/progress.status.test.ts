import { describe, expect, it } from 'vitest';
import type { Comparator, IndicatorAttribute } from '../../src/domain/plan/model.ts';
import { parsePeriod } from '../../src/domain/period/period.ts';
import { completionShare, type Observation, type TargetSpec } from '../../src/domain/progress/completion.ts';
import {
  classifyStatus,
  explainStatus,
  formatPercent,
  INDICATOR_STATUSES,
  isIndicatorStatus,
  STATUS_COLOURS,
  STATUS_OUTCOMES,
  type StatusOutcome,
  type StatusRule,
} from '../../src/domain/progress/status.ts';
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

function judge(
  kind: TargetKind,
  attribute: IndicatorAttribute | null,
  target: TargetSpec,
  values: Record<string, number | null>,
  tolerance?: number,
) {
  const completion = completionShare(kind, target, series(values));
  return classifyStatus({ attribute, completion, ...(tolerance === undefined ? {} : { tolerance }) });
}

const E = '预期性' as const;
const B = '约束性' as const;

describe('pace rules on a level 0 → 100 (2023: P_time = 3/5 = 60%)', () => {
  it.each<[string, IndicatorAttribute, Record<string, number>, StatusOutcome, StatusRule]>([
    ['exactly on pace 60', E, { 2023: 60 }, '基本符合预期', 'pace'],
    ['5 points below (boundary) 55', E, { 2023: 55 }, '基本符合预期', 'pace'], // 0.55 − 0.60 = −0.05 ≤ ε
    ['5 points above (boundary) 65', E, { 2023: 65 }, '基本符合预期', 'pace'], // +0.05 is not > ε
    ['5.1 points above 65.1', E, { 2023: 65.1 }, '快于预期', 'pace'],
    ['5.1 points below 54.9', E, { 2023: 54.9 }, '滞后', 'pace'],
    ['well behind 38', E, { 2023: 38 }, '滞后', 'pace'],
    ['target reached early', E, { 2023: 100 }, '提前实现', 'reached'],
    ['beyond target early', E, { 2023: 120 }, '提前实现', 'reached'],
    ['reached in the target year: on time, not early', E, { 2025: 100 }, '基本符合预期', 'reached'],
    ['target year, 4 points short', E, { 2025: 96 }, '基本符合预期', 'pace'], // 0.96 − 1
    ['target year, 6 points short', E, { 2025: 94 }, '滞后', 'pace'],
    ['after the plan, not reached', E, { 2026: 90 }, '滞后', 'pace'], // P_time stays 1
    ['2023Q2 at 50: P_time (2+0.5)/5 = 50%', E, { '2023Q2': 50 }, '基本符合预期', 'pace'],
    ['2023M07 at 60: P_time 31/60 ≈ 51.7%, gap +8.3', E, { '2023M07': 60 }, '快于预期', 'pace'],
    // 约束性: never 基本符合预期 below pace, even within ε
    ['约束性 2 points below (within ε)', B, { 2023: 58 }, '约束性未达标', 'binding-below-pace'],
    ['约束性 exactly on pace', B, { 2023: 60 }, '基本符合预期', 'pace'],
    ['约束性 3 points above', B, { 2023: 63 }, '基本符合预期', 'pace'],
    ['约束性 6 points above', B, { 2023: 66 }, '快于预期', 'pace'],
    ['约束性 well behind', B, { 2023: 40 }, '约束性未达标', 'binding-below-pace'],
    ['约束性 target year 4 points short', B, { 2025: 96 }, '约束性未达标', 'binding-below-pace'],
  ])('%s → %s', (_label, attribute, values, status, rule) => {
    const verdict = judge('level-up', attribute, spec(0, 100), values);
    expect(verdict.status).toBe(status);
    expect(verdict.rule).toBe(rule);
  });

  it('the 奉节 R&D seed: 0.4 → 1, value 0.7 in 2023 → P_done 50%, P_time 60% → 滞后', () => {
    const verdict = judge('level-up', E, spec(0.4, 1), { 2023: 0.7 });
    expect(verdict.status).toBe('滞后');
    expect(verdict.schedule?.share).toBeCloseTo(0.6, 12);
    expect(verdict.gap).toBeCloseTo(-0.1, 10); // 0.5 − 0.6
    expect(explainStatus(verdict)).toBe('完成进度 50.0%，序时进度 60.0%，滞后 10.0 个百分点');
  });
});

describe('tolerance ε is configurable', () => {
  it.each<[number, number, StatusOutcome]>([
    [0.1, 52, '基本符合预期'], // −8 points within 10
    [0.1, 49, '滞后'], // −11 points
    [0.1, 70, '基本符合预期'], // +10 points (boundary)
    [0, 60, '基本符合预期'], // exactly on pace
    [0, 59, '滞后'],
    [0, 61, '快于预期'],
  ])('ε = %d, value %d in 2023 → %s', (tolerance, value, status) => {
    expect(judge('level-up', E, spec(0, 100), { 2023: value }, tolerance).status).toBe(status);
  });

  it.each([-0.01, Number.NaN, Number.POSITIVE_INFINITY])('rejects ε = %d', (tolerance) => {
    const completion = completionShare('level-up', spec(0, 100), series({ 2023: 60 }));
    expect(() => classifyStatus({ attribute: E, completion, tolerance })).toThrow(RangeError);
  });
});

describe('level-down, stock and flows use the same pace rules', () => {
  it.each<[string, TargetKind, IndicatorAttribute, TargetSpec, Record<string, number>, StatusOutcome]>([
    ['level-down 5 → 3 at 4 in 2023: 50% vs 60%', 'level-down', E, spec(5, 3), { 2023: 4 }, '滞后'],
    ['level-down reached 2.9 in 2023', 'level-down', E, spec(5, 3), { 2023: 2.9 }, '提前实现'],
    // 石柱 科技型企业 【201】→【240】: 225 → 24/39 ≈ 61.5% vs 60% → within ε
    ['石柱 科技型企业 225 in 2023', 'cumulative-stock', E, spec(201, 240), { 2023: 225 }, '基本符合预期'],
    ['石柱 科技型企业 240 in 2024', 'cumulative-stock', E, spec(201, 240), { 2024: 240 }, '提前实现'],
    // N = 100: 20 + 25 + 15 = 60 → 60% vs 60%
    ['cumulative-new 60 of 100 by 2023', 'cumulative-new', E, spec(null, 100), { 2021: 20, 2022: 25, 2023: 15 }, '基本符合预期'],
    ['cumulative-new 50 of 100 by 2023', 'cumulative-new', E, spec(null, 100), { 2021: 20, 2022: 15, 2023: 15 }, '滞后'],
    ['cumulative-new total reached in 2023', 'cumulative-new', E, spec(null, 100), { 2021: 40, 2022: 40, 2023: 20 }, '提前实现'],
    // 降低 13.5%: 0.45 → (1 − 0.9)/0.135 ≈ 74.1% vs 60% → +14.1 points
    ['reduction 0.5 → 0.45 in 2023', 'cumulative-reduction', E, spec(null, 13.5), { 2020: 0.5, 2023: 0.45 }, '快于预期'],
    // 0.47 → (1 − 0.94)/0.135 ≈ 44.4% vs 60%
    ['reduction 0.5 → 0.47 in 2023', 'cumulative-reduction', E, spec(null, 13.5), { 2020: 0.5, 2023: 0.47 }, '滞后'],
    ['reduction 0.5 → 0.47, 约束性', 'cumulative-reduction', B, spec(null, 13.5), { 2020: 0.5, 2023: 0.47 }, '约束性未达标'],
  ])('%s → %s', (_label, kind, attribute, target, values, status) => {
    expect(judge(kind, attribute, target, values).status).toBe(status);
  });
});

describe('threshold', () => {
  const air = spec(353, 330, { comparator: '>=' }); // 奉节 环境空气质量优良天数 353, ≥330 (约束性)
  const forest = spec(63.04, 65, { comparator: '>=' }); // 奉节 森林覆盖率 63.04 → ≥65 (约束性)

  it.each<[string, IndicatorAttribute, TargetSpec, Record<string, number>, StatusOutcome, StatusRule]>([
    // keep mode: a floor kept is on plan (基本符合预期), never 提前实现: it must be kept to 2025
    ['优良天数 340: met', B, air, { 2023: 340 }, '基本符合预期', 'threshold-kept'],
    ['优良天数 330: met (inclusive)', B, air, { 2023: 330 }, '基本符合预期', 'threshold-kept'],
    ['优良天数 320: breach', B, air, { 2023: 320 }, '约束性未达标', 'threshold-breach'],
    ['a 预期性 floor breached', E, air, { 2023: 320 }, '滞后', 'threshold-breach'],
    // reach mode: 64.0 → 0.96/1.96 ≈ 49.0% vs 60% → binding below pace
    ['森林覆盖率 64.0 in 2023', B, forest, { 2023: 64 }, '约束性未达标', 'binding-below-pace'],
    // 2022: 49.0% vs 40% → +9.0 points
    ['森林覆盖率 64.0 in 2022', B, forest, { 2022: 64 }, '快于预期', 'pace'],
    ['森林覆盖率 65.5 in 2023: reached', B, forest, { 2023: 65.5 }, '提前实现', 'reached'],
    ['森林覆盖率 65.2 in 2025: reached on time', B, forest, { 2025: 65.2 }, '基本符合预期', 'reached'],
    ['森林覆盖率 64.8 in 2025: breach at the deadline', B, forest, { 2025: 64.8 }, '约束性未达标', 'threshold-breach'],
    ['预期性 reach 64.8 in 2025', E, forest, { 2025: 64.8 }, '滞后', 'threshold-breach'],
  ])('%s → %s', (_label, attribute, target, values, status, rule) => {
    const verdict = judge('threshold', attribute, target, values);
    expect(verdict.status).toBe(status);
    expect(verdict.rule).toBe(rule);
  });
});

describe('annual-growth: on track iff g_y ≥ g', () => {
  const shizhu = spec(null, null, { rate: 10 }); // 石柱 全社会研发经费投入增长 年均 10%
  it.each<[string, IndicatorAttribute, Record<string, number>, StatusOutcome, StatusRule]>([
    ['exactly 10%: 13310 in 2023 (share 60% = P_time)', E, { 2020: 10000, 2023: 13310 }, '基本符合预期', 'growth-on-track'],
    // ln1.36/(5·ln1.1) = 0.30748/0.47655 ≈ 64.5%: +4.5 points
    ['10.8%: 13600 in 2023', E, { 2020: 10000, 2023: 13600 }, '基本符合预期', 'growth-on-track'],
    // ln1.45/(5·ln1.1) = 0.37156/0.47655 ≈ 78.0%: +18.0 points
    ['13.2%: 14500 in 2023', E, { 2020: 10000, 2023: 14500 }, '快于预期', 'growth-on-track'],
    // 1.3^(1/3) − 1 ≈ 9.14% < 10%; share ln1.3/(5·ln1.1) ≈ 55.1%, within ε, still 滞后 (strict on g)
    ['9.1%: 13000 in 2023', E, { 2020: 10000, 2023: 13000 }, '滞后', 'growth-below'],
    ['9.1%, 约束性', B, { 2020: 10000, 2023: 13000 }, '约束性未达标', 'growth-below'],
    ['negative growth', E, { 2020: 10000, 2021: 9000 }, '滞后', 'growth-below'],
    ['end level 1.1⁵ reached in 2024', E, { 2020: 10000, 2024: 16105.1 }, '提前实现', 'reached'],
  ])('%s → %s', (_label, attribute, values, status, rule) => {
    const verdict = judge('annual-growth', attribute, shizhu, values);
    expect(verdict.status).toBe(status);
    expect(verdict.rule).toBe(rule);
  });

  it('a 年均下降 target: on track when g_y ≤ g', () => {
    // −5% a year from 100: 0.95² = 0.9025 → on track; 92 → g_y ≈ −4.1% → behind
    expect(judge('annual-growth', E, spec(100, null, { rate: -5 }), { 2022: 90.25 }).status).toBe('基本符合预期');
    expect(judge('annual-growth', E, spec(100, null, { rate: -5 }), { 2022: 92 }).status).toBe('滞后');
  });
});

describe('no verdict', () => {
  it.each<[string, TargetKind, TargetSpec, Record<string, number | null>, StatusOutcome]>([
    ['no value', 'level-up', spec(0.4, 1), {}, '无数据'],
    ['null value', 'level-up', spec(0.4, 1), { 2023: null }, '无数据'],
    ['zero base for growth', 'annual-growth', spec(0, null, { rate: 10 }), { 2023: 5 }, '无法评价'],
    ['missing target', 'level-up', spec(0.4, null), { 2023: 0.7 }, '无法评价'],
    ['a year before the plan', 'level-up', spec(0.4, 1), { 2019: 0.3 }, '无法评价'],
  ])('%s → %s', (_label, kind, target, values, status) => {
    const verdict = judge(kind, E, target, values);
    expect(verdict.status).toBe(status);
    expect(verdict.gap).toBeNull();
  });
});

describe('explainStatus', () => {
  const shizhu = spec(null, null, { rate: 10 });
  it.each<[string, TargetKind, IndicatorAttribute, TargetSpec, Record<string, number | null>, string]>([
    ['behind', 'level-up', E, spec(0, 100), { 2023: 38 }, '完成进度 38.0%，序时进度 60.0%，滞后 22.0 个百分点'],
    ['ahead', 'level-up', E, spec(0, 100), { 2023: 70 }, '完成进度 70.0%，序时进度 60.0%，领先 10.0 个百分点'],
    ['on pace', 'level-up', E, spec(0, 100), { '2023Q2': 50 }, '完成进度 50.0%，序时进度 50.0%，与序时进度持平'],
    // 31/60 = 0.51666… → 51.7%; 55.0 − 51.7 = 3.3
    ['a month', 'level-up', E, spec(0, 100), { '2023M07': 55 }, '完成进度 55.0%，序时进度 51.7%，领先 3.3 个百分点'],
    ['binding below pace', 'level-up', B, spec(0, 100), { 2023: 58 }, '完成进度 58.0%，序时进度 60.0%，滞后 2.0 个百分点，约束性指标低于序时进度'],
    ['reached early', 'level-up', E, spec(0.4, 1), { 2023: 1.2 }, '完成进度 133.3%，已提前实现目标（2023年数值 1.2，目标值 1）'],
    ['reached on time', 'level-up', E, spec(0.4, 1), { 2025: 1 }, '完成进度 100.0%，已按期实现目标（2025年数值 1，目标值 1）'],
    ['negative progress', 'level-up', E, spec(0.4, 1), { 2022: 0.3 }, '完成进度 -16.7%，序时进度 40.0%，滞后 56.7 个百分点'],
    ['floor kept', 'threshold', B, spec(353, 330, { comparator: '>=' }), { 2023: 340 }, '2023年数值 340，满足"≥330"的约束性要求'],
    ['floor breached', 'threshold', B, spec(353, 330, { comparator: '>=' }), { 2023: 320 }, '2023年数值 320，未达到"≥330"的约束性要求'],
    ['floor reached', 'threshold', B, spec(63.04, 65, { comparator: '>=' }), { 2023: 65.5 }, '2023年数值 65.5，已达到"≥65"，规划期内须持续保持'],
    // 0.96/1.96 = 0.48979… → 49.0%
    ['floor on the way', 'threshold', B, spec(63.04, 65, { comparator: '>=' }), { 2023: 64 }, '完成进度 49.0%，序时进度 60.0%，滞后 11.0 个百分点，约束性指标低于序时进度'],
    ['growth', 'annual-growth', E, shizhu, { 2020: 10000, 2023: 13310 }, '实际年均增长 10.0%，目标年均增长 10.0%，完成进度 60.0%，序时进度 60.0%，与序时进度持平'],
    ['growth reached', 'annual-growth', E, shizhu, { 2020: 10000, 2024: 16105.1 }, '完成进度 100.0%，已提前实现目标（2024年实际年均增长 12.7%，目标年均增长 10.0%）'],
    ['reduction reached', 'cumulative-reduction', E, spec(null, 13.5), { 2020: 0.5, 2024: 0.4 }, '完成进度 148.1%，已提前实现目标（2024年累计降低 20.0%，目标降低 13.5%）'],
    ['total reached', 'cumulative-new', E, spec(null, 100), { 2021: 60, 2022: 50 }, '完成进度 110.0%，已提前实现目标（2022年累计 110，目标 100）'],
    ['no data', 'level-up', E, spec(0.4, 1), {}, '暂无监测数据'],
    ['not computable', 'annual-growth', E, spec(0, null, { rate: 10 }), { 2023: 5 }, '无法计算完成进度：基期值为0，无法计算增速'],
  ])('%s', (_label, kind, attribute, target, values, sentence) => {
    expect(explainStatus(judge(kind, attribute, target, values))).toBe(sentence);
  });
});

describe('vocabulary', () => {
  it('lists the official labels in order, then the two non-verdicts, each with a colour', () => {
    expect(INDICATOR_STATUSES).toEqual(['提前实现', '快于预期', '基本符合预期', '滞后', '约束性未达标']);
    expect(STATUS_OUTCOMES).toEqual([...INDICATOR_STATUSES, '无数据', '无法评价']);
    for (const status of STATUS_OUTCOMES) expect(STATUS_COLOURS[status]).toMatch(/^#[0-9a-f]{6}$/);
    expect(isIndicatorStatus('滞后')).toBe(true);
    expect(isIndicatorStatus('无数据')).toBe(false);
  });

  it.each([
    [0.38, '38.0'],
    [0.4999999999999999, '50.0'],
    [31 / 60, '51.7'],
    [-1 / 6, '-16.7'],
    [1.3333333, '133.3'],
  ])('formatPercent(%d) → %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});
