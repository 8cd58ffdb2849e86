// 审核: reports submitted by the units, waiting for the bureau. Open one to see its values, or approve / return
// (with a reason the unit will see) right from the list. Returned and not-yet-submitted reports are one click away.
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Modal, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../api/client.ts';
import { fetchOutstanding, reportAction, type OutstandingReport } from '../api/monitoring.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorState, Loading } from '../components/PageState.tsx';
import { ReportStateTag } from '../components/StatusTag.tsx';
import { REPORT_STATE_LABELS } from '@domain/reporting/workflow.ts';
import { formatDate } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

type Filter = 'submitted' | 'returned' | 'pending' | 'all';

const FILTERS: Record<Filter, (r: OutstandingReport) => boolean> = {
  submitted: (r) => r.state === 'submitted',
  returned: (r) => r.state === 'returned',
  pending: (r) => r.state === null || r.state === 'draft',
  all: () => true,
};

export default function ReviewPage() {
  const [filter, setFilter] = useState<Filter>('submitted');
  const queue = useAsync(() => fetchOutstanding(), []);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<OutstandingReport | null>(null);
  const keyOf = (r: OutstandingReport) => `${r.unitId}:${r.period}`;
  const all = queue.data?.reports ?? [];
  const count = (f: Filter) => all.filter(FILTERS[f]).length;
  const [reason, setReason] = useState('');

  async function act(item: OutstandingReport, action: 'approve' | 'return', why?: string) {
    if (item.reportId === null || item.reportVersion === null) return false;
    setBusy(keyOf(item));
    try {
      await reportAction(item.reportId, action, item.reportVersion, why);
      message.success(action === 'approve' ? `${item.unitName} ${item.periodLabel} 已审核通过` : '已退回，填报单位将看到退回原因');
      queue.reload();
      return true;
    } catch (error) {
      message.error(errorText(error));
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <div data-testid="review-page">
      <div className="page-title">
        <h1>审核</h1>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'submitted', label: `待审核（${count('submitted')}）` },
            { value: 'returned', label: `已退回（${count('returned')}）` },
            { value: 'pending', label: `未提交（${count('pending')}）` },
            { value: 'all', label: `全部待办（${count('all')}）` },
          ]}
        />
      </div>
      <Card size="small">
        {queue.error ? (
          <ErrorState error={queue.error} onRetry={queue.reload} />
        ) : queue.data === undefined ? (
          <Loading />
        ) : (
          <DataTable<OutstandingReport>
            testId="review-queue"
            rows={all.filter(FILTERS[filter])}
            rowKey={keyOf}
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            exportName="审核队列"
            emptyText={filter === 'submitted' ? '没有待审核的报表' : '暂无数据'}
            columns={[
              { key: 'unit', title: '填报单位', value: (r) => r.unitName, filter: true },
              { key: 'period', title: '期间', value: (r) => r.periodLabel, filter: true, width: 130 },
              { key: 'state', title: '状态', value: (r) => (r.state === null ? '未填报' : REPORT_STATE_LABELS[r.state]), render: (r) => <ReportStateTag state={r.state ?? 'missing'} />, filter: true, width: 100 },
              { key: 'count', title: '指标数', value: (r) => r.indicatorCount, align: 'right', width: 80 },
              {
                key: 'due',
                title: '截止日期',
                value: (r) => r.dueDate,
                render: (r) => <span className={r.overdue ? 'text-overdue' : ''}>{formatDate(r.dueDate)}{r.overdue ? '（已逾期）' : ''}</span>,
                exportValue: (r) => `${formatDate(r.dueDate)}${r.overdue ? '（已逾期）' : ''}`,
                width: 170,
              },
              { key: 'reason', title: '退回原因', value: (r) => r.reason, ellipsis: true },
              {
                key: 'actions',
                title: '操作',
                value: () => null,
                sort: false,
                noExport: true,
                width: 250,
                render: (r) => (
                  <Space>
                    <Button size="small" onClick={() => navigate(`/reporting/${r.unitId}/${encodeURIComponent(r.period)}`)}>
                      查看
                    </Button>
                    {r.state === 'submitted' && (
                      <>
                        <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === keyOf(r)} onClick={() => void act(r, 'approve')}>
                          通过
                        </Button>
                        <Button size="small" danger icon={<RollbackOutlined />} disabled={busy === keyOf(r)} onClick={() => setReturning(r)}>
                          退回
                        </Button>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={returning !== null}
        title={returning ? `退回：${returning.unitName} ${returning.periodLabel}` : ''}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy !== null }}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (returning && (await act(returning, 'return', reason.trim()))) {
            setReturning(null);
            setReason('');
          }
        }}
      >
        <Typography.Paragraph>请写明退回原因，填报单位会看到这段文字：</Typography.Paragraph>
        <Input.TextArea aria-label="退回原因" autoSize={{ minRows: 3 }} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}
