// The real `kechuang` launcher (bin/kechuang.js) run as a user would, on a PGlite data directory of the test file's
// own — never the PostgreSQL leg's shared database — removed after the file's tests. Call at a test file's top level.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliWorkspace {
  /** A temporary folder for the test's files; the data directory is its `data/`. */
  work: string;
  kechuang(args: string[]): CliRun;
}

export function cliWorkspace(prefix: string): CliWorkspace {
  const work = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  return {
    work,
    kechuang(args) {
      const env: NodeJS.ProcessEnv = { ...process.env, KECHUANG_DATA_DIR: join(work, 'data') };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'kechuang.js'), ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
  };
}
