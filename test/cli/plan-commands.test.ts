// Drives the real `kechuang` launcher (bin/kechuang.js) as a user would.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../src/domain/plan/read-plan-document.ts';
import { FENGJIE_SEED, SEED_DIR, SHIZHU_SEED, seedFile } from '../support/seeds.ts';
import { cliWorkspace } from '../support/cli.ts';

const { work, kechuang } = cliWorkspace('kechuang-cli-');

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
