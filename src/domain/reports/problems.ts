// 存在的主要问题, drawn only from recorded facts: indicators behind pace (滞后 / 约束性未达标) and projected misses
// (预警), indicators without data, red 督办 items, projects whose investment trails the plan, and reports still owed.
// Each item is one sentence of figures; the causes (原因分析) are for the bureau to write, never guessed here. Pure.
import type { ReportData, ReportIndicator } from './model.ts';
import { currentValueText, moneyText, projectOnTrack, shareText } from './summary.ts';

export type ProblemCategory = '指标' | '任务' | '项目' | '数据填报';

export const PROBLEM_CATEGORY_TITLES: Readonly<Record<ProblemCategory, string>> = {
  指标: '部分指标进展滞后',
  任务: '部分重点任务推进不及预期',
  项目: '部分重大项目投资进度滞后',
  数据填报: '监测数据报送不够及时完整',
};

export interface ReportProblem {
  category: ProblemCategory;
  text: string;
}

const BEHIND = new Set(['滞后', '约束性未达标']);

function indicatorLabel(indicator: ReportIndicator): string {
  return `“${indicator.name}”${indicator.attribute ? `（${indicator.attribute}）` : ''}`;
}

export function deriveProblems(data: ReportData): ReportProblem[] {
  const problems: ReportProblem[] = [];

  for (const indicator of data.indicators) {
    if (!BEHIND.has(indicator.status)) continue;
    const what = indicator.status === '约束性未达标' ? '约束性指标未达到要求' : '进展滞后';
    problems.push({
      category: '指标',
      text: `${indicatorLabel(indicator)}${what}：当前值 ${currentValueText(indicator.current)}，${indicator.explanation}。`,
    });
  }
  for (const indicator of data.indicators) {
    if (indicator.forecastWarning === null || BEHIND.has(indicator.status)) continue;
    problems.push({ category: '指标', text: `${indicatorLabel(indicator)}预计到期难以完成：${indicator.forecastWarning}。` });
  }
  const noData = data.indicators.filter((i) => i.status === '无数据');
  if (noData.length > 0) {
    problems.push({
      category: '数据填报',
      text: `${noData.length} 项指标截至${data.year}年尚无监测数据，无法评价：${noData.map((i) => `“${i.name}”`).join('、')}。`,
    });
  }

  for (const item of data.supervision.filter((s) => s.colour === 'red')) {
    const who = item.unitName ? `（责任单位：${item.unitName}）` : '';
    const why = item.reasons.length > 0 ? `，${item.reasons.join('；')}` : '';
    const kind = item.kind === 'task' ? '重点任务' : item.kind === 'project' ? '重大项目' : '指标';
    problems.push({
      category: item.kind === 'project' ? '项目' : item.kind === 'indicator' ? '指标' : '任务',
      text: `${kind}“${item.title}”${who}被红色督办（${item.issuedOn}发出，${item.stateLabel}）${why}。`,
    });
  }
  // A red task without an open order yet (the scan has not run) is still a problem; one with an order is listed above.
  const ordered = new Set(data.supervision.filter((s) => s.colour === 'red').map((s) => s.itemId));
  for (const task of data.tasks) {
    if (task.colour !== 'red' || ordered.has(task.id)) continue;
    const why = task.colourReasons.length > 0 ? `：${task.colourReasons.join('；')}` : '';
    problems.push({ category: '任务', text: `重点任务“${task.title}”为红色督办状态${why}。` });
  }

  for (const project of data.projects) {
    if (projectOnTrack(project, data.tolerance) !== false) continue;
    const rate = project.plannedToDate ? (project.completedToDate ?? 0) / project.plannedToDate : null;
    problems.push({
      category: '项目',
      text: `“${project.name}”截至${data.year}年计划投资 ${moneyText(project.plannedToDate)} 万元，完成 ${moneyText(project.completedToDate ?? 0)} 万元，完成率 ${shareText(rate)}。`,
    });
  }

  const overdue = data.missingReports.filter((m) => m.overdue);
  for (const report of overdue) {
    problems.push({
      category: '数据填报',
      text: `${report.unitName}${report.periodLabel}监测数据（${report.indicatorCount} 项指标）应于 ${report.dueDate} 前报送，目前${report.stateLabel}。`,
    });
  }
  return problems;
}

/** Problems grouped in the order the chapter prints them. */
export function groupProblems(problems: readonly ReportProblem[]): { category: ProblemCategory; title: string; items: string[] }[] {
  const order: ProblemCategory[] = ['指标', '任务', '项目', '数据填报'];
  return order
    .map((category) => ({
      category,
      title: PROBLEM_CATEGORY_TITLES[category],
      items: problems.filter((p) => p.category === category).map((p) => p.text),
    }))
    .filter((g) => g.items.length > 0);
}
