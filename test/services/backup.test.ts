// Backup and restore of the embedded PGlite database round-trip the data. (PGlite only by nature: this file never
// uses DATABASE_URL; with PostgreSQL the CLI points to pg_dump / pg_restore, checked at the end.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { BackupError, backupDatabase, restoreDatabase } from '../../src/services/backup-database.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { SEED_DIR } from '../support/seeds.ts';

const work = mkdtempSync(join(tmpdir(), 'kechuang-backup-'));
const original = join(work, 'data');
const backupFile = join(work, 'kechuang-backup.tar.gz');

/** Everything a plan view shows, for both counties, plus the audit log. */
async function snapshot(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    const plans = await listPlans(handle.db, ALL_COUNTIES);
    const details = await Promise.all(plans.map((p) => getPlan(handle.db, ALL_COUNTIES, p.id)));
    const audit = await listAudit(handle.db, ALL_COUNTIES);
    return { plans, details, audit: audit.map((r) => ({ ...r, at: r.at.toISOString() })) };
  } finally {
    await handle.close();
  }
}

let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const handle = await openDatabase({ dataDir: original });
  await importSeedPlansOnFirstStart(handle.db, SEED_DIR);
  await handle.close();
  before = await snapshot(original);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

// Whole-directory tarballs of a file-backed PGlite: slower than the in-memory tests, especially under parallel load.
describe('backup / restore (PGlite)', { timeout: 120_000 }, () => {
  it('round-trips both seed plans and the audit log into a fresh directory', async () => {
    expect(before.plans.map((p) => p.countyName)).toEqual(['奉节县', '石柱县']);
    const result = await backupDatabase(original, backupFile);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    const restored = join(work, 'restored');
    expect(await restoreDatabase(backupFile, restored)).toEqual({ dataDir: restored, previousDataDir: null });
    expect(await snapshot(restored)).toEqual(before);
  });

  it('refuses to restore onto a non-empty data directory unless forced, and keeps the old data when forced', async () => {
    const target = join(work, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'precious.txt'), 'do not lose me');
    await expect(restoreDatabase(backupFile, target)).rejects.toThrow(BackupError);
    expect(readdirSync(target)).toEqual(['precious.txt']);

    const result = await restoreDatabase(backupFile, target, { force: true });
    expect(result.previousDataDir).not.toBeNull();
    expect(readdirSync(result.previousDataDir ?? '')).toEqual(['precious.txt']);
    expect((await snapshot(target)).plans).toEqual(before.plans);
  });

  it('refuses a file that is not a backup, touching nothing', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not a tarball at all');
    const target = join(work, 'from-junk');
    await expect(restoreDatabase(junk, target)).rejects.toThrow(/无法恢复/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).filter((name) => name.includes('restoring'))).toEqual([]);
    await expect(restoreDatabase(join(work, 'missing.tar.gz'), target)).rejects.toThrow(/不存在/);
  });

  it('refuses to back up a database that is open (a running server) unless forced', async () => {
    const handle = await openDatabase({ dataDir: original });
    try {
      await expect(backupDatabase(original, join(work, 'live.tar.gz'))).rejects.toThrow(/正在使用/);
    } finally {
      await handle.close();
    }
    await expect(backupDatabase(join(work, 'nowhere'), join(work, 'x.tar.gz'))).rejects.toThrow(/不是 PGlite 数据目录/);
  });

  it('the CLI points PostgreSQL users to pg_dump / pg_restore and exits 1', () => {
    const root = join(import.meta.dirname, '..', '..');
    for (const command of ['backup', 'restore']) {
      const run = spawnSync(process.execPath, [join(root, 'bin', 'kechuang.js'), command, join(work, 'pg.dump')], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: 'postgres://someone:secret@127.0.0.1:5432/kechuang' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(command === 'backup' ? 'pg_dump' : 'pg_restore');
      expect(run.stderr).not.toContain('secret');
    }
  });
});
