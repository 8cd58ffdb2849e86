// 任务: the county's tasks with today's colour, and — for the bureau — the candidates proposed from the plan
// (each 专栏 item and task paragraph), to accept, merge into one task, or drop with a reason.
import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../api/client.ts';
import { fetchPlan } from '../api/plans.ts';
import { CANDIDATE_STATE_LABELS, tasksApi, type Candidate, type Task, type Unit } from '../api/tasks.ts';
import { ColourTag } from '../components/ColourTag.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView, EmptyState } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { useWorkspace } from '../lib/workspace.tsx';

export default function TasksPage() {
  const { can } = useAuth();
  const { plan } = useWorkspace();
  const manage = can('task.manage');
  const tasks = useAsync(() => tasksApi.list(), []);
  const units = useAsync(() => (can('unit.read') ? tasksApi.units() : Promise.resolve([] as Unit[])), []);
  const detail = useAsync(() => (plan ? fetchPlan(plan.id) : Promise.resolve(null)), [plan?.id]);
  const indicators: IndicatorOption[] = (detail.data?.indicators ?? []).map((i) => ({ value: i.id, label: `${i.seq} ${i.name}` }));
  return (
    <div data-testid="tasks-page">
      <div className="page-title">
        <h1>任务</h1>
        <span className="subtitle">重大任务分解和落实：牵头单位、责任单位、完成期限与节点</span>
      </div>
      <Tabs
        items={[
          {
            key: 'tasks',
            label: '任务清单',
            children: <AsyncView state={tasks}>{(rows) => <TaskList rows={rows} units={units.data ?? []} indicators={indicators} manage={manage} onChanged={tasks.reload} />}</AsyncView>,
          },
          ...(manage && plan
            ? [{ key: 'candidates', label: '候选任务', children: <Candidates planId={plan.id} units={units.data ?? []} indicators={indicators} tasks={tasks.data ?? []} onAccepted={tasks.reload} /> }]
            : []),
        ]}
      />
    </div>
  );
}

function unitOptions(units: Unit[]) {
  return units.map((u) => ({ value: u.id, label: `${u.name}（${u.kind}）` }));
}

interface TaskForm {
  intoTaskId?: string;
  indicatorIds?: string[];
  title?: string;
  leadUnitId?: string;
  responsibleUnitIds?: string[];
  supervisingUnitId?: string;
  deadline?: Dayjs;
}

function taskFields(values: TaskForm) {
  return {
    ...(values.title ? { title: values.title } : {}),
    leadUnitId: values.leadUnitId ?? null,
    responsibleUnitIds: values.responsibleUnitIds ?? [],
    supervisingUnitId: values.supervisingUnitId ?? null,
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    indicatorIds: values.indicatorIds ?? [],
  };
}

interface IndicatorOption {
  value: string;
  label: string;
}

function TaskFormFields({ units, titleRequired, indicators }: { units: Unit[]; titleRequired: boolean; indicators: IndicatorOption[] }) {
  return (
    <>
      <Form.Item name="title" label="任务名称" rules={titleRequired ? [{ required: true, message: '请填写任务名称' }] : []}>
        <Input maxLength={200} placeholder={titleRequired ? '' : '默认取候选任务的标题'} />
      </Form.Item>
      <Form.Item name="leadUnitId" label="牵头单位">
        <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
      </Form.Item>
      <Form.Item name="responsibleUnitIds" label="责任单位">
        <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
      </Form.Item>
      <Form.Item name="supervisingUnitId" label="督办单位">
        <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
      </Form.Item>
      <Form.Item name="deadline" label="完成期限">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="indicatorIds" label="服务的规划指标">
        <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={indicators} placeholder="可不选" />
      </Form.Item>
    </>
  );
}

function TaskList({ rows, units, indicators, manage, onChanged }: { rows: Task[]; units: Unit[]; indicators: IndicatorOption[]; manage: boolean; onChanged: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TaskForm>();
  const counts = useMemo(() => ({ red: rows.filter((t) => t.colour === 'red').length, yellow: rows.filter((t) => t.colour === 'yellow').length, blue: rows.filter((t) => t.colour === 'blue').length }), [rows]);
  return (
    <Card size="small">
      <DataTable<Task>
        testId="tasks-table"
        rows={rows}
        rowKey={(t) => t.id}
        exportName="任务清单"
        emptyText={manage ? '暂无任务：可在“候选任务”中从规划采纳，或新增任务' : '暂无本单位的任务'}
        onRowClick={(t) => navigate(`/tasks/${t.id}`)}
        title={
          <Space>
            <Tag color="red">红 {counts.red}</Tag>
            <Tag color="gold">黄 {counts.yellow}</Tag>
            <Tag color="blue">蓝 {counts.blue}</Tag>
          </Space>
        }
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              新增任务
            </Button>
          ) : undefined
        }
        columns={[
          { key: 'colour', title: '督办', value: (t) => (t.colour ? { red: '红', yellow: '黄', blue: '蓝' }[t.colour] : '正常'), render: (t) => <ColourTag colour={t.colour} reasons={t.colourReasons} />, filter: true, width: 80 },
          { key: 'title', title: '任务', value: (t) => t.title, render: (t) => <a>{t.title}</a> },
          { key: 'place', title: '规划章节', value: (t) => t.outline.map((o) => o.label).join(' › ') || '（手工添加）', width: 150, ellipsis: true },
          { key: 'lead', title: '牵头单位', value: (t) => t.leadUnit?.name ?? null, filter: true, width: 130 },
          { key: 'responsible', title: '责任单位', value: (t) => t.responsibleUnits.map((u) => u.name).join('、'), width: 150, ellipsis: true },
          { key: 'deadline', title: '完成期限', value: (t) => t.deadline, width: 110 },
          { key: 'percent', title: '完成%', value: (t) => t.percentDone, align: 'right', width: 80 },
          { key: 'state', title: '状态', value: (t) => (t.state === 'done' ? '已完成' : '推进中'), filter: true, width: 90 },
        ]}
      />
      <Modal
        title="新增任务"
        open={open}
        okText="保存"
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const values = await form.validateFields();
          try {
            await tasksApi.create({ ...taskFields(values), title: values.title ?? '' });
            message.success('任务已新增');
            setOpen(false);
            form.resetFields();
            onChanged();
          } catch (error) {
            message.error(errorText(error));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <TaskFormFields units={units} titleRequired indicators={indicators} />
        </Form>
      </Modal>
    </Card>
  );
}

function Candidates({ planId, units, indicators, tasks, onAccepted }: { planId: string; units: Unit[]; indicators: IndicatorOption[]; tasks: Task[]; onAccepted: () => void }) {
  const { message, modal } = App.useApp();
  const state = useAsync(() => tasksApi.candidates(planId), [planId]);
  const [selected, setSelected] = useState<string[]>([]);
  const [accepting, setAccepting] = useState(false);
  const [filter, setFilter] = useState<Candidate['state'] | 'all'>('proposed');
  const [form] = Form.useForm<TaskForm>();
  const propose = async () => {
    try {
      const result = await tasksApi.propose(planId);
      message.success(`${result.status === 'proposed' ? '已提出' : '此前已提出'}候选任务 ${result.candidates.length} 项（${result.taskChapters.join('、')}）`);
      state.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <AsyncView state={state}>
      {(candidates) =>
        candidates.length === 0 ? (
          <EmptyState
            text="尚未从本规划提出候选任务"
            action={
              <Button type="primary" icon={<ThunderboltOutlined />} onClick={propose} data-testid="propose-candidates">
                从规划提出候选任务
              </Button>
            }
          />
        ) : (
          <Card size="small">
            <Space style={{ marginBottom: 12 }} wrap>
              <Select
                value={filter}
                onChange={setFilter}
                style={{ width: 140 }}
                options={[{ value: 'all', label: '全部' }, ...(['proposed', 'accepted', 'merged', 'dropped'] as const).map((s) => ({ value: s, label: `${CANDIDATE_STATE_LABELS[s]}（${candidates.filter((c) => c.state === s).length}）` }))]}
              />
              <Button type="primary" disabled={selected.length === 0} onClick={() => setAccepting(true)} data-testid="accept-candidates">
                {selected.length > 1 ? `合并为一个任务（${selected.length} 项）` : '采纳为任务'}
              </Button>
              <Typography.Text type="secondary">每个专栏条目和任务章节的段落都是一项候选任务；可采纳、合并或舍弃。</Typography.Text>
            </Space>
            <Table<Candidate>
              size="small"
              rowKey="id"
              data-testid="candidates-table"
              dataSource={candidates.filter((c) => filter === 'all' || c.state === filter)}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (c) => ({ disabled: c.state !== 'proposed' }) }}
              columns={[
                { title: '章节', width: 170, render: (_, c) => c.outline.map((o) => o.label).join(' › ') },
                { title: '来源', width: 110, render: (_, c) => (c.box ? <Tag>专栏{c.box.number}</Tag> : <Tag color="default">段落</Tag>) },
                { title: '内容', render: (_, c) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ margin: 0 }}>{c.title ? <b>{c.title}：</b> : null}{c.title && c.kind === 'paragraph' ? c.text.slice(c.title.length + 1) : c.text}</Typography.Paragraph> },
                { title: '状态', width: 80, render: (_, c) => CANDIDATE_STATE_LABELS[c.state] },
                {
                  title: '',
                  width: 70,
                  render: (_, c) =>
                    c.state === 'proposed' ? (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => {
                          let note = '';
                          modal.confirm({
                            title: '舍弃候选任务',
                            content: <Input.TextArea rows={3} placeholder="请填写不采纳的理由" onChange={(e) => (note = e.target.value)} />,
                            okText: '舍弃',
                            onOk: async () => {
                              try {
                                await tasksApi.drop(c.id, note);
                                state.reload();
                              } catch (error) {
                                message.error(errorText(error));
                                throw error;
                              }
                            },
                          });
                        }}
                      >
                        舍弃
                      </Button>
                    ) : null,
                },
              ]}
            />
            <Modal
              title={selected.length > 1 ? '合并为一个任务' : '采纳为任务'}
              open={accepting}
              okText="保存任务"
              onCancel={() => setAccepting(false)}
              onOk={async () => {
                const values = await form.validateFields();
                try {
                  const task = values.intoTaskId
                    ? await tasksApi.accept({ candidateIds: selected, intoTaskId: values.intoTaskId })
                    : await tasksApi.accept({ candidateIds: selected, task: taskFields(values) });
                  message.success(`已建立任务“${task.title}”`);
                  setAccepting(false);
                  setSelected([]);
                  form.resetFields();
                  state.reload();
                  onAccepted();
                } catch (error) {
                  message.error(errorText(error));
                }
              }}
            >
              <Form form={form} layout="vertical">
                <Form.Item name="intoTaskId" label="并入已有任务" extra="选择后候选内容追加到该任务的说明中，下面各项不再需要">
                  <Select allowClear showSearch optionFilterProp="label" placeholder="不选则新建任务" options={tasks.map((t) => ({ value: t.id, label: t.title }))} />
                </Form.Item>
                <TaskFormFields units={units} titleRequired={false} indicators={indicators} />
              </Form>
            </Modal>
          </Card>
        )
      }
    </AsyncView>
  );
}
