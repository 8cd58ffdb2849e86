// Reads a plan document from disk, refusing oversized files before loading them into memory.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_PLAN_BYTES } from '../domain/plan/read-plan-document.ts';
import { PlanDocumentError } from '../domain/plan/model.ts';

export interface PlanFile {
  fileName: string;
  bytes: Uint8Array;
}

export async function readPlanFile(path: string): Promise<PlanFile> {
  const fileName = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new PlanDocumentError(path, '不是文件 / not a regular file', 'not-a-file');
    size = info.size;
  } catch (error) {
    if (error instanceof PlanDocumentError) throw error;
    throw new PlanDocumentError(path, '文件不存在或无法读取 / file not found or unreadable', 'not-found');
  }
  if (size > MAX_PLAN_BYTES) {
    throw new PlanDocumentError(
      path,
      `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 50 MB）/ file too large (limit 50 MB)`,
      'too-large',
    );
  }
  return { fileName, bytes: new Uint8Array(await readFile(path)) };
}
