import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(import.meta.dirname, '..', '..', 'seeds');
export const FENGJIE_SEED = '000_da82127551cae645.txt';
export const SHIZHU_SEED = '003_277bfcae23e1cd61.txt';

export function seedFile(name: string): { fileName: string; bytes: Uint8Array } {
  return { fileName: name, bytes: new Uint8Array(readFileSync(join(SEED_DIR, name))) };
}
