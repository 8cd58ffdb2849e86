// `kechuang plan parse`: read and parse a plan document, touching no database.
import type { ParsedPlan } from '../domain/plan/model.ts';
import { readPlanDocument } from '../domain/plan/read-plan-document.ts';
import { readPlanFile } from './read-plan-file.ts';

export async function parsePlanFile(path: string): Promise<ParsedPlan> {
  const file = await readPlanFile(path);
  return readPlanDocument(file.bytes, file.fileName);
}
