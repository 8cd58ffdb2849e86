// 审计: the append-only log of every write, searchable and exportable (the server builds the .xlsx).
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../api/client.ts';
import { fetchAudit, type AuditEntry } from '../api/monitoring.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { auditActionLabel, auditEntityLabel } from '../lib/labels.ts';
import { formatDateTime } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

export default function AuditPage() {
  const audit = useAsync(() => fetchAudit({ limit: 500 }), []);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <div data-testid="audit-page">
      <div className="page-title">
        <h1>审计日志</h1>
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await api.download('/api/audit/export', '审计日志.xlsx');
            } catch (error) {
              message.error(errorText(error));
            } finally {
              setBusy(false);
            }
          }}
        >
          导出全部审计日志
        </Button>
      </div>
      <Card size="small">
        <AsyncView state={audit}>
          {(data) => (
            <DataTable<AuditEntry>
              rows={data.entries}
              rowKey={(e) => e.id}
              exportName="审计日志"
              title={<Typography.Text type="secondary">最近 {data.entries.length} 条（共 {data.total} 条）</Typography.Text>}
              columns={[
                { key: 'at', title: '时间', value: (e) => e.at, render: (e) => formatDateTime(e.at), exportValue: (e) => formatDateTime(e.at), width: 180 },
                { key: 'county', title: '区县', value: (e) => e.countyName, filter: true, width: 120 },
                { key: 'actor', title: '操作人', value: (e) => e.actor, filter: true, width: 120 },
                { key: 'unit', title: '单位', value: (e) => e.unitName, filter: true, width: 140 },
                { key: 'action', title: '操作', value: (e) => auditActionLabel(e.action), filter: true, width: 140 },
                { key: 'entity', title: '对象', value: (e) => auditEntityLabel(e.entity), filter: true, width: 120 },
                { key: 'detail', title: '内容', value: (e) => (e.after === null || e.after === undefined ? null : JSON.stringify(e.after)), ellipsis: true },
              ]}
            />
          )}
        </AsyncView>
      </Card>
    </div>
  );
}
