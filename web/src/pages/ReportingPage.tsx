// 填报 · 我的填报: what this unit owes (due dates, overdue in red, the reason when a report came back); open one to
// fill it in on screen or by Excel (template download, upload with dry-run preview — on the form page).
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorText } from '../api/client.ts';
import { fetchOutstanding, templateUrl, type OutstandingReport } from '../api/monitoring.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorState, Loading } from '../components/PageState.tsx';
import { ReportStateTag } from '../components/StatusTag.tsx';
import { useMe } from '../lib/auth.tsx';
import { formatDate } from '../lib/format.ts';
import { REPORT_STATE_LABELS } from '@domain/reporting/workflow.ts';
import { useAsync } from '../lib/useAsync.ts';

export default function ReportingPage() {
  const me = useMe();
  const owed = useAsync(() => fetchOutstanding(me.user.unitId ?? undefined), [me.user.unitId]);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);
  const [show, setShow] = useState<'todo' | 'all'>('todo');

  const keyOf = (r: OutstandingReport) => `${r.unitId}:${r.period}`;
  const open = (row: OutstandingReport) => navigate(`/reporting/${row.unitId}/${encodeURIComponent(row.period)}`);

  async function download(row: OutstandingReport) {
    setDownloading(keyOf(row));
    try {
      await api.download(templateUrl(row.unitId, row.period), `${row.unitName}-${row.period}-填报模板.xlsx`);
    } catch (error) {
      message.error(`下载模板失败：${errorText(error)}`);
    } finally {
      setDownloading(null);
    }
  }

  const all = owed.data?.reports ?? [];
  // 待填报: not handed in yet (nothing entered, being filled in, or returned). Submitted ones wait for review.
  const rows = show === 'todo' ? all.filter((r) => r.state === null || r.state === 'draft' || r.state === 'returned') : all;
  const returned = rows.filter((r) => r.state === 'returned');
  return (
    <div data-testid="reporting-page">
      <div className="page-title">
        <h1>我的填报</h1>
        <span className="subtitle">{me.user.unitName ?? me.user.countyName ?? ''}</span>
      </div>
      {returned.length > 0 && (
        <Alert
          className="section"
          type="error"
          showIcon
          title={`${returned.length} 份报表被退回，请修改后重新提交`}
          description={returned.map((r) => `${r.unitName} ${r.periodLabel}：${r.reason ?? '（未写明原因）'}`).join('；')}
          data-testid="returned-alert"
        />
      )}
      <Card className="section" size="small">
        {owed.error ? (
          <ErrorState error={owed.error} onRetry={owed.reload} />
        ) : owed.data === undefined ? (
          <Loading />
        ) : (
          <DataTable<OutstandingReport>
            testId="owed-reports"
            title={
              <Segmented<'todo' | 'all'>
                value={show}
                onChange={setShow}
                options={[
                  { value: 'todo', label: `待填报（${all.filter((r) => r.state === null || r.state === 'draft' || r.state === 'returned').length}）` },
                  { value: 'all', label: `全部（${all.length}）` },
                ]}
              />
            }
            rows={rows}
            rowKey={keyOf}
            exportName="我的填报"
            emptyText={show === 'todo' ? '目前没有需要填报的内容，辛苦了' : '暂无数据'}
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            columns={[
              { key: 'unit', title: '单位', value: (r) => r.unitName, filter: true },
              { key: 'period', title: '期间', value: (r) => r.period, render: (r) => r.periodLabel, exportValue: (r) => r.periodLabel, width: 130 },
              { key: 'count', title: '指标数', value: (r) => r.indicatorCount, align: 'right', width: 80 },
              {
                key: 'state',
                title: '状态',
                value: (r) => (r.state === null ? '未填报' : REPORT_STATE_LABELS[r.state]),
                render: (r) => <ReportStateTag state={r.state ?? 'missing'} />,
                filter: true,
                width: 100,
              },
              {
                key: 'due',
                title: '截止日期',
                value: (r) => r.dueDate,
                render: (r) => <span className={r.overdue ? 'text-overdue' : ''}>{formatDate(r.dueDate)}{r.overdue ? '（已逾期）' : ''}</span>,
                exportValue: (r) => `${formatDate(r.dueDate)}${r.overdue ? '（已逾期）' : ''}`,
                width: 180,
              },
              { key: 'reason', title: '退回原因', value: (r) => r.reason, render: (r) => (r.reason ? <Typography.Text type="danger">{r.reason}</Typography.Text> : '—'), ellipsis: true },
              {
                key: 'actions',
                title: '操作',
                value: () => null,
                sort: false,
                noExport: true,
                width: 200,
                render: (r) => (
                  <Space>
                    <Button type="primary" size="small" icon={<EditOutlined />} onClick={() => open(r)} data-testid={`open-${r.period}`}>
                      {r.state === 'returned' ? '修改' : r.state === 'submitted' || r.state === 'approved' ? '查看' : '填报'}
                    </Button>
                    <Tooltip title="下载本期 Excel 填报模板">
                      <Button size="small" icon={<DownloadOutlined />} loading={downloading === keyOf(r)} onClick={() => void download(r)}>
                        模板
                      </Button>
                    </Tooltip>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
