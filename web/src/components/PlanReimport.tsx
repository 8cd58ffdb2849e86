// 导入新版本: choose a newer .txt/.docx of the plan → a dry-run preview of what changed (added green, removed red,
// changed before → after, per section; nothing written) and of what of the county's work follows to the new version
// (and what stays behind: 数据未迁移) → 确认导入 stores it as the next version and opens it.
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Steps, Tabs, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { previewPlanReimport, reimportPlan, type PlanDiff, type PlanReimportPreview } from '../api/plans.ts';
import { useDryRunUpload } from '../lib/useDryRunUpload.ts';
import { DataTable } from './DataTable.tsx';

const MAX_BYTES = 50 * 1024 * 1024;

type Section = 'outline' | 'indicators' | 'boxes' | 'projects';
const SECTIONS: { key: Section; label: string }[] = [
  { key: 'indicators', label: '指标' },
  { key: 'projects', label: '项目' },
  { key: 'boxes', label: '专栏' },
  { key: 'outline', label: '目录' },
];

interface DiffRow {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  key: string;
  field: string | null;
  before: string | null;
  after: string | null;
}

const KIND_TAGS: Record<DiffRow['kind'], { text: string; color: string }> = {
  added: { text: '新增', color: 'green' },
  removed: { text: '删除', color: 'red' },
  changed: { text: '修改', color: 'orange' },
};

function rowsOf(diff: PlanDiff, section: Section): DiffRow[] {
  const s = diff[section];
  return [
    ...s.added.map((item, i) => ({ id: `a${i}`, kind: 'added' as const, key: item.key, field: null, before: null, after: item.detail })),
    ...s.removed.map((item, i) => ({ id: `r${i}`, kind: 'removed' as const, key: item.key, field: null, before: item.detail, after: null })),
    ...s.changed.flatMap((item, i) =>
      item.changes.map((c, j) => ({ id: `c${i}-${j}`, kind: 'changed' as const, key: item.key, field: c.label, before: c.before, after: c.after })),
    ),
  ];
}

function Value({ text, kind }: { text: string | null; kind: 'before' | 'after' }) {
  if (text === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className={kind === 'before' ? 'diff-before' : 'diff-after'} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </span>
  );
}

function DiffTable({ rows, exportName }: { rows: DiffRow[]; exportName: string }) {
  return (
    <DataTable<DiffRow>
      rows={rows}
      rowKey={(r) => r.id}
      exportName={exportName}
      size="small"
      pageSize={10}
      emptyText="无变化"
      rowClassName={(r) => `diff-row-${r.kind}`}
      columns={[
        {
          key: 'kind',
          title: '变化',
          value: (r) => KIND_TAGS[r.kind].text,
          render: (r) => <Tag color={KIND_TAGS[r.kind].color}>{KIND_TAGS[r.kind].text}</Tag>,
          filter: true,
          width: 80,
        },
        { key: 'key', title: '名称', value: (r) => r.key, width: 220 },
        { key: 'field', title: '内容', value: (r) => r.field ?? (r.kind === 'added' ? '整项新增' : '整项删除'), width: 110 },
        { key: 'before', title: '原版本', value: (r) => r.before, render: (r) => <Value text={r.before} kind="before" /> },
        { key: 'after', title: '新版本', value: (r) => r.after, render: (r) => <Value text={r.after} kind="after" /> },
      ]}
    />
  );
}

export function DiffView({ diff }: { diff: PlanDiff }) {
  const fieldRows: DiffRow[] = diff.fields.map((f, i) => ({ id: `f${i}`, kind: 'changed', key: f.label, field: f.label, before: f.before, after: f.after }));
  const items = [
    ...(fieldRows.length > 0 ? [{ key: 'fields', label: `基本信息（${fieldRows.length}）`, children: <DiffTable rows={fieldRows} exportName="新版本变化-基本信息" /> }] : []),
    ...SECTIONS.map((s) => {
      const c = diff[s.key].counts;
      const total = c.added + c.removed + c.changed;
      return {
        key: s.key,
        label: (
          <span>
            {s.label}
            {total > 0 ? (
              <span style={{ marginLeft: 4 }}>
                {c.added > 0 && <Tag color="green">+{c.added}</Tag>}
                {c.removed > 0 && <Tag color="red">−{c.removed}</Tag>}
                {c.changed > 0 && <Tag color="orange">~{c.changed}</Tag>}
              </span>
            ) : (
              '（无变化）'
            )}
          </span>
        ),
        children: <DiffTable rows={rowsOf(diff, s.key)} exportName={`新版本变化-${s.label}`} />,
      };
    }),
  ];
  const first = items.find((i) => i.key === 'fields' || diff[i.key as Section].counts.added + diff[i.key as Section].counts.removed + diff[i.key as Section].counts.changed > 0);
  return <Tabs size="small" items={items} defaultActiveKey={first?.key ?? 'indicators'} />;
}

type CarryOver = NonNullable<PlanReimportPreview['carryOver']>;

/** What of the county's work follows to the new version, and what stays on the old one (数据未迁移). */
function CarryOverView({ carryOver, version }: { carryOver: CarryOver; version: number }) {
  const left = carryOver.notCarried.indicators.length + carryOver.notCarried.projects.length;
  const what = (i: CarryOver['notCarried']['indicators'][number]) =>
    [
      i.values > 0 ? `${i.values} 个填报值` : null,
      i.hasSetting ? '指标设置' : null,
      i.hasBinding ? '登记系统绑定' : null,
      i.taskLinks > 0 ? `关联任务 ${i.taskLinks} 条` : null,
    ]
      .filter(Boolean)
      .join('、') || '无数据';
  return (
    <div data-testid="plan-reimport-carry-over" style={{ margin: '12px 0' }}>
      <Alert
        type="info"
        showIcon
        title={
          <span data-testid="plan-reimport-carry-counts">
            将随新版本迁移：<b>{carryOver.indicators}</b> 项指标数据（{carryOver.values} 个填报值）、<b>{carryOver.tasks}</b> 条任务、
            <b>{carryOver.projects}</b> 个台账项目
          </span>
        }
        description={
          <Space direction="vertical" size={0}>
            <Typography.Text type="secondary">
              指标设置 {carryOver.settings} 项、登记系统绑定 {carryOver.bindings} 项、任务关联指标 {carryOver.taskLinks} 处一并迁移；填报状态、审核记录和附件保持不变。
            </Typography.Text>
            {carryOver.renamed.map((r) => (
              <Typography.Text key={`${r.from}→${r.to}`}>
                按序号对应：「{r.from}」→「{r.to}」，数据随之迁移
              </Typography.Text>
            ))}
          </Space>
        }
      />
      {left > 0 && (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          data-testid="plan-reimport-not-carried"
          title={`数据未迁移：新版本已删除以下 ${left} 项，其数据留在原版本（第 ${version} 版），可在原版本中查看`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {carryOver.notCarried.indicators.map((i) => (
                <li key={`i-${i.name}`}>
                  指标「{i.name}」：{what(i)}
                </li>
              ))}
              {carryOver.notCarried.projects.map((p) => (
                <li key={`p-${p.name}`}>
                  台账项目「{p.name}」：{p.years > 0 ? `${p.years} 个年度的台账数据` : '无年度数据'}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}

export function PlanReimport({ planId, version, onImported }: { planId: string; version: number; onImported: (planId: string) => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const upload = useDryRunUpload({
    accept: /\.(txt|docx)$/i,
    wrongType: '只能导入 .txt 或 .docx 格式的规划文本',
    maxBytes: MAX_BYTES,
    tooLarge: '文件超过 50 MB，请检查是否选错了文件',
    dryRun: (chosen) => previewPlanReimport(planId, chosen),
  });
  const { file, preview, busy, error, reset } = upload;

  function check(chosen: File) {
    void upload.choose(chosen);
  }

  function commit() {
    void upload.commit(async (chosen) => {
      const result = await reimportPlan(planId, chosen);
      message.success(
        result.status === 'imported'
          ? `已导入第 ${result.version} 版${result.carryOver ? `；${result.carryOver.summary.replace(/^随新版本迁移：/, '已迁移：')}` : ''}`
          : '该文件已导入过，未做更改',
      );
      setOpen(false);
      reset();
      onImported(result.planId);
    });
  }

  const step = preview ? 2 : file ? 1 : 0;
  return (
    <>
      <Button icon={<CloudUploadOutlined />} onClick={() => setOpen(true)} data-testid="plan-reimport-open">
        导入新版本
      </Button>
      <Modal
        open={open}
        title={`导入新版本（当前第 ${version} 版）`}
        width={1080}
        onCancel={() => {
          if (busy === null) {
            setOpen(false);
            reset();
          }
        }}
        footer={
          <Space>
            <Button
              onClick={() => {
                setOpen(false);
                reset();
              }}
              disabled={busy !== null}
            >
              取消
            </Button>
            <Button type="primary" disabled={!preview || preview.identical} loading={busy === 'import'} onClick={commit}>
              确认导入
            </Button>
          </Space>
        }
        destroyOnHidden
      >
        <div data-testid="plan-reimport">
          <Steps
            size="small"
            current={step}
            style={{ marginBottom: 12 }}
            items={[{ title: '选择文件' }, { title: '比对（不写入）' }, { title: '确认导入' }]}
          />
          <Upload.Dragger
            accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            multiple={false}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(chosen) => {
              check(chosen);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy === 'check' ? '正在解析并比对…' : '点击或将新版本规划文本（.txt / .docx）拖到此处'}</p>
            <p className="ant-upload-hint">先与当前版本比对，确认后才保存为新版本；原版本保留可查。</p>
          </Upload.Dragger>
          {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} role="alert" />}
          {preview && (
            <div style={{ marginTop: 12 }} data-testid="plan-reimport-preview">
              <Alert
                type={preview.identical ? 'info' : preview.diff.unchanged ? 'warning' : 'success'}
                showIcon
                title={
                  preview.identical
                    ? '该文件已导入过（内容完全相同），无需再次导入'
                    : `${preview.fileName} → 第 ${preview.nextVersion} 版（尚未写入）`
                }
                description={
                  <Space direction="vertical" size={0}>
                    <Typography.Text data-testid="plan-reimport-summary">{preview.diff.summary}</Typography.Text>
                    {preview.warnings.length > 0 && (
                      <Typography.Text type="warning">解析提示 {preview.warnings.length} 条，导入后可在规划页核对</Typography.Text>
                    )}
                  </Space>
                }
              />
              {preview.carryOver && <CarryOverView carryOver={preview.carryOver} version={preview.currentVersion} />}
              {!preview.diff.unchanged && <DiffView diff={preview.diff} />}
            </div>
          )}
        </div>
      </Modal>
    </>
  );
}
