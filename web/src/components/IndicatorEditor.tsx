// Correct one extracted indicator row. The request carries the version that was read; when someone else saved in
// between, the server answers 409 with the record as it is now, and both versions are shown side by side so the
// clerk chooses — nothing is silently overwritten.
import { Alert, App, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../api/client.ts';
import { patchIndicator, type IndicatorPatch, type StoredIndicator } from '../api/plans.ts';
import { planIndicatorSchema } from '@contracts/plan.ts';
import { z } from 'zod';

const storedIndicatorSchema = planIndicatorSchema.extend({ id: z.string(), version: z.number().int() });

interface Values {
  name: string;
  unit: string | null;
  attribute: '预期性' | '约束性' | null;
  baselineYear: number | null;
  baselineValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
  annualGrowthRate: number | null;
}

function valuesOf(i: StoredIndicator): Values {
  return {
    name: i.name,
    unit: i.unit,
    attribute: i.attribute,
    baselineYear: i.baseline?.year ?? null,
    baselineValue: i.baseline?.value ?? null,
    targetYear: i.target?.year ?? null,
    targetValue: i.target?.value ?? null,
    annualGrowthRate: i.annualGrowthRate,
  };
}

const LABELS: Record<keyof Values, string> = {
  name: '指标名称',
  unit: '单位',
  attribute: '属性',
  baselineYear: '基期年份',
  baselineValue: '基期值',
  targetYear: '目标年份',
  targetValue: '目标值',
  annualGrowthRate: '年均增长（%）',
};

/** Only the fields that changed, as the PATCH body. */
function patchOf(before: Values, after: Values, version: number): IndicatorPatch {
  const patch: IndicatorPatch = { version };
  for (const key of Object.keys(LABELS) as (keyof Values)[]) {
    const a = after[key] === '' ? null : after[key];
    if (a !== before[key]) Object.assign(patch, { [key]: typeof a === 'string' ? a.trim() : a });
  }
  return patch;
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
const yearRule = { type: 'number' as const, min: 1949, max: 2100, message: '年份应在 1949—2100 之间' };

export function IndicatorEditor({
  planId,
  indicator,
  onClose,
  onSaved,
}: {
  planId: string;
  indicator: StoredIndicator;
  onClose: () => void;
  onSaved: (saved: StoredIndicator) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(indicator);
  const [conflict, setConflict] = useState<StoredIndicator | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setError(null);
    const values = await form.validateFields();
    const patch = patchOf(valuesOf(base), values, base.version);
    if (Object.keys(patch).length === 1) {
      setError('没有修改任何内容');
      return;
    }
    setBusy(true);
    try {
      const saved = await patchIndicator(planId, indicator.id, patch);
      message.success('已更正（已记入审计日志）');
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        const current = storedIndicatorSchema.safeParse(failure.body.current);
        setConflict(current.success ? current.data : null);
        setError('保存前此指标已被他人修改，下表列出两个版本不同的字段，请选择');
      } else {
        setError(errorText(failure));
      }
    } finally {
      setBusy(false);
    }
  }

  const mine = Form.useWatch([], form) as Values | undefined;
  return (
    <Modal
      open
      width={conflict ? 760 : 560}
      title={`更正指标：${indicator.name}`}
      okText="保存更正"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type={conflict ? 'warning' : 'error'} showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {conflict && mine && (
        <div data-testid="conflict" style={{ marginBottom: 12 }}>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={(Object.keys(LABELS) as (keyof Values)[])
              .map((k) => ({
                field: LABELS[k],
                mine: show(mine[k]),
                theirs: show(valuesOf(conflict)[k]),
                original: show(valuesOf(base)[k]),
              }))
              // Only what differs between the two versions, or what either side changed.
              .filter((r) => r.mine !== r.theirs || r.theirs !== r.original)}
            rowClassName={(r) => (r.mine !== r.theirs ? 'row-warning' : '')}
            columns={[
              { title: '字段', dataIndex: 'field', width: 120 },
              { title: '我打开时', dataIndex: 'original' },
              { title: '我的修改', dataIndex: 'mine' },
              { title: `当前版本（第 ${conflict.version} 版）`, dataIndex: 'theirs' },
            ]}
          />
          <div style={{ marginTop: 8, display: 'flex', gap: 8 }}>
            <a
              onClick={() => {
                form.setFieldsValue(valuesOf(conflict));
                setBase(conflict);
                setConflict(null);
                setError(null);
              }}
            >
              采用当前版本（放弃我的修改）
            </a>
            <span>·</span>
            <a
              onClick={() => {
                setBase(conflict);
                setConflict(null);
                setError('已基于当前版本，再次点击“保存更正”将以我的修改覆盖上表标黄的字段');
              }}
            >
              保留我的修改，在当前版本上保存
            </a>
          </div>
        </div>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(indicator)} requiredMark={false}>
        <Form.Item label="指标名称" name="name" rules={[{ required: true, whitespace: true, message: '指标名称不能为空' }, { max: 200, message: '最多 200 字' }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
          <Form.Item label="单位" name="unit" rules={[{ max: 200, message: '最多 200 字' }]}>
            <Input placeholder="如 %、家、亿元" />
          </Form.Item>
          <Form.Item label="属性" name="attribute">
            <Select allowClear options={[{ value: '预期性', label: '预期性' }, { value: '约束性', label: '约束性' }]} placeholder="未注明" />
          </Form.Item>
          <Form.Item label="基期年份" name="baselineYear" rules={[yearRule]}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
          <Form.Item
            label="基期值"
            name="baselineValue"
            dependencies={['baselineYear']}
            rules={[({ getFieldValue }) => ({ validator: (_r, v) => (v !== null && v !== undefined && !getFieldValue('baselineYear') ? Promise.reject(new Error('填写基期值时须有基期年份')) : Promise.resolve()) })]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="目标年份" name="targetYear" rules={[yearRule]}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
          <Form.Item
            label="目标值"
            name="targetValue"
            dependencies={['targetYear']}
            rules={[({ getFieldValue }) => ({ validator: (_r, v) => (v !== null && v !== undefined && !getFieldValue('targetYear') ? Promise.reject(new Error('填写目标值时须有目标年份')) : Promise.resolve()) })]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="年均增长（%）" name="annualGrowthRate">
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
