// Every plan indicator of the caller's county with its register binding — or, where none exists yet, the rule
// suggested by the indicator's name (科技型企业, 高新技术企业, 企业技术研发中心, 科技特派员, 技术合同成交额 …), for the
// bureau to confirm. Indicators no rule fits are left out.
import type { Database } from '../../db/client.ts';
import { REGISTER_RULE_LABELS, suggestRegisterRule, type BindingParams, type RegisterRule } from '../../domain/registers/indicator-binding.ts';
import { listBindings, listIndicatorsForBinding } from '../../repositories/register-bindings.ts';
import type { Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';

export interface BindingView {
  id: string | null;
  countyId: string;
  indicatorId: string;
  indicatorName: string;
  indicatorUnit: string | null;
  planId: string;
  planTitle: string;
  rule: RegisterRule;
  ruleLabel: string;
  params: BindingParams;
  version: number;
  /** true: not bound yet, this is a suggestion. */
  suggested: boolean;
}

export async function listRegisterBindings(db: Database, access: Access): Promise<BindingView[]> {
  requireAction(access, 'register.county');
  const [bindings, indicators] = await Promise.all([listBindings(db, access.scope), listIndicatorsForBinding(db, access.scope)]);
  const bound = new Map(bindings.map((b) => [b.indicatorId, b]));
  const views: BindingView[] = [];
  for (const i of indicators) {
    const b = bound.get(i.id);
    if (b) {
      views.push({ ...b, ruleLabel: REGISTER_RULE_LABELS[b.rule], suggested: false });
      continue;
    }
    const s = suggestRegisterRule(i.name);
    if (!s) continue;
    views.push({
      id: null,
      countyId: i.countyId,
      indicatorId: i.id,
      indicatorName: i.name,
      indicatorUnit: i.unit,
      planId: i.planId,
      planTitle: i.planTitle,
      rule: s.rule,
      ruleLabel: REGISTER_RULE_LABELS[s.rule],
      params: s.params,
      version: 0,
      suggested: true,
    });
  }
  return views;
}
