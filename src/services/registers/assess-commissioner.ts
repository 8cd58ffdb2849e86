// Annual assessment of a 科技特派员 under the assessment pack in force at the end of the year: confirmed service
// records of the year fill the 服务情况 component, the bureau enters the others; weights and grades are parameters.
import type { Database } from '../../db/client.ts';
import { assessCommissioner as assess } from '../../domain/registers/commissioners.ts';
import { yearEnd } from '../../domain/registers/dates.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { countConfirmedLogs, insertAssessment, listAssessments, type AssessmentRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ValidationError } from '../errors.ts';
import { findReachableCommissioner } from './get-commissioner.ts';
import { requireAction } from './guards.ts';
import { packInForce } from './rule-pack-store.ts';

export async function assessCommissioner(
  db: Database,
  access: Access,
  input: { commissionerId: string; year: number; manualScores: Record<string, number> },
): Promise<AssessmentRecord> {
  requireAction(access, 'register.manage');
  const c = await findReachableCommissioner(db, access, input.commissionerId);
  const { id: packId, pack } = await packInForce(db, db, 'commissioner-assessment', yearEnd(input.year));
  const known = new Set(pack.params.components.filter((k) => k.source === 'manual').map((k) => k.code));
  const unknownCodes = Object.keys(input.manualScores).filter((code) => !known.has(code));
  if (unknownCodes.length > 0) throw new ValidationError(`未知的考核项：${unknownCodes.join('、')} / unknown components`);
  const confirmedServiceRecords = await countConfirmedLogs(db, c.countyId, c.id, input.year);
  const inputs = { confirmedServiceRecords, manualScores: input.manualScores };
  const result = assess(inputs, pack.params);
  return db.transaction(async (tx) => {
    const id = await insertAssessment(tx, {
      countyId: c.countyId,
      commissionerId: c.id,
      year: input.year,
      rulePackId: packId,
      rulePackVersion: pack.version,
      inputs,
      result,
      total: result.total,
      grade: result.grade,
      actor: access.actor.name,
    });
    await appendAudit(tx, { countyId: c.countyId, ...auditActor(access.actor), action: 'commissioner.assess', entity: 'commissioner_assessment', entityId: id, after: { year: input.year, total: result.total, grade: result.grade, rulePackVersion: pack.version } });
    const stored = (await listAssessments(tx, countyScope(c.countyId), c.id)).find((a) => a.id === id);
    if (!stored) throw new Error('inserted assessment not found');
    return stored;
  });
}
