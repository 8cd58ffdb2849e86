// 技术合同 (domain-rules §6, §10.4). 成交额 (合同成交额, the statistical figure) and 技术交易额 (after non-technical
// costs) are kept apart. A county's 技术合同成交额 for a year = Σ 成交额 of contracts REGISTERED that year with the
// seller in the county (输出) — or, configured per indicator, the buyer (吸纳).
import { yearOf } from './dates.ts';

export const CONTRACT_TYPES = ['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** 输出 = seller in the county; 吸纳 = buyer in the county. */
export type ContractSide = 'seller' | 'buyer';
export const CONTRACT_SIDE_LABELS: Record<ContractSide, string> = { seller: '输出（卖方在本县）', buyer: '吸纳（买方在本县）' };

export interface ContractFacts {
  id: string;
  registrationNumber: string;
  registeredOn: string;
  type: ContractType;
  sellerInCounty: boolean;
  buyerInCounty: boolean;
  /** 成交额, 万元 */
  contractAmount: number;
  /** 技术交易额, 万元 */
  technologyAmount: number;
}

export interface ContractTotal {
  year: number;
  side: ContractSide;
  amount: 'contract' | 'technology';
  total: number;
  count: number;
  byType: Record<ContractType, { count: number; total: number }>;
  records: ContractFacts[];
}

export function contractProblems(c: { contractAmount: number; technologyAmount: number; sellerInCounty: boolean; buyerInCounty: boolean }): string[] {
  const problems: string[] = [];
  if (c.contractAmount < 0) problems.push('成交额不能为负');
  if (c.technologyAmount < 0) problems.push('技术交易额不能为负');
  if (c.technologyAmount > c.contractAmount + 1e-9) problems.push('技术交易额不能大于成交额（技术交易额 = 成交额 − 非技术性费用）');
  if (!c.sellerInCounty && !c.buyerInCounty) problems.push('卖方、买方至少一方在本县');
  return problems;
}

export function technologyContractTotal(
  contracts: readonly ContractFacts[],
  options: { year: number; side: ContractSide; amount?: 'contract' | 'technology' },
): ContractTotal {
  const amount = options.amount ?? 'contract';
  const records = contracts
    .filter((c) => yearOf(c.registeredOn) === options.year && (options.side === 'seller' ? c.sellerInCounty : c.buyerInCounty))
    .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.registrationNumber.localeCompare(b.registrationNumber));
  const byType = Object.fromEntries(CONTRACT_TYPES.map((t) => [t, { count: 0, total: 0 }])) as ContractTotal['byType'];
  let total = 0;
  for (const c of records) {
    const value = amount === 'contract' ? c.contractAmount : c.technologyAmount;
    total += value;
    byType[c.type].count += 1;
    byType[c.type].total = round4(byType[c.type].total + value);
  }
  return { year: options.year, side: options.side, amount, total: round4(total), count: records.length, byType, records };
}

// 万元 with up to 4 decimals (元 precision): sums of decimals must not show 0.30000000000000004.
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
