// 项目台账: the plan's key projects tracked year by year — planned and completed investment (万元), 形象进度, % done —
// with totals by category, lead unit and year, and today's 督办 colour.
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Statistic, Table } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { tasksApi, type LedgerListing, type LedgerProject } from '../api/tasks.ts';
import { ColourTag } from '../components/ColourTag.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView, EmptyState } from '../components/PageState.tsx';
import { formatWan } from '../lib/format.ts';
import { useAuth } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace } from '../lib/workspace.tsx';

export default function LedgerPage() {
  const { plan } = useWorkspace();
  const { can } = useAuth();
  const { message } = App.useApp();
  const state = useAsync(() => tasksApi.ledger(plan ? { planId: plan.id } : {}), [plan?.id]);
  const build = async () => {
    if (!plan) return;
    try {
      const result = await tasksApi.buildLedger(plan.id);
      message.success(`项目台账新增 ${result.added} 项（规划共 ${result.total} 项）`);
      state.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <div data-testid="ledger-page">
      <div className="page-title">
        <h1>项目台账</h1>
        <span className="subtitle">{plan ? `${plan.countyName} · 重点项目年度投资与形象进度` : ''}</span>
      </div>
      <AsyncView state={state}>
        {(listing) =>
          listing.projects.length === 0 ? (
            <EmptyState
              text="尚未建立项目台账"
              action={
                can('task.manage') && plan ? (
                  <Button type="primary" onClick={build} data-testid="build-ledger">
                    由规划项目清单生成台账
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <Ledger listing={listing} reload={state.reload} canReport={can('task.report')} />
          )
        }
      </AsyncView>
    </div>
  );
}

function Totals({ title, rows }: { title: string; rows: LedgerListing['totals']['byCategory'] }) {
  return (
    <Card size="small" title={title}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'key', ellipsis: true },
          { title: '项目', dataIndex: 'projects', align: 'right', width: 56 },
          { title: '计划投资', dataIndex: 'plannedInvestment', align: 'right', render: (v: number) => formatWan(v) },
          { title: '完成投资', dataIndex: 'completedInvestment', align: 'right', render: (v: number) => formatWan(v) },
        ]}
      />
    </Card>
  );
}

function Ledger({ listing, reload, canReport }: { listing: LedgerListing; reload: () => void; canReport: boolean }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<LedgerProject | null>(null);
  const [form] = Form.useForm<{ year: number; plannedInvestment: number | null; completedInvestment: number | null; imageProgress: string; percentDone: number | null }>();
  const { all } = listing.totals;
  const open = (p: LedgerProject) => {
    const year = Math.min(Math.max(new Date().getFullYear(), p.startYear ?? 0), p.endYear ?? 9999);
    const existing = p.years.find((y) => y.year === year);
    form.setFieldsValue({ year, plannedInvestment: existing?.plannedInvestment ?? null, completedInvestment: existing?.completedInvestment ?? null, imageProgress: existing?.imageProgress ?? '', percentDone: existing?.percentDone ?? null });
    setEditing(p);
  };
  return (
    <>
      <Row gutter={[16, 16]} className="section">
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="项目数" value={all.projects} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="总投资" value={formatWan(all.totalInvestment)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="累计计划投资" value={formatWan(all.plannedInvestment)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="累计完成投资" value={formatWan(all.completedInvestment)} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Totals title="按类别" rows={listing.totals.byCategory} />
        </Col>
        <Col xs={24} lg={8}>
          <Totals title="按牵头单位" rows={listing.totals.byUnit} />
        </Col>
        <Col xs={24} lg={8}>
          <Totals title="按年度" rows={listing.totals.byYear} />
        </Col>
      </Row>
      <Card size="small">
        <DataTable<LedgerProject>
          testId="ledger-table"
          rows={listing.projects}
          rowKey={(p) => p.id}
          exportName="项目台账"
          columns={[
            { key: 'colour', title: '督办', value: (p) => p.colour, render: (p) => <ColourTag colour={p.colour} reasons={p.colourReasons} />, width: 76 },
            { key: 'category', title: '类别', value: (p) => p.category, filter: true, width: 110 },
            { key: 'name', title: '项目名称', value: (p) => p.name },
            { key: 'lead', title: '牵头单位', value: (p) => p.leadUnit?.name ?? p.leadUnitName, filter: true, width: 140, ellipsis: true },
            { key: 'nature', title: '性质', value: (p) => p.nature, filter: true, width: 70 },
            { key: 'total', title: '总投资（万元）', value: (p) => p.totalInvestment, align: 'right', width: 120 },
            { key: 'done', title: '完成投资（万元）', value: (p) => p.completedInvestment, align: 'right', width: 130 },
            { key: 'years', title: '年限', value: (p) => (p.startYear ? `${p.startYear}—${p.endYear ?? ''}` : null), width: 100 },
            { key: 'image', title: '最新形象进度', value: (p) => p.years.at(-1)?.imageProgress ?? null, ellipsis: true, width: 150 },
            { key: 'percent', title: '完成%', value: (p) => p.years.filter((y) => y.percentDone !== null).at(-1)?.percentDone ?? null, align: 'right', width: 70 },
            ...(canReport
              ? [{ key: 'edit', title: '', value: () => null, noExport: true, width: 80, render: (p: LedgerProject) => <Button size="small" type="link" onClick={() => open(p)}>填报年度</Button> }]
              : []),
          ]}
        />
      </Card>
      <Modal
        title={editing ? `年度进展：${editing.name}` : ''}
        open={editing !== null}
        okText="保存"
        onCancel={() => setEditing(null)}
        onOk={async () => {
          if (!editing) return;
          const values = await form.validateFields();
          const existing = editing.years.find((y) => y.year === values.year);
          try {
            await tasksApi.saveLedgerYear(editing.id, values.year, {
              version: existing?.version ?? 0,
              plannedInvestment: values.plannedInvestment ?? null,
              completedInvestment: values.completedInvestment ?? null,
              imageProgress: values.imageProgress ?? '',
              percentDone: values.percentDone ?? null,
            });
            message.success('已保存');
            setEditing(null);
            reload();
          } catch (error) {
            message.error(errorText(error));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <Select
              options={Array.from({ length: Math.max(1, (editing?.endYear ?? new Date().getFullYear()) - (editing?.startYear ?? new Date().getFullYear()) + 1) }, (_, i) => (editing?.startYear ?? new Date().getFullYear()) + i).map((y) => ({ value: y, label: `${y}年` }))}
            />
          </Form.Item>
          <Form.Item name="plannedInvestment" label="计划投资（万元）">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="completedInvestment" label="完成投资（万元）">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="imageProgress" label="形象进度">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="percentDone" label="完成%">
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
