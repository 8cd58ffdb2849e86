// 三方协议扫描件 of one 特派员 dispatch: the files with name, size, who uploaded them and when, each a download link;
// the bureau adds, replaces and removes them. Writes go one at a time, each naming the dispatch version the last one
// left (the server refuses a stale one with 409), so picking several pages at once uploads them in turn.
import { DeleteOutlined, SwapOutlined, UploadOutlined } from '@ant-design/icons';
import { AGREEMENT_FILE_TYPES } from '@domain/registers/commissioners.ts';
import { MAX_ATTACHMENT_BYTES } from '@domain/reporting/file-type.ts';
import { App, Button, Space, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { agreementFileUrl, removeAgreementFile, uploadAgreementFile, type AgreementFile, type DispatchAgreementFiles } from '../../api/agreement-files.ts';
import { ApiError, errorText } from '../../api/client.ts';
import { formatDateTime } from '../../lib/format.ts';

/** What the file pickers offer (the server still judges the content). */
export const AGREEMENT_ACCEPT = AGREEMENT_FILE_TYPES.flatMap((t) => (t === 'jpg' ? ['.jpg', '.jpeg'] : [`.${t}`])).join(',');
export const AGREEMENT_HINT = `${AGREEMENT_FILE_TYPES.map((t) => t.toUpperCase()).join('、')}，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "“name”未上传：why" — unless the server's reason already names the file. */
function notDone(fileName: string, what: string, why: string): string {
  return why.includes(fileName) ? `${what}：${why}` : `“${fileName}”${what}：${why}`;
}

/** Refuses before sending what the server would refuse by size alone, naming the file. */
export function tooLarge(file: File): string | null {
  return file.size > MAX_ATTACHMENT_BYTES ? `“${file.name}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，未上传` : null;
}

/**
 * Uploads picked files one after another from `version` on (a new dispatch's scans, chosen in its form). Returns
 * what failed, each line naming its file; the rest are stored.
 */
export async function uploadAgreementScans(dispatchId: string, version: number, files: File[]): Promise<string[]> {
  const failures: string[] = [];
  let current = version;
  for (const file of files) {
    const refused = tooLarge(file);
    if (refused) {
      failures.push(refused);
      continue;
    }
    try {
      current = (await uploadAgreementFile(dispatchId, current, file)).version;
    } catch (failure) {
      failures.push(notDone(file.name, '未上传', errorText(failure)));
    }
  }
  return failures;
}

interface DispatchFiles {
  id: string;
  version: number;
  agreementFiles: AgreementFile[];
}

export function AgreementFiles({ dispatch, canManage, onChanged }: { dispatch: DispatchFiles; canManage: boolean; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const [files, setFiles] = useState<AgreementFile[]>(dispatch.agreementFiles);
  const [pending, setPending] = useState(0);
  const version = useRef(dispatch.version);
  const queue = useRef<Promise<void>>(Promise.resolve());

  // A reload of the commissioner brings the dispatch as stored; take it unless a write of ours is newer still.
  useEffect(() => {
    if (dispatch.version >= version.current) {
      version.current = dispatch.version;
      setFiles(dispatch.agreementFiles);
    }
  }, [dispatch.version, dispatch.agreementFiles]);

  function enqueue(write: (version: number) => Promise<DispatchAgreementFiles>, done: string, failed: { fileName: string; what: string }) {
    setPending((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const next = await write(version.current);
        version.current = next.version;
        setFiles(next.files);
        message.success(done);
        onChanged();
      } catch (failure) {
        message.error(notDone(failed.fileName, failed.what, errorText(failure)));
        // A colleague changed the files first: show them as they are now.
        if (failure instanceof ApiError && failure.status === 409) onChanged();
      } finally {
        setPending((n) => n - 1);
      }
    });
  }

  function add(file: File) {
    const refused = tooLarge(file);
    if (refused) return void message.error(refused);
    enqueue((v) => uploadAgreementFile(dispatch.id, v, file), `已上传三方协议扫描件“${file.name}”`, { fileName: file.name, what: '未上传' });
  }

  function replace(old: AgreementFile, file: File) {
    const refused = tooLarge(file);
    if (refused) return void message.error(refused);
    enqueue((v) => uploadAgreementFile(dispatch.id, v, file, old.id), `已用“${file.name}”替换“${old.fileName}”`, { fileName: file.name, what: '未替换' });
  }

  function remove(old: AgreementFile) {
    modal.confirm({
      title: '删除三方协议扫描件',
      content: `确定删除“${old.fileName}”吗？删除记录会留在审计日志中。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => enqueue((v) => removeAgreementFile(old.id, v), `已删除“${old.fileName}”`, { fileName: old.fileName, what: '未删除' }),
    });
  }

  const row = (f: AgreementFile) => (
    <div key={f.id} data-testid="agreement-file" style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 8, padding: '2px 0' }}>
      <a href={agreementFileUrl(f.id)} download={f.fileName}>
        {f.fileName}
      </a>
      <Typography.Text type="secondary">
        {fileSize(f.size)} · {f.uploadedBy} · {formatDateTime(f.uploadedAt)}
      </Typography.Text>
      {canManage && (
        <>
          <Upload
            accept={AGREEMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              replace(f, file);
              return false;
            }}
          >
            <Button size="small" type="link" icon={<SwapOutlined />}>
              替换
            </Button>
          </Upload>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => remove(f)}>
            删除
          </Button>
        </>
      )}
    </div>
  );
  const list: UploadFile[] = files.map((f) => ({ uid: f.id, name: f.fileName, status: 'done', url: agreementFileUrl(f.id) }));
  return (
    <div data-testid="agreement-files" style={{ padding: '4px 0' }}>
      <Space style={{ marginBottom: 4 }} wrap>
        <Typography.Text strong>三方协议扫描件</Typography.Text>
        {canManage && <Typography.Text type="secondary">{AGREEMENT_HINT}</Typography.Text>}
      </Space>
      {canManage ? (
        <Upload
          accept={AGREEMENT_ACCEPT}
          multiple
          fileList={list}
          beforeUpload={(file) => {
            add(file);
            return false;
          }}
          itemRender={(_origin, item) => {
            const f = files.find((x) => x.id === item.uid);
            return f ? row(f) : null;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={pending > 0}>
            上传三方协议扫描件
          </Button>
        </Upload>
      ) : (
        files.map(row)
      )}
      {files.length === 0 && (
        <div>
          <Typography.Text type="secondary">尚未上传三方协议扫描件</Typography.Text>
        </div>
      )}
    </div>
  );
}
