// The API shape of a task — names of its units, its milestones and today's colour — built for many tasks at once
// with a fixed number of queries (no query per task).
import { readTogether, type Executor } from '../db/client.ts';
import { chinaDate, type IsoDate, type WorkingCalendar } from '../domain/supervision/calendar.ts';
import { workColour, type Colour, type ColourReason, type ColourRules, type WorkSnapshot } from '../domain/supervision/colours.ts';
import { milestonesOf, type MilestoneRow } from '../repositories/milestones.ts';
import type { TenantScope } from '../repositories/scope.ts';
import { taskLinks, type TaskRow } from '../repositories/tasks.ts';
import { listUnits } from '../repositories/units.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';

export interface UnitRef {
  id: string;
  name: string;
}

export interface MilestoneView {
  id: string;
  name: string;
  dueOn: string;
  doneOn: string | null;
  evidence: string | null;
  version: number;
}

export interface TaskView {
  id: string;
  countyId: string;
  planId: string | null;
  title: string;
  description: string;
  outline: TaskRow['outline'];
  leadUnit: UnitRef | null;
  responsibleUnits: UnitRef[];
  supervisingUnit: UnitRef | null;
  startOn: string;
  deadline: string | null;
  state: TaskRow['state'];
  doneOn: string | null;
  percentDone: number | null;
  indicatorIds: string[];
  milestones: MilestoneView[];
  colour: Colour | null;
  colourReasons: ColourReason[];
  version: number;
  createdAt: string;
}

export function milestoneView(m: MilestoneRow): MilestoneView {
  return { id: m.id, name: m.name, dueOn: m.dueOn, doneOn: m.doneOn, evidence: m.evidence, version: m.version };
}

export function workSnapshot(task: Pick<TaskRow, 'startOn' | 'deadline' | 'doneOn' | 'percentDone'>, milestones: readonly MilestoneView[]): WorkSnapshot {
  return {
    startOn: task.startOn,
    deadline: task.deadline,
    doneOn: task.doneOn,
    percentDone: task.percentDone,
    milestones: milestones.map((m) => ({ name: m.name, dueOn: m.dueOn, doneOn: m.doneOn })),
  };
}

export interface ColourContext {
  today: IsoDate;
  calendar: WorkingCalendar;
  rulesOf(countyId: string): Promise<ColourRules>;
}

export function colourContext(exec: Executor, now: Date = new Date()): ColourContext {
  const cache = new Map<string, Promise<ColourRules>>();
  return {
    today: chinaDate(now),
    calendar: loadWorkingCalendar(),
    rulesOf(countyId) {
      let rules = cache.get(countyId);
      if (!rules) {
        rules = settingsFor(exec, countyId).then((s) => s.colourRules);
        cache.set(countyId, rules);
      }
      return rules;
    },
  };
}

export async function buildTaskViews(exec: Executor, scope: TenantScope, rows: readonly TaskRow[], context: ColourContext): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const countyIds = [...new Set(rows.map((r) => r.countyId))];
  const [links, milestoneRows, unitRows] = await readTogether(
    exec,
    () => taskLinks(exec, countyIds, ids),
    () => milestonesOf(exec, scope, { taskIds: ids }),
    () => listUnits(exec, { kind: 'counties', countyIds }),
  );
  // Each county's colour rules read here, one at a time: the rows below then find them cached and never put
  // queries side by side on a transaction's one connection.
  for (const countyId of countyIds) await context.rulesOf(countyId);
  const unitNames = new Map(unitRows.map((u) => [u.id, u.name] as const));
  const ref = (id: string | null): UnitRef | null => (id === null ? null : { id, name: unitNames.get(id) ?? '（已删除的单位）' });
  const byTask = new Map<string, MilestoneView[]>();
  for (const m of milestoneRows) {
    if (m.taskId) byTask.set(m.taskId, [...(byTask.get(m.taskId) ?? []), milestoneView(m)]);
  }
  return Promise.all(
    rows.map(async (row) => {
      const milestones = byTask.get(row.id) ?? [];
      const verdict = workColour(workSnapshot(row, milestones), context.today, await context.rulesOf(row.countyId), context.calendar);
      return {
        id: row.id,
        countyId: row.countyId,
        planId: row.planId,
        title: row.title,
        description: row.description,
        outline: row.outline,
        leadUnit: ref(row.leadUnitId),
        responsibleUnits: (links.unitIds.get(row.id) ?? []).map((id) => ref(id)).filter((u): u is UnitRef => u !== null),
        supervisingUnit: ref(row.supervisingUnitId),
        startOn: row.startOn,
        deadline: row.deadline,
        state: row.state,
        doneOn: row.doneOn,
        percentDone: row.percentDone,
        indicatorIds: links.indicatorIds.get(row.id) ?? [],
        milestones,
        colour: verdict.colour,
        colourReasons: verdict.reasons,
        version: row.version,
        createdAt: row.createdAt.toISOString(),
      };
    }),
  );
}
