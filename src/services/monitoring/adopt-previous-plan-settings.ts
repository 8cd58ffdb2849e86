// 沿用上一规划的指标设置: a newly imported plan (十五五) takes the 责任单位, 频次, 期限, 容差 and 登记系统绑定 its county set
// up on the previous plan (十四五), indicator by indicator where the names match. Dry run = the proposal; commit
// recomputes it inside the transaction and writes only what is still unset, so a setting made by hand since the
// preview is never overwritten (it simply drops out) and a second commit adopts nothing. The rules are in
// domain/reporting/adopt-settings.ts.
import type { Database, Executor } from '../../db/client.ts';
import {
  adoptionProposal,
  countRows,
  previousPlanOf,
  type AdoptionCounts,
  type AdoptionIndicator,
  type AdoptionRow,
} from '../../domain/reporting/adopt-settings.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { listMonitoredIndicators, listSampleSettingIds, saveIndicatorSetting } from '../../repositories/indicator-settings.ts';
import { findPlanSummary, isPlanStillCurrent, listPlans, type PlanSummary } from '../../repositories/plans.ts';
import { insertBinding, listBindingsOfPlan } from '../../repositories/register-bindings.ts';
import { countyScope, type TenantScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { requireAction } from './guards.ts';

export interface AdoptSettingsInput {
  planId: string;
  commit: boolean;
}

export interface AdoptionPlanRef {
  id: string;
  title: string;
  periodStart: number | null;
  periodEnd: number | null;
}

export interface AdoptSettingsResult {
  plan: AdoptionPlanRef;
  /** The county's previous plan; null when it has none (then there is nothing to adopt). */
  previousPlan: AdoptionPlanRef | null;
  rows: AdoptionRow[];
  counts: AdoptionCounts;
  committed: boolean;
  /** What the commit wrote; null on a dry run. */
  written: { settings: number; bindings: number } | null;
}

const planRef = (plan: PlanSummary): AdoptionPlanRef => ({
  id: plan.id,
  title: plan.title,
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
});

export async function adoptPreviousPlanSettings(
  db: Database,
  access: Access,
  input: AdoptSettingsInput,
): Promise<AdoptSettingsResult> {
  // Settings and bindings alike: the one action that sets up indicators (its roles may also bind, see access.ts).
  requireAction(access, 'indicator.configure');
  // Scoped read: another county's plan is "not found", never revealed.
  const plan = await findPlanSummary(db, access.scope, input.planId);
  if (!plan) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
  if (plan.supersededByPlanId !== null) throw supersededError(plan);
  const scope = countyScope(plan.countyId);
  if (!input.commit) return { ...(await propose(db, scope, plan)), committed: false, written: null };

  return db.transaction(async (tx) => {
    // Waits for a re-import of this plan in flight; settings must land on the version the county works on.
    if (!(await isPlanStillCurrent(tx, plan.id))) throw supersededError(plan);
    const proposal = await propose(tx, scope, plan);
    const rows: AdoptionRow[] = [];
    for (const row of proposal.rows) {
      let { setting, binding } = row;
      const notes = [...row.notes];
      if (setting !== null) {
        const saved = await saveIndicatorSetting(
          tx,
          {
            indicatorId: row.indicatorId,
            countyId: plan.countyId,
            responsibleUnitId: setting.responsibleUnitId,
            frequency: setting.frequency,
            dueDays: setting.dueDays,
            // Never the target-kind override: the new plan's targets are inferred afresh.
            targetKind: null,
            tolerance: setting.tolerance,
            isSample: setting.isSample,
          },
          0,
        );
        if (saved) {
          await appendAudit(tx, {
            countyId: plan.countyId,
            ...auditActor(access.actor),
            action: 'indicator.configure',
            entity: 'indicator_setting',
            entityId: row.indicatorId,
            before: null,
            after: {
              responsibleUnitId: setting.responsibleUnitId,
              frequency: setting.frequency,
              dueDays: setting.dueDays,
              targetKind: null,
              tolerance: setting.tolerance,
              adoptedFrom: row.previous?.indicatorId ?? null,
            },
          });
        } else {
          // Set by someone else after this transaction's read: theirs stands.
          setting = null;
          notes.push({ code: 'own-setting', message: '本规划指标已有设置，不覆盖' });
        }
      }
      if (binding !== null) {
        const id = await insertBinding(tx, { countyId: plan.countyId, indicatorId: row.indicatorId, rule: binding.rule, params: binding.params });
        if (id !== null) {
          await appendAudit(tx, {
            countyId: plan.countyId,
            ...auditActor(access.actor),
            action: 'register.binding.create',
            entity: 'register_binding',
            entityId: id,
            before: null,
            after: { indicatorId: row.indicatorId, rule: binding.rule, params: binding.params, adoptedFrom: row.previous?.indicatorId ?? null },
          });
        } else {
          binding = null;
          notes.push({ code: 'own-binding', message: '本规划指标已绑定登记系统，不覆盖' });
        }
      }
      rows.push({ ...row, setting, binding, notes });
    }
    const counts = countRows(rows);
    const written = { settings: counts.settings, bindings: counts.bindings };
    if (proposal.previousPlan !== null && (written.settings > 0 || written.bindings > 0)) {
      // One row saying what happened as a whole; the rows above say what each indicator got.
      await appendAudit(tx, {
        countyId: plan.countyId,
        ...auditActor(access.actor),
        action: 'indicator.adopt-previous-settings',
        entity: 'plan',
        entityId: plan.id,
        after: {
          previousPlanId: proposal.previousPlan.id,
          previousPlanTitle: proposal.previousPlan.title,
          settings: written.settings,
          bindings: written.bindings,
          skipped: counts.skipped,
        },
      });
    }
    return { plan: proposal.plan, previousPlan: proposal.previousPlan, rows, counts, committed: true, written };
  });
}

function supersededError(plan: PlanSummary): VersionConflictError {
  return new VersionConflictError(
    'plan',
    { id: plan.id, supersededByPlanId: plan.supersededByPlanId },
    '此规划已有新版本，请在新版本上沿用设置 / this plan has a newer version',
  );
}

async function propose(
  exec: Executor,
  scope: TenantScope,
  plan: PlanSummary,
): Promise<Omit<AdoptSettingsResult, 'committed' | 'written'>> {
  // listPlans: the county's current versions, newest first — previousPlanOf picks among them.
  const previous = previousPlanOf(await listPlans(exec, scope), plan);
  const newIndicators = await adoptionIndicators(exec, scope, plan.id);
  const previousIndicators = previous ? await adoptionIndicators(exec, scope, previous.id) : [];
  const proposal = adoptionProposal(newIndicators, previousIndicators);
  return { plan: planRef(plan), previousPlan: previous ? planRef(previous) : null, ...proposal };
}

async function adoptionIndicators(exec: Executor, scope: TenantScope, planId: string): Promise<AdoptionIndicator[]> {
  const indicators = await listMonitoredIndicators(exec, scope, { planId });
  const samples = await listSampleSettingIds(exec, scope, planId);
  const bindings = new Map((await listBindingsOfPlan(exec, scope, planId)).map((b) => [b.indicatorId, b] as const));
  return indicators.map((indicator) => {
    const { setting } = indicator;
    const binding = bindings.get(indicator.id);
    return {
      id: indicator.id,
      name: indicator.row.name,
      unit: indicator.row.unit,
      // version 0: no settings row (defaults), the indicator is unset.
      setting:
        setting.version === 0
          ? null
          : {
              responsibleUnitId: setting.responsibleUnitId,
              responsibleUnitName: setting.responsibleUnitName,
              frequency: setting.frequency,
              dueDays: setting.dueDays,
              tolerance: setting.tolerance,
              isSample: samples.has(indicator.id),
            },
      binding: binding ? { rule: binding.rule, params: binding.params } : null,
    };
  });
}
