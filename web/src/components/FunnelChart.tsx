// The 梯度培育 funnel as centred horizontal bars (a funnel drawn with the bar chart already in the ECharts chunk):
// each stage's count, and the stage-to-stage conversion beside it.
import { lazy, Suspense } from 'react';
import type { Funnel } from '../api/registers.ts';
import { formatShare } from '../lib/format.ts';
import { Loading } from './PageState.tsx';

const EChart = lazy(() => import('./EChart.tsx'));

const COLOURS = ['#1d4e89', '#2f6fb0', '#4f8fd0', '#2da44e', '#bf8700'];

export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const stages = funnel.stages;
  const max = Math.max(1, ...stages.map((s) => s.count));
  const labels = stages.map((s) => s.label).reverse();
  const option = {
    grid: { left: 110, right: 170, top: 10, bottom: 10 },
    xAxis: { type: 'value', show: false, max },
    yAxis: { type: 'category', data: labels, axisTick: { show: false }, axisLine: { show: false } },
    tooltip: { show: false },
    series: [
      // Transparent spacer so each bar is centred: (max − count) / 2 on the left.
      { type: 'bar', stack: 'f', silent: true, itemStyle: { color: 'transparent' }, data: stages.map((s) => (max - s.count) / 2).reverse() },
      {
        type: 'bar',
        stack: 'f',
        barWidth: '62%',
        data: stages
          .map((s, i) => ({
            value: s.count,
            itemStyle: { color: COLOURS[i] ?? '#888' },
            label: {
              show: true,
              position: 'right',
              distance: (max - s.count) / 2 > 0 ? 8 : 8,
              formatter: `${s.count} 家${s.conversionRate === null ? '' : `  转化 ${formatShare(s.conversionRate)}`}`,
              color: '#1f2328',
            },
          }))
          .reverse(),
      },
    ],
  };
  return (
    <Suspense fallback={<Loading text="正在绘制图表…" />}>
      <EChart option={option} height={260} ariaLabel={`${funnel.year}年梯度培育漏斗`} testId="funnel-chart" />
    </Suspense>
  );
}
