// The report's charts as ECharts options — plain data, no I/O — so the server renders exactly what the web app can
// show: the writer turns an option into SVG (ECharts SSR) and then PNG. Bars only, in the status colours.
import type { EChartsOption } from 'echarts';
import { STATUS_COLOURS } from '../progress/status.ts';
import type { ReportIndicator, ReportProject } from './model.ts';
import { investmentByCategory, shareText } from './summary.ts';

export interface ChartSpec {
  id: 'indicator-progress' | 'investment-by-category';
  /** Pixel size of the drawing (the Word file scales it to the text width). */
  width: number;
  height: number;
  option: EChartsOption;
}

/** One CJK family name for the chart text; the renderer loads the matching font file. */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

const AXIS_LABEL_CHARS = 12;

function shortName(seq: string, name: string): string {
  const label = name.length > AXIS_LABEL_CHARS ? `${name.slice(0, AXIS_LABEL_CHARS - 1)}…` : name;
  return seq ? `${seq}. ${label}` : label;
}

/**
 * 完成进度 per indicator as horizontal bars coloured by status, with the 序时进度 of the report year as a line.
 * Bars are clamped to 0–120% so one indicator far beyond its target does not flatten the others; the label prints
 * the true figure. Indicators without a computable share show an empty bar labelled with their status.
 */
export function indicatorProgressChart(indicators: readonly ReportIndicator[], scheduleShare: number | null): ChartSpec {
  // ECharts draws the first category at the bottom; reverse so the table order reads top-down.
  const rows = [...indicators].reverse();
  const height = Math.max(200, 64 + rows.length * 30);
  return {
    id: 'indicator-progress',
    width: 720,
    height,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14 },
      grid: { left: 12, right: 90, top: 36, bottom: 28, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1.2,
        interval: 0.2,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      yAxis: {
        type: 'category',
        data: rows.map((i) => shortName(i.seq, i.name)),
        axisTick: { show: false },
        axisLabel: { color: '#222222' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((i) => ({
            value: i.completion === null ? 0 : Math.min(Math.max(i.completion, 0), 1.2),
            itemStyle: { color: STATUS_COLOURS[i.status] },
            label: {
              show: true,
              position: 'right',
              color: '#222222',
              formatter: i.completion === null ? i.status : `${shareText(i.completion)} ${i.status}`,
            },
          })),
          ...(scheduleShare === null
            ? {}
            : {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#cf222e', type: 'dashed', width: 1.5 },
                  label: { formatter: `序时进度 ${shareText(scheduleShare)}`, position: 'end', color: '#cf222e' },
                  data: [{ xAxis: scheduleShare }],
                },
              }),
        },
      ],
    },
  };
}

/** Planned vs completed investment to date by project category (万元), side by side. */
export function investmentChart(projects: readonly ReportProject[], year: number): ChartSpec {
  const groups = investmentByCategory(projects);
  return {
    id: 'investment-by-category',
    width: 720,
    height: 360,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14 },
      legend: { top: 4, data: [`截至${year}年计划投资`, `截至${year}年完成投资`] },
      grid: { left: 12, right: 24, top: 44, bottom: 12, containLabel: true },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.category),
        axisLabel: { interval: 0, color: '#222222', width: 110, overflow: 'break' },
      },
      yAxis: { type: 'value', name: '万元', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      series: [
        {
          name: `截至${year}年计划投资`,
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#8c959f' },
          label: { show: true, position: 'top', fontSize: 11 },
          data: groups.map((g) => g.plannedToDate),
        },
        {
          name: `截至${year}年完成投资`,
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: '#0969da' },
          label: { show: true, position: 'top', fontSize: 11 },
          data: groups.map((g) => g.completedToDate),
        },
      ],
    },
  };
}
