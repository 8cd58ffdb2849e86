// 首页: the chosen plan's indicators for the chosen period — counts per status, the 序时进度, the indicators behind
// pace first, the reports still owed by unit, and the last changes.
import { tryParsePeriod } from '@domain/period/period.ts';
import { scheduleShare } from '@domain/progress/schedule.ts';
import { STATUS_COLOURS, type StatusOutcome } from '@domain/progress/status.ts';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, List, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client.ts';
import { fetchAudit, fetchOutstanding, fetchPlanStatus, planStatusExportUrl, type IndicatorStatus, type OutstandingReport } from '../api/monitoring.ts';
import { DataTable, type Column } from '../components/DataTable.tsx';
import { PaceBar } from '../components/PaceBar.tsx';
import { AsyncView, EmptyState, ErrorState, Loading } from '../components/PageState.tsx';
import { countStatuses, STATUS_SEVERITY, StatusTiles } from '../components/StatusTiles.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { useAuth } from '../lib/auth.tsx';
import { auditActionLabel, auditEntityLabel } from '../lib/labels.ts';
import { formatDate, formatDateTime, formatPoints, formatShare, formatWithUnit, periodLabel } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace, useWorkspaceLink } from '../lib/workspace.tsx';

export default function DashboardPage() {
  const { plan, period, plans, plansError, reloadPlans } = useWorkspace();
  if (plansError) return <ErrorState error={plansError} onRetry={reloadPlans} />;
  if (plans === undefined) return <Loading />;
  if (!plan) return <EmptyState text="暂无数据，请先导入规划" />;
  return <Dashboard planId={plan.id} title={`${plan.countyName} · ${plan.title}`} period={period} />;
}

function Dashboard({ planId, title, period }: { planId: string; title: string; period: string }) {
  const status = useAsync(() => fetchPlanStatus(planId, period), [planId, period]);
  return (
    <div data-testid="dashboard">
      <div className="page-title">
        <h1>{title}</h1>
        <span className="subtitle">{periodLabel(period)} 监测情况</span>
      </div>
      <AsyncView state={status} loadingText="正在计算指标状态…">
        {(data) => <DashboardBody rows={data.indicators} period={data.period} planId={planId} />}
      </AsyncView>
    </div>
  );
}

function planSchedule(start: number | null, end: number | null, period: string): number | null {
  if (start === null || end === null || end < start) return null;
  const parsed = tryParsePeriod(period);
  return parsed ? scheduleShare({ baseYear: start - 1, targetYear: end }, parsed).share : null;
}

const gapOf = (r: IndicatorStatus) => (r.completion !== null && r.schedule !== null ? r.completion - r.schedule : null);

function DashboardBody({ rows, period, planId }: { rows: IndicatorStatus[]; period: string; planId: string }) {
  // 序时进度 of the chosen period over the plan span (base year = the year before the plan starts, as the server
  // counts it); each row's own 序时进度 is taken at the period of its latest figure.
  const { plan } = useWorkspace();
  const scheduleShare = useMemo(() => planSchedule(plan?.periodStart ?? null, plan?.periodEnd ?? null, period), [plan, period]);
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [selected, setSelected] = useState<StatusOutcome | null>(null);
  const navigate = useNavigate();
  const link = useWorkspaceLink();
  const counts = useMemo(() => countStatuses(rows), [rows]);
  const ordered = useMemo(
    () =>
      [...rows].sort(
        (a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || (gapOf(a) ?? 0) - (gapOf(b) ?? 0) || a.seq.localeCompare(b.seq, 'zh-CN', { numeric: true }),
      ),
    [rows],
  );
  const shown = selected ? ordered.filter((r) => r.status === selected) : ordered;
  const warnings = rows.filter((r) => r.forecast.possible && r.forecast.warning);

  const columns: Column<IndicatorStatus>[] = [
    { key: 'seq', title: '序号', value: (r) => r.seq, width: 64 },
    { key: 'name', title: '指标', value: (r) => r.name, render: (r) => <a href={link(`/indicators/${r.indicatorId}`)} onClick={(e) => { e.preventDefault(); navigate(link(`/indicators/${r.indicatorId}`)); }}>{r.name}</a> },
    { key: 'attribute', title: '属性', value: (r) => r.attribute, filter: true, width: 86 },
    { key: 'status', title: '评价', value: (r) => r.status, render: (r) => <StatusTag status={r.status} />, filter: true, width: 120 },
    {
      key: 'value',
      title: '最新值',
      value: (r) => r.current?.value ?? null,
      render: (r) => (
        <>
          <div className="num">{formatWithUnit(r.current?.value, r.kind === 'annual-growth' ? null : r.unit)}</div>
          {r.current && r.current.period !== period && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.current.periodLabel}数据
            </Typography.Text>
          )}
        </>
      ),
      exportValue: (r) => r.current?.value ?? null,
      align: 'right',
      width: 130,
    },
    {
      key: 'done',
      title: '完成进度',
      value: (r) => r.completion,
      render: (r) => (
        <div style={{ minWidth: 110 }}>
          <span className="num">{formatShare(r.completion)}</span>
          <PaceBar compact done={r.completion} time={r.schedule} colour={STATUS_COLOURS[r.status]} />
        </div>
      ),
      exportValue: (r) => (r.completion === null ? null : Math.round(r.completion * 1000) / 10),
      width: 130,
    },
    { key: 'gap', title: '与序时进度差', value: gapOf, render: (r) => <span className="num">{formatPoints(gapOf(r))}</span>, exportValue: (r) => formatPoints(gapOf(r)), width: 130, align: 'right' },
    { key: 'unit', title: '责任单位', value: (r) => r.responsibleUnitName, filter: true, width: 120, ellipsis: true },
    { key: 'explanation', title: '说明', value: (r) => r.explanation, ellipsis: true },
  ];

  if (rows.length === 0) return <EmptyState text="暂无数据，请先导入规划" />;
  return (
    <>
      <Card className="section" size="small" title="指标状态">
        <StatusTiles counts={counts} selected={selected} onSelect={setSelected} />
        <div style={{ maxWidth: 720 }}>
          <PaceBar done={scheduleShare} time={scheduleShare} colour="#9fb7d6" />
          <Typography.Text type="secondary">
            {periodLabel(period)}末规划期已过 {formatShare(scheduleShare)}（序时进度）；完成进度低于此线即落后于序时进度。
          </Typography.Text>
        </div>
      </Card>
      {warnings.length > 0 && (
        <Alert
          className="section"
          type="warning"
          showIcon
          title={`预警：${warnings.length} 项指标按目前走势预计难以按期完成`}
          description={
            <Typography.Paragraph ellipsis={{ rows: 1, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开详情') }} style={{ margin: 0 }}>
              {warnings.map((w) => `${w.name}（${w.forecast.possible ? w.forecast.summary : ''}）`).join('；')}
            </Typography.Paragraph>
          }
        />
      )}
      <Card className="section" size="small">
        <DataTable
          testId="indicator-status-table"
          title={selected ? `“${selected}”的指标（${shown.length}）` : `全部指标（落后于序时进度的在前）`}
          rows={shown}
          columns={columns}
          rowKey={(r) => r.indicatorId}
          exportName="指标监测"
          exportCaption={`${periodLabel(period)}指标监测情况`}
          extra={
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting}
              onClick={async () => {
                setExporting(true);
                try {
                  await api.download(planStatusExportUrl(planId, period), `指标监测-${period}.xlsx`);
                } catch (error) {
                  message.error(`导出失败：${errorText(error)}`);
                } finally {
                  setExporting(false);
                }
              }}
            >
              导出监测表（服务器）
            </Button>
          }
          rowClassName={(r) => (r.status === '约束性未达标' || r.status === '滞后' ? 'row-warning' : '')}
          pageSize={false}
          size="small"
          emptyText={selected ? `没有“${selected}”的指标` : '暂无数据，请先导入规划'}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <OwedByUnit planId={planId} />
        </Col>
        <Col xs={24} xl={12}>
          <RecentChanges />
        </Col>
      </Row>
    </>
  );
}

function OwedByUnit({ planId }: { planId: string }) {
  const owed = useAsync(() => fetchOutstanding(), [planId]);
  const navigate = useNavigate();
  type UnitRow = { unitName: string; count: number; overdue: number; earliestDue: string; periods: string };
  const rows = useMemo<UnitRow[]>(() => {
    const byUnit = new Map<string, OutstandingReport[]>();
    // Owed = not handed in yet (submitted reports wait for review and are no longer owed by the unit).
    for (const r of owed.data?.reports ?? []) {
      if (r.state === 'submitted' || r.state === 'approved') continue;
      byUnit.set(r.unitName, [...(byUnit.get(r.unitName) ?? []), r]);
    }
    return [...byUnit.entries()].map(([unitName, list]) => ({
      unitName,
      count: list.length,
      overdue: list.filter((r) => r.overdue).length,
      earliestDue: list.map((r) => r.dueDate).sort()[0] ?? '',
      periods: [...new Set(list.map((r) => r.periodLabel))].join('、'),
    }));
  }, [owed.data]);
  return (
    <Card className="section" size="small" title="待报送（按单位）">
      {owed.error ? (
        <ErrorState error={owed.error} onRetry={owed.reload} />
      ) : owed.data === undefined ? (
        <Loading />
      ) : (
        <DataTable
          testId="owed-table"
          rows={rows}
          columns={[
            { key: 'unit', title: '单位', value: (r) => r.unitName },
            { key: 'periods', title: '期间', value: (r) => r.periods },
            { key: 'count', title: '待报', value: (r) => r.count, align: 'right', width: 70 },
            {
              key: 'overdue',
              title: '逾期',
              value: (r) => r.overdue,
              render: (r) => <span className={r.overdue > 0 ? 'text-overdue' : ''}>{r.overdue}</span>,
              align: 'right',
              width: 70,
            },
            { key: 'due', title: '最早截止', value: (r) => r.earliestDue, render: (r) => formatDate(r.earliestDue), width: 130 },
          ]}
          rowKey={(r) => r.unitName}
          exportName="待报送单位"
          rowClassName={(r) => (r.overdue > 0 ? 'row-overdue' : '')}
          onRowClick={() => navigate('/review')}
          pageSize={8}
          size="small"
          emptyText="各单位均已报送"
        />
      )}
    </Card>
  );
}

function RecentChanges() {
  const { can } = useAuth();
  const allowed = can('audit.read');
  const audit = useAsync(() => (allowed ? fetchAudit({ limit: 8 }) : Promise.resolve({ entries: [], total: 0 })), [allowed]);
  return (
    <Card className="section" size="small" title="最近变更">
      {!allowed ? (
        <Typography.Text type="secondary">变更记录仅对科技局管理员开放。</Typography.Text>
      ) : audit.error ? (
        <ErrorState error={audit.error} onRetry={audit.reload} />
      ) : audit.data === undefined ? (
        <Loading />
      ) : (
        <List
          size="small"
          dataSource={audit.data.entries}
          locale={{ emptyText: '暂无变更记录' }}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={`${auditActionLabel(e.action)} · ${auditEntityLabel(e.entity)}`}
                description={`${e.actor}${e.unitName ? `（${e.unitName}）` : ''} · ${formatDateTime(e.at)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
