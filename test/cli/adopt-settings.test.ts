// `kechuang monitoring adopt-settings` through the real launcher: 奉节's 十四五 seed with the sample settings, its
// 十五五 plan imported beside it; the preview lists the pairs and writes nothing, --commit writes, a second commit
// writes nothing, an unknown plan is one line with exit 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADOPT_PLAN_INDICATORS as N, fengjieFifteenthPlanForAdoption } from '../support/adopt-settings-plan.ts';
import { FENGJIE_SEED, SEED_DIR } from '../support/seeds.ts';
import { cliWorkspace } from '../support/cli.ts';

const { work, kechuang } = cliWorkspace('kechuang-adopt-cli-');

let planId = '';

beforeAll(() => {
  expect(kechuang(['plan', 'import', join(SEED_DIR, FENGJIE_SEED), '--json']).code).toBe(0);
  expect(kechuang(['sample', 'load', '--json']).code).toBe(0);
  const fifteenth = fengjieFifteenthPlanForAdoption();
  const file = join(work, fifteenth.fileName);
  writeFileSync(file, fifteenth.bytes);
  const imported = kechuang(['plan', 'import', file, '--json']);
  expect(imported.code).toBe(0);
  planId = (JSON.parse(imported.stdout) as { planId: string }).planId;
}, 180_000);

describe('kechuang monitoring adopt-settings', () => {
  it('previews without writing, then writes with --commit, and a second commit writes nothing', () => {
    const preview = kechuang(['monitoring', 'adopt-settings', planId]);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('（预览，未写入；加 --commit 写入）');
    expect(preview.stdout).toContain(`${N.patents}  ←  万人有效发明专利拥有量  责任单位 市场监管局，年度报送`);
    expect(preview.stdout).toContain(`${N.digital}  ←  —  不沿用  （上一规划无同名指标）`);
    expect(preview.stdout).toContain('沿用设置 5 项、登记系统绑定 0 项，未沿用 1 项');
    expect(preview.stdout).not.toContain('已写入');

    const commit = kechuang(['monitoring', 'adopt-settings', planId, '--commit', '--json']);
    expect(commit.code).toBe(0);
    expect(JSON.parse(commit.stdout)).toMatchObject({ committed: true, written: { settings: 5, bindings: 0 } });
    const again = kechuang(['monitoring', 'adopt-settings', planId, '--commit']);
    expect(again.stdout).toContain('已写入：指标设置 0 项，登记系统绑定 0 项');
  }, 120_000);

  it('an unknown plan: one line, exit 1', () => {
    const run = kechuang(['monitoring', 'adopt-settings', '00000000-0000-4000-8000-000000000000']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('错误 / error: 规划不存在 / plan not found');
  }, 60_000);
});
