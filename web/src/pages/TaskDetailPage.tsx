// One task: who leads it and by when, its milestones (节点), the units' progress reports with photos and PDFs and
// the bureau's review (return with a reason), and its 督办单.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { TASK_REPORT_FREQUENCY_LABELS, type TaskReportFrequency } from '@domain/supervision/assessment.ts';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorText } from '../api/client.ts';
import { fetchPlan } from '../api/plans.ts';
import { REPORT_STATE_LABELS, tasksApi, type Milestone, type TaskDetail, type TaskReport } from '../api/tasks.ts';
import { ColourTag } from '../components/ColourTag.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth, useMe } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';

export default function TaskDetailPage() {
  const { taskId = '' } = useParams();
  const state = useAsync(() => tasksApi.get(taskId), [taskId]);
  return (
    <div data-testid="task-detail-page">
      <AsyncView state={state}>{(task) => <Detail task={task} reload={state.reload} />}</AsyncView>
    </div>
  );
}

function Detail({ task, reload }: { task: TaskDetail; reload: () => void }) {
  const { can } = useAuth();
  const plan = useAsync(() => (task.planId && task.indicatorIds.length > 0 ? fetchPlan(task.planId) : Promise.resolve(null)), [task.planId, task.indicatorIds.join()]);
  const served = (plan.data?.indicators ?? []).filter((i) => task.indicatorIds.includes(i.id));
  const me = useMe();
  const { message } = App.useApp();
  const manage = can('task.manage');
  const ownUnit = me.user.unitId;
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <>
      <div className="page-title">
        <h1>
          {task.title} <ColourTag colour={task.colour} reasons={task.colourReasons} />
        </h1>
        <span className="subtitle">{task.outline.map((o) => `${o.label} ${o.title}`).join(' › ') || '手工添加的任务'}</span>
      </div>
      {task.colourReasons.length > 0 && (
        <Card size="small" className="section">
          {task.colourReasons.map((r) => (
            <div key={r.text}>
              <ColourTag colour={r.colour} /> {r.text}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" className="section">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="牵头单位">{task.leadUnit?.name ?? '未指定'}</Descriptions.Item>
          <Descriptions.Item label="责任单位">{task.responsibleUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="督办单位">{task.supervisingUnit?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="开始日期">{task.startOn}</Descriptions.Item>
          <Descriptions.Item label="完成期限">{task.deadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="完成进度">{task.percentDone === null ? '尚无审核通过的报告' : `${task.percentDone}%`}</Descriptions.Item>
          <Descriptions.Item label="服务的规划指标" span={3}>
            {task.indicatorIds.length === 0 ? '—' : served.map((i) => <Tag key={i.id}>{i.name}</Tag>)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
          {task.description}
        </Typography.Paragraph>
        {manage && (
          <Button
            onClick={() => act(() => tasksApi.update(task.id, { version: task.version, done: task.state !== 'done' }), task.state === 'done' ? '已重新打开' : '已标记完成')}
          >
            {task.state === 'done' ? '重新打开' : '标记为已完成'}
          </Button>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Milestones task={task} manage={manage} act={act} />
        </Col>
        <Col xs={24} xl={14}>
          <Reports task={task} ownUnit={ownUnit} canReport={can('task.report')} canReview={can('task.supervise')} act={act} />
        </Col>
      </Row>
      <Card size="small" title="督办单" className="section">
        <Table
          size="small"
          rowKey="id"
          dataSource={task.orders}
          pagination={false}
          locale={{ emptyText: '暂无督办' }}
          columns={[
            { title: '颜色', width: 70, render: (_, o) => <ColourTag colour={o.colour} /> },
            { title: '状态', dataIndex: 'stateLabel', width: 80 },
            { title: '下发', dataIndex: 'issuedOn', width: 110 },
            { title: '反馈期限', dataIndex: 'replyDueOn', width: 110 },
            { title: '原因', render: (_, o) => o.reasons.map((r) => r.text).join('；') },
            { title: '反馈', render: (_, o) => o.replyText ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}

type Act = (run: () => Promise<unknown>, done: string) => Promise<void>;

function Milestones({ task, manage, act }: { task: TaskDetail; manage: boolean; act: Act }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ name: string; dueOn: Dayjs }>();
  return (
    <Card size="small" title="节点" className="section" data-testid="milestones">
      <Table<Milestone>
        size="small"
        rowKey="id"
        dataSource={task.milestones}
        pagination={false}
        locale={{ emptyText: '暂无节点' }}
        columns={[
          { title: '节点', dataIndex: 'name' },
          { title: '应完成', dataIndex: 'dueOn', width: 105 },
          { title: '完成', width: 105, render: (_, m) => m.doneOn ?? <Tag>未完成</Tag> },
          { title: '佐证', render: (_, m) => m.evidence ?? '—' },
          {
            title: '',
            width: 80,
            render: (_, m) =>
              m.doneOn === null ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    let evidence = '';
                    modal.confirm({
                      title: `节点“${m.name}”已完成`,
                      content: <Input.TextArea rows={3} placeholder="佐证材料（如文件编号、照片说明）" onChange={(e) => (evidence = e.target.value)} />,
                      okText: '确认完成',
                      onOk: () => act(() => tasksApi.updateMilestone(m.id, { version: m.version, done: true, evidence: evidence.trim() || null }), '节点已完成'),
                    });
                  }}
                >
                  完成
                </Button>
              ) : null,
          },
        ]}
      />
      {manage && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(values) =>
            act(() => tasksApi.addMilestone({ taskId: task.id, name: values.name, dueOn: values.dueOn.format('YYYY-MM-DD') }), '节点已添加').then(() => form.resetFields())
          }
        >
          <Form.Item name="name" rules={[{ required: true, message: '节点名称' }]}>
            <Input placeholder="节点名称" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true, message: '日期' }]}>
            <DatePicker placeholder="应完成日期" />
          </Form.Item>
          <Button htmlType="submit">添加节点</Button>
        </Form>
      )}
    </Card>
  );
}

const PERIOD_PLACEHOLDERS: Readonly<Record<TaskReportFrequency, string>> = { month: '2025M07', quarter: '2025Q3', half: '2025H1', year: '2025' };

/**
 * The running period of the cadence, as a code (2025M07, 2025Q3, 2025H2, 2025), by the China calendar date as the
 * server counts periods and due dates (UTC+8, no daylight saving) — not the browser's zone.
 */
function currentPeriodCode(cadence: TaskReportFrequency, now: Date): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  if (cadence === 'month') return `${year}M${String(month).padStart(2, '0')}`;
  if (cadence === 'quarter') return `${year}Q${Math.ceil(month / 3)}`;
  if (cadence === 'half') return `${year}H${month <= 6 ? 1 : 2}`;
  return String(year);
}

function Reports({ task, ownUnit, canReport, canReview, act }: { task: TaskDetail; ownUnit: string | null; canReport: boolean; canReview: boolean; act: Act }) {
  const [form] = Form.useForm<{ period: string; text: string; percentDone: number | null; unitId?: string }>();
  const [returning, setReturning] = useState<TaskReport | null>(null);
  const [reason, setReason] = useState('');
  const units = [task.leadUnit, ...task.responsibleUnits].filter((u): u is { id: string; name: string } => u !== null);
  // The county's cadence (月报 / 季报 / 半年报 / 年报) decides which period a new report is for: 考核 owes exactly those.
  const settings = useAsync(() => tasksApi.settings(), []);
  const cadence: TaskReportFrequency = settings.data?.taskReportFrequency ?? 'quarter';
  const showForm = canReport && (ownUnit === null ? units.length > 0 : units.some((u) => u.id === ownUnit));
  useEffect(() => {
    const loaded = settings.data?.taskReportFrequency;
    // Only a mounted form may be touched (antd warns otherwise); a period the person typed is kept.
    if (showForm && loaded && !form.isFieldTouched('period')) form.setFieldsValue({ period: currentPeriodCode(loaded, new Date()) });
  }, [settings.data, form, showForm]);
  return (
    <Card size="small" title="进展报告" className="section" data-testid="task-reports">
      {showForm && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ period: currentPeriodCode(cadence, new Date()), percentDone: task.percentDone ?? 0, unitId: ownUnit ?? units[0]?.id }}
          onFinish={(values) => {
            const existing = task.reports.find((r) => r.period === values.period && r.unitId === (ownUnit ?? values.unitId));
            return act(
              () => tasksApi.saveReport(task.id, { period: values.period, text: values.text, percentDone: values.percentDone ?? null, ...(ownUnit ? {} : { unitId: values.unitId }), ...(existing ? { version: existing.version } : {}) }),
              '报告已保存（尚未提交）',
            );
          }}
        >
          <Space wrap align="start">
            {ownUnit === null && (
              <Form.Item name="unitId" label="填报单位">
                <Select style={{ width: 160 }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
            )}
            <Form.Item name="period" label={`期间（${TASK_REPORT_FREQUENCY_LABELS[cadence]}）`} rules={[{ required: true }]}>
              <Input style={{ width: 120 }} placeholder={PERIOD_PLACEHOLDERS[cadence]} />
            </Form.Item>
            <Form.Item name="percentDone" label="完成%">
              <InputNumber min={0} max={100} style={{ width: 90 }} />
            </Form.Item>
          </Space>
          <Form.Item name="text" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]}>
            <Input.TextArea rows={3} maxLength={20000} />
          </Form.Item>
          <Button htmlType="submit">保存报告</Button>
        </Form>
      )}
      <Table<TaskReport>
        size="small"
        rowKey="id"
        style={{ marginTop: 12 }}
        dataSource={task.reports}
        pagination={false}
        locale={{ emptyText: '暂无报告' }}
        expandable={{ expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div> }}
        columns={[
          { title: '期间', dataIndex: 'period', width: 80 },
          { title: '单位', dataIndex: 'unitName', width: 110 },
          { title: '完成%', dataIndex: 'percentDone', width: 70 },
          {
            title: '状态',
            width: 150,
            render: (_, r) => (
              <>
                <Tag color={r.state === 'approved' ? 'green' : r.state === 'returned' ? 'red' : r.state === 'submitted' ? 'blue' : 'default'}>{REPORT_STATE_LABELS[r.state]}</Tag>
                {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
              </>
            ),
          },
          {
            title: '附件',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.attachments.map((a) => (
                  <a key={a.id} href={`/api/task-attachments/${a.id}`}>
                    <PaperClipOutlined /> {a.fileName}
                  </a>
                ))}
                {(r.state === 'draft' || r.state === 'returned') && canReport && (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
                    beforeUpload={(file) => {
                      void act(() => tasksApi.uploadAttachment(r.id, file), `已上传 ${file.name}`);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />}>
                      上传照片/PDF
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
          {
            title: '',
            width: 130,
            render: (_, r) => (
              <Space size={0}>
                {(r.state === 'draft' || r.state === 'returned') && canReport && (
                  <Button size="small" type="link" onClick={() => act(() => tasksApi.submitReport(r.id, r.version), '报告已提交')}>
                    提交
                  </Button>
                )}
                {r.state === 'submitted' && canReview && (
                  <>
                    <Button size="small" type="link" onClick={() => act(() => tasksApi.reviewReport(r.id, { version: r.version, decision: 'approve' }), '已审核通过')}>
                      通过
                    </Button>
                    <Button size="small" type="link" danger onClick={() => setReturning(r)}>
                      退回
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title="退回报告"
        open={returning !== null}
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (!returning) return;
          await act(() => tasksApi.reviewReport(returning.id, { version: returning.version, decision: 'return', reason }), '已退回');
          setReturning(null);
          setReason('');
        }}
      >
        <Input.TextArea rows={3} placeholder="退回理由（填报单位可见）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
