// 技术合同成交额 and 技术交易额 of the county for a year, by 输出 (seller) or 吸纳 (buyer), with the split by type.
import type { Database } from '../../db/client.ts';
import { technologyContractTotal, type ContractSide } from '../../domain/registers/tech-contracts.ts';
import { listContracts } from '../../repositories/tech-contracts.ts';
import type { Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';

export async function getTechContractTotals(db: Database, access: Access, input: { year: number; side: ContractSide }) {
  requireAction(access, 'register.county');
  const facts = await listContracts(db, access.scope, { year: input.year });
  const byContract = technologyContractTotal(facts, { ...input, amount: 'contract' });
  const byTechnology = technologyContractTotal(facts, { ...input, amount: 'technology' });
  return {
    year: input.year,
    side: input.side,
    contractAmount: byContract.total,
    technologyAmount: byTechnology.total,
    count: byContract.count,
    byType: byContract.byType,
  };
}
