// 考核: the yearly weighted score of each 部门 and 乡镇 — indicator completion, timely reports, tasks and milestones
// on time, 督办 answered on time — ranked, with the weights the bureau set and an .xlsx export.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import { tasksApi, type Assessment } from '../api/tasks.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { useAsync } from '../lib/useAsync.ts';

const COMPONENTS = [
  ['indicators', '指标完成'],
  ['reports', '报送及时'],
  ['tasks', '任务与节点按时'],
  ['supervision', '督办按时反馈'],
] as const;

type Row = Assessment['rows'][number];

const rate = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export default function AssessmentPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  // 考核 is done after the year has ended: last year by default.
  const [year, setYear] = useState(thisYear - 1);
  const state = useAsync(() => tasksApi.assessment(year), [year]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Assessment['weights']>();
  return (
    <div data-testid="assessment-page">
      <div className="page-title">
        <h1>考核</h1>
        <Space>
          <Select aria-label="考核年度" value={year} onChange={setYear} style={{ width: 110 }} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
          <Button icon={<DownloadOutlined />} href={`/api/assessment.xlsx?year=${year}`} data-testid="assessment-export">
            导出考核表
          </Button>
          {can('supervision.issue') && (
            <Button
              onClick={() => {
                if (state.data) form.setFieldsValue(state.data.weights);
                setEditing(true);
              }}
            >
              设置权重
            </Button>
          )}
        </Space>
      </div>
      <AsyncView state={state}>
        {(a) => (
          <Card size="small">
            <Typography.Paragraph type="secondary">
              权重：{COMPONENTS.map(([k, label]) => `${label} ${a.weights[k]}`).join('，')}。某项无考核内容时不计入，其余权重按比例折算。
            </Typography.Paragraph>
            <DataTable<Row>
              testId="assessment-table"
              rows={a.rows}
              rowKey={(r) => r.unitId}
              exportName={`${a.countyName}${a.year}年考核排名`}
              emptyText="本县尚未设置部门、乡镇"
              columns={[
                { key: 'rank', title: '排名', value: (r) => r.rank, width: 64, align: 'right' },
                { key: 'unit', title: '单位', value: (r) => r.unitName },
                { key: 'kind', title: '类型', value: (r) => r.unitKind, filter: true, width: 70, render: (r) => <Tag>{r.unitKind}</Tag> },
                ...COMPONENTS.map(([k, label]) => ({
                  key: k,
                  title: `${label}%`,
                  value: (r: Row) => rate(r.rates[k]),
                  render: (r: Row) => (r.rates[k] === null ? <Typography.Text type="secondary">无</Typography.Text> : <span title={`${r.counts[k].good}/${r.counts[k].total}`}>{rate(r.rates[k])}</span>),
                  align: 'right' as const,
                  width: 120,
                })),
                { key: 'score', title: '综合得分', value: (r) => r.score, align: 'right', width: 100, render: (r) => <b>{r.score ?? '—'}</b> },
              ]}
            />
          </Card>
        )}
      </AsyncView>
      <Modal
        title="考核权重"
        open={editing}
        okText="保存"
        onCancel={() => setEditing(false)}
        onOk={async () => {
          const weights = await form.validateFields();
          try {
            const current = await tasksApi.settings();
            await tasksApi.saveSettings({ version: current.version, assessmentWeights: weights });
            message.success('权重已保存');
            setEditing(false);
            state.reload();
          } catch (error) {
            message.error(errorText(error));
          }
        }}
      >
        <Form form={form} layout="vertical">
          {COMPONENTS.map(([k, label]) => (
            <Form.Item key={k} name={k} label={label} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </div>
  );
}
