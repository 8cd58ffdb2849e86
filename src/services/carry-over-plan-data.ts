// 导入新版本: the county's work on the current version follows to the new one. The preview says what will follow
// (planCarryOver), the commit re-points it inside the re-import transaction (carryOverPlanData). Old and new rows are
// paired by the diff's own matching (pairPlanItems): same name, else a renamed row by its 序号 — what the clerk saw in
// the preview is what moves. An indicator or project the new version drops keeps its data on the old version and is
// listed as 数据未迁移.
import { readTogether, type Executor } from '../db/client.ts';
import { pairPlanItems } from '../domain/plan/diff-plans.ts';
import type { ParsedPlan } from '../domain/plan/model.ts';
import {
  carryOverPlanRows,
  countTasksOfPlan,
  hasData,
  indicatorDataOfPlan,
  ledgerOfPlan,
  rowIdsOfPlan,
  type CarriedRows,
  type IdPair,
} from '../repositories/plan-carry-over.ts';
import type { PlanDetail } from '../repositories/plans.ts';

/** A row of the old version the new one drops, with what stays behind on it. */
export interface NotCarriedIndicator {
  name: string;
  values: number;
  hasSetting: boolean;
  hasBinding: boolean;
  taskLinks: number;
}

export interface NotCarriedProject {
  name: string;
  years: number;
}

export interface CarryOverSummary {
  /** Indicators of the new version that receive data (settings, figures, binding, task links or 督办单). */
  indicators: number;
  /** Figures (indicator values, every source) that follow. */
  values: number;
  settings: number;
  bindings: number;
  taskLinks: number;
  tasks: number;
  /** 项目台账 entries that follow (with their yearly figures and 节点). */
  projects: number;
  /** Renamed indicators paired by 序号: old name → new name, so the clerk can check the pairing. */
  renamed: { from: string; to: string }[];
  /** Dropped in the new version: their data stays on the old version (数据未迁移). */
  notCarried: { indicators: NotCarriedIndicator[]; projects: NotCarriedProject[] };
  /** One line for the dialog and the audit row. */
  summary: string;
}

export interface CarryOverPlan {
  summary: CarryOverSummary;
  /** Index pairs into previous.indicators / parsed.indicators (and projects). */
  indicatorPairs: { previous: number; next: number }[];
  projectPairs: { previous: number; next: number }[];
}

/** What would follow if `parsed` became the next version of `previous`. Reads only. */
export async function planCarryOver(exec: Executor, previous: PlanDetail, parsed: ParsedPlan): Promise<CarryOverPlan> {
  const pairs = pairPlanItems(previous, parsed);
  const [data, ledger, tasks] = await readTogether(
    exec,
    () => indicatorDataOfPlan(exec, previous.countyId, previous.id),
    () => ledgerOfPlan(exec, previous.countyId, previous.id),
    () => countTasksOfPlan(exec, previous.countyId, previous.id),
  );
  const dataOf = new Map(data.map((d) => [d.indicatorId, d]));
  const pairedIndicators = new Set(pairs.indicators.map((p) => p.previous));
  let indicators = 0;
  let values = 0;
  let settings = 0;
  let bindings = 0;
  let taskLinks = 0;
  const renamed: { from: string; to: string }[] = [];
  for (const pair of pairs.indicators) {
    const before = previous.indicators[pair.previous];
    const after = parsed.indicators[pair.next];
    if (!before || !after) continue;
    if (before.name.replace(/\s+/g, '') !== after.name.replace(/\s+/g, '')) renamed.push({ from: before.name, to: after.name });
    const d = dataOf.get(before.id);
    if (!d || !hasData(d)) continue;
    indicators += 1;
    values += d.values;
    settings += d.hasSetting ? 1 : 0;
    bindings += d.hasBinding ? 1 : 0;
    taskLinks += d.taskLinks;
  }
  const notCarriedIndicators: NotCarriedIndicator[] = previous.indicators
    .filter((_i, index) => !pairedIndicators.has(index))
    .map((i) => {
      const d = dataOf.get(i.id);
      return { name: i.name, values: d?.values ?? 0, hasSetting: d?.hasSetting ?? false, hasBinding: d?.hasBinding ?? false, taskLinks: d?.taskLinks ?? 0 };
    });
  const pairedProjectIds = new Set(pairs.projects.flatMap((p) => previous.projects[p.previous]?.id ?? []));
  const follows = (entry: { sourceProjectId: string | null }) => entry.sourceProjectId === null || pairedProjectIds.has(entry.sourceProjectId);
  const projects = ledger.filter(follows).length;
  const notCarriedProjects = ledger.filter((e) => !follows(e)).map((e) => ({ name: e.name, years: e.years }));
  const summary: CarryOverSummary = {
    indicators,
    values,
    settings,
    bindings,
    taskLinks,
    tasks,
    projects,
    renamed,
    notCarried: { indicators: notCarriedIndicators, projects: notCarriedProjects },
    summary: '',
  };
  summary.summary = carryOverSentence(summary);
  return { summary, indicatorPairs: pairs.indicators, projectPairs: pairs.projects };
}

/** 随新版本迁移：N 项指标的数据（V 个填报值）、M 条任务、K 个台账项目；数据未迁移：… */
export function carryOverSentence(s: Omit<CarryOverSummary, 'summary'>): string {
  const follow = `随新版本迁移：${s.indicators} 项指标的数据（${s.values} 个填报值）、${s.tasks} 条任务、${s.projects} 个台账项目`;
  const left = [
    ...s.notCarried.indicators.filter(indicatorHasData).map((i) => `指标「${i.name}」${i.values > 0 ? `（${i.values} 个填报值）` : ''}`),
    ...s.notCarried.projects.map((p) => `台账项目「${p.name}」`),
  ];
  return left.length === 0 ? follow : `${follow}；数据未迁移（新版本已删除，数据留在原版本）：${left.join('、')}`;
}

export function indicatorHasData(i: NotCarriedIndicator): boolean {
  return i.values > 0 || i.hasSetting || i.hasBinding || i.taskLinks > 0;
}

/** Re-points the old version's data to the new plan `newPlanId` (already inserted), in the caller's transaction. */
export async function carryOverPlanData(
  tx: Executor,
  previous: PlanDetail,
  newPlanId: string,
  plan: CarryOverPlan,
): Promise<CarriedRows> {
  const ids = await rowIdsOfPlan(tx, previous.countyId, newPlanId);
  const idPairs = (pairs: { previous: number; next: number }[], before: readonly { id: string }[], after: readonly string[]): IdPair[] =>
    pairs.flatMap((p) => {
      const from = before[p.previous]?.id;
      const to = after[p.next];
      return from !== undefined && to !== undefined ? [{ from, to }] : [];
    });
  return carryOverPlanRows(tx, {
    countyId: previous.countyId,
    fromPlanId: previous.id,
    toPlanId: newPlanId,
    indicators: idPairs(plan.indicatorPairs, previous.indicators, ids.indicators),
    projects: idPairs(plan.projectPairs, previous.projects, ids.projects),
  });
}
