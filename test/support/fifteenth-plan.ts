// A short 十五五 plan (2026—2030) for 奉节县, tab-split like a Word text export: what a county imports beside its
// 十四五 seed plan in 2026. By default its first indicator has the same name as the seed's, so views can line them up;
// tests that need other indicators pass their own rows (序号, 指标名称, 2025年基期值, 2030年目标值, 指标属性).
export const FIFTEENTH_RD = '全社会研发经费占地区生产总值的比重';

const DEFAULT_ROWS: readonly (readonly string[])[] = [
  ['1', `${FIFTEENTH_RD}（%）`, '1.0', '2.0', '预期性'],
  ['2', '高新技术企业（家）', '30', '【累计】60', '预期性'],
];

export function fengjieFifteenthPlan(
  rows: readonly (readonly string[])[] = DEFAULT_ROWS,
  fileName = '奉节县十五五规划.txt',
): { fileName: string; bytes: Uint8Array } {
  const table = [['序号', '指标名称', '2025年基期值', '2030年目标值', '指标属性'], ...rows];
  const lines = ['奉节县科技创新“十五五”规划', '（2026—2030年）', '', '第一章  主要目标', '', '表1  主要指标', ''];
  for (const row of table) lines.push(...row.map((cell) => `\t${cell}`), '');
  lines.push('第二章  保障措施', '', '加强组织领导。');
  return { fileName, bytes: new TextEncoder().encode(lines.join('\n')) };
}
