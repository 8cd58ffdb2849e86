// Bytes of an uploaded plan → ParsedPlan, or a PlanDocumentError saying in one line why it cannot be read.
import { docxToBlocks } from './docx-blocks.ts';
import { PlanDocumentError, type DocumentBlock, type ParsedPlan } from './model.ts';
import { parsePlanBlocks } from './parse-plan.ts';
import { decodePlanText, textToBlocks } from './text-blocks.ts';

/** 50 MB: real plans are well under 5 MB; anything larger is not a plan and would only tie up the server. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

export async function readPlanDocument(bytes: Uint8Array, fileName: string): Promise<ParsedPlan> {
  const blocks = await readPlanBlocks(bytes, fileName);
  return parsePlanBlocks(blocks, { fallbackTitle: baseName(fileName) });
}

/** The document's blocks, as readPlanDocument parses them (.txt and .docx alike; same checks, same errors). */
export async function readPlanBlocks(bytes: Uint8Array, fileName: string): Promise<DocumentBlock[]> {
  if (bytes.length === 0) {
    throw new PlanDocumentError(fileName, '文件为空 / file is empty', 'empty');
  }
  if (bytes.length > MAX_PLAN_BYTES) {
    throw new PlanDocumentError(
      fileName,
      `文件超过 ${MAX_PLAN_BYTES / 1024 / 1024} MB 上限 / file exceeds the ${MAX_PLAN_BYTES / 1024 / 1024} MB limit`,
      'too-large',
    );
  }
  return readBlocks(bytes, fileName);
}

async function readBlocks(bytes: Uint8Array, fileName: string): Promise<DocumentBlock[]> {
  const extension = extensionOf(fileName);
  if (extension === '.txt') return textToBlocks(decodePlanText(bytes, fileName));
  if (extension === '.docx') return docxToBlocks(bytes, fileName);
  const shown = extension === '' ? '（无扩展名）' : extension;
  throw new PlanDocumentError(
    fileName,
    `不支持的文件类型 ${shown}，仅支持 .txt 与 .docx / unsupported file type ${extension || '(none)'}; only .txt and .docx are accepted`,
    'unsupported-format',
  );
}

function extensionOf(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function baseName(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
