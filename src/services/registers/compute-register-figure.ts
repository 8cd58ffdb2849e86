// The figure a bound indicator gets from the registers for a year, with the records behind it, converted to the
// indicator's unit (万元 → 亿元 …). Read-only: nothing is written until the bureau syncs it into monitoring.
import { readTogether, type Database, type Executor } from '../../db/client.ts';
import { computeRegisterFigure as compute, convertToIndicatorUnit, type RegisterData, type RegisterFigure } from '../../domain/registers/indicator-binding.ts';
import { listCertifications } from '../../repositories/certifications.ts';
import { listCommissioners, listDispatches } from '../../repositories/commissioners.ts';
import { listEnterpriseFacts } from '../../repositories/enterprises.ts';
import { listPlatforms } from '../../repositories/platforms.ts';
import { findBinding, type BindingRecord } from '../../repositories/register-bindings.ts';
import { countyScope } from '../../repositories/scope.ts';
import { listContracts } from '../../repositories/tech-contracts.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { requireAction } from './guards.ts';

export interface RegisterFigureView extends RegisterFigure {
  bindingId: string;
  indicatorId: string;
  indicatorName: string;
  /** In the indicator's unit; null when the units cannot be converted (the bureau must check the binding). */
  indicatorValue: number | null;
  indicatorUnit: string | null;
  valueId: string | null;
}

/** Everything the registers hold for one county, in the shape the binding rules read. */
export async function registerDataOf(exec: Executor, countyId: string): Promise<RegisterData> {
  const scope = countyScope(countyId);
  const [enterprises, certificates, platforms, commissioners, dispatches, contracts] = await readTogether(
    exec,
    () => listEnterpriseFacts(exec, scope),
    () => listCertifications(exec, scope),
    () => listPlatforms(exec, scope),
    () => listCommissioners(exec, scope),
    () => listDispatches(exec, scope),
    () => listContracts(exec, scope),
  );
  return {
    enterpriseNames: new Map(enterprises.map((e) => [e.id, e.name])),
    certificates,
    platforms,
    commissioners: commissioners.map((c) => ({ id: c.id, name: c.name, level: c.level, dispatches: dispatches.filter((d) => d.commissionerId === c.id) })),
    contracts,
  };
}

export function figureView(binding: BindingRecord, figure: RegisterFigure, valueId: string | null = null): RegisterFigureView {
  return {
    ...figure,
    bindingId: binding.id,
    indicatorId: binding.indicatorId,
    indicatorName: binding.indicatorName,
    indicatorValue: convertToIndicatorUnit(figure.value, figure.unit, binding.indicatorUnit),
    indicatorUnit: binding.indicatorUnit,
    valueId,
  };
}

export async function computeBoundFigure(db: Database, access: Access, input: { bindingId: string; year: number }): Promise<RegisterFigureView> {
  requireAction(access, 'register.county');
  const binding = await findBinding(db, access.scope, input.bindingId);
  if (!binding) throw new NotFoundError('register_binding', input.bindingId, '指标绑定不存在 / binding not found');
  const data = await registerDataOf(db, binding.countyId);
  return figureView(binding, compute(binding.rule, binding.params, input.year, data));
}
