// One year of a ledger project: planned and completed investment (万元), 形象进度, % done. The lead unit reports its
// own projects; the bureau any. Versioned (first entry of a year: version 0).
import type { Database } from '../db/client.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findLedgerProject, findLedgerYear, insertLedgerYear, updateLedgerYearIfVersion } from '../repositories/projects-ledger.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { ledgerYearView, type LedgerYearView } from './list-project-ledger.ts';
import { ownUnit } from './task-access.ts';

export interface SaveLedgerYearInput {
  projectId: string;
  year: number;
  /** 0 for the first entry of the year. */
  version: number;
  plannedInvestment: number | null;
  completedInvestment: number | null;
  imageProgress: string;
  percentDone: number | null;
}

export async function saveLedgerYear(db: Database, access: Access, input: SaveLedgerYearInput): Promise<LedgerYearView> {
  const problems: { path: string; message: string }[] = [];
  for (const key of ['plannedInvestment', 'completedInvestment'] as const) {
    const v = input[key];
    if (v !== null && !(v >= 0 && v < 1e12)) problems.push({ path: `/${key}`, message: '投资额须为非负数（万元）/ must be ≥ 0' });
  }
  if (input.percentDone !== null && !(input.percentDone >= 0 && input.percentDone <= 100)) problems.push({ path: '/percentDone', message: '0–100' });
  if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
  return db.transaction(async (tx) => {
    const project = await findLedgerProject(tx, access.scope, input.projectId);
    const own = ownUnit(access);
    if (!project || (own !== null && project.leadUnitId !== own)) throw new NotFoundError('ledger_project', input.projectId, '项目不存在 / project not found');
    const values = {
      plannedInvestment: input.plannedInvestment,
      completedInvestment: input.completedInvestment,
      imageProgress: input.imageProgress.trim(),
      percentDone: input.percentDone,
      updatedBy: access.actor.name,
    };
    const before = await findLedgerYear(tx, project.countyId, project.id, input.year);
    if ((before?.version ?? 0) !== input.version) throw new VersionConflictError('ledger_project_year', before ? ledgerYearView(before) : null);
    const after = before
      ? await updateLedgerYearIfVersion(tx, { countyId: project.countyId, id: before.id, version: input.version }, values)
      : await insertLedgerYear(tx, { countyId: project.countyId, projectId: project.id, year: input.year }, values);
    if (!after) throw new VersionConflictError('ledger_project_year', null);
    await appendAudit(tx, {
      countyId: project.countyId,
      ...auditActor(access.actor),
      action: 'ledger.year.save',
      entity: 'ledger_project',
      entityId: project.id,
      before: before ? ledgerYearView(before) : null,
      after: ledgerYearView(after),
    });
    return ledgerYearView(after);
  });
}
