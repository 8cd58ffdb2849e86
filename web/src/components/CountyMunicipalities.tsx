// 区县归属: the 市科技局 says which 地市 each county belongs to (what the 全市 batch report selects by and is titled
// with). One small form per row — each county saves on its own with its own version, so a 409 on one row (someone
// else saved it first) swaps in that county as it is now and leaves the other rows alone.
import { countyPatchBody, countySchema } from '@contracts/counties.ts';
import { App, Button, Drawer, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { updateCountyMunicipality, type County } from '../api/counties.ts';
import { useSchemaSave } from '../lib/form-errors.ts';
import { DataTable } from './DataTable.tsx';
import { SaveErrorAlert, textOrNull } from './registers/shared.tsx';

const LABELS = { municipality: '所属地市' };

export interface CountyMunicipalitiesProps {
  open: boolean;
  onClose: () => void;
  counties: readonly County[];
  loading: boolean;
  /** A county as saved (or, after a 409, as it is now). */
  onSaved: (county: County) => void;
}

export function CountyMunicipalities({ open, onClose, counties, loading, onSaved }: CountyMunicipalitiesProps) {
  return (
    <Drawer title="区县归属" open={open} onClose={onClose} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        设置各区县的所属地市后，“全市批量生成报告”可按地市选择区县，报告汇总与压缩包以该地市命名。留空保存即清除。
      </Typography.Paragraph>
      <DataTable<County>
        testId="county-municipalities"
        rows={[...counties]}
        rowKey={(c) => c.id}
        exportName="区县归属"
        size="small"
        loading={loading}
        pageSize={false}
        emptyText="暂无区县（导入规划时自动创建）"
        columns={[
          { key: 'name', title: '区县', value: (c) => c.name, width: 140 },
          {
            key: 'plans',
            title: '现行规划',
            value: (c) => c.planCount,
            render: (c) => (c.planCount === 0 ? <Typography.Text type="secondary">未导入</Typography.Text> : `${c.planCount} 个`),
            align: 'right',
            width: 100,
          },
          {
            key: 'municipality',
            title: '所属地市',
            value: (c) => c.municipality,
            exportValue: (c) => c.municipality,
            render: (c) => <MunicipalityEditor county={c} onSaved={onSaved} />,
          },
        ]}
      />
    </Drawer>
  );
}

function MunicipalityEditor({ county, onSaved }: { county: County; onSaved: (county: County) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ municipality?: string }>();
  const { save, error, busy } = useSchemaSave(form, countyPatchBody, LABELS);

  // A 409 carries the county as it is now: show that value and take its version, so the next 保存 is against it.
  useEffect(() => {
    if (!error?.conflict) return;
    const current = countySchema.safeParse(error.current);
    if (!current.success) return;
    form.setFieldsValue({ municipality: current.data.municipality ?? '' });
    onSaved(current.data);
  }, [error]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit() {
    const saved = await save(
      () => ({ version: county.version, municipality: textOrNull(form.getFieldValue('municipality') as string | undefined) }),
      (body) => updateCountyMunicipality(county.id, body),
    );
    if (!saved) return;
    form.setFieldsValue({ municipality: saved.municipality ?? '' });
    message.success(saved.municipality === null ? `已清除${saved.name}的所属地市` : `已保存：${saved.name}属于${saved.municipality}`);
    onSaved(saved);
  }

  return (
    <div data-testid={`county-row-${county.name}`}>
      <Form form={form} layout="inline" initialValues={{ municipality: county.municipality ?? '' }} onFinish={() => void submit()}>
        <Form.Item name="municipality" style={{ marginInlineEnd: 8 }}>
          <Input aria-label={`${county.name}所属地市`} placeholder="未设置（如：重庆市）" allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </div>
  );
}
