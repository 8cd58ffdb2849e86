// The municipal comparison's plan frames, kept between calls. What a county's plan says — its indicators, their
// target kinds and tolerances, the county's name — changes on import, correction or a settings change; its values
// change all the time. So each county's frame is read, unpacked and prepared for evaluation once and kept in memory
// per database; every call reads all counties' stamps (plan_frame_stamps, moved by triggers on every such write,
// whoever writes) and re-reads only the counties whose stamp moved. Values are never kept: every call reads them.
import type { Database } from '../../db/client.ts';
import { planForYear, type PlanPeriod } from '../../domain/plan/plan-for-year.ts';
import { indicatorMatchKey } from '../../domain/reporting/match-key.ts';
import {
  readComparisonFrame,
  readPlanFrameStamps,
  type ComparedPlanRow,
  type ComparisonIndicatorRow,
} from '../../repositories/monitoring-status.ts';
import type { TenantScope } from '../../repositories/scope.ts';
import { prepareIndicator, type PreparedIndicator } from './indicator-status.ts';

export interface FrameIndicator {
  prepared: PreparedIndicator;
  name: string;
  unit: string | null;
  /** indicatorMatchKey(name): how the comparison lines indicators up across counties' plans. */
  key: string;
}

export interface CountyFrame {
  plan: ComparedPlanRow;
  /** In the plan table's order. */
  indicators: readonly FrameIndicator[];
}

/** A county's frame with its plan period, as planForYear reads it. */
interface FrameChoice extends PlanPeriod {
  frame: CountyFrame;
}

interface Kept {
  stamp: number;
  /** The county's current plans, newest first (empty: none) — its 十四五 and 十五五 may both be there. */
  frames: readonly FrameChoice[];
}

// Per database object: tests open many databases in one process, and their stamps count from 1 each.
const keptBy = new WeakMap<Database, Map<string, Kept>>();

/**
 * For each county in scope that has a plan, the frame of its plan for `year` (planForYear: the newest plan whose
 * period covers the year, else the nearest), in county-name order.
 */
export async function loadCountyFrames(db: Database, scope: TenantScope, year: number | null): Promise<CountyFrame[]> {
  let kept = keptBy.get(db);
  if (kept === undefined) {
    kept = new Map();
    keptBy.set(db, kept);
  }
  const stamps = await readPlanFrameStamps(db, scope);
  const stale: string[] = [];
  for (const [countyId, stamp] of stamps) if (kept.get(countyId)?.stamp !== stamp) stale.push(countyId);
  if (stale.length > 0) {
    // Stamps first, frames after: a write in between leaves a newer frame under the older stamp, which only means
    // the county is read again next time — never an older frame under a newer stamp.
    const fresh = await readComparisonFrame(db, stale.length === stamps.size ? scope : { kind: 'counties', countyIds: stale });
    const frames = frameCounties(fresh.plans, fresh.indicators);
    for (const countyId of stale) kept.set(countyId, { stamp: stamps.get(countyId) ?? 0, frames: frames.get(countyId) ?? [] });
  }
  // Counties deleted since are forgotten when the whole set is looked at.
  if (scope.kind === 'all') for (const countyId of kept.keys()) if (!stamps.has(countyId)) kept.delete(countyId);
  const result: CountyFrame[] = [];
  for (const countyId of stamps.keys()) {
    const chosen = planForYear(kept.get(countyId)?.frames ?? [], year);
    if (chosen !== undefined) result.push(chosen.frame);
  }
  return result.sort(byCountyName);
}

/** Each county's frames, newest plan first (the order readComparisonFrame gives the plans in). */
function frameCounties(plans: readonly ComparedPlanRow[], rows: readonly ComparisonIndicatorRow[]): Map<string, FrameChoice[]> {
  const byPlan = new Map<string, ComparisonIndicatorRow[]>();
  for (const plan of plans) byPlan.set(plan.planId, []);
  for (const row of rows) byPlan.get(row.planId)?.push(row);
  // Plans repeat the same few dozen names: normalise each once.
  const keys = new Map<string, string>();
  const frames = new Map<string, FrameChoice[]>();
  for (const plan of plans) {
    const planRows = (byPlan.get(plan.planId) ?? []).sort(byOrdinal);
    const indicators = planRows.map((row): FrameIndicator => {
      let key = keys.get(row.name);
      if (key === undefined) {
        key = indicatorMatchKey(row.name);
        keys.set(row.name, key);
      }
      return { prepared: prepareIndicator(row), name: row.name, unit: row.unit, key };
    });
    const choice: FrameChoice = { periodStart: plan.planStart, periodEnd: plan.planEnd, frame: { plan, indicators } };
    const county = frames.get(plan.countyId);
    if (county === undefined) frames.set(plan.countyId, [choice]);
    else county.push(choice);
  }
  return frames;
}

function byOrdinal(a: ComparisonIndicatorRow, b: ComparisonIndicatorRow): number {
  return a.ordinal - b.ordinal;
}

/** County name (code-point order, stable across databases and collations), then county id. */
function byCountyName(a: CountyFrame, b: CountyFrame): number {
  const x = a.plan;
  const y = b.plan;
  if (x.countyName !== y.countyName) return x.countyName < y.countyName ? -1 : 1;
  return x.countyId < y.countyId ? -1 : x.countyId > y.countyId ? 1 : 0;
}
