// A 十五五 plan (2026—2030) for 奉节县 whose indicators are mostly the 十四五 seed's again, for 沿用上一规划设置:
// same names, names the municipal key treats as the same (高新技术企业数, 每万人…), a unit changed (技术合同成交额 in
// 亿元 instead of 万元) and a new indicator.
import { fengjieFifteenthPlan } from './fifteenth-plan.ts';

export const ADOPT_PLAN_INDICATORS = {
  rd: '全社会研发经费占地区生产总值的比重',
  hnte: '高新技术企业数',
  patents: '每万人有效发明专利拥有量',
  contracts: '技术合同成交额',
  centres: '企业技术研发中心',
  digital: '数字经济核心产业增加值占地区生产总值比重',
} as const;

export function fengjieFifteenthPlanForAdoption(): { fileName: string; bytes: Uint8Array } {
  const n = ADOPT_PLAN_INDICATORS;
  return fengjieFifteenthPlan(
    [
      ['1', `${n.rd}（%）`, '1.0', '2.0', '预期性'],
      ['2', `${n.hnte}（家）`, '35', '【累计】60', '预期性'],
      ['3', `${n.patents}（件/万人）`, '5', '8', '预期性'],
      ['4', `${n.contracts}（亿元）`, '0.8', '2', '预期性'],
      ['5', `${n.centres}（个）`, '40', '55', '预期性'],
      ['6', `${n.digital}（%）`, '5', '12', '预期性'],
    ],
    '奉节县十五五规划（沿用设置）.txt',
  );
}
