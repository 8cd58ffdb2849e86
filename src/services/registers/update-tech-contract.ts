// Corrects a registered contract (变更登记). Optimistic locking; audited.
import type { Database } from '../../db/client.ts';
import { contractProblems } from '../../domain/registers/tech-contracts.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { countyScope } from '../../repositories/scope.ts';
import { findContract, updateContractIfVersion, type ContractColumns, type ContractRecord } from '../../repositories/tech-contracts.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { invalid, requireAction } from './guards.ts';

export type UpdateContractInput = { id: string; version: number } & { [K in keyof ContractColumns]?: ContractColumns[K] | undefined };

export async function updateTechContract(db: Database, access: Access, input: UpdateContractInput): Promise<ContractRecord> {
  requireAction(access, 'register.manage');
  const { id, version, ...patch } = input;
  return db.transaction(async (tx) => {
    const before = await findContract(tx, access.scope, id);
    if (!before) throw new NotFoundError('tech_contract', id, '技术合同不存在 / contract not found');
    if (before.version !== version) throw new VersionConflictError('tech_contract', before);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ContractColumns>;
    if (Object.keys(values).length === 0) throw new ValidationError('没有要修改的内容 / nothing to change');
    const problems = contractProblems({ ...before, ...values });
    if (problems.length > 0) invalid(problems);
    if (!(await updateContractIfVersion(tx, { id, countyId: before.countyId, version }, values))) {
      throw new VersionConflictError('tech_contract', await findContract(tx, access.scope, id));
    }
    const after = await findContract(tx, countyScope(before.countyId), id);
    if (!after) throw new Error('updated contract not found');
    await appendAudit(tx, { countyId: before.countyId, ...auditActor(access.actor), action: 'tech-contract.update', entity: 'tech_contract', entityId: id, before, after });
    return after;
  });
}
