// Backup and restore of the embedded PGlite database round-trip the data. (PGlite only by nature: this file never
// uses DATABASE_URL; with PostgreSQL the CLI points to pg_dump / pg_restore, checked at the end.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { DataDirInUseError, LOCK_FILE } from '../../src/db/data-dir-lock.ts';
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

/** A pid no process has: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 2 ** 22 + 1;
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

  it('refuses to back up or restore over a data directory a live process holds; a dead holder’s lock is taken over', async () => {
    const handle = await openDatabase({ dataDir: original, purpose: 'kechuang 服务 / server' });
    try {
      await expect(backupDatabase(original, join(work, 'live.tar.gz'))).rejects.toThrow(DataDirInUseError);
      await expect(backupDatabase(original, join(work, 'live.tar.gz'))).rejects.toThrow(/正被进程 \d+（kechuang 服务/);
      await expect(restoreDatabase(backupFile, original, { force: true })).rejects.toThrow(DataDirInUseError);
      // A second open in this process too: two PostgreSQL instances on one directory corrupt it.
      await expect(openDatabase({ dataDir: original })).rejects.toThrow(DataDirInUseError);
    } finally {
      await handle.close();
    }
    expect(existsSync(join(original, LOCK_FILE))).toBe(false);
    // A lock left by a process that died (kill -9): nobody holds the directory, the next open takes it over.
    writeFileSync(join(original, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), purpose: 'server', since: '2026-01-01' }));
    const after = await openDatabase({ dataDir: original });
    await after.close();
    // The backup made while holding the lock restores without it.
    const restored = join(work, 'restored');
    expect(existsSync(join(restored, LOCK_FILE))).toBe(false);
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
