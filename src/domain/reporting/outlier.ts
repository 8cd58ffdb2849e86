// 异常值: a figure far outside the indicator's history must carry an explanation before it can be submitted.
// Far outside = more than 3× last year's value or less than a third of it, or a share/percentage above 100 %.
// Pure; table-tested in test/domain/reporting.outlier.test.ts.

/** How far from last year's figure a value may move before it needs explaining. */
export const OUTLIER_FACTOR = 3;

export type OutlierRule = 'above-factor' | 'below-factor' | 'over-100-percent';

export interface OutlierInput {
  value: number;
  /** Last year's figure for the same period (official), or the plan's base value when last year is the base year. */
  previous: number | null;
  /** The indicator is a share or percentage (unit %, or 比重/占比/比例 in the name). */
  percentage: boolean;
}

export type OutlierVerdict = { outlier: false } | { outlier: true; rule: OutlierRule; message: string };

export function checkOutlier(input: OutlierInput): OutlierVerdict {
  const { value, previous } = input;
  if (input.percentage && value > 100) {
    return { outlier: true, rule: 'over-100-percent', message: `比例类指标数值 ${value} 超过 100%` };
  }
  // A ratio to zero or a negative figure says nothing about scale; only positive histories are compared.
  if (previous !== null && previous > 0) {
    if (value > previous * OUTLIER_FACTOR) {
      return {
        outlier: true,
        rule: 'above-factor',
        message: `数值 ${value} 超过上年 ${previous} 的 ${OUTLIER_FACTOR} 倍`,
      };
    }
    if (value < previous / OUTLIER_FACTOR) {
      return {
        outlier: true,
        rule: 'below-factor',
        message: `数值 ${value} 不足上年 ${previous} 的 1/${OUTLIER_FACTOR}`,
      };
    }
  }
  return { outlier: false };
}

/** Shares and percentages: unit % (or ％), or a name saying 比重 / 占比 / 比例 / 覆盖率 / 率 with no other unit. */
export function isPercentageIndicator(indicator: { name: string; unit: string | null }): boolean {
  const unit = indicator.unit?.trim().replace('％', '%') ?? null;
  if (unit === '%') return true;
  return unit === null || unit === '' ? /比重|占比|比例|覆盖率/.test(indicator.name) : false;
}

/** The message when an outlier has no explanation; the reporter reads it next to the value. */
export function explanationRequiredMessage(verdict: Extract<OutlierVerdict, { outlier: true }>): string {
  return `${verdict.message}，须填写说明后才能提交`;
}
