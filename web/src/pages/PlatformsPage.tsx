// 研发平台: 企业技术研发中心、工程技术研究中心、重点实验室、众创空间、星创天地、孵化器 — level, host, recognition and
// revocation dates, and the incubators' area and tenants.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../api/client.ts';
import { fetchPlatforms, type Platform } from '../api/registers.ts';
import { DataTable } from '../components/DataTable.tsx';
import { AsyncView } from '../components/PageState.tsx';
import { useAuth } from '../lib/auth.tsx';
import { formatDate, formatNumber } from '../lib/format.ts';
import { useAsync } from '../lib/useAsync.ts';

const KINDS = ['企业技术研发中心', '工程技术研究中心', '重点实验室', '众创空间', '星创天地', '孵化器'] as const;
const LEVELS = ['国家级', '市级', '县级'] as const;

export default function PlatformsPage() {
  const { can } = useAuth();
  const list = useAsync(() => fetchPlatforms(), []);
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="platforms-page">
      <div className="page-title">
        <h1>研发平台与孵化载体</h1>
        <span className="subtitle">年末已认定且未撤销的平台计入“企业技术研发中心”等指标</span>
      </div>
      <AsyncView state={list}>
        {(data) => {
          const active = data.platforms.filter((p) => p.activeToday);
          return (
            <>
              <Card size="small" className="section">
                <Row gutter={16}>
                  {KINDS.map((k) => (
                    <Col key={k} xs={12} md={4}>
                      <Statistic title={k} value={active.filter((p) => p.kind === k).length} suffix="个" />
                    </Col>
                  ))}
                </Row>
              </Card>
              <Card size="small">
                <Space style={{ marginBottom: 12 }}>
                  {can('register.manage') && (
                    <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                      登记平台
                    </Button>
                  )}
                </Space>
                <DataTable<Platform>
                  testId="platform-table"
                  rows={data.platforms}
                  rowKey={(p) => p.id}
                  exportName="研发平台"
                  emptyText="暂无平台"
                  columns={[
                    { key: 'name', title: '平台名称', value: (p) => p.name },
                    { key: 'kind', title: '类别', value: (p) => p.kind, filter: true, width: 140 },
                    { key: 'level', title: '级别', value: (p) => p.level, filter: true, width: 80 },
                    { key: 'host', title: '依托单位', value: (p) => p.hostName, width: 180, ellipsis: true },
                    { key: 'recognised', title: '认定日期', value: (p) => p.recognisedOn, render: (p) => formatDate(p.recognisedOn), width: 130 },
                    { key: 'revoked', title: '撤销日期', value: (p) => p.revokedOn, render: (p) => formatDate(p.revokedOn), width: 130 },
                    { key: 'area', title: '面积（㎡）', value: (p) => p.area, render: (p) => formatNumber(p.area), align: 'right', width: 100 },
                    { key: 'tenants', title: '在孵企业', value: (p) => p.tenantCount, align: 'right', width: 90 },
                    { key: 'state', title: '状态', value: (p) => (p.activeToday ? '存续' : '已撤销'), render: (p) => <Tag color={p.activeToday ? 'green' : 'default'}>{p.activeToday ? '存续' : '已撤销/未生效'}</Tag>, width: 110 },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </AsyncView>
      <AddPlatform open={adding} onClose={() => setAdding(false)} onAdded={list.reload} />
    </div>
  );
}

interface PlatformForm {
  name: string;
  kind: (typeof KINDS)[number];
  level: (typeof LEVELS)[number];
  hostName: string;
  recognisedOn: Dayjs;
  docNumber?: string;
  area?: number;
  tenantCount?: number;
}

function AddPlatform({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PlatformForm>();
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const v = await form.validateFields();
    setError(null);
    try {
      await api.post('/api/platforms', { ...v, recognisedOn: v.recognisedOn.format('YYYY-MM-DD'), area: v.area ?? null, tenantCount: v.tenantCount ?? null });
      message.success('已登记');
      form.resetFields();
      onClose();
      onAdded();
    } catch (failure) {
      setError(errorText(failure));
    }
  }
  return (
    <Modal title="登记研发平台" open={open} onCancel={onClose} onOk={() => void submit()} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="平台名称" rules={[{ required: true, message: '请填写平台名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={LEVELS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="hostName" label="依托单位" rules={[{ required: true, message: '请填写依托单位' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="recognisedOn" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="docNumber" label="认定文号">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="area" label="场地面积（㎡）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tenantCount" label="在孵企业/团队">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
    </Modal>
  );
}
