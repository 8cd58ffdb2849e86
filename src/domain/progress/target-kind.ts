// What kind of target an indicator row sets decides how its 完成进度 is measured (domain-rules §9.2).
// The plan table does not say it outright, so it is inferred from the row's shape and wording; the inference
// comes with a one-line reason because the bureau reviews it and may override it.
import type { Comparator, PlanIndicator } from '../plan/model.ts';

export type TargetKind =
  | 'level-up'
  | 'level-down'
  | 'threshold'
  | 'cumulative-stock'
  | 'cumulative-new'
  | 'annual-growth'
  | 'cumulative-reduction';

export const TARGET_KINDS: readonly TargetKind[] = [
  'level-up',
  'level-down',
  'threshold',
  'cumulative-stock',
  'cumulative-new',
  'annual-growth',
  'cumulative-reduction',
];

export const TARGET_KIND_LABELS: Readonly<Record<TargetKind, string>> = {
  'level-up': '越大越好的水平值',
  'level-down': '越小越好的水平值',
  threshold: '须逐年保持的门槛值',
  'cumulative-stock': '年末存量（累计数）',
  'cumulative-new': '规划期累计新增量',
  'annual-growth': '年均增长率',
  'cumulative-reduction': '累计降低率',
};

/** How 完成进度 is computed for each kind, for tooltips and the 评估方法 chapter of a report. */
export const TARGET_KIND_FORMULAS: Readonly<Record<TargetKind, string>> = {
  'level-up': '(当前值 − 基期值) ÷ (目标值 − 基期值)',
  'level-down': '(当前值 − 基期值) ÷ (目标值 − 基期值)',
  threshold: '当年值满足门槛即达标；基期未达门槛时按水平值计算进度',
  'cumulative-stock': '(年末存量 − 基期存量) ÷ (目标存量 − 基期存量)',
  'cumulative-new': '基期后各年新增量之和 ÷ 目标累计量（基期当年不计）',
  'annual-growth': 'ln(当前值 ÷ 基期值) ÷ (规划年数 × ln(1 + 目标年均增速))',
  'cumulative-reduction': '(1 − 当前值 ÷ 基期值) ÷ 目标累计降低率',
};

export function isTargetKind(value: string): value is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(value);
}

export interface TargetKindInference {
  kind: TargetKind;
  /** One Chinese sentence saying why, shown next to the kind. */
  reason: string;
}

/** The fields inference reads; a PlanIndicator fits. */
export type IndicatorShape = Pick<PlanIndicator, 'name' | 'baseline' | 'target' | 'cumulative' | 'annualGrowthRate'>;

const COMPARATOR_SIGNS: Readonly<Record<Comparator, string>> = { '>=': '≥', '<=': '≤' };

export function comparatorSign(comparator: Comparator): string {
  return COMPARATOR_SIGNS[comparator];
}

/**
 * Rules, first match wins. The order matters:
 * 1. a comparator on the target (≥330, ≤…) → threshold;
 * 2. 降低/下降 in the name or the target cell → cumulative-reduction (checked before 【】 because "降低13.5%【累计】" is a rate, not a sum);
 * 3. 累计新增/新增 in the name or the target cell → cumulative-new (before 【】: a 【】 on a 新增 row marks a sum of yearly flows);
 * 4. a 年均 rate, or a 年均/增长 name with neither base nor target value → annual-growth;
 * 5. 【】 with a base value → cumulative-stock (a count at year end, e.g. 科技型企业 【201】→【240】);
 *    【】 without a base value → cumulative-new ("五年累计 N");
 * 6. target below base → level-down; otherwise level-up.
 */
export function inferTargetKind(row: IndicatorShape): TargetKindInference {
  const name = row.name;
  const base = row.baseline?.value ?? null;
  const target = row.target?.value ?? null;
  const comparator = row.target?.comparator ?? null;

  if (comparator !== null) {
    const sign = comparatorSign(comparator);
    const limit = target === null ? row.target?.text ?? '' : formatPlain(target);
    const reaching =
      base !== null && target !== null && !satisfies(base, comparator, target)
        ? `；基期值 ${formatPlain(base)} 尚未达到，规划期内须先达到再保持`
        : '';
    return { kind: 'threshold', reason: `目标值为"${sign}${limit}"，按每年须保持的门槛值处理${reaching}` };
  }
  // The words may stand in the name (单位GDP能耗降低) or in the target cell (能耗 | 累计降低13.5%).
  const targetText = row.target?.text ?? '';
  if (/降低|下降/.test(name) || /降低|下降/.test(targetText)) {
    const where = /降低|下降/.test(name) ? '指标名称' : '目标值';
    return { kind: 'cumulative-reduction', reason: `${where}含"降低/下降"，按相对基期的累计降低率处理` };
  }
  if (/新增/.test(name) || /新增/.test(targetText)) {
    const where = /新增/.test(name) ? '指标名称' : '目标值';
    return { kind: 'cumulative-new', reason: `${where}含"新增"，按基期后各年新增量累计处理（基期当年不计）` };
  }
  if (row.annualGrowthRate !== null) {
    return {
      kind: 'annual-growth',
      reason: `指标设有年均增速 ${formatPlain(row.annualGrowthRate)}%，按年均增长率处理`,
    };
  }
  if (/年均|增长/.test(name) && base === null && target === null) {
    return { kind: 'annual-growth', reason: `指标名称含"年均/增长"且无基期值和目标值，按年均增长率处理` };
  }
  if (row.cumulative) {
    return base !== null
      ? {
          kind: 'cumulative-stock',
          reason: `基期值与目标值标有【】且有基期数，按年末存量处理（完成进度 = 新增存量 ÷ 计划新增存量）`,
        }
      : { kind: 'cumulative-new', reason: `目标值标有【】且无基期数，按规划期累计量处理（基期当年不计）` };
  }
  if (base !== null && target !== null && target < base) {
    return {
      kind: 'level-down',
      reason: `目标值 ${formatPlain(target)} 低于基期值 ${formatPlain(base)}，按越小越好的水平值处理`,
    };
  }
  if (base === null || target === null) {
    return { kind: 'level-up', reason: `缺少基期值或目标值，暂按越大越好的水平值处理，请核对` };
  }
  return {
    kind: 'level-up',
    reason: `目标值 ${formatPlain(target)} 不低于基期值 ${formatPlain(base)}，按越大越好的水平值处理`,
  };
}

/** True when value satisfies "value comparator limit" (≥ / ≤ are inclusive, as written in plans). */
export function satisfies(value: number, comparator: Comparator, limit: number): boolean {
  return comparator === '>=' ? value >= limit : value <= limit;
}

/** Numbers as a person would write them in a table cell: no trailing zeros, at most 4 decimals. */
export function formatPlain(value: number): string {
  // Fast path (most table figures): the shortest form already has at most 4 decimals, so rounding to 4 would give
  // the same number back. toFixed is slow enough to show at municipal scale.
  const shortest = String(value);
  const point = shortest.indexOf('.');
  if (shortest.indexOf('e') === -1 && (point === -1 || shortest.length - point - 1 <= 4)) return shortest;
  return String(Number(value.toFixed(4)));
}
