// 指标 page, source 登记系统: for each year the registers computed, the figure and the records behind it beside the
// other sources' figures for the same period (责任单位填报, 统计局), the difference, which one is official, and — for
// the bureau — the choice of the official figure, with a reason (monitoring's own 选定正式数据 API).
import { officialBodySchema } from '@contracts/monitoring.ts';
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { chooseOfficialValue, type IndicatorSeries, type SeriesValue } from '../../api/monitoring.ts';
import { fetchIndicatorRegisterFigures, type StoredRegisterFigure } from '../../api/registers.ts';
import { useSchemaSave } from '../../lib/form-errors.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { ErrorState, Loading } from '../PageState.tsx';
import { SaveErrorAlert } from './shared.tsx';

type SourcedValue = SeriesValue & { sourceLabel: string };

interface YearRow {
  year: number;
  figure: StoredRegisterFigure;
  register: SourcedValue | null;
  others: SourcedValue[];
}

export function RegisterFiguresCard({ series, canChoose, onChanged }: { series: IndicatorSeries; canChoose: boolean; onChanged: () => void }) {
  const figures = useAsync(() => fetchIndicatorRegisterFigures(series.indicator.id), [series]);
  const [choosing, setChoosing] = useState<{ value: SourcedValue; row: YearRow } | null>(null);
  const bound = series.sources.some((s) => s.source === 'register' && s.values.length > 0);
  if (figures.error) {
    return (
      <Card className="section" size="small" title="登记系统数据与部门填报对照">
        <ErrorState error={figures.error} onRetry={figures.reload} title="登记记录加载失败" />
      </Card>
    );
  }
  if (!figures.data) return bound ? <Loading text="正在加载登记记录…" /> : null;
  // Only indicators fed by the registers get the card; the others have nothing to compare.
  if (figures.data.figures.length === 0 && !bound) return null;
  const unit = series.indicator.row.unit;
  const valuesOf = (year: number) =>
    series.sources.flatMap((s) => s.values.filter((v) => v.period === String(year)).map((v) => ({ ...v, sourceLabel: s.label })));
  const rows: YearRow[] = figures.data.figures
    .map((figure) => {
      const all = valuesOf(figure.year);
      return { year: figure.year, figure, register: all.find((v) => v.source === 'register') ?? null, others: all.filter((v) => v.source !== 'register') };
    })
    .sort((a, b) => b.year - a.year);

  return (
    <Card className="section" size="small" title="登记系统数据与部门填报对照" data-testid="register-figures">
      <Typography.Paragraph type="secondary">
        登记系统按登记记录自动计算本指标，与责任单位、统计局的数值并列；展开一行可查看计入的每条登记记录。差异 = 登记系统 − 其他来源。由科技局选定正式数据（须说明原因）。
      </Typography.Paragraph>
      {rows.length === 0 ? (
        <Alert type="info" showIcon title="尚未从登记系统写入数值" description="在“企业库与梯度培育 → 指标对接”中计算并写入后，这里列出依据的登记记录。" />
      ) : (
        <Table<YearRow>
          size="small"
          pagination={false}
          rowKey="year"
          dataSource={rows}
          expandable={{ expandedRowRender: (r) => <RecordList figure={r.figure} /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
            {
              title: `登记系统${unit ? `（${unit}）` : ''}`,
              key: 'register',
              align: 'right',
              width: 230,
              render: (_: unknown, r) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  <span className="num">{formatNumber(r.figure.indicatorValue)}</span>
                  <Typography.Text type="secondary">（{r.figure.records.length} 条记录）</Typography.Text>
                  <OfficialMark value={r.register} />
                </Space>
              ),
            },
            {
              title: '其他来源',
              key: 'others',
              render: (_: unknown, r) =>
                r.others.length === 0 ? (
                  <Typography.Text type="secondary">尚无部门或统计局数值</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={0}>
                    {r.others.map((v) => (
                      <Space key={v.id} size={4}>
                        <span>{v.unitName ? `${v.sourceLabel}（${v.unitName}）` : v.sourceLabel}：</span>
                        <span className="num">{formatNumber(v.value)}</span>
                        <OfficialMark value={v} />
                        <DifferenceTag register={r.figure.indicatorValue} other={v.value} />
                      </Space>
                    ))}
                  </Space>
                ),
            },
            {
              title: '计算',
              key: 'at',
              width: 170,
              render: (_: unknown, r) => <Typography.Text type="secondary">{r.figure.computedBy} · {formatDateTime(r.figure.createdAt)}</Typography.Text>,
            },
            ...(canChoose
              ? [
                  {
                    title: '选定正式数据',
                    key: 'choose',
                    width: 220,
                    render: (_: unknown, r: YearRow) => {
                      const choices = [r.register, ...r.others].filter((v): v is SourcedValue => v !== null && !v.isOfficial);
                      if (choices.length === 0) return <Typography.Text type="secondary">仅此一个来源</Typography.Text>;
                      return (
                        <Space wrap size={4}>
                          {choices.map((v) => (
                            <Button key={v.id} size="small" onClick={() => setChoosing({ value: v, row: r })}>
                              采用{v.sourceLabel}
                            </Button>
                          ))}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      )}
      <ChooseOfficial key={choosing?.value.id ?? 'none'} choice={choosing} onClose={() => setChoosing(null)} onChosen={onChanged} />
    </Card>
  );
}

function OfficialMark({ value }: { value: SourcedValue | null }) {
  if (!value?.isOfficial) return null;
  return (
    <Tooltip title={value.officialReason ?? undefined}>
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        正式
      </Tag>
    </Tooltip>
  );
}

function DifferenceTag({ register, other }: { register: number; other: number }) {
  const diff = register - other;
  if (Math.abs(diff) < 1e-9) return <Tag color="green">一致</Tag>;
  const share = other !== 0 ? ` / ${formatNumber(Math.round((diff / Math.abs(other)) * 1000) / 10)}%` : '';
  return <Tag color="orange">差异 {diff > 0 ? '+' : ''}{formatNumber(Math.round(diff * 1e4) / 1e4)}{share}</Tag>;
}

function RecordList({ figure }: { figure: StoredRegisterFigure }) {
  return (
    <div data-testid="register-records">
      <Typography.Text type="secondary">口径：{figure.description}</Typography.Text>
      <List
        size="small"
        dataSource={figure.records}
        locale={{ emptyText: '没有计入的登记记录（计算结果为 0）' }}
        renderItem={(r, i) => (
          <List.Item style={{ padding: '2px 0' }}>
            {i + 1}. {r.label}
            {figure.unit === '万元' || figure.unit === '亿元' ? ` · ${formatNumber(r.value)} ${figure.unit}` : ''}
          </List.Item>
        )}
      />
    </div>
  );
}

function ChooseOfficial({ choice, onClose, onChosen }: { choice: { value: SourcedValue; row: YearRow } | null; onClose: () => void; onChosen: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { save, error, busy, clearError } = useSchemaSave(form, officialBodySchema, { reason: '原因', expectedVersion: '版本' });
  const suggestion = choice
    ? choice.value.source === 'register'
      ? `采用登记系统数据：依据 ${choice.row.figure.records.length} 条登记记录，口径为${choice.row.figure.description}`
      : `采用${choice.value.sourceLabel}数据`
    : '';
  async function submit() {
    if (!choice) return;
    const saved = await save(
      () => ({ expectedVersion: choice.value.version, reason: (form.getFieldValue('reason') as string | undefined)?.trim() ?? '' }),
      (body) => chooseOfficialValue(choice.value.id, body.expectedVersion, body.reason),
    );
    if (!saved) return;
    message.success(`${choice.row.year}年已采用${choice.value.sourceLabel}数据 ${formatNumber(saved.value)}`);
    onChosen();
    onClose();
  }
  return (
    <Modal
      title={choice ? `${choice.row.year}年正式数据改为：${choice.value.sourceLabel} ${formatNumber(choice.value.value)}` : ''}
      open={choice !== null}
      onCancel={() => { clearError(); onClose(); }}
      onOk={() => void submit()}
      okText="确定采用"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ reason: suggestion }} onValuesChange={clearError} data-testid="choose-official-form">
        <Form.Item name="reason" label="原因（记入审计日志）" rules={[{ required: true, whitespace: true, message: '请填写选定原因' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
      <SaveErrorAlert error={error} />
    </Modal>
  );
}
