// The counted facts a report states in words: the status-count sentence of the national mid-term vocabulary
// ("N 项指标中，X 项提前实现、Y 项快于预期、Z 项基本符合预期、W 项滞后"), task and project totals, and the one
// way every figure is printed (shared by the Word file and the Excel annex, so both show the same text). Pure.
import { formatPercent, type StatusOutcome } from '../progress/status.ts';
import { formatPlain } from '../progress/target-kind.ts';
import type { ReportFigure, ReportIndicator, ReportProject, ReportTask } from './model.ts';

export type StatusCounts = Readonly<Record<StatusOutcome, number>>;

export function countIndicatorStatuses(indicators: readonly Pick<ReportIndicator, 'status'>[]): StatusCounts {
  const counts: Record<StatusOutcome, number> = {
    提前实现: 0,
    快于预期: 0,
    基本符合预期: 0,
    滞后: 0,
    约束性未达标: 0,
    无数据: 0,
    无法评价: 0,
  };
  for (const indicator of indicators) counts[indicator.status] += 1;
  return counts;
}

/**
 * "13 项指标中，2 项提前实现、3 项快于预期、5 项基本符合预期、1 项滞后". The four official labels are always named
 * (a 0 is a fact too); outcomes outside them are added only when present, so the parts always sum to N:
 * "…、1 项滞后，1 项约束性指标未达标，2 项暂无监测数据，1 项无法评价".
 */
export function statusSentence(counts: StatusCounts): string {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const main = `${total} 项指标中，${counts['提前实现']} 项提前实现、${counts['快于预期']} 项快于预期、${counts['基本符合预期']} 项基本符合预期、${counts['滞后']} 项滞后`;
  const extra: string[] = [];
  if (counts['约束性未达标'] > 0) extra.push(`${counts['约束性未达标']} 项约束性指标未达标`);
  if (counts['无数据'] > 0) extra.push(`${counts['无数据']} 项暂无监测数据`);
  if (counts['无法评价'] > 0) extra.push(`${counts['无法评价']} 项无法评价`);
  return extra.length === 0 ? main : `${main}，${extra.join('，')}`;
}

/** A fraction as the tables print it: 0.38 → "38.0%"; null → "—". */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${formatPercent(share)}%`;
}

/** A number as a person writes it in a table cell (no trailing zeros, at most 4 decimals); null → "—". */
export function numberText(value: number | null): string {
  return value === null ? '—' : formatPlain(value);
}

/** 万元 amounts: at most 2 decimals, no trailing zeros. */
export function moneyText(value: number | null): string {
  return value === null ? '—' : String(Number(value.toFixed(2)));
}

/** The 当前值（数据年份） cell: "2.36（2022年）"; "—" without a value. */
export function currentValueText(figure: ReportFigure | null): string {
  return figure === null ? '—' : `${formatPlain(figure.value)}（${figure.periodLabel}）`;
}

/** A plan cell (baseline/target) as printed: the text as written in the plan, else "—". */
export function planCellText(text: string | null): string {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? '—' : trimmed;
}

export interface TaskTotals {
  total: number;
  done: number;
  active: number;
  red: number;
  yellow: number;
  blue: number;
}

export function taskTotals(tasks: readonly ReportTask[]): TaskTotals {
  return {
    total: tasks.length,
    done: tasks.filter((t) => t.done).length,
    active: tasks.filter((t) => !t.done).length,
    red: tasks.filter((t) => t.colour === 'red').length,
    yellow: tasks.filter((t) => t.colour === 'yellow').length,
    blue: tasks.filter((t) => t.colour === 'blue').length,
  };
}

/**
 * A project is 进展符合预期 when its completed investment to date reaches the planned investment to date (ε below
 * it is allowed, as for indicators); with nothing planned yet it is not judged. Completed projects count as on plan.
 */
export function projectOnTrack(project: ReportProject, tolerance: number): boolean | null {
  if (project.done) return true;
  if (project.plannedToDate === null || project.plannedToDate <= 0) return null;
  return (project.completedToDate ?? 0) >= project.plannedToDate * (1 - tolerance) - 1e-9;
}

export interface ProjectTotals {
  count: number;
  totalInvestment: number;
  plannedToDate: number;
  completedToDate: number;
  /** completed ÷ planned to date; null when nothing is planned. */
  completionRate: number | null;
  done: number;
  onTrack: number;
  behind: number;
  /** Projects with no yearly figures entered (not judged). */
  unjudged: number;
}

export function projectTotals(projects: readonly ReportProject[], tolerance: number): ProjectTotals {
  const sum = (pick: (p: ReportProject) => number | null) => roundMoney(projects.reduce((s, p) => s + (pick(p) ?? 0), 0));
  const plannedToDate = sum((p) => p.plannedToDate);
  const completedToDate = sum((p) => p.completedToDate);
  const judged = projects.map((p) => projectOnTrack(p, tolerance));
  return {
    count: projects.length,
    totalInvestment: sum((p) => p.totalInvestment),
    plannedToDate,
    completedToDate,
    completionRate: plannedToDate > 0 ? completedToDate / plannedToDate : null,
    done: projects.filter((p) => p.done).length,
    onTrack: judged.filter((j) => j === true).length,
    behind: judged.filter((j) => j === false).length,
    unjudged: judged.filter((j) => j === null).length,
  };
}

export interface CategoryTotals {
  category: string;
  count: number;
  totalInvestment: number;
  plannedToDate: number;
  completedToDate: number;
  completionRate: number | null;
}

/** Investment by project category (类别), in first-seen order; projects without one go under 其他. */
export function investmentByCategory(projects: readonly ReportProject[]): CategoryTotals[] {
  const groups = new Map<string, ReportProject[]>();
  for (const project of projects) {
    const key = project.category?.trim() || '其他';
    const list = groups.get(key) ?? [];
    list.push(project);
    groups.set(key, list);
  }
  return [...groups].map(([category, list]) => {
    const totals = projectTotals(list, 0);
    return {
      category,
      count: list.length,
      totalInvestment: totals.totalInvestment,
      plannedToDate: totals.plannedToDate,
      completedToDate: totals.completedToDate,
      completionRate: totals.completionRate,
    };
  });
}

// Sums of 2-decimal money must not print as 1234.5600000001.
function roundMoney(value: number): number {
  return Math.round(value * 100) / 100;
}
