// Every known service error leaves the CLI as one line on stderr (a JSON object with --json) and a non-zero exit
// code — never a stack trace unless KECHUANG_DEBUG is set. Driven as child processes: through the runner with each
// error class, and through real commands (not found, invalid input) on the real launcher.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'kechuang-cli-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, KECHUANG_DATA_DIR: join(work, 'data'), ...extraEnv };
  delete env.DATABASE_URL;
  if (extraEnv.KECHUANG_DEBUG === undefined) delete env.KECHUANG_DEBUG;
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const failing = (kind: string, ...rest: string[]) => run(['--import', 'tsx', join(root, 'test', 'cli', 'fixtures', 'failing-command.ts'), kind, ...rest]);
const kechuang = (args: string[], env: NodeJS.ProcessEnv = {}) => run([join(root, 'bin', 'kechuang.js'), ...args], env);
const STACK = /^\s+at /m;

describe('the CLI runner', () => {
  it.each([
    ['version-conflict', '记录已被他人修改'],
    ['forbidden', '无权执行此操作'],
    ['not-found', '任务不存在'],
    ['validation', '年份不正确'],
    ['conflict', '用户名已存在'],
    ['workflow', '报表已通过，不能提交'],
  ])('%s: one line, exit code 1, no stack', (kind, text) => {
    const result = failing(kind);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^错误 \/ error: /);
    expect(lines[0]).toContain(text);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('--json: a JSON error object with a stable code (and the current record for a 409)', () => {
    const conflict = failing('version-conflict', '--json');
    expect(conflict.code).toBe(1);
    expect(conflict.stdout).toBe('');
    expect(conflict.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(conflict.stderr)).toEqual({
      error: 'version-conflict',
      message: '记录已被他人修改，请刷新后重试 / the record was changed by someone else',
      current: { id: 'r1', version: 3 },
    });
    expect(JSON.parse(failing('validation', '--json').stderr)).toEqual({
      error: 'validation',
      message: '年份不正确 / invalid year',
      details: [{ path: '/year', message: '2000–2100' }],
    });
    expect(JSON.parse(failing('forbidden', '--json').stderr)).toMatchObject({ error: 'forbidden' });
    expect(JSON.parse(failing('workflow', '--json').stderr)).toMatchObject({ error: 'workflow' });
  });

  it('an unexpected error is one line too, exit code 2, with a hint; KECHUANG_DEBUG=1 adds the stack', () => {
    const quiet = failing('internal');
    expect(quiet.code).toBe(2);
    expect(quiet.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(quiet.stderr).toContain('内部错误 / internal error: boom');
    expect(quiet.stderr).toContain('KECHUANG_DEBUG=1');
    expect(JSON.parse(failing('internal', '--json').stderr)).toEqual({ error: 'internal', message: '内部错误 / internal error: boom' });

    const debug = run(['--import', 'tsx', join(root, 'test', 'cli', 'fixtures', 'failing-command.ts'), 'version-conflict'], { KECHUANG_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
    expect(debug.stderr).toContain('VersionConflictError');
  }, 60_000);
});

describe('real commands', () => {
  it('a plan that does not exist: one line, exit 1; --json gives the not-found object', () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const plain = kechuang(['tasks-propose', missing]);
    expect(plain.code).toBe(1);
    expect(plain.stderr.trimEnd().split('\n')).toEqual(['错误 / error: 规划不存在 / plan not found']);
    const json = kechuang(['tasks-propose', missing, '--json']);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr)).toEqual({ error: 'not-found', message: '规划不存在 / plan not found' });
  }, 180_000);

  it('a county that does not exist and a bad date: one line each, no stack', () => {
    const county = kechuang(['assessment-export', '无此县', '2024', join(work, 'x.xlsx')]);
    expect(county.code).toBe(1);
    expect(county.stderr).toContain('区县不存在：无此县');
    expect(county.stderr).not.toMatch(STACK);
    const date = kechuang(['supervision', 'scan', '--date', '2024-13-01', '--json']);
    expect(date.code).toBe(1);
    expect(JSON.parse(date.stderr)).toMatchObject({ error: 'validation' });
  }, 180_000);

  it('a data directory the server holds: one line naming the holder, exit 1, the data untouched', async () => {
    const dataDir = join(work, 'held');
    const server = await openDatabase({ dataDir, purpose: 'kechuang 服务 / server' });
    try {
      const refused = kechuang(['tasks-propose', '00000000-0000-4000-8000-000000000000'], { KECHUANG_DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^错误 / error: 数据目录 .*held 正被进程 ${process.pid}（kechuang 服务 / server，`)),
      ]);
      const json = kechuang(['tasks-propose', '00000000-0000-4000-8000-000000000000', '--json'], { KECHUANG_DATA_DIR: dataDir });
      expect(JSON.parse(json.stderr)).toMatchObject({ error: 'data-dir-in-use' });
    } finally {
      await server.close();
    }
  }, 180_000);
});
