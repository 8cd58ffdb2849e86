import { describe, expect, it } from 'vitest';
import type { Comparator, PlanIndicator } from '../../src/domain/plan/model.ts';
import {
  formatPlain,
  inferTargetKind,
  isTargetKind,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  type TargetKind,
} from '../../src/domain/progress/target-kind.ts';

/** An imported row as `kechuang plan parse --json` gives it. */
function row(
  name: string,
  base: number | null,
  target: number | null,
  extra: { comparator?: Comparator; cumulative?: boolean; rate?: number; attribute?: '预期性' | '约束性' } = {},
): PlanIndicator {
  const bracket = (v: number | null): string => (v === null ? '－' : extra.cumulative ? `【${v}】` : String(v));
  const sign = extra.comparator === '>=' ? '≥' : extra.comparator === '<=' ? '≤' : '';
  return {
    seq: '1',
    name,
    unit: null,
    attribute: extra.attribute ?? '预期性',
    baseline: { year: 2020, value: base, text: bracket(base) },
    target: { year: 2025, value: target, text: `${sign}${bracket(target)}`, comparator: extra.comparator ?? null },
    cumulative: extra.cumulative ?? false,
    annualGrowthRate: extra.rate ?? null,
  };
}

describe('inferTargetKind', () => {
  it.each<[string, PlanIndicator, TargetKind, RegExp]>([
    // 奉节 seed rows
    ['奉节 森林覆盖率 63.04 → ≥65 (约束性, must first reach)', row('森林覆盖率（%）', 63.04, 65, { comparator: '>=', attribute: '约束性' }), 'threshold', /≥65.*尚未达到/],
    ['奉节 空气优良天数 353, ≥330 (约束性, keep)', row('环境空气质量优良天数（天）', 353, 330, { comparator: '>=', attribute: '约束性' }), 'threshold', /^目标值为"≥330"，按每年须保持的门槛值处理$/],
    ['奉节 全社会研发经费占比 0.4 → 1', row('全社会研发经费占地区生产总值的比重（%）', 0.4, 1), 'level-up', /目标值 1 不低于基期值 0.4/],
    // 石柱 seed rows
    ['石柱 科技型企业 【201】→【240】', row('科技型企业数量（个）', 201, 240, { cumulative: true }), 'cumulative-stock', /年末存量/],
    ['石柱 全社会研发经费投入增长 年均 10%', row('全社会研发经费投入增长（%）', null, null, { rate: 10 }), 'annual-growth', /年均增速 10%/],
    // other shapes
    ['年均 in the name, no values, no rate column', row('地区生产总值年均增长（%）', null, null), 'annual-growth', /年均\/增长/],
    ['累计新增 with 【】 and no base', row('累计新增高新技术企业（家）', null, 50, { cumulative: true }), 'cumulative-new', /新增/],
    ['新增 without 【】', row('新增科技型企业（家）', 30, 50), 'cumulative-new', /新增/],
    ['【】 without a base value: 五年累计', row('技术合同成交额五年累计（亿元）', null, 10, { cumulative: true }), 'cumulative-new', /无基期数/],
    ['降低 with 【】 (not a sum)', row('单位GDP能耗降低（%）', null, 13.5, { cumulative: true }), 'cumulative-reduction', /降低/],
    ['下降 with two levels', row('万元GDP能耗下降（吨标煤/万元）', 0.5, 0.43), 'cumulative-reduction', /降低\/下降/],
    ['target below base', row('单位地区生产总值能耗（吨标煤/万元）', 0.5, 0.43), 'level-down', /目标值 0.43 低于基期值 0.5/],
    ['target equal to base', row('市级科技特派员（人/年）', 30, 30), 'level-up', /不低于/],
    ['missing target', row('企业技术研发中心（个）', 28, null), 'level-up', /请核对/],
    ['≤ comparator wins over 年均 in the name', row('PM2.5年均浓度（微克/立方米）', 38, 35, { comparator: '<=' }), 'threshold', /≤35.*尚未达到/],
    ['增长 in the name but values given', row('研发经费支出增长率（%）', 10, 12), 'level-up', /不低于/],
  ])('%s', (_label, input, kind, reason) => {
    const inferred = inferTargetKind(input);
    expect(inferred.kind).toBe(kind);
    expect(inferred.reason).toMatch(reason);
  });
});

describe('TargetKind vocabulary', () => {
  it('every kind has a Chinese label', () => {
    for (const kind of TARGET_KINDS) expect(TARGET_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fff]/);
    expect(TARGET_KIND_LABELS['level-up']).toBe('越大越好的水平值');
  });

  it.each([
    ['threshold', true],
    ['level-up', true],
    ['level', false],
  ])('isTargetKind(%s) → %s', (value, expected) => {
    expect(isTargetKind(value)).toBe(expected);
  });
});

describe('formatPlain (a figure as a person writes it in a table cell)', () => {
  it.each([
    [12, '12'],
    [0.4, '0.4'],
    [1523.45, '1523.45'],
    [0.1 + 0.2, '0.3'], // 0.30000000000000004: rounded to 4 decimals
    [2.00005, '2'], // binary 2.0000499…: toFixed rounds down
    [1 / 3, '0.3333'],
    [-0.43, '-0.43'],
    [-0, '0'],
    [1e21, '1e+21'],
    [1e-7, '0'],
    [123456.12345, '123456.1234'],
  ])('%s → %s', (value, text) => {
    expect(formatPlain(value)).toBe(text);
    // The fast path must agree with the plain definition.
    expect(formatPlain(value)).toBe(String(Number(value.toFixed(4))));
  });
});
