// Attachment checks by content, not by name: a file is what its first bytes (and, for Office files, its ZIP
// directory) say it is, and its name must agree. Pure; table-tested.

export const ATTACHMENT_KINDS = ['统计表', '证明材料'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const FILE_TYPES = ['pdf', 'jpg', 'png', 'xlsx', 'docx'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const FILE_TYPE_MIME: Readonly<Record<FileType, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const EXTENSIONS: Readonly<Record<FileType, readonly string[]>> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  xlsx: ['xlsx'],
  docx: ['docx'],
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when the ASCII `name` occurs in the bytes (ZIP entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** The type the content shows, or null when it is none of the whitelist. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML is a ZIP with [Content_Types].xml; the main part's folder tells a workbook from a document.
    if (!containsAscii(bytes, '[Content_Types].xml')) return null;
    if (containsAscii(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (containsAscii(bytes, 'word/document.xml')) return 'docx';
  }
  return null;
}

export type AttachmentCheck =
  | { ok: true; fileType: FileType }
  | { ok: false; code: 'empty' | 'too-large' | 'type-not-allowed' | 'name-mismatch'; message: string };

/**
 * Size limit, whitelist by magic bytes, and a file name whose extension matches the content. `allowed` narrows the
 * whitelist for a use that takes fewer kinds (a 三方协议 scan is never a workbook); the message names what it takes.
 */
export function checkAttachment(fileName: string, bytes: Uint8Array, allowed: readonly FileType[] = FILE_TYPES): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: '文件为空 / empty file' };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return { ok: false, code: 'too-large', message: `文件过大（${mb} MB，上限 20 MB）/ file too large (limit 20 MB)` };
  }
  const fileType = detectFileType(bytes);
  if (fileType === null || !allowed.includes(fileType)) {
    return {
      ok: false,
      code: 'type-not-allowed',
      message: `文件类型不允许，仅支持 ${allowed.map((t) => t.toUpperCase()).join('、')} / only ${allowed.join(', ')} are allowed`,
    };
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!EXTENSIONS[fileType].includes(extension)) {
    return {
      ok: false,
      code: 'name-mismatch',
      message: `文件名扩展名与内容不符（内容为 ${fileType.toUpperCase()}）/ file extension does not match its content (${fileType})`,
    };
  }
  return { ok: true, fileType };
}
