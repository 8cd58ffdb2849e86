// Drives the real `kechuang` launcher (bin/kechuang.js) as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../src/domain/plan/read-plan-document.ts';
import { FENGJIE_SEED, SEED_DIR, SHIZHU_SEED, seedFile } from '../support/seeds.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kechuang-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function kechuang(args: string[]) {
  // The CLI import test uses its own PGlite directory, never the PostgreSQL leg's shared database.
  const env: NodeJS.ProcessEnv = { ...process.env, KECHUANG_DATA_DIR: join(work, 'data') };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [join(root, 'bin', 'kechuang.js'), ...args], { cwd: root, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kechuang plan parse', () => {
  it.each([FENGJIE_SEED, SHIZHU_SEED])('prints the contract JSON for %s', async (name) => {
    const run = kechuang(['plan', 'parse', join(SEED_DIR, name), '--json']);
    expect(run.code).toBe(0);
    const file = seedFile(name);
    expect(JSON.parse(run.stdout)).toEqual(await readPlanDocument(file.bytes, file.fileName));
  });

  it.each([
    ['empty.txt', ''],
    ['junk.txt', '\u0000\u0001\u0002binary\u0000\u0000\u0003'],
    ['broken.docx', 'PK not really a zip'],
    ['plan.pdf', '%PDF-1.4'],
  ])('refuses %s with one clear line and exit code 1', (name, content) => {
    const path = join(work, name);
    writeFileSync(path, content);
    const run = kechuang(['plan', 'parse', path, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });

  it('names a missing file', () => {
    const run = kechuang(['plan', 'parse', join(work, 'nope.txt')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.txt');
  });
});

describe('kechuang plan import', () => {
  it('imports once, then says the plan is already there', () => {
    const first = kechuang(['plan', 'import', join(SEED_DIR, SHIZHU_SEED), '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      status: 'imported',
      countyName: '石柱县',
      counts: { indicators: 10, boxes: 12, projects: 26 },
    });
    const second = kechuang(['plan', 'import', join(SEED_DIR, SHIZHU_SEED), '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ status: 'already-imported' });
    const list = kechuang(['plan', 'list', '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
    // Three cold starts of the CLI, each opening PGlite on disk: slow on a loaded 2-core machine.
  }, 180_000);
});
