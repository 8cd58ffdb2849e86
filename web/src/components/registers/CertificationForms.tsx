// 资格证书 entry: record a 入库编号 / 高企证书编号 with its issue date (the last valid day follows from the rule pack in
// force on that day, shown before saving), and correct or revoke one (versioned: a 409 shows the record as it is now).
import { certificationBody, certificationPatchBody } from '@contracts/registers.ts';
import { CERTIFICATION_KINDS, CERTIFICATION_RULE_PACK, DEFAULT_VALIDITY_YEARS, validUntil, type CertificationKind } from '@domain/registers/certifications.ts';
import { inForce } from '@domain/registers/rule-packs.ts';
import { App, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { fetchRulePacks, recordCertification, updateCertification, type Certification, type RulePack, type StoredCertification } from '../../api/registers.ts';
import { useSchemaSave } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';
import { isoDay, pickerDay, SaveErrorAlert, textOrNull } from './shared.tsx';

/** How the number is called on the paper: 科技型中小企业 get an 入库编号, 高企 a 证书编号. */
export function numberLabel(kind: CertificationKind | undefined): string {
  if (kind === '科技型中小企业' || kind === '科技型企业' || kind === '高企培育库') return '入库编号';
  if (kind === '高新技术企业') return '高企证书编号';
  return '证书编号';
}

/** Validity years of a kind on an issue date: the pack in force then (as the server decides), else the default. */
export function validityOf(kind: CertificationKind, issuedOn: string, packs: readonly RulePack[]): { years: number; basis: string } {
  const packKind = CERTIFICATION_RULE_PACK[kind];
  const pack = packKind ? packs.find((p) => p.kind === packKind && inForce(p, issuedOn)) : undefined;
  const years = pack && typeof pack.params === 'object' && pack.params !== null && 'certificateValidityYears' in pack.params ? pack.params.certificateValidityYears : undefined;
  if (typeof years === 'number') return { years, basis: `规则包 ${pack?.version ?? ''}` };
  return { years: DEFAULT_VALIDITY_YEARS[kind], basis: '默认有效期' };
}

const ADD_LABELS = { enterpriseId: '企业', kind: '类别', number: '编号', issuedOn: '发证日期', validUntil: '有效期至', note: '备注' };

interface AddValues {
  enterpriseId?: string;
  kind?: CertificationKind;
  number?: string;
  issuedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  note?: string;
}

export function AddCertification({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (c: StoredCertification) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const { save, error, busy, clearError } = useSchemaSave(form, certificationBody, ADD_LABELS);
  const packs = useAsync(() => (open ? fetchRulePacks() : Promise.resolve(null)), [open]);
  const kind = Form.useWatch('kind', form);
  const issuedOn = Form.useWatch('issuedOn', form);
  const explicitEnd = Form.useWatch('validUntil', form);
  const issued = isoDay(issuedOn);
  const validity = kind && issued ? validityOf(kind, issued, packs.data?.rulePacks ?? []) : null;
  const computedEnd = kind && issued && validity ? validUntil(issued, validity.years) : null;

  async function submit() {
    const saved = await save(
      () => {
        const v = form.getFieldsValue();
        return { enterpriseId: v.enterpriseId, kind: v.kind, number: v.number ?? '', issuedOn: isoDay(v.issuedOn), validUntil: isoDay(v.validUntil), note: textOrNull(v.note) };
      },
      recordCertification,
    );
    if (!saved) return;
    message.success(`已登记：${saved.enterpriseName} ${saved.kind} ${saved.number}，有效期至 ${formatDate(saved.validUntil)}`);
    form.resetFields();
    onSaved(saved);
    onClose();
  }

  return (
    <Modal
      title="登记资格证书"
      open={open}
      onCancel={() => { clearError(); onClose(); }}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onValuesChange={clearError} data-testid="certification-form">
        <Form.Item name="enterpriseId" label={ADD_LABELS.enterpriseId} rules={[{ required: true, message: '请选择企业' }]}>
          <EnterpriseSelect withUscc placeholder="输入名称或信用代码查找" emptyText="企业库中没有匹配的企业，请先在“企业名录”新增" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="kind" label={ADD_LABELS.kind} rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={CERTIFICATION_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="number" label={numberLabel(kind)} rules={[{ required: true, message: `请填写${numberLabel(kind)}` }]}>
              <Input maxLength={60} placeholder={kind === '高新技术企业' ? '如 GR202350000888' : kind === '科技型中小企业' ? '如 20245001010A0077' : undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="issuedOn" label={ADD_LABELS.issuedOn} rules={[{ required: true, message: '请选择发证日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validUntil" label={`${ADD_LABELS.validUntil}（可不填）`} tooltip="不填时按发证日有效的规则包计算：发证日 + 有效年限 − 1 天">
              <DatePicker style={{ width: '100%' }} placeholder={computedEnd ?? '按规则自动计算'} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" data-testid="validity-preview" style={{ marginTop: -8 }}>
          {explicitEnd
            ? `有效期至 ${isoDay(explicitEnd) ?? ''}（手工填写）`
            : computedEnd && validity && kind
              ? `有效期至 ${computedEnd}：${kind}有效期 ${validity.years} 年（${validity.basis}），到期前 90 天起在“资格与到期提醒”中提示`
              : '选择类别和发证日期后显示有效期'}
        </Typography.Paragraph>
        <Form.Item name="note" label={ADD_LABELS.note}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}

const EDIT_LABELS = { number: '编号', issuedOn: '发证日期', validUntil: '有效期至', revokedOn: '撤销日期', revokeReason: '撤销原因', note: '备注', version: '版本' };

interface EditValues {
  number?: string;
  issuedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
  revokedOn?: Dayjs | null;
  revokeReason?: string | null;
  note?: string | null;
}

function editValues(c: StoredCertification): EditValues {
  return { number: c.number, issuedOn: pickerDay(c.issuedOn) ?? null, validUntil: pickerDay(c.validUntil) ?? null, revokedOn: pickerDay(c.revokedOn) ?? null, revokeReason: c.revokeReason, note: c.note };
}

/**
 * 更正 / 撤销 a certificate; the version it was read at guards against a colleague's save in between. Mount it keyed
 * by the certificate's id so every opening starts from a fresh form.
 */
export function EditCertification({ certification, onClose, onSaved }: { certification: Certification | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { save, error, busy, clearError } = useSchemaSave(form, certificationPatchBody, EDIT_LABELS);
  // The parent's callback changes every render; the conflict effect below must run once per conflict, not per render.
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const [record, setRecord] = useState<StoredCertification | null>(certification);
  // A 409 carries the certificate as it is now: show that, with its version, so the next save is against it.
  useEffect(() => {
    const current = error?.conflict ? error.current : undefined;
    if (current && typeof current === 'object' && 'version' in current && 'number' in current) {
      const now = current as StoredCertification;
      setRecord(now);
      form.setFieldsValue(editValues(now));
      savedRef.current();
    }
  }, [error, form]);
  const revoked = Form.useWatch('revokedOn', form);

  async function submit() {
    if (!record) return;
    const saved = await save(
      () => {
        const v = form.getFieldsValue();
        return {
          version: record.version,
          number: v.number ?? '',
          issuedOn: isoDay(v.issuedOn),
          validUntil: isoDay(v.validUntil),
          revokedOn: isoDay(v.revokedOn) ?? null,
          revokeReason: textOrNull(v.revokeReason),
          note: textOrNull(v.note),
        };
      },
      (body) => updateCertification(record.id, body),
    );
    if (!saved) return;
    message.success(saved.revokedOn ? `已撤销 ${saved.number}` : `已保存 ${saved.number}`);
    onSaved();
    onClose();
  }

  return (
    <Modal
      title={record ? `更正 / 撤销：${record.enterpriseName} ${record.kind}` : ''}
      open={certification !== null}
      onCancel={() => { clearError(); onClose(); }}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      {record && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="企业">{record.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label="类别">{record.kind}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" onValuesChange={clearError} initialValues={record ? editValues(record) : {}} data-testid="certification-edit">
        <Form.Item name="number" label={numberLabel(record?.kind)} rules={[{ required: true, message: '请填写编号' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="issuedOn" label={EDIT_LABELS.issuedOn} rules={[{ required: true, message: '请选择发证日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validUntil" label={EDIT_LABELS.validUntil} rules={[{ required: true, message: '请选择有效期截止日' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="revokedOn" label={EDIT_LABELS.revokedOn} tooltip="资格被撤销或取消时填写；撤销日起不再计入有效资格">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="revokeReason" label={EDIT_LABELS.revokeReason} rules={[{ required: Boolean(revoked), message: '撤销资格须说明原因' }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={EDIT_LABELS.note}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}
