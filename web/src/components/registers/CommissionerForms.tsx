// 科技特派员 entry: a new commissioner, a dispatch to a town / enterprise under a 三方协议, a service record (date,
// place, content, photos, and the served unit's confirmation), and the annual assessment under the weights of the
// pack in force at the year's end. Each form checks its body with the API's own Zod schema before sending.
import { UploadOutlined } from '@ant-design/icons';
import { assessBody, commissionerAssessmentParamsSchema, commissionerBody, confirmLogBody, dispatchBody, serviceLogBody } from '@contracts/registers.ts';
import { COMMISSIONER_LEVELS, COMMISSIONER_TYPES } from '@domain/registers/commissioners.ts';
import { yearEnd } from '@domain/registers/dates.ts';
import { inForce } from '@domain/registers/rule-packs.ts';
import { App, Button, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Typography, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../api/client.ts';
import {
  assessCommissioner,
  confirmServiceLog,
  createCommissioner,
  dispatchCommissioner,
  fetchRulePacks,
  logService,
  uploadServiceLogPhoto,
  type Assessment,
  type CommissionerDetail,
  type ServiceLog,
} from '../../api/registers.ts';
import { useSchemaSave } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { AGREEMENT_ACCEPT, AGREEMENT_HINT, uploadAgreementScans } from './AgreementFiles.tsx';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';
import { isoDay, SaveErrorAlert, textOrNull } from './shared.tsx';

// ── new commissioner ───────────────────────────────────────────────────────────────────────────────────────────
const COMMISSIONER_LABELS = { name: '姓名', level: '级别', type: '类型', dispatchingUnit: '派出单位', title: '职称', field: '专业领域', phone: '联系电话' };

export function AddCommissioner({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<keyof typeof COMMISSIONER_LABELS, string | undefined>>();
  const { save, error, busy, clearError } = useSchemaSave(form, commissionerBody, COMMISSIONER_LABELS);
  async function submit() {
    const saved = await save(() => {
      const v = form.getFieldsValue();
      return { name: v.name ?? '', level: v.level, type: v.type, dispatchingUnit: v.dispatchingUnit ?? '', title: textOrNull(v.title), field: textOrNull(v.field), phone: textOrNull(v.phone) };
    }, createCommissioner);
    if (!saved) return;
    message.success(`已登记科技特派员 ${saved.name}`);
    form.resetFields();
    onSaved();
    onClose();
  }
  return (
    <Modal title="新增科技特派员" open={open} onCancel={() => { clearError(); onClose(); }} onOk={() => void submit()} okText="保存" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onValuesChange={clearError} data-testid="commissioner-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={COMMISSIONER_LABELS.name} rules={[{ required: true, message: '请填写姓名' }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="level" label={COMMISSIONER_LABELS.level} rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={COMMISSIONER_LEVELS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="type" label={COMMISSIONER_LABELS.type} rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={COMMISSIONER_TYPES.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dispatchingUnit" label={COMMISSIONER_LABELS.dispatchingUnit} rules={[{ required: true, message: '请填写派出单位' }]}>
          <Input maxLength={100} placeholder="如 西南大学、县农业农村委" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="title" label={COMMISSIONER_LABELS.title}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="field" label={COMMISSIONER_LABELS.field}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phone" label={COMMISSIONER_LABELS.phone}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}

// ── dispatch (派驻, 三方协议) ────────────────────────────────────────────────────────────────────────────────────
const DISPATCH_LABELS = {
  town: '服务乡镇',
  enterpriseId: '服务企业',
  serviceObject: '服务对象',
  agreementNumber: '三方协议编号',
  agreementSignedOn: '协议签订日期',
  tasks: '服务任务',
  startOn: '派驻开始',
  endOn: '派驻结束',
};

interface DispatchValues {
  town?: string;
  enterpriseId?: string;
  serviceObject?: string;
  agreementNumber?: string;
  agreementSignedOn?: Dayjs | null;
  tasks?: string;
  startOn?: Dayjs | null;
  endOn?: Dayjs | null;
}

/**
 * A dispatch, with the signed agreement's scan when it is at hand. The dispatch is saved first; the scans follow it,
 * and any that fails is named (the dispatch stays, and the scan can be added on the dispatch later).
 */
export function DispatchForm({ commissioner, open, onClose, onSaved }: { commissioner: CommissionerDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DispatchValues>();
  const { save, error, busy, clearError } = useSchemaSave(form, dispatchBody, DISPATCH_LABELS);
  const [scans, setScans] = useState<UploadFile[]>([]);
  const [following, setFollowing] = useState(false);
  async function submit() {
    const saved = await save(() => {
      const v = form.getFieldsValue();
      return {
        town: textOrNull(v.town),
        enterpriseId: v.enterpriseId ?? null,
        serviceObject: v.serviceObject ?? '',
        agreementNumber: v.agreementNumber ?? '',
        agreementSignedOn: isoDay(v.agreementSignedOn),
        tasks: v.tasks ?? '',
        startOn: isoDay(v.startOn),
        endOn: isoDay(v.endOn) ?? null,
      };
    }, (body) => dispatchCommissioner(commissioner.id, body));
    if (!saved) return;
    setFollowing(true);
    const picked = scans.flatMap((f) => (f.originFileObj ? [f.originFileObj] : []));
    const failures = await uploadAgreementScans(saved.id, saved.version, picked);
    setFollowing(false);
    form.resetFields();
    setScans([]);
    onSaved();
    onClose();
    if (failures.length > 0) {
      modal.warning({ title: '派驻已登记，但以下扫描件未上传', content: <ul style={{ paddingLeft: 18, margin: 0 }}>{failures.map((f) => <li key={f}>{f}</li>)}</ul> });
    } else {
      message.success(`已登记派驻：${commissioner.name} → ${saved.serviceObject}${picked.length > 0 ? `，三方协议扫描件 ${picked.length} 份` : ''}`);
    }
  }
  const townOrEnterprise = {
    validator: async () => {
      if (!textOrNull(form.getFieldValue('town')) && !form.getFieldValue('enterpriseId')) throw new Error('服务乡镇和服务企业至少填写一项');
    },
  };
  return (
    <Modal title={`派驻 ${commissioner.name}`} open={open} onCancel={() => { clearError(); setScans([]); onClose(); }} onOk={() => void submit()} okText="保存" confirmLoading={busy || following} destroyOnHidden width={680}>
      <Form
        form={form}
        layout="vertical"
        data-testid="dispatch-form"
        onValuesChange={clearError}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="town" label={DISPATCH_LABELS.town} dependencies={['enterpriseId']} rules={[townOrEnterprise]}>
              <Input maxLength={40} placeholder="如 草堂镇" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="enterpriseId" label={`${DISPATCH_LABELS.enterpriseId}（企业库）`}>
              <EnterpriseSelect
                allowClear
                onPick={(chosen) => {
                  // The enterprise's name is the usual 服务对象; fill it in when still empty.
                  if (chosen && !form.getFieldValue('serviceObject')) {
                    form.setFieldsValue({ serviceObject: chosen.name, town: form.getFieldValue('town') ?? chosen.town ?? undefined });
                  }
                }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="serviceObject" label={DISPATCH_LABELS.serviceObject} rules={[{ required: true, message: '请填写服务对象' }]}>
          <Input maxLength={100} placeholder="企业、合作社或村名称" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="agreementNumber" label={DISPATCH_LABELS.agreementNumber} rules={[{ required: true, message: '请填写三方协议编号' }]} tooltip="派出单位、服务对象与特派员三方签订的服务协议">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="agreementSignedOn" label={DISPATCH_LABELS.agreementSignedOn} rules={[{ required: true, message: '请选择协议签订日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startOn" label={DISPATCH_LABELS.startOn} rules={[{ required: true, message: '请选择派驻开始日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endOn" label={`${DISPATCH_LABELS.endOn}（可不填）`}>
              <DatePicker style={{ width: '100%' }} placeholder="至今" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tasks" label={DISPATCH_LABELS.tasks} rules={[{ required: true, message: '请填写服务任务' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label={`三方协议扫描件（${AGREEMENT_HINT}；也可稍后在派驻记录上上传）`}>
          <Upload
            accept={AGREEMENT_ACCEPT}
            multiple
            fileList={scans}
            beforeUpload={() => false}
            onChange={({ fileList }) => setScans(fileList)}
          >
            <Button icon={<UploadOutlined />}>选择扫描件</Button>
          </Upload>
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}

// ── service record ─────────────────────────────────────────────────────────────────────────────────────────────
const LOG_LABELS = { dispatchId: '所属派驻', servedOn: '服务日期', place: '服务地点', content: '服务内容' };
const PHOTO_TYPES = '.jpg,.jpeg,.png';

interface LogValues {
  dispatchId?: string;
  servedOn?: Dayjs | null;
  place?: string;
  content?: string;
  confirmedBy?: string;
}

/**
 * A service record with its photos and, when the served unit has already signed, its confirmation. The record is
 * saved first; photos and the confirmation follow it, and any of them that fails is named (the record stays).
 */
export function ServiceLogForm({ commissioner, open, onClose, onSaved }: { commissioner: CommissionerDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<LogValues>();
  const { save, error, busy, clearError } = useSchemaSave(form, serviceLogBody, LOG_LABELS);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [following, setFollowing] = useState(false);
  async function submit() {
    const confirmedBy = textOrNull(form.getFieldValue('confirmedBy'));
    if (confirmedBy !== null && !confirmLogBody.shape.confirmedBy.safeParse(confirmedBy).success) {
      form.setFields([{ name: 'confirmedBy', errors: ['确认人最多 100 个字'] }]);
      return;
    }
    const saved = await save(() => {
      const v = form.getFieldsValue();
      return { dispatchId: v.dispatchId ?? null, servedOn: isoDay(v.servedOn), place: v.place ?? '', content: v.content ?? '' };
    }, (body) => logService(commissioner.id, body));
    if (!saved) return;
    setFollowing(true);
    const failures: string[] = [];
    for (const photo of photos) {
      if (!photo.originFileObj) continue;
      try {
        await uploadServiceLogPhoto(saved.id, photo.originFileObj);
      } catch (failure) {
        failures.push(`照片“${photo.name}”未上传：${errorText(failure)}`);
      }
    }
    if (confirmedBy !== null) {
      try {
        await confirmServiceLog(saved.id, { version: saved.version, confirmedBy });
      } catch (failure) {
        failures.push(`服务对象确认未保存：${errorText(failure)}`);
      }
    }
    setFollowing(false);
    form.resetFields();
    setPhotos([]);
    onSaved();
    onClose();
    if (failures.length > 0) {
      modal.warning({ title: '服务记录已保存，但以下内容未完成', content: <ul style={{ paddingLeft: 18, margin: 0 }}>{failures.map((f) => <li key={f}>{f}</li>)}</ul> });
    } else {
      message.success(`已记录服务（${saved.servedOn} ${saved.place}）${photos.length > 0 ? `，照片 ${photos.length} 张` : ''}${confirmedBy ? '，已确认' : '，待服务对象确认'}`);
    }
  }
  return (
    <Modal
      title={`记录服务：${commissioner.name}`}
      open={open}
      onCancel={() => { clearError(); setPhotos([]); onClose(); }}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={busy || following}
      destroyOnHidden
      width={680}
    >
      <Form form={form} layout="vertical" onValuesChange={clearError} data-testid="service-log-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="servedOn" label={LOG_LABELS.servedOn} rules={[{ required: true, message: '请选择服务日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="dispatchId" label={`${LOG_LABELS.dispatchId}（可不选）`}>
              <Select
                allowClear
                notFoundContent="尚无派驻记录"
                options={commissioner.dispatches.map((d) => ({ value: d.id, label: `${d.serviceObject}（${d.agreementNumber}）` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label={LOG_LABELS.place} rules={[{ required: true, message: '请填写服务地点' }]}>
          <Input maxLength={200} placeholder="如 草堂镇安坪村" />
        </Form.Item>
        <Form.Item name="content" label={LOG_LABELS.content} rules={[{ required: true, message: '请填写服务内容' }]}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="现场照片（JPG/PNG，每张不超过 20 MB）">
          <Upload
            accept={PHOTO_TYPES}
            multiple
            listType="picture"
            fileList={photos}
            beforeUpload={() => false}
            onChange={({ fileList }) => setPhotos(fileList)}
            data-testid="service-log-photos"
          >
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="confirmedBy" label="服务对象确认人（已签字确认时填写）" tooltip="服务对象确认后的服务记录才计入年度考核；也可稍后在记录旁确认">
          <Input maxLength={100} placeholder="如 合作社理事长 王某" />
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}

/** The served unit's confirmation of one record (once; a 409 when a colleague confirmed or changed it first). */
export function ConfirmLogForm({ log, onClose, onSaved }: { log: ServiceLog | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ confirmedBy?: string }>();
  const { save, error, busy, clearError } = useSchemaSave(form, confirmLogBody, { confirmedBy: '确认人', version: '版本' });
  async function submit() {
    if (!log) return;
    const saved = await save(() => ({ version: log.version, confirmedBy: form.getFieldValue('confirmedBy') ?? '' }), (body) => confirmServiceLog(log.id, body));
    if (!saved) return;
    message.success(`已确认：${saved.confirmedBy ?? ''}`);
    onSaved();
    onClose();
  }
  return (
    <Modal title="服务对象确认" open={log !== null} onCancel={() => { clearError(); onClose(); }} onOk={() => void submit()} okText="确认" confirmLoading={busy} destroyOnHidden>
      {log && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="服务日期">{log.servedOn}</Descriptions.Item>
          <Descriptions.Item label="地点">{log.place}</Descriptions.Item>
          <Descriptions.Item label="内容">{log.content}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" onValuesChange={clearError} data-testid="confirm-log-form">
        <Form.Item name="confirmedBy" label="确认人（服务对象单位及姓名）" rules={[{ required: true, message: '请填写确认人' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}

// ── annual assessment ──────────────────────────────────────────────────────────────────────────────────────────
const ASSESS_LABELS = { year: '考核年度', manualScores: '评分' };

export function AssessmentForm({ commissioner, open, onClose, onSaved }: { commissioner: CommissionerDetail; open: boolean; onClose: () => void; onSaved: (a: Assessment) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year?: number; manualScores?: Record<string, number | null> }>();
  const { save, error, busy, clearError } = useSchemaSave(form, assessBody, ASSESS_LABELS);
  const packs = useAsync(() => (open ? fetchRulePacks() : Promise.resolve(null)), [open]);
  const thisYear = new Date().getFullYear();
  const year = Form.useWatch('year', form) ?? thisYear - 1;
  // The weights in force at the end of the assessed year — the pack the server will use.
  const pack = (packs.data?.rulePacks ?? []).find((p) => p.kind === 'commissioner-assessment' && inForce(p, yearEnd(year)));
  const parsed = pack ? commissionerAssessmentParamsSchema.safeParse(pack.params) : null;
  const params = parsed?.success ? parsed.data : null;
  const confirmed = commissioner.serviceLogs.filter((l) => l.confirmedAt !== null && l.servedOn.startsWith(`${year}-`)).length;
  const manual = params?.components.filter((c) => c.source === 'manual') ?? [];
  async function submit() {
    const saved = await save(() => {
      const v = form.getFieldsValue();
      const scores = Object.fromEntries(Object.entries(v.manualScores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      return { year: v.year, manualScores: scores };
    }, (body) => assessCommissioner(commissioner.id, body));
    if (!saved) return;
    message.success(`${saved.year}年度考核：${saved.total} 分，${saved.grade}`);
    form.resetFields();
    onSaved(saved);
    onClose();
  }
  return (
    <Modal title={`年度考核：${commissioner.name}`} open={open} onCancel={() => { clearError(); onClose(); }} onOk={() => void submit()} okText="计算并保存" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" onValuesChange={clearError} initialValues={{ year: thisYear - 1 }} data-testid="assessment-form">
        <Form.Item name="year" label={ASSESS_LABELS.year} rules={[{ required: true, message: '请选择考核年度' }]}>
          <Select style={{ width: 160 }} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))} />
        </Form.Item>
        {packs.loading ? (
          <Typography.Text type="secondary">正在读取考核规则…</Typography.Text>
        ) : !params ? (
          <Typography.Text type="danger">{year}年末没有生效的特派员考核规则包，请先由市科技局发布</Typography.Text>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              规则包 {pack?.version}：{params.components.map((c) => `${c.label} ${c.weight} 分`).join(' + ')}。等次：
              {params.grades.map((g) => `${g.grade} ≥${g.min}`).join('，')}，其余为{params.lowestGrade}。
            </Typography.Paragraph>
            {params.components
              .filter((c) => c.source === 'service-records')
              .map((c) => (
                <Typography.Paragraph key={c.code} data-testid="assessment-service-records">
                  {c.label}：{year}年经服务对象确认的服务记录 <b>{confirmed}</b> 次（满分目标 {params.serviceRecordTarget} 次），按记录自动计分
                </Typography.Paragraph>
              ))}
            <Row gutter={12}>
              {manual.map((c) => (
                <Col span={12} key={c.code}>
                  <Form.Item name={['manualScores', c.code]} label={`${c.label}（0–100，占 ${c.weight} 分）`} rules={[{ required: true, message: `请填写${c.label}评分` }]}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        )}
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}
