// `kechuang report …` through the real launcher: a mid-term report with its annex written where --out says, the
// municipal batch zip, and one clear line for a bad year.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../support/docx-read.ts';
import { FENGJIE_SEED, SEED_DIR } from '../support/seeds.ts';
import { cliWorkspace } from '../support/cli.ts';

const { work, kechuang } = cliWorkspace('kechuang-report-cli-');

let planId = '';
beforeAll(() => {
  const imported = kechuang(['plan', 'import', join(SEED_DIR, FENGJIE_SEED), '--json']);
  expect(imported.code).toBe(0);
  planId = (JSON.parse(imported.stdout) as { planId: string }).planId;
}, 120_000);

describe('kechuang report', () => {
  it('writes the mid-term report and its annex where --out says', async () => {
    const out = join(work, 'out', '奉节中期.docx');
    const run = kechuang(['report', 'midterm', '--plan', planId, '--year', '2023', '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { year: number; county: string; indicators: number; files: string[] };
    expect(summary).toMatchObject({ year: 2023, county: '奉节县', indicators: 13 });
    expect(summary.files).toEqual([out, join(work, 'out', '奉节中期（附件）.xlsx')]);
    expect(existsSync(summary.files[1] ?? '')).toBe(true);
    const paragraphs = await docxParagraphs(readFileSync(out));
    expect(paragraphs[0]).toBe('奉节县科技创新“十四五”规划中期评估报告');
    // No monitoring values were entered: every indicator says so, nothing is made up.
    expect(paragraphs).toContain('截至2023年，规划13 项指标中，0 项提前实现、0 项快于预期、0 项基本符合预期、0 项滞后，13 项暂无监测数据。各项指标完成情况见表1、图1。');
  }, 120_000);

  it('zips the municipal batch', async () => {
    const out = join(work, '全市.zip');
    const run = kechuang(['report', 'batch', 'annual', '--year', '2023', '--out', out, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ counties: 1, reported: 1, missing: [] });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files)).toContain('奉节县/奉节县科技创新“十四五”规划2023年度监测报告.docx');
  }, 120_000);

  it('refuses a year outside the plan with one clear line', () => {
    const run = kechuang(['report', 'final', '--plan', planId, '--year', '2023', '--out', join(work, 'x.docx')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('总结评估');
  });
});
