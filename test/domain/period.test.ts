import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  enumeratePeriods,
  formatPeriod,
  parsePeriod,
  periodContains,
  periodLabel,
  periodsInPlan,
  PeriodParseError,
  tryParsePeriod,
  yearFractionAtEnd,
  type Period,
} from '../../src/domain/period/period.ts';

const Y = (year: number): Period => ({ kind: 'year', year });
const H = (year: number, half: 1 | 2): Period => ({ kind: 'half', year, half });
const Q = (year: number, quarter: 1 | 2 | 3 | 4): Period => ({ kind: 'quarter', year, quarter });
const M = (year: number, month: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12): Period => ({ kind: 'month', year, month });

describe('parsePeriod', () => {
  it.each([
    ['2023', Y(2023)],
    ['2023H1', H(2023, 1)],
    ['2023h2', H(2023, 2)],
    ['2023Q2', Q(2023, 2)],
    ['2023q4', Q(2023, 4)],
    ['2023M07', M(2023, 7)],
    ['2023M7', M(2023, 7)],
    ['2023M12', M(2023, 12)],
    ['  2023Q1 ', Q(2023, 1)],
    ['2023年', Y(2023)],
    ['2023年度', Y(2023)],
    ['2023年全年', Y(2023)],
    ['2023年上半年', H(2023, 1)],
    ['2023年下半年', H(2023, 2)],
    ['2023年第二季度', Q(2023, 2)],
    ['2023年2季度', Q(2023, 2)],
    ['2023年第4季度', Q(2023, 4)],
    ['2023年7月', M(2023, 7)],
    ['2023年07月', M(2023, 7)],
    ['2023年十二月', M(2023, 12)],
    ['2023年十一月份', M(2023, 11)],
  ])('%s', (input, expected) => {
    expect(parsePeriod(input)).toEqual(expected);
  });

  it.each([
    ['', 'period-format'],
    ['23', 'period-format'],
    ['abc', 'period-format'],
    ['2023X1', 'period-format'],
    ['2023-07', 'period-format'],
    ['2023年第五季度', 'period-format'],
    ['2023Q5', 'period-range'],
    ['2023Q0', 'period-range'],
    ['2023H3', 'period-range'],
    ['2023M13', 'period-range'],
    ['2023M00', 'period-range'],
    ['2023年13月', 'period-range'],
    ['1800', 'period-range'],
  ])('rejects %j with %s', (input, code) => {
    let caught: unknown;
    try {
      parsePeriod(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PeriodParseError);
    const error = caught as PeriodParseError;
    expect(error.code).toBe(code);
    expect(error.input).toBe(input);
    // Both languages: the bureau reads the Chinese half, logs and developers the English one.
    expect(error.message).toMatch(/期间|年份/);
    expect(error.message).toMatch(/period/i);
  });

  it('tryParsePeriod returns null instead of throwing', () => {
    expect(tryParsePeriod('2023Q9')).toBeNull();
    expect(tryParsePeriod('2023Q3')).toEqual(Q(2023, 3));
  });
});

describe('formatPeriod and periodLabel', () => {
  it.each([
    [Y(2023), '2023', '2023年'],
    [H(2023, 1), '2023H1', '2023年上半年'],
    [H(2023, 2), '2023H2', '2023年下半年'],
    [Q(2023, 1), '2023Q1', '2023年第一季度'],
    [Q(2023, 2), '2023Q2', '2023年第二季度'],
    [Q(2023, 4), '2023Q4', '2023年第四季度'],
    [M(2023, 7), '2023M07', '2023年7月'],
    [M(2023, 12), '2023M12', '2023年12月'],
  ])('%j → %s / %s', (period, code, label) => {
    expect(formatPeriod(period)).toBe(code);
    expect(periodLabel(period)).toBe(label);
    // Both forms read back to the same value.
    expect(parsePeriod(code)).toEqual(period);
    expect(parsePeriod(label)).toEqual(period);
  });
});

describe('yearFractionAtEnd', () => {
  it.each([
    [Y(2023), 1], // year → 1
    [H(2023, 1), 0.5], // 1/2
    [H(2023, 2), 1], // 2/2
    [Q(2023, 1), 0.25], // 1/4
    [Q(2023, 2), 0.5], // 2/4
    [Q(2023, 3), 0.75], // 3/4
    [M(2023, 1), 1 / 12],
    [M(2023, 7), 7 / 12],
    [M(2023, 12), 1], // 12/12
  ])('%j → %d', (period, fraction) => {
    expect(yearFractionAtEnd(period)).toBeCloseTo(fraction, 12);
  });
});

describe('comparePeriods', () => {
  it('orders by end, and a whole year after its last month/quarter/half', () => {
    const shuffled = [Y(2023), M(2023, 12), Q(2023, 4), H(2023, 2), Q(2023, 1), M(2023, 2), Y(2022), H(2023, 1), M(2023, 6)];
    const codes = [...shuffled].sort(comparePeriods).map(formatPeriod);
    // Ends: 2022→2022/12; M02→2/12; Q1→3/12; H1 and M06 → 6/12 (M06 starts later, first); then the four ending 12/12.
    expect(codes).toEqual(['2022', '2023M02', '2023Q1', '2023M06', '2023H1', '2023M12', '2023Q4', '2023H2', '2023']);
  });

  it.each([
    [Q(2023, 2), Q(2023, 3), -1],
    [Y(2022), M(2023, 1), -1],
    [Q(2023, 2), Q(2023, 2), 0],
    [Y(2024), M(2023, 12), 1],
  ])('%j vs %j → sign %d', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
  });
});

describe('periodContains', () => {
  it.each([
    [Y(2023), Q(2023, 2), true],
    [H(2023, 1), Q(2023, 2), true],
    [H(2023, 1), Q(2023, 3), false],
    [Q(2023, 3), M(2023, 9), true],
    [Y(2023), M(2024, 1), false],
    [Q(2023, 2), Q(2023, 2), true],
  ])('%j contains %j → %s', (outer, inner, expected) => {
    expect(periodContains(outer, inner)).toBe(expected);
  });
});

describe('enumeration', () => {
  it.each([
    // plan 2020→2025: reporting runs 2021—2025, the base year is the starting point.
    ['year', 5, '2021', '2025'],
    ['half', 10, '2021H1', '2025H2'],
    ['quarter', 20, '2021Q1', '2025Q4'],
    ['month', 60, '2021M01', '2025M12'],
  ] as const)('periodsInPlan 2020→2025 by %s: %d periods from %s to %s', (kind, count, first, last) => {
    const periods = periodsInPlan({ baseYear: 2020, targetYear: 2025 }, kind);
    expect(periods).toHaveLength(count);
    expect(formatPeriod(periods[0] ?? Y(0))).toBe(first);
    expect(formatPeriod(periods.at(-1) ?? Y(0))).toBe(last);
    // Enumerated in order.
    const sorted = [...periods].sort(comparePeriods);
    expect(sorted.map(formatPeriod)).toEqual(periods.map(formatPeriod));
  });

  it('enumeratePeriods over one year by quarter', () => {
    expect(enumeratePeriods(2023, 2023, 'quarter').map(formatPeriod)).toEqual(['2023Q1', '2023Q2', '2023Q3', '2023Q4']);
    expect(enumeratePeriods(2024, 2023, 'year')).toEqual([]);
  });
});
