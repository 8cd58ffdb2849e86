// 考核: the yearly weighted score of each 部门 and 乡镇 — indicator completion, timely reports, tasks and milestones
// on time, 督办 answered on time — ranked, with the weights the bureau set and an .xlsx export. The 报送 column tells
// 按时 / 迟报 / 未报 apart (both of the last two count against), and a drawer lists which reports were late or missing.
import { DownloadOutlined } from '@ant-design/icons';
import { ASSESSMENT_COMPONENT_LABELS, ASSESSMENT_COMPONENTS, TASK_REPORT_FREQUENCIES, TASK_REPORT_FREQUENCY_LABELS, type TaskReportFrequency } from '@domain/supervision/assessment.ts';
import { App, Button, Card, Drawer, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../api/client.ts';
import { tasksApi, type Assessment } from '../api/tasks.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

type Row = Assessment['rows'][number];
type OverdueReport = Row['overdueReports'][number];
type SettingsForm = Assessment['weights'] & { taskReportFrequency: TaskReportFrequency };

const rate = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Calendar days from the due date to the hand-in, for 迟报 (both YYYY-MM-DD). */
function daysLate(dueOn: string, submittedOn: string): number {
  return Math.round((Date.parse(`${submittedOn}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
}

function breakdownText(r: Row): string {
  const { onTime, late, missing } = r.reportBreakdown;
  return `按时 ${onTime} / 迟报 ${late} / 未报 ${missing}`;
}

function Breakdown({ row, onOpen }: { row: Row; onOpen: () => void }) {
  const { onTime, late, missing } = row.reportBreakdown;
  if (onTime + late + missing === 0) return <Typography.Text type="secondary">无应报</Typography.Text>;
  return (
    <Space size={6} wrap={false} data-testid="report-breakdown">
      <span>按时 {onTime}</span>
      <Typography.Text type={late > 0 ? 'warning' : 'secondary'}>迟报 {late}</Typography.Text>
      <Typography.Text type={missing > 0 ? 'danger' : 'secondary'}>未报 {missing}</Typography.Text>
      {late + missing > 0 && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpen} aria-label={`${row.unitName}迟报未报明细`}>
          明细
        </Button>
      )}
    </Space>
  );
}

export default function AssessmentPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  // 考核 is done after the year has ended: last year by default.
  const [year, setYear] = useState(thisYear - 1);
  const state = useAsync(() => tasksApi.assessment(year), [year]);
  const [editing, setEditing] = useState<{ version: number } | null>(null);
  const [detail, setDetail] = useState<Row | null>(null);
  const [form] = Form.useForm<SettingsForm>();

  const openSettings = async () => {
    try {
      // The version read here is the one saved against: a change made meanwhile by someone else is refused (409).
      const current = await tasksApi.settings();
      form.setFieldsValue({ ...current.assessmentWeights, taskReportFrequency: current.taskReportFrequency });
      setEditing({ version: current.version });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div data-testid="assessment-page">
      <div className="page-title">
        <h1>考核</h1>
        <Space>
          <Select aria-label="考核年度" value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
          <Button icon={<DownloadOutlined />} href={`/api/assessment.xlsx?year=${year}`} data-testid="assessment-export">
            导出考核表
          </Button>
          {can('supervision.issue') && <Button onClick={() => void openSettings()}>考核设置</Button>}
        </Space>
      </div>
      <AsyncView state={state}>
        {(a) => (
          <Card size="small">
            <Typography.Paragraph type="secondary">
              权重：{ASSESSMENT_COMPONENTS.map((k) => `${ASSESSMENT_COMPONENT_LABELS[k]} ${a.weights[k]}`).join('，')}。某项无考核内容时不计入，其余权重按比例折算。任务进展按<b>{TASK_REPORT_FREQUENCY_LABELS[a.taskReportFrequency]}</b>计应报期数；迟报、未报均计为未按时报送。
            </Typography.Paragraph>
            <DataTable<Row>
              testId="assessment-table"
              rows={a.rows}
              rowKey={(r) => r.unitId}
              exportName={`${a.countyName}${a.year}年考核排名`}
              emptyText="本县尚未设置部门、乡镇"
              scrollX={1080}
              columns={[
                { key: 'rank', title: '排名', value: (r) => r.rank, width: 64, align: 'right' },
                { key: 'unit', title: '单位', value: (r) => r.unitName },
                { key: 'kind', title: '类型', value: (r) => r.unitKind, filter: true, width: 84, render: (r) => <Tag>{r.unitKind}</Tag> },
                ...ASSESSMENT_COMPONENTS.map((k) => ({
                  key: k,
                  title: `${ASSESSMENT_COMPONENT_LABELS[k]}%`,
                  value: (r: Row) => rate(r.rates[k]),
                  render: (r: Row) => (r.rates[k] === null ? <Typography.Text type="secondary">无</Typography.Text> : <span title={`${r.counts[k].good}/${r.counts[k].total}`}>{rate(r.rates[k])}</span>),
                  align: 'right' as const,
                  width: 110,
                })),
                {
                  key: 'report-breakdown',
                  title: '报送：按时 / 迟报 / 未报',
                  // Sorted by what needs following up: late and missing together.
                  value: (r) => r.reportBreakdown.late + r.reportBreakdown.missing,
                  exportValue: breakdownText,
                  render: (r) => <Breakdown row={r} onOpen={() => setDetail(r)} />,
                  width: 250,
                },
                { key: 'score', title: '综合得分', value: (r) => r.score, align: 'right', width: 96, render: (r) => <b>{r.score ?? '—'}</b> },
              ]}
            />
          </Card>
        )}
      </AsyncView>
      <Drawer
        title={detail ? `${detail.unitName}：${year}年迟报、未报明细` : ''}
        open={detail !== null}
        onClose={() => setDetail(null)}
        width={760}
        destroyOnHidden
      >
        {detail && (
          <div data-testid="overdue-reports">
            <Typography.Paragraph>
              应报 {detail.reportBreakdown.onTime + detail.reportBreakdown.late + detail.reportBreakdown.missing} 份：{breakdownText(detail)}。
            </Typography.Paragraph>
            <Table<OverdueReport>
              size="small"
              rowKey={(r) => `${r.kind}|${r.taskId ?? ''}|${r.period}`}
              dataSource={detail.overdueReports}
              pagination={detail.overdueReports.length > 20 ? { pageSize: 20 } : false}
              columns={[
                {
                  title: '报送内容',
                  render: (_, r) => (
                    <Space size={4}>
                      <Tag>{r.kind === 'task' ? '任务进展' : '指标数据'}</Tag>
                      {r.taskId ? <Link to={`/tasks/${r.taskId}`}>{r.name}</Link> : r.name}
                    </Space>
                  ),
                },
                { title: '期间', dataIndex: 'periodLabel', width: 130 },
                { title: '应报日期', width: 140, render: (_, r) => formatDate(r.dueOn) },
                {
                  title: '报送日期',
                  width: 210,
                  render: (_, r) =>
                    r.submittedOn === null ? (
                      <Tag color="red">未报</Tag>
                    ) : (
                      <span>
                        {formatDate(r.submittedOn)} <Tag color="orange">迟 {daysLate(r.dueOn, r.submittedOn)} 天</Tag>
                      </span>
                    ),
                },
              ]}
            />
          </div>
        )}
      </Drawer>
      <Modal
        title="考核设置"
        open={editing !== null}
        okText="保存"
        onCancel={() => setEditing(null)}
        onOk={async () => {
          if (!editing) return;
          const { taskReportFrequency, ...weights } = await form.validateFields();
          try {
            await tasksApi.saveSettings({ version: editing.version, assessmentWeights: weights, taskReportFrequency });
            message.success('考核设置已保存');
            setEditing(null);
            state.reload();
          } catch (error) {
            message.error(errorText(error));
          }
        }}
      >
        <Form form={form} layout="vertical">
          <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 8 }}>
            权重
          </Typography.Paragraph>
          {ASSESSMENT_COMPONENTS.map((k) => (
            <Form.Item key={k} name={k} label={ASSESSMENT_COMPONENT_LABELS[k]} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item
            name="taskReportFrequency"
            label="任务进展报送频次"
            rules={[{ required: true }]}
            extra="各单位按此频次报送任务进展，考核按此计应报期数；修改后全年按新频次重新计算。"
          >
            <Select aria-label="任务进展报送频次" options={TASK_REPORT_FREQUENCIES.map((f) => ({ value: f, label: TASK_REPORT_FREQUENCY_LABELS[f] }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
