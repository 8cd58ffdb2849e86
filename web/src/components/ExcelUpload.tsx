// Upload a filled-in template: first a dry run (nothing written) whose preview lists every row — new, changed or
// unchanged — and every cell error in Chinese; only when there is no error can it be imported, all in one go.
import { CheckCircleOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Steps, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadReportSheet, type SheetUpload } from '../api/monitoring.ts';
import { formatNumber } from '../lib/format.ts';
import { useDryRunUpload } from '../lib/useDryRunUpload.ts';
import { DataTable } from './DataTable.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

/** "第 4 行 C 列：…" unless the server's message already says where. */
function placed(e: { row: number; column: string | null; message: string }): string {
  if (/第\s*\d+\s*行/.test(e.message)) return e.message;
  const where = `${e.row > 0 ? `第 ${e.row} 行` : ''}${e.column ? ` ${e.column} 列` : ''}`.trim();
  return where ? `${where}：${e.message}` : e.message;
}
type PreviewRow = SheetUpload['rows'][number] & { errors: string[] };

const CHANGE_LABELS: Record<PreviewRow['change'], { text: string; color: string }> = {
  new: { text: '新增', color: 'blue' },
  changed: { text: '修改', color: 'orange' },
  unchanged: { text: '未变', color: 'default' },
};

export function ExcelUpload({ onImported }: { onImported: () => void }) {
  const { message } = App.useApp();
  const [done, setDone] = useState<number | null>(null);
  const upload = useDryRunUpload({
    accept: /\.xlsx$/i,
    wrongType: '只能上传 .xlsx 格式的 Excel 文件（请使用下载的填报模板）',
    maxBytes: MAX_BYTES,
    tooLarge: '文件超过 10 MB，请检查是否选错了文件',
    dryRun: (chosen) => uploadReportSheet(chosen, false),
  });
  const { file, preview, busy, error } = upload;

  function check(chosen: File) {
    setDone(null);
    void upload.choose(chosen);
  }

  function commit() {
    void upload.commit(async (chosen) => {
      const result = await uploadReportSheet(chosen, true);
      if (!result.committed) {
        upload.setPreview(result);
        upload.setError('导入未完成：文件中仍有错误，未写入任何数据');
        return;
      }
      const written = result.rows.filter((r) => r.change !== 'unchanged').length;
      setDone(written);
      upload.setPreview(null);
      message.success(`已导入 ${written} 个数值`);
      onImported();
    });
  }

  const fileErrors = preview?.errors.filter((e) => e.row <= 0) ?? [];
  const rows: PreviewRow[] = (preview?.rows ?? []).map((r) => ({
    ...r,
    errors: (preview?.errors ?? []).filter((e) => e.row === r.row).map((e) => (e.column && !/第\s*\d+\s*行/.test(e.message) ? `${e.column}列：${e.message}` : e.message)),
  }));
  // Rows the server could not read at all (text in a number cell, unknown code) appear only as errors.
  const orphanErrors = (preview?.errors ?? []).filter((e) => e.row > 0 && !rows.some((r) => r.row === e.row));
  const errorCount = preview?.errors.length ?? 0;
  const ok = preview !== null && errorCount === 0;
  const step = done !== null ? 3 : preview ? (ok ? 2 : 1) : file ? 1 : 0;

  return (
    <div data-testid="excel-upload">
      <Steps
        size="small"
        current={step}
        {...(preview && !ok ? { status: 'error' as const } : {})}
        style={{ marginBottom: 12, maxWidth: 720 }}
        items={[{ title: '选择文件' }, { title: '预检（不写入）' }, { title: '确认导入' }, { title: '完成' }]}
      />
      <Upload.Dragger
        className="excel-dragger"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        <p className="ant-upload-text">{busy === 'check' ? '正在检查文件…' : '点击或将填好的填报模板（.xlsx）拖到此处'}</p>
        <p className="ant-upload-hint">先预检，确认无误后再导入；文件有任何错误时不会写入数据。</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} role="alert" />}
      {done !== null && <Alert style={{ marginTop: 12 }} type="success" showIcon icon={<CheckCircleOutlined />} title={`导入完成：写入 ${done} 个数值`} data-testid="upload-done" />}
      {preview && (
        <div style={{ marginTop: 12 }} data-testid="upload-preview">
          <Alert
            type={ok ? 'success' : 'warning'}
            showIcon
            title={
              ok
                ? `预检通过：${preview.unitName} ${preview.periodLabel}，${rows.length} 行可导入（尚未写入）`
                : `预检发现 ${errorCount} 处错误，请修改 Excel 后重新上传（未写入任何数据）`
            }
            description={
              [...fileErrors, ...orphanErrors].length > 0 ? (
                <Space direction="vertical" size={0}>
                  {[...fileErrors, ...orphanErrors].map((e, i) => (
                    <Typography.Text type="danger" key={i}>
                      {placed(e)}
                    </Typography.Text>
                  ))}
                </Space>
              ) : preview.skipped.length > 0 ? (
                `空白行已跳过：第 ${preview.skipped.join('、')} 行`
              ) : undefined
            }
            action={
              ok ? (
                <Button type="primary" loading={busy === 'import'} onClick={commit}>
                  确认导入
                </Button>
              ) : undefined
            }
          />
          {rows.length > 0 && (
            <DataTable<PreviewRow>
              rows={rows}
              rowKey={(r) => String(r.row)}
              exportName="上传预检结果"
              size="small"
              pageSize={10}
              rowClassName={(r) => (r.errors.length > 0 ? 'row-overdue' : r.warning ? 'row-warning' : '')}
              columns={[
                { key: 'row', title: '行号', value: (r) => r.row, width: 64 },
                { key: 'name', title: '指标', value: (r) => r.name },
                { key: 'stored', title: '原值', value: (r) => r.storedValue, render: (r) => formatNumber(r.storedValue), align: 'right', width: 100 },
                { key: 'value', title: '新值', value: (r) => r.value, render: (r) => formatNumber(r.value), align: 'right', width: 100 },
                {
                  key: 'change',
                  title: '变化',
                  value: (r) => CHANGE_LABELS[r.change].text,
                  render: (r) => <Tag color={CHANGE_LABELS[r.change].color}>{CHANGE_LABELS[r.change].text}</Tag>,
                  filter: true,
                  width: 80,
                },
                {
                  key: 'check',
                  title: '检查结果',
                  value: (r) => (r.errors.length > 0 ? r.errors.join('；') : (r.warning ?? '通过')),
                  render: (r) =>
                    r.errors.length > 0 ? (
                      <Typography.Text type="danger">{r.errors.join('；')}</Typography.Text>
                    ) : r.warning ? (
                      <Typography.Text type="warning">{r.warning}</Typography.Text>
                    ) : (
                      <Typography.Text type="success">通过</Typography.Text>
                    ),
                },
              ]}
            />
          )}
        </div>
      )}
    </div>
  );
}
