// The seed plans' rows, end to end: imported row → inferred kind → spec → completion, status, sentence, forecast.
import { describe, expect, it } from 'vitest';
import type { Comparator, IndicatorAttribute, PlanIndicator } from '../../src/domain/plan/model.ts';
import { parsePeriod } from '../../src/domain/period/period.ts';
import {
  evaluateIndicator,
  inferTargetKind,
  targetSpecFromRow,
  type Observation,
  type StatusOutcome,
  type TargetKind,
} from '../../src/domain/progress/index.ts';

const PLAN = { baseYear: 2020, targetYear: 2025 };

function row(
  name: string,
  attribute: IndicatorAttribute,
  base: number | null,
  target: number | null,
  extra: { comparator?: Comparator; cumulative?: boolean; rate?: number } = {},
): PlanIndicator {
  return {
    seq: '1',
    name,
    unit: null,
    attribute,
    baseline: { year: 2020, value: base, text: base === null ? '－' : String(base) },
    target: { year: 2025, value: target, text: target === null ? '－' : String(target), comparator: extra.comparator ?? null },
    cumulative: extra.cumulative ?? false,
    annualGrowthRate: extra.rate ?? null,
  };
}

function observations(values: Record<string, number>, reportLag = 0): Observation[] {
  return Object.entries(values).map(([code, value]) => {
    const period = parsePeriod(code);
    return { dataYear: period.year, value, reportYear: period.year + reportLag };
  });
}

const fengjieRnd = row('全社会研发经费占地区生产总值的比重（%）', '预期性', 0.4, 1);
const fengjieForest = row('森林覆盖率（%）', '约束性', 63.04, 65, { comparator: '>=' });
const fengjieAir = row('环境空气质量优良天数（天）', '约束性', 353, 330, { comparator: '>=' });
const shizhuFirms = row('科技型企业数量（个）', '预期性', 201, 240, { cumulative: true });
const shizhuRndGrowth = row('全社会研发经费投入增长（%）', '预期性', null, null, { rate: 10 });

describe('seed indicators', () => {
  it.each<[string, PlanIndicator, Record<string, number>, TargetKind, number, number, StatusOutcome, string]>([
    // label, row, series, kind, P_done, P_time, status, sentence
    ['奉节 R&D 占比 0.7 in 2023', fengjieRnd, { 2023: 0.7 }, 'level-up', 0.5, 0.6, '滞后', '完成进度 50.0%，序时进度 60.0%，滞后 10.0 个百分点'],
    // (0.95 − 0.4)/0.6 = 0.91667 < 1, 2024: P_time 0.8 → +11.7
    ['奉节 R&D 占比 0.95 in 2024', fengjieRnd, { 2024: 0.95 }, 'level-up', 0.55 / 0.6, 0.8, '快于预期', '完成进度 91.7%，序时进度 80.0%，领先 11.7 个百分点'],
    ['奉节 空气优良天数 340', fengjieAir, { 2023: 340 }, 'threshold', 1, 0.6, '基本符合预期', '2023年数值 340，满足"≥330"的约束性要求'],
    ['奉节 空气优良天数 320', fengjieAir, { 2023: 320 }, 'threshold', 0, 0.6, '约束性未达标', '2023年数值 320，未达到"≥330"的约束性要求'],
    // (64.2 − 63.04)/1.96 = 1.16/1.96 ≈ 0.5918 < 0.6: binding and below pace by 0.8 points
    ['奉节 森林覆盖率 64.2 in 2023', fengjieForest, { 2023: 64.2 }, 'threshold', 1.16 / 1.96, 0.6, '约束性未达标', '完成进度 59.2%，序时进度 60.0%，滞后 0.8 个百分点，约束性指标低于序时进度'],
    ['奉节 森林覆盖率 65.1 in 2023', fengjieForest, { 2023: 65.1 }, 'threshold', 2.06 / 1.96, 0.6, '提前实现', '2023年数值 65.1，已达到"≥65"，规划期内须持续保持'],
    // (225 − 201)/39 = 0.6154 vs 0.6
    ['石柱 科技型企业 225 in 2023', shizhuFirms, { 2023: 225 }, 'cumulative-stock', 24 / 39, 0.6, '基本符合预期', '完成进度 61.5%，序时进度 60.0%，领先 1.5 个百分点'],
    // 14277 万元 (2020, from the plan text) → 1.1³ · 14277 = 19002.687
    ['石柱 研发经费投入增长 10%', shizhuRndGrowth, { 2020: 14277, 2023: 19002.687 }, 'annual-growth', 0.6, 0.6, '基本符合预期', '实际年均增长 10.0%，目标年均增长 10.0%，完成进度 60.0%，序时进度 60.0%，与序时进度持平'],
  ])('%s', (_label, indicator, values, kind, done, time, status, sentence) => {
    const inferred = inferTargetKind(indicator);
    expect(inferred.kind).toBe(kind);
    const evaluation = evaluateIndicator({
      kind: inferred.kind,
      attribute: indicator.attribute,
      spec: targetSpecFromRow(indicator, PLAN),
      series: observations(values),
    });
    if (!evaluation.completion.computable) throw new Error(evaluation.completion.reason);
    expect(evaluation.completion.share).toBeCloseTo(done, 9);
    expect(evaluation.verdict.schedule?.share).toBeCloseTo(time, 12);
    expect(evaluation.verdict.status).toBe(status);
    expect(evaluation.explanation).toBe(sentence);
  });
});

describe('data year, not report year', () => {
  it('2023 statistics reported in 2024 are judged against the 2023 schedule (60%, not 80%)', () => {
    const evaluation = evaluateIndicator({
      kind: 'level-up',
      attribute: '预期性',
      spec: targetSpecFromRow(fengjieRnd, PLAN),
      series: observations({ 2023: 0.7 }, 1), // reportYear 2024
    });
    expect(evaluation.verdict.schedule?.share).toBeCloseTo(0.6, 12);
    expect(evaluation.verdict.status).toBe('滞后');
  });
});

describe('evaluateIndicator', () => {
  const series = observations({ 2021: 0.5, 2022: 0.6, 2023: 0.7, 2024: 0.9 });
  const base = { kind: 'level-up' as const, attribute: '预期性' as const, spec: targetSpecFromRow(fengjieRnd, PLAN), series };

  it('asOf limits both the evaluation and the forecast', () => {
    const evaluation = evaluateIndicator({ ...base, asOf: parsePeriod('2023') });
    if (!evaluation.completion.computable || !evaluation.forecast.possible) throw new Error('expected results');
    expect(evaluation.completion.dataYear).toBe(2023);
    // 0.4, 0.5, 0.6, 0.7 → 0.9 in 2025, not using the 2024 figure
    expect(evaluation.forecast.projectedValue).toBeCloseTo(0.9, 9);
    expect(evaluation.forecast.pointsUsed).toBe(4);
  });

  it('passes the tolerance through', () => {
    // 2023: 50% vs 60% → −10 points: 滞后 at ε = 5%, 基本符合预期 at ε = 10%
    expect(evaluateIndicator({ ...base, asOf: parsePeriod('2023') }).verdict.status).toBe('滞后');
    expect(evaluateIndicator({ ...base, asOf: parsePeriod('2023'), tolerance: 0.1 }).verdict.status).toBe('基本符合预期');
  });

  it('约束性 projected miss: 优良天数 falling 8 days a year', () => {
    const evaluation = evaluateIndicator({
      kind: 'threshold',
      attribute: '约束性',
      spec: targetSpecFromRow(fengjieAir, PLAN),
      series: observations({ 2021: 345, 2022: 337 }),
    });
    expect(evaluation.verdict.status).toBe('基本符合预期'); // 337 ≥ 330 still
    expect(evaluation.forecast.possible && evaluation.forecast.bindingWarning).toBe(true);
  });

  it('no data: 无数据 and no forecast', () => {
    const evaluation = evaluateIndicator({ ...base, series: [] });
    expect(evaluation.verdict.status).toBe('无数据');
    expect(evaluation.explanation).toBe('暂无监测数据');
    expect(evaluation.forecast.possible).toBe(false);
  });
});
