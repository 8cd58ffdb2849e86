// 全市: every county's plan on the same indicators for the chosen period — a table of statuses, a stacked bar of
// status counts per county and a heat map of 完成进度; click a county to open its dashboard. The 市科技局 also sets
// each county's 所属地市 here (区县归属), which the batch report generator offers as its 地市 choice.
import { planForYear } from '@domain/plan/plan-for-year.ts';
import { STATUS_COLOURS, STATUS_OUTCOMES, type StatusOutcome } from '@domain/progress/status.ts';
import { ApartmentOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Segmented, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client.ts';
import { assignedMunicipalities, fetchCounties, type County } from '../api/counties.ts';
import { comparisonExportUrl, fetchComparison, type CountyComparison } from '../api/monitoring.ts';
import { DataTable, type Column } from '../components/DataTable.tsx';
import { CountyMunicipalities } from '../components/CountyMunicipalities.tsx';
import { ReportGenerator } from '../components/ReportGenerator.tsx';
import type { EChartsOption } from '../components/EChart.tsx';
import { AsyncView, EmptyState, Loading } from '../components/PageState.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatShare, periodLabel } from '../lib/format.ts';
import { useAuth } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace } from '../lib/workspace.tsx';

const EChart = lazy(() => import('../components/EChart.tsx'));

export default function MunicipalPage() {
  const { period, plans } = useWorkspace();
  const data = useAsync(() => fetchComparison(period), [period]);
  // The batch's default years follow the plan period the page's year falls in (十四五 for 2025, 十五五 from 2026),
  // as the server picks each county's plan for the year asked.
  const framing = planForYear(plans ?? [], Number(period.slice(0, 4)));
  const { can } = useAuth();
  const mayGenerate = can('report.generate') && can('plan.compare');
  const mayManage = can('county.manage');
  const counties = useAsync(() => (mayGenerate || mayManage ? fetchCounties() : Promise.resolve([])), [mayGenerate, mayManage]);
  const municipalities = useMemo(() => assignedMunicipalities(counties.data ?? []), [counties.data]);
  const [managing, setManaging] = useState(false);
  const countySaved = (saved: County) => counties.setData((counties.data ?? []).map((c) => (c.id === saved.id ? saved : c)));
  return (
    <div data-testid="municipal-page">
      <div className="page-title">
        <h1>全市对比</h1>
        <span className="subtitle">{periodLabel(period)} · 各区县规划指标监测情况</span>
        {mayManage && (
          <Button icon={<ApartmentOutlined />} style={{ marginLeft: 'auto' }} onClick={() => setManaging(true)}>
            区县归属
          </Button>
        )}
      </div>
      {mayManage && (
        <CountyMunicipalities open={managing} onClose={() => setManaging(false)} counties={counties.data ?? []} loading={counties.loading} onSaved={countySaved} />
      )}
      {mayGenerate && (
        <ReportGenerator
          key={`${framing?.periodStart ?? ''}-${framing?.periodEnd ?? ''}`}
          periodStart={framing?.periodStart ?? null}
          periodEnd={framing?.periodEnd ?? null}
          municipalities={municipalities}
        />
      )}
      <AsyncView state={data} loadingText="正在汇总各区县数据…">
        {(d) => (d.counties.length === 0 ? <EmptyState text="暂无数据，请先导入规划" /> : <Municipal data={d} />)}
      </AsyncView>
    </div>
  );
}

type Row = CountyComparison['rows'][number];

function Municipal({ data }: { data: CountyComparison }) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const counts = useMemo(
    () =>
      data.counties.map((_c, index) => {
        const tally: Partial<Record<StatusOutcome, number>> = {};
        for (const row of data.rows) {
          const cell = row.cells[index];
          if (cell) tally[cell.status] = (tally[cell.status] ?? 0) + 1;
        }
        return tally;
      }),
    [data],
  );
  const navigate = useNavigate();
  const { period } = useWorkspace();
  const [chart, setChart] = useState<'bar' | 'heat'>('bar');
  const openCounty = (countyId: string) => {
    const county = data.counties.find((c) => c.countyId === countyId);
    if (county) navigate(`/dashboard?plan=${county.planId}&period=${period}`);
  };
  const openCountyByName = (name: string) => {
    const county = data.counties.find((c) => c.countyName === name);
    if (county) openCounty(county.countyId);
  };

  const barOption = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: data.counties.map((c) => c.countyName) },
      yAxis: { type: 'value', name: '指标数', minInterval: 1 },
      series: STATUS_OUTCOMES.map((s) => ({
        name: s,
        type: 'bar',
        stack: 'status',
        itemStyle: { color: STATUS_COLOURS[s] },
        data: counts.map((c) => c[s] ?? 0),
        barMaxWidth: 56,
      })),
    }),
    [data],
  );

  const heatOption = useMemo<EChartsOption>(() => {
    const points: [number, number, number | null][] = [];
    data.rows.forEach((row, y) => {
      data.counties.forEach((_c, x) => {
        const cell = row.cells[x];
        points.push([x, y, cell?.completion === null || cell?.completion === undefined ? null : Math.round(cell.completion * 1000) / 10]);
      });
    });
    return {
      tooltip: { formatter: (p: { value: [number, number, number | null] }) => `${data.rows[p.value[1]]?.name ?? ''}<br/>${data.counties[p.value[0]]?.countyName ?? ''}：完成进度 ${p.value[2] === null ? '—' : `${p.value[2].toFixed(1)}%`}` },
      grid: { left: 220, right: 24, top: 36, bottom: 48 },
      xAxis: { type: 'category', position: 'top', data: data.counties.map((c) => c.countyName), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.rows.map((r) => (r.name.length > 14 ? `${r.name.slice(0, 14)}…` : r.name)),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 160,
        text: ['完成进度 100%', '0%'],
        inRange: { color: ['#fff5e6', '#9ecae1', '#1d4e89'] },
      },
      series: [{ type: 'heatmap', data: points, label: { show: true, formatter: (p: { value: [number, number, number | null] }) => (p.value[2] === null ? '' : `${p.value[2].toFixed(0)}`) } }],
    };
  }, [data, counts]);

  const columns: Column<Row>[] = [
    { key: 'name', title: '指标', value: (r) => r.name, fixed: 'left', width: 220 },
    { key: 'unit', title: '单位', value: (r) => r.unit, width: 70 },
    ...data.counties.map<Column<Row>>((c, index) => {
      const cell = (r: Row) => r.cells[index] ?? null;
      return {
        key: c.countyId,
        title: c.countyName,
        value: (r) => cell(r)?.completion ?? null,
        exportValue: (r) => {
          const x = cell(r);
          return x ? `${x.status}${x.completion === null ? '' : ` ${formatShare(x.completion)}`}` : null;
        },
        render: (r) => {
          const x = cell(r);
          if (!x) return <Typography.Text type="secondary">无此指标</Typography.Text>;
          return (
            <span>
              <StatusTag status={x.status} />
              <span className="num">{formatShare(x.completion)}</span>
            </span>
          );
        },
        width: 170,
      };
    }),
  ];

  const countyRows = data.counties.map((c, index) => {
    const tally = counts[index] ?? {};
    return { ...c, counts: tally, total: Object.values(tally).reduce((s, n) => s + (n ?? 0), 0) };
  });
  return (
    <>
      <Card
        className="section"
        size="small"
        title="各区县指标状态"
        extra={
          <Segmented<'bar' | 'heat'>
            value={chart}
            onChange={setChart}
            options={[
              { value: 'bar', label: '状态分布' },
              { value: 'heat', label: '完成进度热力图' },
            ]}
          />
        }
      >
        <Suspense fallback={<Loading text="正在加载图表…" />}>
          {chart === 'bar' ? (
            <EChart option={barOption} height={320} ariaLabel="各区县指标状态分布" testId="municipal-bar" onClick={(p) => openCountyByName(p.name)} />
          ) : (
            <EChart
              option={heatOption}
              height={Math.max(320, data.rows.length * 26 + 96)}
              ariaLabel="各区县完成进度热力图"
              testId="municipal-heat"
              onClick={(p) => {
                const v = p.value as [number, number, number | null];
                const county = data.counties[v[0]];
                if (county) openCounty(county.countyId);
              }}
            />
          )}
        </Suspense>
        <Typography.Text type="secondary">点击图中的区县可进入该区县的首页。</Typography.Text>
      </Card>
      <Row gutter={16}>
        <Col span={24}>
          <Card className="section" size="small">
            <DataTable
              testId="municipal-counties"
              title="区县汇总"
              rows={countyRows}
              rowKey={(c) => c.countyId}
              exportName="区县汇总"
              onRowClick={(c) => openCounty(c.countyId)}
              size="small"
              columns={[
                { key: 'county', title: '区县', value: (c) => c.countyName },
                { key: 'total', title: '指标数', value: (c) => c.total, align: 'right', width: 80 },
                ...STATUS_OUTCOMES.map((s: StatusOutcome) => ({
                  key: s,
                  title: s,
                  value: (c: (typeof countyRows)[number]) => c.counts[s] ?? 0,
                  align: 'right' as const,
                  width: 110,
                })),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card className="section" size="small">
        <DataTable<Row>
          testId="municipal-table"
          title="同口径指标对比"
          extra={
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting}
              onClick={async () => {
                setExporting(true);
                try {
                  await api.download(comparisonExportUrl(period), `全市对比-${period}.xlsx`);
                } catch (error) {
                  message.error(`导出失败：${errorText(error)}`);
                } finally {
                  setExporting(false);
                }
              }}
            >
              导出对比表（服务器）
            </Button>
          }
          rows={data.rows} rowKey={(r) => r.key} columns={columns} exportName="全市指标对比" exportCaption={`${periodLabel(period)} 各区县指标完成进度`} size="small" scrollX="max-content" pageSize={false} />
      </Card>
    </>
  );
}
