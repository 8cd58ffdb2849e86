// The outlier rule, by table: > 3× last year's figure or < 1/3 of it, or a share above 100 %, needs an explanation.
import { describe, expect, it } from 'vitest';
import { checkOutlier, isPercentageIndicator } from '../../src/domain/reporting/outlier.ts';

describe('checkOutlier', () => {
  it.each([
    // value, previous, percentage, outlier?, rule
    [100, 100, false, false, null],
    [300, 100, false, false, null], // exactly 3× is still plausible
    [300.01, 100, false, true, 'above-factor'],
    [1000, 17, false, true, 'above-factor'],
    [34, 100, false, false, null],
    [100 / 3, 100, false, false, null], // exactly a third
    [33.3, 100, false, true, 'below-factor'],
    [0, 100, false, true, 'below-factor'],
    [-5, 100, false, true, 'below-factor'],
    [5000, null, false, false, null], // no history: nothing to compare
    [5000, 0, false, false, null], // a ratio to zero says nothing
    [5, -2, false, false, null], // nor one to a negative figure
    [100, null, true, false, null],
    [100.5, null, true, true, 'over-100-percent'],
    [101, 100, true, true, 'over-100-percent'], // the percentage rule comes first
    [150, 100, false, false, null], // 150 is fine when the indicator is not a share
    [2.5, 0.8, true, true, 'above-factor'],
  ] as const)('value %s, last year %s, percentage %s → outlier %s (%s)', (value, previous, percentage, outlier, rule) => {
    const verdict = checkOutlier({ value, previous, percentage });
    expect(verdict.outlier).toBe(outlier);
    if (verdict.outlier) {
      expect(verdict.rule).toBe(rule);
      expect(verdict.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('isPercentageIndicator', () => {
  it.each([
    [{ name: '全社会研发经费占地区生产总值的比重', unit: '%' }, true],
    [{ name: '森林覆盖率', unit: '％' }, true],
    [{ name: '规模以上工业企业有研发活动的企业占比', unit: null }, true],
    [{ name: '公民具备科学素质的比例', unit: '' }, true],
    [{ name: '技术合同成交额', unit: '万元' }, false],
    [{ name: '高新技术企业', unit: '家' }, false],
    [{ name: '占比类但单位为万元', unit: '万元' }, false],
  ])('%o → %s', (indicator, expected) => {
    expect(isPercentageIndicator(indicator)).toBe(expected);
  });
});
