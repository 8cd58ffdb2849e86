// 考核: a yearly weighted score per 部门 and 乡镇 from four rates, each "good / counted" over the year:
//   indicators — the unit's responsible indicators whose status is on pace (not 滞后 / 约束性未达标);
//   reports    — reports owed (indicator and task reports, the latter at the county's cadence) submitted by their due
//                date; one never filed counts against; told apart as 按时 / 迟报 / 未报 for the table;
//   tasks      — task deadlines and milestones of the year met on time;
//   supervision — 督办单 answered by the reply deadline.
// A rate with nothing counted is left out and the other weights are rescaled, so a town without indicators is not
// punished for having none. Weights are the county's (configurable); scores are 0–100 with one decimal. Pure.
import { enumeratePeriods, type Period, type PeriodKind } from '../period/period.ts';
import { periodEndDate } from '../reporting/due.ts';

export const ASSESSMENT_COMPONENTS = ['indicators', 'reports', 'tasks', 'supervision'] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];

export const ASSESSMENT_COMPONENT_LABELS: Readonly<Record<AssessmentComponent, string>> = {
  indicators: '指标完成',
  reports: '报送及时',
  tasks: '任务与节点按时',
  supervision: '督办按时反馈',
};

export type AssessmentWeights = Readonly<Record<AssessmentComponent, number>>;

export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = { indicators: 40, reports: 20, tasks: 25, supervision: 15 };

export interface Tally {
  good: number;
  total: number;
}

export interface UnitTally {
  unitId: string;
  unitName: string;
  unitKind: string;
  counts: Readonly<Record<AssessmentComponent, Tally>>;
}

export interface UnitScore extends UnitTally {
  /** good / total per component, null when nothing was counted. */
  rates: Record<AssessmentComponent, number | null>;
  /** 0–100, one decimal; null when no component has data. */
  score: number | null;
  /** 1 = best; equal scores share a rank (1, 2, 2, 4); null without a score. */
  rank: number | null;
}

export function validateWeights(weights: AssessmentWeights): string[] {
  const problems: string[] = [];
  for (const c of ASSESSMENT_COMPONENTS) {
    const w = weights[c];
    if (!Number.isFinite(w) || w < 0 || w > 100) problems.push(`${ASSESSMENT_COMPONENT_LABELS[c]}权重须在 0–100 之间 / weight must be 0–100`);
  }
  if (ASSESSMENT_COMPONENTS.every((c) => weights[c] === 0)) problems.push('权重不能全为 0 / weights cannot all be zero');
  return problems;
}

export function scoreUnit(tally: UnitTally, weights: AssessmentWeights): Omit<UnitScore, 'rank'> {
  const rates = {} as Record<AssessmentComponent, number | null>;
  let weighted = 0;
  let weightSum = 0;
  for (const c of ASSESSMENT_COMPONENTS) {
    const { good, total } = tally.counts[c];
    const rate = total > 0 ? Math.min(1, Math.max(0, good / total)) : null;
    rates[c] = rate;
    if (rate !== null && weights[c] > 0) {
      weighted += weights[c] * rate;
      weightSum += weights[c];
    }
  }
  const score = weightSum > 0 ? Math.round((weighted / weightSum) * 1000) / 10 : null;
  return { ...tally, rates, score };
}

/** Scores and ranks every unit; best first, units without a score last (by name). */
export function rankUnits(tallies: readonly UnitTally[], weights: AssessmentWeights): UnitScore[] {
  const scored = tallies.map((t) => scoreUnit(t, weights));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? a.unitName.localeCompare(b.unitName, 'zh') : 1) : -1;
    return b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh');
  });
  let rank = 0;
  let previous: number | null = null;
  return scored.map((row, index) => {
    if (row.score === null) return { ...row, rank: null };
    if (row.score !== previous) {
      rank = index + 1;
      previous = row.score;
    }
    return { ...row, rank };
  });
}

// ── 报送及时: reports owed, filed or not ─────────────────────────────────────────────────────────────────────────
// The timeliness rate is judged over what each unit OWED (an indicator it reports for a period whose due date has
// passed, a progress report on a task it takes part in), not over what it happened to file: a unit that never files
// must not escape the rate — an unfiled report past its due date counts like the worst case, against the unit.

export type ReportTimeliness = 'on-time' | 'late' | 'missing';

/** A report a unit owes: `key` names what is owed (an indicator period, or a task and period). */
export interface OwedReport {
  unitId: string;
  key: string;
  /** YYYY-MM-DD; filed on this day is still on time. */
  dueOn: string;
}

/** A report the unit entered; `submittedOn` null while it is only a draft (never handed in). */
export interface FiledReport {
  unitId: string;
  key: string;
  submittedOn: string | null;
}

export interface JudgedReport extends OwedReport {
  timeliness: ReportTimeliness;
  /** The day it was handed in (as of the judging day); null when missing. */
  submittedOn: string | null;
}

export const REPORT_TIMELINESS_LABELS: Readonly<Record<ReportTimeliness, string>> = {
  'on-time': '按时',
  late: '迟报',
  missing: '未报',
};

/** What the 报送及时 rate is made of: a late report and a missing one both count against, but are told apart. */
export interface ReportBreakdown {
  onTime: number;
  late: number;
  missing: number;
}

/**
 * Counts the judged reports of each unit by timeliness. The reports rate is `onTime / (onTime + late + missing)`: the
 * breakdown and the tally are read off the same judged list, so the table's counts always add up to the rate. Pure.
 */
export function reportBreakdowns(judged: readonly JudgedReport[]): Map<string, ReportBreakdown> {
  const byUnit = new Map<string, ReportBreakdown>();
  for (const report of judged) {
    let counts = byUnit.get(report.unitId);
    if (!counts) byUnit.set(report.unitId, (counts = { onTime: 0, late: 0, missing: 0 }));
    if (report.timeliness === 'on-time') counts.onTime += 1;
    else if (report.timeliness === 'late') counts.late += 1;
    else counts.missing += 1;
  }
  return byUnit;
}

/** The reports component's tally from a breakdown: only on-time is good. */
export function reportTally(breakdown: ReportBreakdown): Tally {
  return { good: breakdown.onTime, total: breakdown.onTime + breakdown.late + breakdown.missing };
}

/**
 * Judges the owed reports as of `today`: handed in by the due date → on time; after it → late; not handed in and the
 * due date passed → missing. Not handed in and not yet overdue → not judged (left out). Pure.
 */
export function judgeReports(owed: readonly OwedReport[], filed: readonly FiledReport[], today: string): JudgedReport[] {
  const byKey = new Map(filed.map((f) => [`${f.unitId}|${f.key}`, f] as const));
  const judged: JudgedReport[] = [];
  for (const report of owed) {
    const handedIn = byKey.get(`${report.unitId}|${report.key}`)?.submittedOn ?? null;
    // As of `today`: a hand-in recorded after it had not happened yet (an assessment re-run for a past day).
    const submittedOn = handedIn !== null && handedIn <= today ? handedIn : null;
    if (submittedOn !== null) judged.push({ ...report, timeliness: submittedOn <= report.dueOn ? 'on-time' : 'late', submittedOn });
    else if (today > report.dueOn) judged.push({ ...report, timeliness: 'missing', submittedOn: null });
  }
  return judged;
}

// ── 任务进展报送频次 ───────────────────────────────────────────────────────────────────────────────────────────
// How often a unit taking part in a task reports its progress is the county's choice (supervision settings): 月报,
// 季报, 半年报 or 年报. One cadence per county, applied to every period assessed — changing it re-judges the year
// by the new cadence, since a report filed for a period of another kind answers none of the periods now owed.

/** The cadences a county may choose, most frequent first (the order of the settings form). */
export const TASK_REPORT_FREQUENCIES = ['month', 'quarter', 'half', 'year'] as const satisfies readonly PeriodKind[];
export type TaskReportFrequency = (typeof TASK_REPORT_FREQUENCIES)[number];

export const TASK_REPORT_FREQUENCY_LABELS: Readonly<Record<TaskReportFrequency, string>> = {
  month: '月报',
  quarter: '季报',
  half: '半年报',
  year: '年报',
};

/** A county that never chose reports quarterly (季度调度, what the 任务 page proposed before the setting existed). */
export const DEFAULT_TASK_REPORT_FREQUENCY: TaskReportFrequency = 'quarter';

export function isTaskReportFrequency(value: unknown): value is TaskReportFrequency {
  return typeof value === 'string' && (TASK_REPORT_FREQUENCIES as readonly string[]).includes(value);
}

/**
 * The periods a unit taking part in a task owes a progress report for: every period that overlaps the task's life —
 * from the later of its start and the day it was entered (no report is owed for a quarter that ended before the task
 * existed) — and ended before the task was done and before today. Pure.
 */
export function taskReportPeriods(
  task: { startOn: string; createdOn: string; doneOn: string | null },
  kind: PeriodKind,
  today: string,
): Period[] {
  const from = task.startOn > task.createdOn ? task.startOn : task.createdOn;
  const until = task.doneOn !== null && task.doneOn < today ? task.doneOn : today;
  const fromYear = Number(from.slice(0, 4));
  const untilYear = Number(until.slice(0, 4));
  if (!(fromYear <= untilYear)) return [];
  return enumeratePeriods(fromYear, untilYear, kind).filter((period) => {
    const end = periodEndDate(period);
    return end >= from && end < until;
  });
}
