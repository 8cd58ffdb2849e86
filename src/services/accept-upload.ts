// The step every upload shares before anything is written — evidence on a figure, a task report's attachment, a
// service visit's photo, a dispatch's 三方协议: a file name fit to be offered back as a download, the content judged
// by the attachment rules (domain/reporting/file-type.ts: magic bytes, ≤ 20 MB, extension matching the content), and
// the SHA-256 kept beside the bytes. A refusal names the file, so among several uploads the person knows which one.
import { createHash } from 'node:crypto';
import { checkAttachment, FILE_TYPES, type FileType } from '../domain/reporting/file-type.ts';
import { ValidationError } from './errors.ts';

export interface AcceptedUpload {
  /** Trimmed, path separators replaced (a name must not pose as a folder when downloaded), at most 200 characters. */
  fileName: string;
  fileType: FileType;
  size: number;
  sha256: string;
}

/** "中文 / English" with the file named in both halves. */
export function namingFile(fileName: string, message: string): string {
  // The domain's halves meet at " / " (or "）/ " after a closing bracket).
  const cut = /\s?\/ /.exec(message);
  if (!cut) return `「${fileName}」${message}`;
  return `「${fileName}」${message.slice(0, cut.index)} / ${fileName}: ${message.slice(cut.index + cut[0].length)}`;
}

/** The upload as it will be stored, or a ValidationError (details on /file, code from the check) naming the file. */
export function acceptUpload(fileName: string, bytes: Uint8Array, allowed: readonly FileType[] = FILE_TYPES): AcceptedUpload {
  const name = fileName.trim().replace(/[\\/]/g, '_').slice(0, 200);
  if (name === '') throw new ValidationError('请提供文件名 / a file name is required', [{ path: '/fileName', message: '请提供文件名' }]);
  const check = checkAttachment(name, bytes, allowed);
  if (!check.ok) {
    const message = namingFile(name, check.message);
    throw Object.assign(new ValidationError(message, [{ path: '/file', message }]), { code: check.code });
  }
  return { fileName: name, fileType: check.fileType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
