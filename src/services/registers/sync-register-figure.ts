// Writes a bound indicator's register figure into monitoring as source “登记系统”, through monitoring's own value
// service (its checks, audit rows and "first source becomes official" rule apply), and keeps the records behind the
// figure beside it. The department's reported figure stays; the bureau chooses the official one in monitoring.
// Both writes share one transaction: a value whose records list failed to save (or the reverse) would show a figure
// nobody can trace, so either both are stored or neither is.
import type { Database } from '../../db/client.ts';
import { computeRegisterFigure as compute } from '../../domain/registers/indicator-binding.ts';
import { findValueBySource } from '../../repositories/indicator-values.ts';
import { findBinding, insertFigure } from '../../repositories/register-bindings.ts';
import { countyScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { enterValue } from '../monitoring/enter-value.ts';
import { figureView, registerDataOf, type RegisterFigureView } from './compute-register-figure.ts';
import { requireAction } from './guards.ts';

export async function syncRegisterFigure(db: Database, access: Access, input: { bindingId: string; year: number }): Promise<RegisterFigureView> {
  requireAction(access, 'register.bind');
  return db.transaction(async (tx) => {
    const binding = await findBinding(tx, access.scope, input.bindingId);
    if (!binding) throw new NotFoundError('register_binding', input.bindingId, '指标绑定不存在 / binding not found');
    const figure = compute(binding.rule, binding.params, input.year, await registerDataOf(tx, binding.countyId));
    const view = figureView(binding, figure);
    if (view.indicatorValue === null) {
      throw new ValidationError(`登记数据单位“${figure.unit}”无法换算为指标单位“${binding.indicatorUnit ?? ''}” / units do not match`);
    }
    const period = String(input.year);
    const current = await findValueBySource(tx, countyScope(binding.countyId), { indicatorId: binding.indicatorId, period, source: 'register' });
    const value = await enterValue(tx, access, {
      indicatorId: binding.indicatorId,
      period,
      source: 'register',
      value: view.indicatorValue,
      measureUnit: binding.indicatorUnit,
      caliberNote: figure.description,
      comment: `登记系统自动计算，依据 ${figure.records.length} 条登记记录`,
      expectedVersion: current?.version ?? 0,
    });
    await insertFigure(tx, {
      countyId: binding.countyId,
      bindingId: binding.id,
      indicatorId: binding.indicatorId,
      year: input.year,
      value: figure.value,
      indicatorValue: view.indicatorValue,
      unit: figure.unit,
      description: figure.description,
      records: figure.records,
      valueId: value.id,
      computedBy: access.actor.name,
    });
    return { ...view, valueId: value.id };
  });
}
