// 三色督办: which colour an item carries today. Rules (configurable per county, defaults below):
//   蓝 blue   — a deadline or an open milestone falls within N working days (a reminder, nothing is late yet);
//   黄 yellow — behind 序时进度: a milestone passed its date undone, or the reported % done trails the share of the
//              task's time already used by more than the tolerance; for an indicator, status 滞后;
//   红 red    — overdue: the task's own deadline passed undone; for an indicator, a 约束性 target not met.
// The strongest colour wins; every reason is kept so the 督办单 says why. Pure.
import type { IndicatorAttribute } from '../plan/model.ts';
import type { StatusOutcome } from '../progress/status.ts';
import { daysBetween, type IsoDate, type WorkingCalendar } from './calendar.ts';

export const COLOURS = ['blue', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];

export const COLOUR_LABELS: Readonly<Record<Colour, string>> = { blue: '蓝', yellow: '黄', red: '红' };
/** Display colours for the web app (same hues as the indicator status tiles). */
export const COLOUR_HEX: Readonly<Record<Colour, string>> = { blue: '#0969da', yellow: '#bf8700', red: '#cf222e' };

export function colourRank(colour: Colour | null): number {
  return colour === null ? 0 : COLOURS.indexOf(colour) + 1;
}

export function strongerColour(a: Colour | null, b: Colour | null): Colour | null {
  return colourRank(a) >= colourRank(b) ? a : b;
}

/** The next colour up when an order is ignored; red stays red. */
export function escalatedColour(colour: Colour): Colour {
  return colour === 'blue' ? 'yellow' : 'red';
}

export interface ColourRules {
  /** 蓝: a deadline or an open milestone within this many working days. */
  blueWithinWorkingDays: number;
  /** 黄: % done may trail the 序时进度 of the task by at most this fraction (0.1 = 10 points). */
  progressTolerance: number;
  /** Working days a unit has to sign for (签收) an order before it escalates. */
  signWithinWorkingDays: number;
  /** Working days to reply (反馈), by colour: the redder, the sooner. */
  replyWithinWorkingDays: Readonly<Record<Colour, number>>;
}

export const DEFAULT_COLOUR_RULES: ColourRules = {
  blueWithinWorkingDays: 5,
  progressTolerance: 0.1,
  signWithinWorkingDays: 2,
  replyWithinWorkingDays: { blue: 5, yellow: 3, red: 2 },
};

export type ColourReasonCode =
  | 'deadline-near'
  | 'milestone-near'
  | 'milestone-overdue'
  | 'behind-schedule'
  | 'overdue'
  | 'indicator-lagging'
  | 'binding-not-met';

export interface ColourReason {
  code: ColourReasonCode;
  colour: Colour;
  /** One Chinese sentence for the 督办单. */
  text: string;
}

export interface ColourVerdict {
  colour: Colour | null;
  /** Strongest first. */
  reasons: ColourReason[];
}

export interface MilestoneSnapshot {
  name: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

/** A task (or a ledger project, judged the same way) as the colour rules see it. */
export interface WorkSnapshot {
  /** When the work started (the task's creation date, a project's first year) — the start of its 序时进度. */
  startOn: IsoDate | null;
  deadline: IsoDate | null;
  doneOn: IsoDate | null;
  /** Latest approved % done, 0–100; null when nothing was reported yet. */
  percentDone: number | null;
  milestones: readonly MilestoneSnapshot[];
}

export function validateColourRules(rules: ColourRules): string[] {
  const problems: string[] = [];
  const wholeDays = (value: number, label: string) => {
    if (!Number.isInteger(value) || value < 0 || value > 60) problems.push(`${label}须为 0–60 的整数 / must be an integer 0–60`);
  };
  wholeDays(rules.blueWithinWorkingDays, '蓝色预警工作日数');
  wholeDays(rules.signWithinWorkingDays, '签收时限');
  for (const colour of COLOURS) wholeDays(rules.replyWithinWorkingDays[colour], `${COLOUR_LABELS[colour]}色反馈时限`);
  if (!(rules.progressTolerance >= 0 && rules.progressTolerance <= 1)) problems.push('进度容差须在 0–1 之间 / tolerance must be 0–1');
  return problems;
}

function verdict(reasons: ColourReason[]): ColourVerdict {
  const sorted = [...reasons].sort((a, b) => colourRank(b.colour) - colourRank(a.colour));
  return { colour: sorted[0]?.colour ?? null, reasons: sorted };
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** 序时进度 of a piece of work: the share of its time (start → deadline, calendar days) used by `today`, in [0, 1]. */
export function workScheduleShare(startOn: IsoDate, deadline: IsoDate, today: IsoDate): number {
  const total = daysBetween(startOn, deadline);
  if (total <= 0) return today >= deadline ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(startOn, today) / total));
}

export function workColour(work: WorkSnapshot, today: IsoDate, rules: ColourRules, calendar: WorkingCalendar): ColourVerdict {
  if (work.doneOn !== null) return verdict([]);
  const reasons: ColourReason[] = [];
  const { deadline } = work;
  if (deadline !== null && today > deadline) {
    const late = calendar.workingDaysUntil(deadline, today);
    reasons.push({ code: 'overdue', colour: 'red', text: `已超过完成期限 ${deadline}（逾期 ${late} 个工作日）` });
  }
  for (const m of work.milestones) {
    if (m.doneOn !== null) continue;
    if (today > m.dueOn) {
      reasons.push({ code: 'milestone-overdue', colour: 'yellow', text: `节点“${m.name}”应于 ${m.dueOn} 完成，尚未完成` });
    } else if (calendar.workingDaysUntil(today, m.dueOn) <= rules.blueWithinWorkingDays) {
      const left = calendar.workingDaysUntil(today, m.dueOn);
      reasons.push({ code: 'milestone-near', colour: 'blue', text: `节点“${m.name}”将于 ${m.dueOn} 到期（还有 ${left} 个工作日）` });
    }
  }
  if (work.percentDone !== null && work.startOn !== null && deadline !== null && today <= deadline) {
    const schedule = workScheduleShare(work.startOn, deadline, today);
    const done = work.percentDone / 100;
    if (done < schedule - rules.progressTolerance - 1e-9) {
      reasons.push({
        code: 'behind-schedule',
        colour: 'yellow',
        text: `完成进度 ${percent(done)}，序时进度 ${percent(schedule)}，滞后于序时进度`,
      });
    }
  }
  if (deadline !== null && today <= deadline) {
    const left = calendar.workingDaysUntil(today, deadline);
    if (left <= rules.blueWithinWorkingDays) {
      reasons.push({ code: 'deadline-near', colour: 'blue', text: `完成期限 ${deadline} 临近（还有 ${left} 个工作日）` });
    }
  }
  return verdict(reasons);
}

/** An indicator: 黄 when its status is 滞后, 红 when a 约束性 target is not met; otherwise no colour. */
export function indicatorColour(status: StatusOutcome, attribute: IndicatorAttribute | null, explanation?: string): ColourVerdict {
  const why = explanation ? `：${explanation}` : '';
  if (status === '约束性未达标') {
    return verdict([{ code: 'binding-not-met', colour: 'red', text: `约束性指标未达标${why}` }]);
  }
  if (status === '滞后') {
    const binding = attribute === '约束性' ? '约束性' : '';
    return verdict([{ code: 'indicator-lagging', colour: 'yellow', text: `${binding}指标进展滞后于序时进度${why}` }]);
  }
  return verdict([]);
}
