// 计量单位 check: the unit a reporter writes next to a figure must be the indicator's own (万元 is not 亿元). Written
// variants of the same unit (全角 ％, spaces, 件/万人 vs 件／万人) are accepted.

export function normalizeMeasureUnit(unit: string): string {
  return unit.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * null when the unit is acceptable, else a Chinese message. `expected` null means the indicator fixes no unit (or its
 * unit describes a rate computed by the system, as for 年均增长 indicators whose reported figure is the level).
 */
export function measureUnitProblem(entered: string | null, expected: string | null): string | null {
  if (expected === null || entered === null || entered.trim() === '') return null;
  if (normalizeMeasureUnit(entered) === normalizeMeasureUnit(expected)) return null;
  return `计量单位应为“${expected}”，填写的是“${entered}”`;
}
