// 企业库: the county's enterprise register (search, add, Excel bulk import with per-cell errors), each enterprise's
// yearly figures, certifications and evaluations (科技型中小企业 / 高企预检 / 创新型 / 专精特新 with the rule-pack
// version, sub-scores and one line per failed condition), 资格到期提醒, the 梯度培育 funnel, and the rule packs.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/client.ts';
import {
  bindIndicator,
  createEnterprise,
  fetchBindings,
  syncBoundFigure,
  type Binding,
  type RegisterFigure,
  downloadEnterpriseTemplate,
  evaluate,
  fetchAlerts,
  fetchCertifications,
  fetchEnterprise,
  fetchEnterprises,
  fetchFunnel,
  fetchRulePacks,
  importEnterprises,
  type Certification,
  type EnterpriseListItem,
  type Evaluation,
  type ImportResult,
  type RulePack,
} from '../api/registers.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AddCertification, EditCertification } from '../components/registers/CertificationForms.tsx';
import { FunnelChart } from '../components/FunnelChart.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate, formatNumber, formatShare } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

const KIND_LABELS: Record<Evaluation['kind'], string> = {
  tsme: '科技型中小企业评价',
  hnte: '高新技术企业认定预检',
  'innovative-sme': '创新型中小企业评价',
  'specialized-sme': '专精特新中小企业认定',
};
const OUTCOME_COLOURS: Record<Evaluation['result']['outcome'], string> = { pass: 'green', fail: 'red', likely: 'blue', undecided: 'gold' };
const STATE_LABELS: Record<Certification['state'], { text: string; color: string }> = {
  valid: { text: '有效', color: 'green' },
  expiring: { text: '即将到期', color: 'orange' },
  expired: { text: '已到期', color: 'red' },
  revoked: { text: '已撤销', color: 'default' },
  pending: { text: '未生效', color: 'blue' },
};
const THIS_YEAR = new Date().getFullYear();

export default function EnterprisesPage() {
  const { can } = useAuth();
  const [tab, setTab] = useState('list');
  return (
    <div data-testid="enterprises-page">
      <div className="page-title">
        <h1>企业库与梯度培育</h1>
        <span className="subtitle">统一社会信用代码按 GB 32100-2015 校验；评价按评价日有效的规则包计算</span>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '企业名录', children: <EnterpriseList canManage={can('register.manage')} canEvaluate={can('register.evaluate')} /> },
          { key: 'certs', label: '资格与到期提醒', children: <Certifications canManage={can('register.manage')} /> },
          // County-wide statistics: not shown to enterprise accounts (register.county).
          ...(can('register.county')
            ? [
                { key: 'funnel', label: '梯度培育漏斗', children: <FunnelView /> },
                { key: 'bindings', label: '指标对接', children: <Bindings canBind={can('register.bind')} /> },
              ]
            : []),
          { key: 'packs', label: '规则包', children: <RulePacks /> },
        ]}
      />
    </div>
  );
}

function EnterpriseList({ canManage, canEvaluate }: { canManage: boolean; canEvaluate: boolean }) {
  const [q, setQ] = useState('');
  const list = useAsync(() => fetchEnterprises(q), [q]);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder="企业名称或统一社会信用代码" onSearch={setQ} style={{ width: 300 }} aria-label="搜索企业" />
        {canManage && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增企业
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="open-import">
              Excel 批量导入
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadEnterpriseTemplate()}>
              下载导入模板
            </Button>
          </>
        )}
      </Space>
      <AsyncView state={list}>
        {(data) => (
          <DataTable<EnterpriseListItem>
            testId="enterprise-table"
            rows={data.enterprises}
            rowKey={(e) => e.id}
            exportName="企业名录"
            emptyText="企业库暂无企业，可新增或用 Excel 批量导入"
            onRowClick={(e) => setOpen(e.id)}
            columns={[
              { key: 'name', title: '企业名称', value: (e) => e.name },
              { key: 'uscc', title: '统一社会信用代码', value: (e) => e.uscc, width: 190 },
              { key: 'town', title: '所在乡镇', value: (e) => e.town, filter: true, width: 110 },
              { key: 'industry', title: '行业', value: (e) => e.industry, filter: true, width: 110 },
              {
                key: 'certs',
                title: '有效资格',
                value: (e) => e.validCertifications.join('、'),
                render: (e) => (
                  <Space size={4} wrap>
                    {e.validCertifications.map((k) => (
                      <Tag key={k} color="blue">
                        {k}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'listed', title: '入库日期', value: (e) => e.listedOn, render: (e) => formatDate(e.listedOn), width: 130 },
            ]}
          />
        )}
      </AsyncView>
      <AddEnterprise open={adding} onClose={() => setAdding(false)} onAdded={list.reload} />
      <ImportDrawer open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
      <EnterpriseDrawer id={open} onClose={() => setOpen(null)} canEvaluate={canEvaluate} />
    </Card>
  );
}

function AddEnterprise({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ uscc: string; name: string; town?: string; industry?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await createEnterprise(values);
      message.success('已加入企业库');
      form.resetFields();
      onClose();
      onAdded();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title="新增企业" open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="企业名称" rules={[{ required: true, message: '请填写企业名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="uscc" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }, { len: 18, message: '统一社会信用代码应为18位' }]}>
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="town" label="所在乡镇">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industry" label="所属行业">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}

function ImportDrawer({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(chosen: File, dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const r = await importEnterprises(chosen, dryRun);
      setResult(r);
      if (r.status === 'imported') {
        message.success(`已导入：新增 ${r.created} 家，更新 ${r.updated} 家`);
        onImported();
      }
    } catch (failure) {
      const body = (failure as { body?: ImportResult }).body;
      if (body && body.status === 'invalid') setResult(body);
      else setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Drawer title="Excel 批量导入企业" open={open} onClose={onClose} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">先预检（不写入）；任一单元格有误时整个文件都不导入，错误逐格列出。已在库的企业按统一社会信用代码更新，空白单元格保留原值。</Typography.Paragraph>
      <div style={{ height: 120 }}>
        <Upload.Dragger
          className="excel-dragger"
          accept=".xlsx"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setResult(null);
            void run(chosen, true);
            return false;
          }}
        >
          <p className="ant-upload-text">{busy ? '正在检查…' : '点击或将企业名录（.xlsx）拖到此处'}</p>
        </Upload.Dragger>
      </div>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} role="alert" />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="import-result">
          {result.status === 'invalid' ? (
            <Alert
              type="error"
              showIcon
              title={`发现 ${result.errors.length} 处错误，未导入任何数据`}
              description={
                <List size="small" dataSource={result.errors} renderItem={(e) => <List.Item style={{ padding: '2px 0' }}>{e.text}</List.Item>} data-testid="import-errors" />
              }
            />
          ) : result.status === 'preview' ? (
            <Alert
              type="success"
              showIcon
              title={`预检通过：${result.rowCount} 行，将新增 ${result.created} 家、更新 ${result.updated} 家，年度数据 ${result.figureRows} 行（尚未写入）`}
              action={
                <Button type="primary" loading={busy} onClick={() => file && void run(file, false)}>
                  确认导入
                </Button>
              }
            />
          ) : (
            <Alert type="success" showIcon title={`导入完成：新增 ${result.created} 家，更新 ${result.updated} 家，年度数据 ${result.figureRows} 行`} />
          )}
        </div>
      )}
    </Drawer>
  );
}

function EnterpriseDrawer({ id, onClose, canEvaluate }: { id: string | null; onClose: () => void; canEvaluate: boolean }) {
  const detail = useAsync(() => (id ? fetchEnterprise(id) : Promise.resolve(null)), [id]);
  const [latest, setLatest] = useState<Evaluation | null>(null);
  return (
    <Drawer title={detail.data?.name ?? '企业'} open={id !== null} onClose={() => { setLatest(null); onClose(); }} width={860} destroyOnHidden>
      <AsyncView state={detail}>
        {(e) =>
          e && (
            <div data-testid="enterprise-detail">
              <Descriptions size="small" column={3} bordered>
                <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
                <Descriptions.Item label="所在乡镇">{e.town ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="成立日期">{formatDate(e.establishedOn)}</Descriptions.Item>
              </Descriptions>
              <h3 style={{ marginTop: 16 }}>年度数据</h3>
              <Table
                size="small"
                pagination={false}
                rowKey="year"
                dataSource={e.figures}
                scroll={{ x: 900 }}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 64 },
                  { title: '职工', dataIndex: 'employees', align: 'right' },
                  { title: '科技人员', dataIndex: 'techStaff', align: 'right' },
                  { title: '销售收入', dataIndex: 'salesRevenue', align: 'right', render: (v: number | null) => formatNumber(v) },
                  { title: '研发费用', dataIndex: 'rdExpense', align: 'right', render: (v: number | null) => formatNumber(v) },
                  { title: '高新产品收入', dataIndex: 'hiTechRevenue', align: 'right', render: (v: number | null) => formatNumber(v) },
                  { title: 'Ⅰ类知识产权', dataIndex: 'ipClass1', align: 'right' },
                  { title: 'Ⅱ类知识产权', dataIndex: 'ipClass2', align: 'right' },
                  { title: '成果转化', dataIndex: 'conversions', align: 'right' },
                ]}
              />
              <h3 style={{ marginTop: 16 }}>资格证书</h3>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={e.certifications}
                locale={{ emptyText: '暂无' }}
                columns={[
                  { title: '类别', dataIndex: 'kind' },
                  { title: '编号', dataIndex: 'number' },
                  { title: '发证日期', dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
                  { title: '有效期至', dataIndex: 'validUntil', render: (v: string) => formatDate(v) },
                ]}
              />
              {canEvaluate && <EvaluateForm enterpriseId={e.id} years={e.figures.map((f) => f.year)} onDone={(ev) => { setLatest(ev); detail.reload(); }} />}
              {latest && <EvaluationResultView evaluation={latest} />}
              <h3 style={{ marginTop: 16 }}>评价记录</h3>
              <List
                size="small"
                dataSource={e.evaluations}
                locale={{ emptyText: '暂无评价' }}
                renderItem={(ev) => (
                  <List.Item>
                    <Space wrap>
                      <Tag color={OUTCOME_COLOURS[ev.result.outcome]}>{ev.result.outcomeLabel}</Tag>
                      <span>{KIND_LABELS[ev.kind]}</span>
                      <span>{ev.year}年数据</span>
                      <Typography.Text type="secondary">规则包 {ev.rulePackVersion} · {formatDate(ev.evaluatedOn)} · {ev.actor}</Typography.Text>
                      {ev.result.total && <span>得分 {ev.result.total.min === ev.result.total.max ? ev.result.total.min : `${ev.result.total.min}–${ev.result.total.max}`}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            </div>
          )
        }
      </AsyncView>
    </Drawer>
  );
}

const DECLARATIONS: Record<Evaluation['kind'], { key: string; label: string }[]> = {
  tsme: [
    { key: 'residentEnterprise', label: '境内注册的居民企业' },
    { key: 'auditCollection', label: '查账征收、能准确归集研发费用' },
    { key: 'productsPermitted', label: '产品和服务不属于禁止、限制和淘汰类' },
    { key: 'cleanRecord', label: '无重大事故、严重违法失信记录' },
  ],
  hnte: [
    { key: 'ipSupportsCoreProducts', label: '知识产权对主要产品发挥核心支持作用' },
    { key: 'cleanRecord', label: '申请前一年内无重大安全、质量事故或严重环境违法' },
    { key: 'participatedInStandards', label: '参与编制国家/行业标准' },
  ],
  'innovative-sme': [
    { key: 'strategicEmergingIndustry', label: '主导产品属于战略性新兴产业' },
    { key: 'provincialRdInstitution', label: '拥有省部级以上研发机构' },
  ],
  'specialized-sme': [
    { key: 'leadingMarketShare', label: '主导产品市场占有率较为靠前' },
    { key: 'ipApplied', label: 'Ⅰ类知识产权已实际应用' },
  ],
};

function EvaluateForm({ enterpriseId, years, onDone }: { enterpriseId: string; years: number[]; onDone: (e: Evaluation) => void }) {
  const [kind, setKind] = useState<Evaluation['kind']>('tsme');
  const [year, setYear] = useState<number>(years.at(-1) ?? THIS_YEAR - 1);
  const [checked, setChecked] = useState<string[]>([]);
  const [field, setField] = useState<string | null>('先进制造与自动化');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      // Ticked = confirmed; unticked = not confirmed (null), which the evaluation reports as missing, not as "no".
      const declarations: Record<string, unknown> = Object.fromEntries(DECLARATIONS[kind].map((d) => [d.key, checked.includes(d.key) ? true : null]));
      if (kind === 'hnte') {
        declarations.technologyField = field;
        declarations.ipAcquisition = 'self';
      }
      onDone(await evaluate(enterpriseId, { kind, year, declarations }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title="评价 / 认定预检" style={{ marginTop: 16 }} data-testid="evaluate-form">
      <Space wrap>
        <Select aria-label="评价类别" value={kind} onChange={(k) => { setKind(k); setChecked([]); }} style={{ width: 200 }} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        <InputNumber aria-label="数据年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年数据" />
        {kind === 'hnte' && (
          <Select aria-label="技术领域" value={field} onChange={setField} style={{ width: 180 }} options={['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化'].map((f) => ({ value: f, label: f }))} />
        )}
      </Space>
      <div style={{ margin: '8px 0' }}>
        <Checkbox.Group value={checked} onChange={(v) => setChecked(v as string[])} options={DECLARATIONS[kind].map((d) => ({ value: d.key, label: d.label }))} />
      </div>
      <Button type="primary" loading={busy} onClick={() => void run()}>
        评价
      </Button>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
    </Card>
  );
}

function EvaluationResultView({ evaluation }: { evaluation: Evaluation }) {
  const r = evaluation.result;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="evaluation-result" title={<Space><Tag color={OUTCOME_COLOURS[r.outcome]}>{r.outcomeLabel}</Tag>{KIND_LABELS[r.kind]} · 规则包 {evaluation.rulePackVersion}</Space>}>
      {r.failures.length > 0 && (
        <Alert type="error" showIcon title="未满足的条件" description={<ul style={{ margin: 0, paddingLeft: 18 }} data-testid="evaluation-failures">{r.failures.map((f) => <li key={f}>{f}</li>)}</ul>} style={{ marginBottom: 8 }} />
      )}
      {r.directGrounds.length > 0 && <Alert type="success" showIcon title={`直接确认/直通：${r.directGrounds.join('；')}`} style={{ marginBottom: 8 }} />}
      {r.scores.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={r.scores}
          columns={[
            { title: '指标', dataIndex: 'label', render: (v: string, s) => (s.group ? `${s.group} · ${v}` : v) },
            { title: '测算值', dataIndex: 'measure', render: (v: string | null) => v ?? '—' },
            { title: '档次', dataIndex: 'grade' },
            { title: '得分', key: 'pts', align: 'right', render: (_: unknown, s) => (s.min === s.max ? s.min : `${s.min}–${s.max}`) },
            { title: '满分', dataIndex: 'maxPoints', align: 'right' },
          ]}
          summary={() =>
            r.total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right"><b>{r.total.min === r.total.max ? r.total.min : `${r.total.min}–${r.total.max}`}</b></Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{r.total.maxPoints}</Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      {r.notes.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>说明：{r.notes.join('；')}</Typography.Paragraph>}
    </Card>
  );
}

function Certifications({ canManage }: { canManage: boolean }) {
  const alerts = useAsync(() => fetchAlerts(90), []);
  const certs = useAsync(() => fetchCertifications(), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Certification | null>(null);
  const reload = () => {
    certs.reload();
    alerts.reload();
  };
  return (
    <>
      <AsyncView state={alerts}>
        {(data) =>
          data.alerts.length > 0 ? (
            <Alert
              className="section"
              type="warning"
              showIcon
              title={`${data.alerts.length} 项资格已到期或将在 90 天内到期`}
              description={<ul style={{ margin: 0, paddingLeft: 18 }} data-testid="expiry-alerts">{data.alerts.map((a) => <li key={a.certificationId}>{a.message}</li>)}</ul>}
            />
          ) : (
            <Alert className="section" type="success" showIcon title="90 天内无到期资格" />
          )
        }
      </AsyncView>
      <Card size="small">
        {canManage && (
          <Space style={{ marginBottom: 12 }}>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-certification">
              登记资格证书
            </Button>
            <Typography.Text type="secondary">点击证书行可更正编号、日期或撤销资格</Typography.Text>
          </Space>
        )}
        <AsyncView state={certs}>
          {(data) => (
            <DataTable<Certification>
              testId="certification-table"
              rows={data.certifications}
              rowKey={(c) => c.id}
              exportName="资格证书"
              emptyText={canManage ? '暂无资格证书，可点击“登记资格证书”录入入库编号或证书编号' : '暂无资格证书'}
              {...(canManage ? { onRowClick: setEditing } : {})}
              columns={[
                { key: 'enterprise', title: '企业', value: (c) => c.enterpriseName },
                { key: 'kind', title: '类别', value: (c) => c.kind, filter: true, width: 150 },
                { key: 'number', title: '入库/证书编号', value: (c) => c.number, width: 170 },
                { key: 'issued', title: '发证日期', value: (c) => c.issuedOn, render: (c) => formatDate(c.issuedOn), width: 130 },
                { key: 'until', title: '有效期至', value: (c) => c.validUntil, render: (c) => formatDate(c.validUntil), width: 130 },
                { key: 'state', title: '状态', value: (c) => STATE_LABELS[c.state].text, render: (c) => <Tag color={STATE_LABELS[c.state].color}>{STATE_LABELS[c.state].text}</Tag>, filter: true, width: 100 },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <AddCertification open={adding} onClose={() => setAdding(false)} onSaved={reload} />
      <EditCertification key={editing?.id ?? 'none'} certification={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </>
  );
}

function FunnelView() {
  const [year, setYear] = useState(THIS_YEAR);
  const funnel = useAsync(() => fetchFunnel(year), [year]);
  return (
    <Card size="small" title={<Space>梯度培育漏斗<Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 8 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))} /></Space>}>
      <AsyncView state={funnel}>
        {(data) => (
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <FunnelChart funnel={data} />
            </Col>
            <Col xs={24} lg={10}>
              <Table
                size="small"
                pagination={false}
                rowKey="code"
                dataSource={data.stages}
                data-testid="funnel-table"
                columns={[
                  { title: '环节', dataIndex: 'label' },
                  { title: '企业数', dataIndex: 'count', align: 'right' },
                  { title: '来自上一环节', dataIndex: 'fromPrevious', align: 'right' },
                  { title: '转化率', dataIndex: 'conversionRate', align: 'right', render: (v: number | null) => formatShare(v) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                入库企业为年末在库企业；科技型中小企业为当年取得入库编号的企业（每年重新计）；高企培育库、高企、专精特新为年末资格有效的企业。转化率 = 本环节企业数 ÷ 上一环节企业数。
              </Typography.Paragraph>
            </Col>
          </Row>
        )}
      </AsyncView>
    </Card>
  );
}

function RulePacks() {
  const packs = useAsync(() => fetchRulePacks(), []);
  return (
    <Card size="small">
      <AsyncView state={packs}>
        {(data) => (
          <DataTable<RulePack>
            testId="rule-pack-table"
            rows={data.rulePacks}
            rowKey={(p) => p.id}
            exportName="规则包"
            pageSize={false}
            columns={[
              { key: 'kind', title: '类别', value: (p) => p.kind, filter: true, width: 130 },
              { key: 'version', title: '版本', value: (p) => p.version, width: 150 },
              { key: 'title', title: '依据', value: (p) => p.title, ellipsis: true },
              { key: 'doc', title: '文号', value: (p) => p.docNumber, width: 220, ellipsis: true },
              { key: 'from', title: '生效', value: (p) => p.effectiveFrom, width: 110 },
              { key: 'to', title: '失效', value: (p) => p.effectiveTo ?? '至今', width: 110 },
              { key: 'now', title: '现行', value: (p) => (p.inForceToday ? '现行' : ''), render: (p) => (p.inForceToday ? <Tag color="green">现行</Tag> : null), width: 70 },
              { key: 'rel', title: '可靠性说明', value: (p) => p.reliability, ellipsis: true },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}

function Bindings({ canBind }: { canBind: boolean }) {
  const { message } = App.useApp();
  const bindings = useAsync(() => fetchBindings(), []);
  const [year, setYear] = useState(THIS_YEAR - 1);
  const [figures, setFigures] = useState<Record<string, RegisterFigure>>({});
  const [busy, setBusy] = useState<string | null>(null);
  async function sync(b: Binding) {
    setBusy(b.indicatorId);
    try {
      const bound = b.id ? b : await bindIndicator(b);
      const figure = await syncBoundFigure(bound.id ?? '', year);
      setFigures((f) => ({ ...f, [b.indicatorId]: figure }));
      message.success(`已写入指标监测（来源：登记系统）：${b.indicatorName} ${formatNumber(figure.indicatorValue)} ${figure.indicatorUnit ?? ''}`);
      if (!b.id) bindings.reload();
    } catch (failure) {
      message.error(errorText(failure));
    } finally {
      setBusy(null);
    }
  }
  return (
    <Card
      size="small"
      title={<Space>规划指标 ← 登记系统<Select aria-label="数据年度" value={year} onChange={setYear} options={Array.from({ length: 8 }, (_, i) => THIS_YEAR - i).map((y) => ({ value: y, label: `${y}年` }))} /></Space>}
    >
      <Typography.Paragraph type="secondary">登记系统计算的数值作为“登记系统”来源写入指标监测，与部门填报值并列，由科技局选定正式数据；每个数值附其依据的登记记录。</Typography.Paragraph>
      <AsyncView state={bindings}>
        {(data) => (
          <Table
            size="small"
            pagination={false}
            rowKey="indicatorId"
            dataSource={data.bindings}
            data-testid="binding-table"
            expandable={{
              expandedRowRender: (b) => {
                const f = figures[b.indicatorId];
                return f ? (
                  <div>
                    <Typography.Text type="secondary">{f.description}</Typography.Text>
                    <List size="small" dataSource={f.records} renderItem={(r) => <List.Item style={{ padding: '2px 0' }}>{r.label}{f.unit === '万元' ? ` · ${formatNumber(r.value)} 万元` : ''}</List.Item>} />
                  </div>
                ) : (
                  <Typography.Text type="secondary">写入后在此列出依据的登记记录</Typography.Text>
                );
              },
            }}
            columns={[
              { title: '指标', dataIndex: 'indicatorName' },
              { title: '单位', dataIndex: 'indicatorUnit', width: 80 },
              { title: '登记规则', dataIndex: 'ruleLabel', render: (v: string, b) => <Space>{v}{b.suggested && <Tag color="gold">建议</Tag>}</Space> },
              { title: `${year}年登记数`, key: 'value', align: 'right', render: (_: unknown, b) => formatNumber(figures[b.indicatorId]?.indicatorValue) },
              {
                title: '',
                key: 'act',
                width: 150,
                render: (_: unknown, b) =>
                  canBind ? (
                    <Button size="small" loading={busy === b.indicatorId} onClick={() => void sync(b)}>
                      {b.suggested ? '确认绑定并写入' : '计算并写入'}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
