// The municipal batch as one .zip. The entries are .docx/.xlsx files, which are zip archives already: they are
// stored, not compressed again (no gain, and it would cost most of the batch's time).
import JSZip from 'jszip';

export interface ZipEntry {
  /** Path inside the archive, e.g. 奉节县/奉节县科技创新“十四五”规划中期评估报告.docx (UTF-8 names). */
  path: string;
  bytes: Uint8Array;
}

export async function writeZip(entries: readonly ZipEntry[], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) zip.file(entry.path, entry.bytes, { binary: true, compression: 'STORE', date });
  return zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX', streamFiles: false });
}
