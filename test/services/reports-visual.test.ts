// The visual check as a test: the sample mid-term report and the municipal summary go through LibreOffice (PDF) and
// pdftoppm (PNG pages); the script checks A4, embedded CJK fonts and the "— n —" page numbers. The PNGs are left in
// the output folder for a person to look at. Skipped where LibreOffice is not installed (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const hasTools = ['soffice', 'pdftoppm', 'pdfinfo'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);

describe.skipIf(!hasTools || process.env.DATABASE_URL !== undefined)('report visual check (LibreOffice → PDF → PNG)', () => {
  it('renders the mid-term report and the municipal summary as A4 pages with CJK fonts and page numbers', () => {
    const out = mkdtempSync(join(tmpdir(), 'kechuang-visual-'));
    const run = spawnSync('bash', ['scripts/check-report-visual.sh', out], { encoding: 'utf8', timeout: 240_000 });
    expect(run.stderr + run.stdout).toContain('✔ midterm');
    expect(run.stdout).toContain('✔ summary');
    expect(run.status).toBe(0);
    const pages = readdirSync(out).filter((f) => /^midterm-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThan(5);
    expect(existsSync(join(out, 'midterm.pdf'))).toBe(true);
  }, 300_000);
});
