// The words of indicator reporting (指标填报): value sources and spot-check outcomes, with their Chinese labels.
// Pure, importable from every layer (schema types, contracts, services).

/** Who a figure comes from: the responsible unit's report, the statistics bureau, or a register (登记系统). */
export const VALUE_SOURCES = ['unit', 'statistics', 'register'] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];

export const VALUE_SOURCE_LABELS: Readonly<Record<ValueSource, string>> = {
  unit: '责任单位填报',
  statistics: '统计局',
  register: '登记系统',
};

export function isValueSource(value: string): value is ValueSource {
  return (VALUE_SOURCES as readonly string[]).includes(value);
}

/** 抽样核查 outcome. */
export const SPOT_CHECK_OUTCOMES = ['confirmed', 'discrepancy'] as const;
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];

export const SPOT_CHECK_OUTCOME_LABELS: Readonly<Record<SpotCheckOutcome, string>> = {
  confirmed: '核查无误',
  discrepancy: '存在问题',
};

/** The note every sample row carries, so nobody mistakes it for reported data. */
export const SAMPLE_NOTE = '示例数据';
