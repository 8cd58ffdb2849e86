// Registers a technology contract (认定登记). 成交额 and 技术交易额 are kept apart; 技术交易额 ≤ 成交额. Audited.
import type { Database } from '../../db/client.ts';
import { contractProblems, type ContractType } from '../../domain/registers/tech-contracts.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findEnterprise } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import { findContract, insertContract, type ContractColumns, type ContractRecord } from '../../repositories/tech-contracts.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { cleanText, invalid, requireAction, writeCounty } from './guards.ts';

export interface CreateContractInput {
  registrationNumber: string;
  registeredOn: string;
  type: ContractType;
  name: string;
  sellerName: string;
  sellerRegion?: string | null | undefined;
  sellerInCounty: boolean;
  buyerName: string;
  buyerRegion?: string | null | undefined;
  buyerInCounty: boolean;
  contractAmount: number;
  technologyAmount: number;
  enterpriseId?: string | null | undefined;
  county?: string | undefined;
}

export async function createTechContract(db: Database, access: Access, input: CreateContractInput): Promise<ContractRecord> {
  requireAction(access, 'register.manage');
  const countyId = await writeCounty(db, access, input.county);
  const values: ContractColumns = {
    registrationNumber: input.registrationNumber.trim(),
    registeredOn: input.registeredOn,
    type: input.type,
    name: input.name.trim(),
    sellerName: input.sellerName.trim(),
    sellerRegion: cleanText(input.sellerRegion),
    sellerInCounty: input.sellerInCounty,
    buyerName: input.buyerName.trim(),
    buyerRegion: cleanText(input.buyerRegion),
    buyerInCounty: input.buyerInCounty,
    contractAmount: input.contractAmount,
    technologyAmount: input.technologyAmount,
    enterpriseId: input.enterpriseId ?? null,
  };
  const problems = contractProblems(values);
  if (problems.length > 0) invalid(problems);
  return db.transaction(async (tx) => {
    if (values.enterpriseId !== null && !(await findEnterprise(tx, countyScope(countyId), values.enterpriseId))) {
      throw new NotFoundError('enterprise', values.enterpriseId, '企业不在本县企业库 / enterprise not found');
    }
    const id = await insertContract(tx, countyId, values);
    if (!id) throw new ConflictError(`登记编号 ${values.registrationNumber} 已登记 / registration number exists`);
    await appendAudit(tx, { countyId, ...auditActor(access.actor), action: 'tech-contract.create', entity: 'tech_contract', entityId: id, after: values });
    const stored = await findContract(tx, countyScope(countyId), id);
    if (!stored) throw new Error('inserted contract not found');
    return stored;
  });
}
