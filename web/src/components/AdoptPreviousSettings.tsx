// 沿用上一规划设置: on a newly imported plan (十五五), the 责任单位, 报送频次与期限, 容差 and 登记系统绑定 the county set up on
// its previous plan (十四五), for the indicators of the same name. The button shows only when there is something to
// adopt (a dry run on load); the dialog shows the preview row by row — what each indicator gets, and why one gets
// nothing — and 确认沿用 writes what is still unset (the server recomputes, so nothing set meanwhile is overwritten).
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { adoptedParts } from '@domain/reporting/adopt-settings.ts';
import { errorText } from '../api/client.ts';
import { adoptPreviousSettings, type AdoptionRow, type AdoptSettings } from '../api/monitoring.ts';
import { useAsync } from '../lib/useAsync.ts';
import { DataTable } from './DataTable.tsx';
import { EmptyState, Loading } from './PageState.tsx';

const adoptable = (preview: AdoptSettings | undefined) =>
  preview !== undefined && preview.previousPlan !== null && preview.counts.settings + preview.counts.bindings > 0;

const withUnit = (name: string, unit: string | null) => (unit ? `${name}（${unit}）` : name);

function PreviewTable({ preview }: { preview: AdoptSettings }) {
  return (
    <DataTable<AdoptionRow>
      testId="adopt-settings-table"
      rows={preview.rows}
      rowKey={(r) => r.indicatorId}
      exportName="沿用上一规划设置"
      exportCaption={preview.plan.title}
      size="small"
      pageSize={false}
      emptyText="本规划没有指标"
      columns={[
        { key: 'name', title: '本规划指标', value: (r) => withUnit(r.name, r.unit), width: 220 },
        {
          key: 'previous',
          title: '上一规划指标',
          value: (r) => (r.previous ? withUnit(r.previous.name, r.previous.unit) : null),
          render: (r) => (r.previous ? withUnit(r.previous.name, r.previous.unit) : <Typography.Text type="secondary">—</Typography.Text>),
          width: 220,
        },
        {
          key: 'adopted',
          title: '沿用内容',
          value: (r) => adoptedParts(r).join('，') || '不沿用',
          render: (r) => {
            const parts = adoptedParts(r);
            if (parts.length === 0) return <Tag>不沿用</Tag>;
            return (
              <Space size={[0, 4]} wrap>
                {parts.map((part) => (
                  <Tag key={part} color={part.startsWith('登记系统') ? 'purple' : 'blue'}>
                    {part}
                  </Tag>
                ))}
              </Space>
            );
          },
        },
        {
          key: 'notes',
          title: '说明',
          value: (r) => r.notes.map((n) => n.message).join('；') || null,
          render: (r) =>
            r.notes.length === 0 ? null : (
              <Space direction="vertical" size={0}>
                {r.notes.map((n) => (
                  <Typography.Text key={n.code} type={n.code === 'unit-differs' || n.code === 'duplicate-match' ? 'warning' : 'secondary'}>
                    {n.message}
                  </Typography.Text>
                ))}
              </Space>
            ),
          width: 280,
        },
      ]}
    />
  );
}

export function AdoptPreviousSettings({ planId }: { planId: string }) {
  const { message } = App.useApp();
  const preview = useAsync(() => adoptPreviousSettings(planId, false), [planId]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Nothing to adopt (no previous plan, everything set already, or the preview failed): no button at all.
  if (!open && !adoptable(preview.data)) return null;

  async function commit() {
    setBusy(true);
    setError(null);
    try {
      const result = await adoptPreviousSettings(planId, true);
      const written = result.written ?? { settings: 0, bindings: 0 };
      if (written.settings + written.bindings === 0) {
        message.info('没有需要沿用的设置，未做更改');
      } else {
        message.success(`已沿用上一规划设置：指标设置 ${written.settings} 项、登记系统绑定 ${written.bindings} 项`);
      }
      setOpen(false);
      preview.reload();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  const data = preview.data;
  const previous = data?.previousPlan ?? null;
  return (
    <>
      <Button
        icon={<CopyOutlined />}
        data-testid="adopt-settings-open"
        onClick={() => {
          // A fresh preview each time: someone may have set indicators up since the page loaded.
          preview.reload();
          setError(null);
          setOpen(true);
        }}
      >
        沿用上一规划设置
      </Button>
      <Modal
        open={open}
        title="沿用上一规划的指标设置"
        width={1080}
        onCancel={() => {
          if (!busy) setOpen(false);
        }}
        footer={
          <Space>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              取消
            </Button>
            <Button type="primary" loading={busy} disabled={preview.loading || !adoptable(data)} onClick={() => void commit()} data-testid="adopt-settings-confirm">
              确认沿用
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        <div data-testid="adopt-settings-modal">
          {preview.loading && !data ? (
            <Loading />
          ) : preview.error ? (
            <Alert type="error" showIcon title="无法读取上一规划的设置" description={errorText(preview.error)} />
          ) : !data || previous === null ? (
            <EmptyState text="本县没有更早的规划，无可沿用的设置" />
          ) : (
            <>
              {adoptable(data) ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={
                    <span data-testid="adopt-settings-summary">
                      将从《{previous.title}》沿用：指标设置 <b>{data.counts.settings}</b> 项、登记系统绑定 <b>{data.counts.bindings}</b> 项；未沿用{' '}
                      <b>{data.counts.skipped}</b> 项
                    </span>
                  }
                  description={
                    '按指标名称对应（如“每万人有效发明专利拥有量”与“万人有效发明专利拥有量”视为同一指标）。沿用责任单位、报送频次与期限、容差和登记系统绑定；' +
                    '指标类型不沿用，按本规划的目标值重新判定。已有设置的指标不会被覆盖。' +
                    (data.rows.some((r) => r.setting?.isSample === true) ? '示例数据的设置沿用后仍为示例数据，删除示例数据时一并删除。' : '')
                  }
                />
              ) : (
                <EmptyState text={`没有可沿用的设置：本规划的指标均已设置，或《${previous.title}》中没有对应的已设置指标`} />
              )}
              {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
              <PreviewTable preview={data} />
            </>
          )}
        </div>
      </Modal>
    </>
  );
}
