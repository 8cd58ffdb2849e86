// 指标 detail: actual values against the target path (baseline → target) with the 序时进度 point and the tolerance
// band, the one-sentence status, and every reported value with its source, 口径, who and when, and its history.
import { HistoryOutlined, PrinterOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { STATUS_COLOURS } from '@domain/progress/status.ts';
import { Button, Card, Descriptions, Modal, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { fetchIndicatorSeries, type IndicatorSeries, type SeriesValue } from '../api/monitoring.ts';
import { DataTable } from '../components/DataTable.tsx';
import type { EChartsOption } from '../components/EChart.tsx';
import { AsyncView, Loading } from '../components/PageState.tsx';
import { RegisterFiguresCard } from '../components/registers/RegisterFigures.tsx';
import { ReportStateTag, StatusTag } from '../components/StatusTag.tsx';
import { useAuth } from '../lib/auth.tsx';
import { auditActionLabel } from '../lib/labels.ts';
import { formatDateTime, formatNumber, formatPoints, formatShare, formatWithUnit, periodLabel } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace, useWorkspaceLink } from '../lib/workspace.tsx';

const EChart = lazy(() => import('../components/EChart.tsx'));

export default function IndicatorPage() {
  const { indicatorId = '' } = useParams();
  const { period } = useWorkspace();
  const series = useAsync(() => fetchIndicatorSeries(indicatorId, period), [indicatorId, period]);
  return (
    <div data-testid="indicator-page">
      <AsyncView state={series} loadingText="正在加载指标数据…">
        {(data) => <IndicatorView data={data} period={period} onChanged={series.reload} />}
      </AsyncView>
    </div>
  );
}

type ValueRow = SeriesValue & { sourceLabel: string };

function IndicatorView({ data, period, onChanged }: { data: IndicatorSeries; period: string; onChanged: () => void }) {
  const navigate = useNavigate();
  const { can } = useAuth();
  const link = useWorkspaceLink();
  const [historyOf, setHistoryOf] = useState<ValueRow | null>(null);
  const status = data.status;
  const row = data.indicator.row;
  const option = useMemo(() => chartOption(data, period), [data, period]);
  const values = useMemo<ValueRow[]>(
    () => data.sources.flatMap((s) => s.values.map((v) => ({ ...v, sourceLabel: s.label }))).sort((a, b) => b.periodSort - a.periodSort),
    [data.sources],
  );
  const gap = status && status.completion !== null && status.schedule !== null ? status.completion - status.schedule : null;
  const countyName = status?.countyName ?? '';

  return (
    <>
      <div className="page-title">
        <Space wrap>
          <Button className="no-print" icon={<ArrowLeftOutlined />} onClick={() => navigate(link('/dashboard'))}>
            返回
          </Button>
          <h1>{row.name}</h1>
          {row.attribute && <Tag color={row.attribute === '约束性' ? 'red' : 'blue'}>{row.attribute}</Tag>}
          {status && <StatusTag status={status.status} />}
          {status?.forecast.possible && status.forecast.warning && <Tag color="volcano">预警</Tag>}
        </Space>
        <Space>
          <span className="subtitle">
            {countyName} · {data.indicator.planTitle} · {periodLabel(period)}
          </span>
          <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </div>
      {status && (
        <p className="explanation" data-testid="status-explanation">
          {status.explanation}
        </p>
      )}
      <Card className="section" size="small" style={{ marginTop: 12 }}>
        <Descriptions size="small" column={{ xs: 2, lg: 4, xxl: 8 }}>
          <Descriptions.Item label="单位">{row.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="基期值">{row.baseline ? `${row.baseline.text}（${row.baseline.year}年）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="目标值">{row.target ? `${row.target.text}（${row.target.year}年）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="最新值">
            {status?.current
              ? `${formatWithUnit(status.current.value, status.kind === 'annual-growth' ? null : row.unit)}（${status.current.periodLabel}，${status.current.sourceLabel}）`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="完成进度">{formatShare(status?.completion)}</Descriptions.Item>
          <Descriptions.Item label="序时进度">{formatShare(status?.schedule)}</Descriptions.Item>
          <Descriptions.Item label="差距">{formatPoints(gap)}</Descriptions.Item>
          <Descriptions.Item label="目标类型">
            <Tooltip title={data.indicator.kindReason}>{data.indicator.kindLabel}</Tooltip>
          </Descriptions.Item>
        </Descriptions>
        {status?.forecast.possible && (
          <Typography.Paragraph type={status.forecast.warning ? 'danger' : 'secondary'} style={{ margin: '8px 0 0' }}>
            预计：{status.forecast.summary}
          </Typography.Paragraph>
        )}
      </Card>
      <Card className="section" size="small" title="实际值与目标路径">
        {data.path === null && data.official.length === 0 ? (
          <Typography.Text type="secondary">暂无数据：本指标缺少基期值或目标值，且尚无填报数值，无法绘制。</Typography.Text>
        ) : (
          <Suspense fallback={<Loading text="正在加载图表…" />}>
            <EChart option={option} height={340} ariaLabel={`${row.name}：实际值与目标路径`} testId="indicator-chart" />
          </Suspense>
        )}
        <Typography.Text type="secondary">
          虚线为从基期值到目标值的目标路径，浅蓝色带为容差（±{formatNumber(Math.round(data.indicator.tolerance * 1000) / 10)} 个百分点）；红点为最新数据所在年份的序时进度位置（评价即在此处作出）。
        </Typography.Text>
      </Card>
      {/* Register figures are county data (register.county): 责任单位 accounts see the values table only. */}
      {can('register.county') && <RegisterFiguresCard series={data} canChoose={can('value.review')} onChanged={onChanged} />}
      <Card className="section" size="small">
        <DataTable<ValueRow>
          testId="values-table"
          title="各来源数值"
          rows={values}
          rowKey={(v) => v.id}
          exportName={`${row.name}-数值`}
          exportCaption={`${countyName} ${row.name}（${row.unit ?? '无单位'}）`}
          emptyText="暂无填报数值"
          columns={[
            { key: 'period', title: '期间', value: (v) => v.period, render: (v) => periodLabel(v.period), exportValue: (v) => periodLabel(v.period), width: 120 },
            { key: 'value', title: '数值', value: (v) => v.value, render: (v) => <span className="num">{formatNumber(v.value)}</span>, align: 'right', width: 100 },
            { key: 'source', title: '来源', value: (v) => (v.unitName ? `${v.sourceLabel}（${v.unitName}）` : v.sourceLabel), filter: true, width: 170 },
            {
              key: 'official',
              title: '采用',
              value: (v) => (v.isOfficial ? '正式' : '备选'),
              render: (v) =>
                v.isOfficial ? (
                  <Tooltip title={v.officialReason ?? undefined}>
                    <Tag color="green">正式</Tag>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">备选</Typography.Text>
                ),
              filter: true,
              width: 80,
            },
            { key: 'state', title: '审核', value: (v) => v.reportState, render: (v) => (v.reportState ? <ReportStateTag state={v.reportState} /> : '—'), width: 86 },
            { key: 'caliber', title: '口径', value: (v) => v.caliberNote, ellipsis: true },
            { key: 'comment', title: '说明', value: (v) => [...new Set([v.isSample ? '示例数据' : null, v.comment, v.explanation].filter(Boolean))].join('；') || null, ellipsis: true },
            { key: 'who', title: '填报人', value: (v) => v.enteredBy, filter: true, width: 110, ellipsis: true },
            { key: 'when', title: '更新时间', value: (v) => v.updatedAt, render: (v) => formatDateTime(v.updatedAt), exportValue: (v) => formatDateTime(v.updatedAt), width: 160 },
            {
              key: 'history',
              title: '历史',
              value: (v) => v.history.length,
              noExport: true,
              width: 72,
              render: (v) => (
                <Button
                  size="small"
                  type="link"
                  icon={<HistoryOutlined />}
                  disabled={v.history.length === 0}
                  onClick={() => setHistoryOf(v)}
                  aria-label={`${periodLabel(v.period)}数值的修改历史`}
                >
                  {v.history.length}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={historyOf !== null}
        onCancel={() => setHistoryOf(null)}
        footer={null}
        title={historyOf ? `${periodLabel(historyOf.period)} · ${historyOf.sourceLabel} 的修改历史` : ''}
      >
        {historyOf && (
          <Timeline
            items={historyOf.history.map((h) => ({
              content: (
                <>
                  <div>
                    <b>{auditActionLabel(h.action)}</b> · {h.actor} · {formatDateTime(h.at)}
                  </div>
                  <Typography.Text type="secondary">{describeChange(h.before, h.after)}</Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Modal>
    </>
  );
}

function describeChange(before: unknown, after: unknown): string {
  const field = (x: unknown, key: string): unknown => (x !== null && typeof x === 'object' && key in x ? (x as Record<string, unknown>)[key] : undefined);
  const parts: string[] = [];
  const a = field(before, 'value');
  const b = field(after, 'value');
  if (typeof b === 'number') parts.push(typeof a === 'number' && a !== b ? `数值 ${formatNumber(a)} → ${formatNumber(b)}` : `数值 ${formatNumber(b)}`);
  const reason = field(after, 'reason') ?? field(after, 'officialReason');
  if (typeof reason === 'string' && reason) parts.push(`原因：${reason}`);
  return parts.join('；');
}

function chartOption(data: IndicatorSeries, period: string): EChartsOption {
  const path = data.path ?? [];
  const categories = [...new Set([...path.map((p) => String(p.year)), ...data.official.map((o) => o.period)])].sort();
  const pathAt = (code: string) => path.find((p) => String(p.year) === code) ?? null;
  const colour = data.status ? STATUS_COLOURS[data.status.status] : '#1d4e89';
  const target = categories.map((c) => pathAt(c)?.value ?? null);
  const low = categories.map((c) => pathAt(c)?.low ?? null);
  const size = categories.map((c) => {
    const p = pathAt(c);
    return p ? p.high - p.low : null;
  });
  const actual = categories.map((c) => data.official.find((o) => o.period === c)?.value ?? null);
  // The 序时进度 point sits where the status is judged: the year of the latest figure (statistics lag a year).
  const nowCode = (data.status?.current?.period ?? period).slice(0, 4);
  const nowIndex = categories.indexOf(nowCode);
  const nowPoint = pathAt(nowCode);
  const series: unknown[] = [];
  if (path.length > 0) {
    series.push(
      { name: '容差下限', type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      {
        name: '容差带',
        type: 'line',
        data: size,
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
        areaStyle: { color: 'rgba(9,105,218,0.14)' },
        tooltip: { show: false },
      },
      {
        name: '目标路径',
        type: 'line',
        data: target,
        lineStyle: { type: 'dashed', color: '#6e7781' },
        itemStyle: { color: '#6e7781' },
        symbolSize: 5,
        connectNulls: true,
        markPoint:
          nowPoint && nowIndex >= 0
            ? {
                symbol: 'circle',
                symbolSize: 12,
                itemStyle: { color: '#cf222e' },
                label: { show: true, position: 'top', formatter: `序时进度 ${formatShare(nowPoint.schedule)}`, color: '#cf222e' },
                data: [{ coord: [nowIndex, nowPoint.value], name: '序时进度' }],
              }
            : undefined,
      },
    );
  }
  series.push({
    name: '实际值',
    type: 'line',
    data: actual,
    lineStyle: { width: 3, color: colour },
    itemStyle: { color: colour },
    symbolSize: 8,
    connectNulls: true,
    label: { show: true, position: 'bottom', formatter: (p: { value: number | null }) => (p.value === null ? '' : formatNumber(p.value)) },
  });
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (items: { seriesName: string; value: number | null; axisValueLabel: string }[]) => {
        const shown = items.filter((i) => i.seriesName === '实际值' || i.seriesName === '目标路径');
        return [items[0]?.axisValueLabel ?? '', ...shown.map((i) => `${i.seriesName}：${i.value === null || i.value === undefined ? '—' : formatNumber(i.value)}`)].join('<br/>');
      },
    },
    legend: { data: ['实际值', '目标路径'], top: 0 },
    grid: { left: 64, right: 72, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: categories.map((c) => periodLabel(c)), boundaryGap: false },
    // 年均增长 indicators are reported as levels; the plan's unit (%) is the rate's, not the figure's.
    yAxis: { type: 'value', name: data.indicator.kind === 'annual-growth' ? '' : (data.indicator.row.unit ?? ''), scale: true },
    series,
  };
}
