// A seed plan's content as a real .docx (built with the parser tests' own .docx builder): each paragraph of the
// .txt a Word paragraph, each table a Word table with the cells as the .txt reader read them. For checking that a
// .docx proposes what the .txt of the same content proposes.
import { decodePlanText, textToBlocks } from '../../src/domain/plan/text-blocks.ts';
import { toDocx, type DocPart } from '../domain/plan-documents.ts';
import { seedFile } from './seeds.ts';

export async function seedAsDocx(name: string): Promise<Uint8Array> {
  const file = seedFile(name);
  const parts: DocPart[] = textToBlocks(decodePlanText(file.bytes, file.fileName)).map((block) =>
    block.kind === 'paragraph' ? block.text : block.rows.map((row) => row.map((cell) => cell.text)),
  );
  return toDocx(parts);
}
