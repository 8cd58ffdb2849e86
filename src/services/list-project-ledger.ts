// The project ledger with each project's years, milestones and today's colour, plus totals by category, unit and
// year (planned and completed investment, 万元). A unit_reporter sees the projects their unit leads.
import type { Database } from '../db/client.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import { workColour, type Colour, type ColourReason } from '../domain/supervision/colours.ts';
import { milestonesOf } from '../repositories/milestones.ts';
import { listLedgerProjects, yearsOf, type LedgerProjectRow, type LedgerYearRow } from '../repositories/projects-ledger.ts';
import { listUnits } from '../repositories/units.ts';
import type { Access } from './auth/access.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';
import { ownUnit } from './task-access.ts';
import { milestoneView, type MilestoneView } from './task-view.ts';

export interface LedgerYearView {
  id: string;
  year: number;
  plannedInvestment: number | null;
  completedInvestment: number | null;
  imageProgress: string;
  percentDone: number | null;
  updatedBy: string | null;
  version: number;
}

export interface LedgerProjectView {
  id: string;
  countyId: string;
  planId: string | null;
  seq: string | null;
  category: string | null;
  name: string;
  leadUnitName: string | null;
  leadUnit: { id: string; name: string } | null;
  site: string | null;
  nature: string | null;
  content: string;
  totalInvestment: number | null;
  startYear: number | null;
  endYear: number | null;
  doneOn: string | null;
  years: LedgerYearView[];
  milestones: MilestoneView[];
  completedInvestment: number;
  colour: Colour | null;
  colourReasons: ColourReason[];
  version: number;
}

export interface LedgerTotal {
  key: string;
  projects: number;
  totalInvestment: number;
  plannedInvestment: number;
  completedInvestment: number;
}

export interface LedgerListing {
  projects: LedgerProjectView[];
  totals: { byCategory: LedgerTotal[]; byUnit: LedgerTotal[]; byYear: LedgerTotal[]; all: LedgerTotal };
}

export function ledgerYearView(y: LedgerYearRow): LedgerYearView {
  return {
    id: y.id,
    year: y.year,
    plannedInvestment: y.plannedInvestment,
    completedInvestment: y.completedInvestment,
    imageProgress: y.imageProgress,
    percentDone: y.percentDone,
    updatedBy: y.updatedBy,
    version: y.version,
  };
}

/** Money in 万元 with two decimals, added without float drift. */
function add(a: number, b: number | null): number {
  return Math.round((a + (b ?? 0)) * 100) / 100;
}

function totalsBy(projects: readonly LedgerProjectView[], keyOf: (p: LedgerProjectView) => string): LedgerTotal[] {
  const map = new Map<string, LedgerTotal>();
  for (const p of projects) {
    const key = keyOf(p);
    const t = map.get(key) ?? { key, projects: 0, totalInvestment: 0, plannedInvestment: 0, completedInvestment: 0 };
    t.projects += 1;
    t.totalInvestment = add(t.totalInvestment, p.totalInvestment);
    for (const y of p.years) {
      t.plannedInvestment = add(t.plannedInvestment, y.plannedInvestment);
      t.completedInvestment = add(t.completedInvestment, y.completedInvestment);
    }
    map.set(key, t);
  }
  return [...map.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}

export async function listProjectLedger(
  db: Database,
  access: Access,
  filter: { planId?: string | undefined; unitId?: string | undefined } = {},
  now: Date = new Date(),
): Promise<LedgerListing> {
  const rows: LedgerProjectRow[] = await listLedgerProjects(db, access.scope, { planId: filter.planId, unitId: ownUnit(access) ?? filter.unitId });
  const ids = rows.map((r) => r.id);
  const [years, milestones, units] = await Promise.all([
    yearsOf(db, access.scope, ids),
    milestonesOf(db, access.scope, { projectIds: ids }),
    listUnits(db, access.scope),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name] as const));
  const today = chinaDate(now);
  const calendar = loadWorkingCalendar();
  const rules = new Map<string, Awaited<ReturnType<typeof settingsFor>>['colourRules']>();
  const projects: LedgerProjectView[] = [];
  for (const p of rows) {
    if (!rules.has(p.countyId)) rules.set(p.countyId, (await settingsFor(db, p.countyId)).colourRules);
    const own = years.filter((y) => y.projectId === p.id).map(ledgerYearView);
    const ms = milestones.filter((m) => m.projectId === p.id).map(milestoneView);
    const latest = own.filter((y) => y.percentDone !== null).at(-1);
    const verdict = workColour(
      {
        startOn: p.startYear === null ? null : `${p.startYear}-01-01`,
        deadline: p.endYear === null ? null : `${p.endYear}-12-31`,
        doneOn: p.doneOn,
        percentDone: latest?.percentDone ?? null,
        milestones: ms,
      },
      today,
      rules.get(p.countyId) ?? (await settingsFor(db, p.countyId)).colourRules,
      calendar,
    );
    projects.push({
      id: p.id,
      countyId: p.countyId,
      planId: p.planId,
      seq: p.seq,
      category: p.category,
      name: p.name,
      leadUnitName: p.leadUnitName,
      leadUnit: p.leadUnitId ? { id: p.leadUnitId, name: names.get(p.leadUnitId) ?? '（已删除的单位）' } : null,
      site: p.site,
      nature: p.nature,
      content: p.content,
      totalInvestment: p.totalInvestment,
      startYear: p.startYear,
      endYear: p.endYear,
      doneOn: p.doneOn,
      years: own,
      milestones: ms,
      completedInvestment: own.reduce((sum, y) => add(sum, y.completedInvestment), 0),
      colour: verdict.colour,
      colourReasons: verdict.reasons,
      version: p.version,
    });
  }
  const byYear = new Map<string, LedgerTotal>();
  for (const p of projects) {
    for (const y of p.years) {
      const key = String(y.year);
      const t = byYear.get(key) ?? { key, projects: 0, totalInvestment: 0, plannedInvestment: 0, completedInvestment: 0 };
      t.projects += 1;
      t.plannedInvestment = add(t.plannedInvestment, y.plannedInvestment);
      t.completedInvestment = add(t.completedInvestment, y.completedInvestment);
      byYear.set(key, t);
    }
  }
  const all = totalsBy(projects, () => '合计')[0] ?? { key: '合计', projects: 0, totalInvestment: 0, plannedInvestment: 0, completedInvestment: 0 };
  return {
    projects,
    totals: {
      byCategory: totalsBy(projects, (p) => p.category ?? '（未分类）'),
      byUnit: totalsBy(projects, (p) => p.leadUnit?.name ?? p.leadUnitName ?? '（未指定）'),
      byYear: [...byYear.values()].sort((a, b) => a.key.localeCompare(b.key)),
      all,
    },
  };
}
