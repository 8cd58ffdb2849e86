// Binds a plan indicator to a register rule (or changes the rule). version 0 = new binding; otherwise the version
// read (stale → 409). Audited.
import type { Database } from '../../db/client.ts';
import { REGISTER_RULE_LABELS, type BindingParams, type RegisterRule } from '../../domain/registers/indicator-binding.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findBinding, findBindingOfIndicator, findIndicatorForBinding, insertBinding, updateBindingIfVersion } from '../../repositories/register-bindings.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';
import type { BindingView } from './list-register-bindings.ts';

export async function bindIndicator(
  db: Database,
  access: Access,
  input: { indicatorId: string; rule: RegisterRule; params: BindingParams; version: number },
): Promise<BindingView> {
  requireAction(access, 'register.bind');
  return db.transaction(async (tx) => {
    const indicator = await findIndicatorForBinding(tx, access.scope, input.indicatorId);
    if (!indicator) throw new NotFoundError('plan_indicator', input.indicatorId, '指标不存在 / indicator not found');
    const scope = countyScope(indicator.countyId);
    const before = await findBindingOfIndicator(tx, scope, indicator.id);
    let id: string;
    if (before === null) {
      if (input.version !== 0) throw new VersionConflictError('register_binding', null);
      const inserted = await insertBinding(tx, { countyId: indicator.countyId, indicatorId: indicator.id, rule: input.rule, params: input.params });
      if (!inserted) throw new VersionConflictError('register_binding', await findBindingOfIndicator(tx, scope, indicator.id));
      id = inserted;
    } else {
      if (before.version !== input.version) throw new VersionConflictError('register_binding', before);
      if (!(await updateBindingIfVersion(tx, { id: before.id, countyId: before.countyId, version: input.version }, { rule: input.rule, params: input.params }))) {
        throw new VersionConflictError('register_binding', await findBindingOfIndicator(tx, scope, indicator.id));
      }
      id = before.id;
    }
    const after = await findBinding(tx, scope, id);
    if (!after) throw new Error('binding not found');
    await appendAudit(tx, { countyId: indicator.countyId, ...auditActor(access.actor), action: before ? 'register.binding.update' : 'register.binding.create', entity: 'register_binding', entityId: id, before, after });
    return { ...after, ruleLabel: REGISTER_RULE_LABELS[after.rule], suggested: false };
  });
}
