// 年度数据: enter or correct one year's figures of an enterprise. version 0 = a new year; otherwise the version the
// editor read (stale → 409 with the current figures). Counts must be whole and non-negative, and the same
// consistency checks as the Excel import apply (科技人员 ≤ 职工总数 …).
import type { Database } from '../../db/client.ts';
import { COUNT_FIELDS, FIGURE_FIELDS, FIGURE_LABELS, SIGNED_FIELDS, type FigureField } from '../../domain/registers/figures.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findEnterprise, findFigures, insertFigures, updateFiguresIfVersion, type FigureValues, type FiguresRecord } from '../../repositories/enterprises.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';

export interface SaveFiguresInput {
  enterpriseId: string;
  year: number;
  version: number;
  values: FigureValues;
}

export function figureProblems(merged: FigureValues): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const field of FIGURE_FIELDS) {
    const v = merged[field];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(v)) problems.push({ path: `/${field}`, message: `${FIGURE_LABELS[field]}应为数字` });
    else if (v < 0 && !SIGNED_FIELDS.has(field)) problems.push({ path: `/${field}`, message: `${FIGURE_LABELS[field]}不能为负数` });
    else if (COUNT_FIELDS.has(field) && !Number.isInteger(v)) problems.push({ path: `/${field}`, message: `${FIGURE_LABELS[field]}应为整数` });
  }
  const le = (a: FigureField, b: FigureField, message: string) => {
    const x = merged[a];
    const y = merged[b];
    if (x !== null && x !== undefined && y !== null && y !== undefined && x > y) problems.push({ path: `/${a}`, message });
  };
  le('techStaff', 'employees', '科技人员不能多于职工总数');
  le('rdStaff', 'employees', '研发人员不能多于职工总数');
  le('rdExpenseDomestic', 'rdExpense', '境内研发费用不能大于研发费用总额');
  le('ipClass1HighValue', 'ipClass1', 'Ⅰ类高价值知识产权不能多于Ⅰ类知识产权');
  le('ipClass1SelfDeveloped', 'ipClass1', '自主研发Ⅰ类知识产权不能多于Ⅰ类知识产权');
  le('mainBusinessRevenue', 'salesRevenue', '主营业务收入不能大于销售（营业）收入');
  return problems;
}

export async function saveEnterpriseFigures(db: Database, access: Access, input: SaveFiguresInput): Promise<FiguresRecord> {
  requireAction(access, 'register.manage');
  return db.transaction(async (tx) => {
    const enterprise = await findEnterprise(tx, access.scope, input.enterpriseId);
    if (!enterprise) throw new NotFoundError('enterprise', input.enterpriseId, '企业不存在 / enterprise not found');
    const key = { countyId: enterprise.countyId, enterpriseId: enterprise.id, year: input.year };
    const before = await findFigures(tx, enterprise.countyId, enterprise.id, input.year);
    const merged: FigureValues = { ...(before ?? {}), ...input.values };
    const problems = figureProblems(merged);
    if (problems.length > 0) throw new ValidationError(problems.map((p) => p.message).join('；'), problems);
    if (before === null) {
      if (input.version !== 0) throw new VersionConflictError('enterprise_figures', null);
      const id = await insertFigures(tx, key, input.values, access.actor.name);
      if (!id) throw new VersionConflictError('enterprise_figures', await findFigures(tx, enterprise.countyId, enterprise.id, input.year));
    } else {
      if (before.version !== input.version) throw new VersionConflictError('enterprise_figures', before);
      if (!(await updateFiguresIfVersion(tx, { id: before.id, countyId: enterprise.countyId, version: input.version }, input.values, access.actor.name))) {
        throw new VersionConflictError('enterprise_figures', await findFigures(tx, enterprise.countyId, enterprise.id, input.year));
      }
    }
    const after = await findFigures(tx, enterprise.countyId, enterprise.id, input.year);
    if (!after) throw new Error('saved figures not found');
    await appendAudit(tx, {
      countyId: enterprise.countyId,
      ...auditActor(access.actor),
      action: before ? 'enterprise.figures.update' : 'enterprise.figures.create',
      entity: 'enterprise_figures',
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
