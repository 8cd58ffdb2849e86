// Turns a plan's 项目清单 / 附件 重点任务 into the project ledger: one entry per plan row (never twice), its 牵头单位
// matched to a unit of the county by name when one exists (the bureau assigns the rest). Audited.
import type { Database } from '../db/client.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findPlanSummary } from '../repositories/plans.ts';
import { insertLedgerProjects, planProjectsNotInLedger } from '../repositories/projects-ledger.ts';
import { countyScope } from '../repositories/scope.ts';
import { listUnits } from '../repositories/units.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';

/** `县农业农村委` and `县农业农村委员会`, `科技局` and `县科技局`: the plans abbreviate freely. */
function unitKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/^(?:[\u4e00-\u9fa5]{1,4}县|县)/, '').replace(/委员会$/, '委');
}

export async function buildProjectLedger(db: Database, access: Access, planId: string): Promise<{ added: number; total: number }> {
  const plan = await findPlanSummary(db, access.scope, planId);
  if (!plan) throw new NotFoundError('plan', planId, '规划不存在 / plan not found');
  return db.transaction(async (tx) => {
    const rows = await planProjectsNotInLedger(tx, plan.countyId, planId);
    const units = await listUnits(tx, countyScope(plan.countyId));
    const byKey = new Map(units.map((u) => [unitKey(u.name), u.id] as const));
    const inserted = await insertLedgerProjects(
      tx,
      rows.map((p) => ({
        countyId: plan.countyId,
        planId,
        sourceProjectId: p.id,
        seq: p.seq,
        category: p.category,
        name: p.name,
        leadUnitName: p.leadUnit,
        // Several lead units (“县经信委、县科技局”) stay unmatched: the bureau picks the one that answers.
        leadUnitId: p.leadUnit && !/[、,，/]/.test(p.leadUnit) ? (byKey.get(unitKey(p.leadUnit)) ?? null) : null,
        site: p.site,
        nature: p.nature,
        content: p.content,
        totalInvestment: p.investment,
        startYear: p.startYear,
        endYear: p.endYear,
      })),
    );
    if (inserted.length > 0) {
      await appendAudit(tx, {
        countyId: plan.countyId,
        ...auditActor(access.actor),
        action: 'ledger.build',
        entity: 'plan',
        entityId: planId,
        after: { added: inserted.length },
      });
    }
    return { added: inserted.length, total: plan.projectCount };
  });
}
