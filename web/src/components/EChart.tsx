// ECharts with only the charts and components the app uses (tree-shaken), in a chunk of its own: the pages that
// draw charts are lazy, so ECharts never weighs on the first screen.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type EChartsOption = echarts.EChartsCoreOption;

export interface EChartProps {
  option: EChartsOption;
  height?: number;
  onClick?: (params: { name: string; seriesName?: string; data: unknown; value: unknown; dataIndex: number }) => void;
  ariaLabel: string;
  testId?: string;
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export default function EChart({ option, height = 340, onClick, ariaLabel, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as unknown as { name: string; seriesName?: string; data: unknown; value: unknown; dataIndex: number };
      clickRef.current?.(p);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    // Printing: redraw at the print width so the chart is not cut off.
    const beforePrint = () => instance.resize();
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, true);
  }, [option]);

  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
