// `kechuang county list|set-municipality` through the real launcher: the list, setting and clearing a county's
// 所属地市 (--json), and one clear line (exit 1) for an unknown county, a name too long and a stale --expect-version.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FENGJIE_SEED, SEED_DIR } from '../support/seeds.ts';
import { cliWorkspace } from '../support/cli.ts';

const { kechuang } = cliWorkspace('kechuang-county-cli-');

beforeAll(() => {
  expect(kechuang(['plan', 'import', join(SEED_DIR, FENGJIE_SEED), '--json']).code).toBe(0);
}, 120_000);

describe('kechuang county', () => {
  it('lists the county with no municipality yet', () => {
    const run = kechuang(['county', 'list', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ counties: [{ name: '奉节县', municipality: null, version: 1, planCount: 1 }] });
  }, 60_000);

  it('sets and clears the municipality', () => {
    const set = kechuang(['county', 'set-municipality', '奉节县', '重庆市', '--json']);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ name: '奉节县', municipality: '重庆市', version: 2 });
    const listed = kechuang(['county', 'list']);
    expect(listed.stdout).toContain('奉节县\t所属地市：重庆市');
    const cleared = kechuang(['county', 'set-municipality', '奉节县', '']);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout.trim()).toBe('奉节县 所属地市：（已清除）');
  }, 60_000);

  it('refuses an unknown county, a name too long and a stale version with one line and exit 1', () => {
    for (const args of [
      ['county', 'set-municipality', '不存在县', '重庆市'],
      ['county', 'set-municipality', '奉节县', '市'.repeat(41)],
      ['county', 'set-municipality', '奉节县', '重庆市', '--expect-version', '1'],
    ]) {
      const run = kechuang(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    const stale = kechuang(['county', 'set-municipality', '奉节县', '重庆市', '--expect-version', '1', '--json']);
    expect(JSON.parse(stale.stderr)).toMatchObject({ error: 'version-conflict', current: { name: '奉节县', municipality: null, version: 3 } });
  }, 120_000);
});
