// 技术合同 entry and correction (变更登记): type, 成交额 and 技术交易额 kept apart (技术交易额 ≤ 成交额, the domain's own
// check), seller and buyer with their location (本县 = 输出 / 吸纳), registration date and number. A correction
// carries the version it was read at; a 409 shows the contract as it is now.
import { contractBody, contractPatchBody } from '@contracts/registers.ts';
import { CONTRACT_TYPES, contractProblems, type ContractType } from '@domain/registers/tech-contracts.ts';
import { App, Checkbox, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { createContract, updateContract, type Contract } from '../../api/registers.ts';
import { EnterpriseSelect } from './EnterpriseSelect.tsx';
import { useSchemaSave } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { isoDay, pickerDay, SaveErrorAlert, textOrNull } from './shared.tsx';

const LABELS = {
  registrationNumber: '登记编号',
  registeredOn: '登记日期',
  type: '合同类型',
  name: '合同名称',
  sellerName: '卖方（技术输出方）',
  sellerRegion: '卖方所在地',
  sellerInCounty: '卖方在本县',
  buyerName: '买方（技术吸纳方）',
  buyerRegion: '买方所在地',
  buyerInCounty: '买方在本县',
  contractAmount: '成交额',
  technologyAmount: '技术交易额',
  enterpriseId: '关联企业',
};

interface Values {
  registrationNumber?: string;
  registeredOn?: Dayjs | null;
  type?: ContractType;
  name?: string;
  sellerName?: string;
  sellerRegion?: string | null;
  sellerInCounty?: boolean;
  buyerName?: string;
  buyerRegion?: string | null;
  buyerInCounty?: boolean;
  contractAmount?: number | null;
  technologyAmount?: number | null;
  enterpriseId?: string | null;
}

function valuesOf(c: Contract): Values {
  return { ...c, registeredOn: pickerDay(c.registeredOn) ?? null };
}

function bodyOf(v: Values) {
  return {
    registrationNumber: v.registrationNumber ?? '',
    registeredOn: isoDay(v.registeredOn),
    type: v.type,
    name: v.name ?? '',
    sellerName: v.sellerName ?? '',
    sellerRegion: textOrNull(v.sellerRegion),
    sellerInCounty: v.sellerInCounty ?? false,
    buyerName: v.buyerName ?? '',
    buyerRegion: textOrNull(v.buyerRegion),
    buyerInCounty: v.buyerInCounty ?? false,
    contractAmount: v.contractAmount ?? undefined,
    technologyAmount: v.technologyAmount ?? undefined,
    enterpriseId: v.enterpriseId ?? null,
  };
}

/** New contract when `contract` is null and `open`; the correction of `contract` otherwise. Mount keyed by its id. */
export function ContractForm({ open, contract, onClose, onSaved }: { open: boolean; contract: Contract | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The parent's callback changes every render; the conflict effect below must run once per conflict, not per render.
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  const [record, setRecord] = useState<Contract | null>(contract);
  const creating = record === null;
  const create = useSchemaSave(form, contractBody, LABELS);
  const patch = useSchemaSave(form, contractPatchBody, { ...LABELS, version: '版本' });
  const { error, busy } = creating ? create : patch;
  useEffect(() => {
    const current = patch.error?.conflict ? patch.error.current : undefined;
    if (current && typeof current === 'object' && 'registrationNumber' in current && 'version' in current) {
      const now = current as Contract;
      setRecord(now);
      form.setFieldsValue(valuesOf(now));
      savedRef.current();
    }
  }, [patch.error, form]);

  async function submit() {
    const v = form.getFieldsValue();
    const saved = record
      ? await patch.save(() => ({ version: record.version, ...bodyOf(v) }), (body) => updateContract(record.id, body))
      : await create.save(() => bodyOf(v), createContract);
    if (!saved) return;
    message.success(`${record ? '已更正' : '已登记'}技术合同 ${saved.registrationNumber}`);
    form.resetFields();
    onSaved();
    onClose();
  }
  const clear = () => {
    create.clearError();
    patch.clearError();
  };
  // 技术交易额 = 成交额 − 非技术性费用: the domain rule, checked as the amounts are typed.
  const amountRule = {
    validator: async () => {
      const contractAmount = form.getFieldValue('contractAmount') as number | null | undefined;
      const technologyAmount = form.getFieldValue('technologyAmount') as number | null | undefined;
      if (typeof contractAmount !== 'number' || typeof technologyAmount !== 'number') return;
      const problem = contractProblems({ contractAmount, technologyAmount, sellerInCounty: true, buyerInCounty: false }).find((p) => p.startsWith('技术交易额不能大于'));
      if (problem) throw new Error(problem);
    },
  };
  return (
    <Modal
      title={record ? `更正技术合同 ${record.registrationNumber}` : '登记技术合同'}
      open={open}
      onCancel={() => { clear(); onClose(); }}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={busy}
      destroyOnHidden
      width={760}
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={clear}
        initialValues={record ? valuesOf(record) : { sellerInCounty: true, buyerInCounty: false }}
        data-testid="contract-form"
      >
        <Row gutter={12}>
          <Col span={9}>
            <Form.Item name="registrationNumber" label={LABELS.registrationNumber} rules={[{ required: true, message: '请填写登记编号' }]}>
              <Input maxLength={60} placeholder="技术合同登记证明上的编号" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="registeredOn" label={LABELS.registeredOn} rules={[{ required: true, message: '请选择登记日期' }]} tooltip="按登记日期所在年度计入技术合同成交额">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={LABELS.type} rules={[{ required: true, message: '请选择合同类型' }]}>
              <Select options={CONTRACT_TYPES.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={LABELS.name} rules={[{ required: true, message: '请填写合同名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="sellerName" label={LABELS.sellerName} rules={[{ required: true, message: '请填写卖方' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sellerRegion" label={LABELS.sellerRegion}>
              <Input maxLength={60} placeholder="如 重庆市奉节县" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="sellerInCounty" label=" " valuePropName="checked">
              <Checkbox>卖方在本县（输出）</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="buyerName" label={LABELS.buyerName} rules={[{ required: true, message: '请填写买方' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="buyerRegion" label={LABELS.buyerRegion}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="buyerInCounty" label=" " valuePropName="checked">
              <Checkbox>买方在本县（吸纳）</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="contractAmount" label={`${LABELS.contractAmount}（万元）`} rules={[{ required: true, message: '请填写成交额' }]} tooltip="合同成交额：计入“技术合同成交额”指标">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="technologyAmount"
              label={`${LABELS.technologyAmount}（万元）`}
              dependencies={['contractAmount']}
              rules={[{ required: true, message: '请填写技术交易额' }, amountRule]}
              tooltip="技术交易额 = 成交额 − 非技术性费用，不能大于成交额"
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="enterpriseId" label={`${LABELS.enterpriseId}（企业库，可不选）`}>
              <EnterpriseSelect allowClear />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}
