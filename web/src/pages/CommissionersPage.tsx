// 科技特派员: commissioners (市级/县级, type, dispatching unit, field), their dispatches under 三方协议 (each with the
// signed agreement's scan, components/registers/AgreementFiles.tsx), service logs with the served unit's confirmation
// and photos, and the annual assessment under the configurable weights. The entry forms live in
// components/registers/CommissionerForms.tsx.
import type { AssessmentLine } from '@domain/registers/commissioners.ts';
import { CameraOutlined, CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, List, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { fetchCommissioner, fetchCommissioners, uploadServiceLogPhoto, type Assessment, type Commissioner, type CommissionerDetail, type ServiceLog } from '../api/registers.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { AgreementFiles } from '../components/registers/AgreementFiles.tsx';
import { AddCommissioner, AssessmentForm, ConfirmLogForm, DispatchForm, ServiceLogForm } from '../components/registers/CommissionerForms.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

export default function CommissionersPage() {
  const { can } = useAuth();
  const canManage = can('register.manage');
  const list = useAsync(() => fetchCommissioners(), []);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="commissioners-page">
      <div className="page-title">
        <h1>科技特派员</h1>
        <span className="subtitle">服务记录经服务对象确认后计入年度考核；考核权重按现行规则包</span>
      </div>
      <Card size="small">
        {canManage && (
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增特派员
            </Button>
            <Typography.Text type="secondary">点击特派员可登记派驻、记录服务和年度考核</Typography.Text>
          </Space>
        )}
        <AsyncView state={list}>
          {(data) => (
            <DataTable<Commissioner>
              testId="commissioner-table"
              rows={data.commissioners}
              rowKey={(c) => c.id}
              exportName="科技特派员"
              emptyText={canManage ? '暂无科技特派员，可点击“新增特派员”登记' : '暂无科技特派员'}
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
      <AddCommissioner open={adding} onClose={() => setAdding(false)} onSaved={list.reload} />
      <CommissionerDrawer id={open} onClose={() => setOpen(null)} canManage={canManage} />
    </div>
  );
}

type FormName = 'dispatch' | 'log' | 'assess';

function CommissionerDrawer({ id, onClose, canManage }: { id: string | null; onClose: () => void; canManage: boolean }) {
  const detail = useAsync(() => (id ? fetchCommissioner(id) : Promise.resolve(null)), [id]);
  const [form, setForm] = useState<FormName | null>(null);
  const [confirming, setConfirming] = useState<ServiceLog | null>(null);
  // Every dispatch shows its agreement files (a new one too) until someone folds it away.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  return (
    <Drawer title={detail.data?.name ?? '科技特派员'} open={id !== null} onClose={onClose} width={860} destroyOnHidden>
      <AsyncView state={detail}>
        {(c) =>
          c && (
            <div data-testid="commissioner-detail">
              <Descriptions size="small" bordered column={3}>
                <Descriptions.Item label="级别">{c.level}</Descriptions.Item>
                <Descriptions.Item label="类型">{c.type}</Descriptions.Item>
                <Descriptions.Item label="派出单位">{c.dispatchingUnit}</Descriptions.Item>
              </Descriptions>
              <SectionHeading title="派驻（三方协议）" action={canManage && <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('dispatch')}>登记派驻</Button>} />
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={c.dispatches}
                data-testid="dispatch-table"
                locale={{ emptyText: '暂无派驻' }}
                expandable={{
                  expandedRowRender: (d) => <AgreementFiles dispatch={d} canManage={canManage} onChanged={detail.reload} />,
                  expandedRowKeys: c.dispatches.filter((d) => !folded.has(d.id)).map((d) => d.id),
                  onExpand: (open, d) =>
                    setFolded((was) => {
                      const next = new Set(was);
                      if (open) next.delete(d.id);
                      else next.add(d.id);
                      return next;
                    }),
                }}
                columns={[
                  { title: '服务对象', dataIndex: 'serviceObject' },
                  { title: '乡镇', dataIndex: 'town', render: (v: string | null) => v ?? '—' },
                  { title: '三方协议', key: 'a', render: (_: unknown, d) => `${d.agreementNumber}（${formatDate(d.agreementSignedOn)} 签订）` },
                  {
                    title: '协议扫描件',
                    key: 'scan',
                    width: 100,
                    render: (_: unknown, d) => (d.agreementFiles.length > 0 ? <Tag color="green">{d.agreementFiles.length} 份</Tag> : <Tag>未上传</Tag>),
                  },
                  { title: '期间', key: 'p', render: (_: unknown, d) => `${formatDate(d.startOn)} — ${d.endOn ? formatDate(d.endOn) : '至今'}` },
                  { title: '任务', dataIndex: 'tasks', ellipsis: true },
                ]}
              />
              <SectionHeading title="服务记录" action={canManage && <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('log')}>记录服务</Button>} />
              <List
                size="small"
                dataSource={c.serviceLogs}
                data-testid="service-log-list"
                locale={{ emptyText: '暂无服务记录' }}
                renderItem={(l) => (
                  <List.Item
                    actions={
                      canManage
                        ? [
                            ...(l.confirmedAt ? [] : [<Button key="c" size="small" type="link" icon={<CheckOutlined />} onClick={() => setConfirming(l)}>确认</Button>]),
                            <PhotoButton key="p" log={l} onUploaded={detail.reload} />,
                          ]
                        : []
                    }
                  >
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
              <SectionHeading title="年度考核" action={canManage && <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('assess')}>年度考核</Button>} />
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={c.assessments}
                data-testid="assessment-table"
                locale={{ emptyText: '暂无考核' }}
                expandable={{ expandedRowRender: (a) => <AssessmentLines assessment={a} />, rowExpandable: (a) => linesOf(a).length > 0 }}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '总分', dataIndex: 'total', align: 'right' },
                  { title: '等次', dataIndex: 'grade', render: (g: string) => <Tag color={g === '不合格' ? 'red' : g === '优秀' ? 'green' : 'blue'}>{g}</Tag> },
                  { title: '规则包', dataIndex: 'rulePackVersion' },
                  { title: '考核人', dataIndex: 'actor' },
                ]}
              />
              <CommissionerForms commissioner={c} form={form} onClose={() => setForm(null)} onSaved={detail.reload} />
              <ConfirmLogForm key={confirming?.id ?? 'none'} log={confirming} onClose={() => setConfirming(null)} onSaved={detail.reload} />
            </div>
          )
        }
      </AsyncView>
    </Drawer>
  );
}

function SectionHeading({ title, action }: { title: string; action: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', margin: '16px 0 8px' }}>
      <h3 style={{ margin: 0 }}>{title}</h3>
      {action || null}
    </div>
  );
}

function CommissionerForms({ commissioner, form, onClose, onSaved }: { commissioner: CommissionerDetail; form: FormName | null; onClose: () => void; onSaved: () => void }) {
  return (
    <>
      <DispatchForm commissioner={commissioner} open={form === 'dispatch'} onClose={onClose} onSaved={onSaved} />
      <ServiceLogForm commissioner={commissioner} open={form === 'log'} onClose={onClose} onSaved={onSaved} />
      <AssessmentForm commissioner={commissioner} open={form === 'assess'} onClose={onClose} onSaved={onSaved} />
    </>
  );
}

function PhotoButton({ log, onUploaded }: { log: ServiceLog; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".jpg,.jpeg,.png"
      showUploadList={false}
      beforeUpload={(file) => {
        setBusy(true);
        uploadServiceLogPhoto(log.id, file).then(
          (p) => {
            message.success(`已上传照片 ${p.fileName}`);
            onUploaded();
          },
          (failure: unknown) => message.error(`照片未上传：${errorText(failure)}`),
        ).finally(() => setBusy(false));
        return false;
      }}
    >
      <Button size="small" type="link" icon={<CameraOutlined />} loading={busy}>
        照片
      </Button>
    </Upload>
  );
}

/** The stored result's lines (the API types `result` loosely: it is whatever the pack version produced). */
function linesOf(a: Assessment): AssessmentLine[] {
  const result = a.result;
  if (typeof result !== 'object' || result === null || !('lines' in result) || !Array.isArray(result.lines)) return [];
  return result.lines.filter((l): l is AssessmentLine => typeof l === 'object' && l !== null && 'label' in l && 'points' in l && 'detail' in l);
}

function AssessmentLines({ assessment }: { assessment: Assessment }) {
  return (
    <List
      size="small"
      dataSource={linesOf(assessment)}
      renderItem={(l) => (
        <List.Item style={{ padding: '2px 0' }}>
          {l.label}（{l.weight} 分）：得 {l.points} 分 · {l.detail}
        </List.Item>
      )}
    />
  );
}
