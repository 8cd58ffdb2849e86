// 科技特派员: commissioners (市级/县级, type, dispatching unit, field), their dispatches under 三方协议, service logs
// with the served unit's confirmation and photos, and the annual assessment under the configurable weights.
import { Card, Descriptions, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fetchCommissioner, fetchCommissioners, type Commissioner } from '../api/registers.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { formatDate } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

export default function CommissionersPage() {
  const list = useAsync(() => fetchCommissioners(), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div data-testid="commissioners-page">
      <div className="page-title">
        <h1>科技特派员</h1>
        <span className="subtitle">服务记录经服务对象确认后计入年度考核；考核权重按现行规则包</span>
      </div>
      <Card size="small">
        <AsyncView state={list}>
          {(data) => (
            <DataTable<Commissioner>
              testId="commissioner-table"
              rows={data.commissioners}
              rowKey={(c) => c.id}
              exportName="科技特派员"
              emptyText="暂无科技特派员"
              onRowClick={(c) => setOpen(c.id)}
              columns={[
                { key: 'name', title: '姓名', value: (c) => c.name, width: 100 },
                { key: 'level', title: '级别', value: (c) => c.level, filter: true, width: 80 },
                { key: 'type', title: '类型', value: (c) => c.type, filter: true, width: 110 },
                { key: 'unit', title: '派出单位', value: (c) => c.dispatchingUnit },
                { key: 'title', title: '职称', value: (c) => c.title, width: 100 },
                { key: 'field', title: '专业领域', value: (c) => c.field, width: 140 },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <CommissionerDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}

function CommissionerDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useAsync(() => (id ? fetchCommissioner(id) : Promise.resolve(null)), [id]);
  return (
    <Drawer title={detail.data?.name ?? '科技特派员'} open={id !== null} onClose={onClose} width={820} destroyOnHidden>
      <AsyncView state={detail}>
        {(c) =>
          c && (
            <div data-testid="commissioner-detail">
              <Descriptions size="small" bordered column={3}>
                <Descriptions.Item label="级别">{c.level}</Descriptions.Item>
                <Descriptions.Item label="类型">{c.type}</Descriptions.Item>
                <Descriptions.Item label="派出单位">{c.dispatchingUnit}</Descriptions.Item>
              </Descriptions>
              <h3 style={{ marginTop: 16 }}>派驻（三方协议）</h3>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={c.dispatches}
                locale={{ emptyText: '暂无派驻' }}
                columns={[
                  { title: '服务对象', dataIndex: 'serviceObject' },
                  { title: '乡镇', dataIndex: 'town' },
                  { title: '协议编号', dataIndex: 'agreementNumber' },
                  { title: '期间', key: 'p', render: (_: unknown, d) => `${formatDate(d.startOn)} — ${d.endOn ? formatDate(d.endOn) : '至今'}` },
                  { title: '任务', dataIndex: 'tasks', ellipsis: true },
                ]}
              />
              <h3 style={{ marginTop: 16 }}>服务记录</h3>
              <List
                size="small"
                dataSource={c.serviceLogs}
                locale={{ emptyText: '暂无服务记录' }}
                renderItem={(l) => (
                  <List.Item>
                    <Space wrap>
                      <span>{formatDate(l.servedOn)}</span>
                      <span>{l.place}</span>
                      <Typography.Text>{l.content}</Typography.Text>
                      {l.confirmedAt ? <Tag color="green">已确认：{l.confirmedBy}</Tag> : <Tag color="orange">待服务对象确认</Tag>}
                      {l.photos.map((p) => (
                        <a key={p.id} href={`/api/service-log-photos/${p.id}`} target="_blank" rel="noreferrer">
                          {p.fileName}
                        </a>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
              <h3 style={{ marginTop: 16 }}>年度考核</h3>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={c.assessments}
                locale={{ emptyText: '暂无考核' }}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '总分', dataIndex: 'total', align: 'right' },
                  { title: '等次', dataIndex: 'grade', render: (g: string) => <Tag color={g === '不合格' ? 'red' : g === '优秀' ? 'green' : 'blue'}>{g}</Tag> },
                  { title: '规则包', dataIndex: 'rulePackVersion' },
                ]}
              />
            </div>
          )
        }
      </AsyncView>
    </Drawer>
  );
}
