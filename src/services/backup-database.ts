// Backup and restore of the embedded PGlite database: a gzip tarball of the whole data directory (PGlite's
// dumpDataDir / loadDataDir). PostgreSQL deployments use pg_dump / pg_restore instead (see pgBackupGuidance).
// A restore never overwrites data in place: it builds the new directory beside the old one, checks it opens, and
// only then swaps — with --force the old directory is kept as <dir>.before-restore-<time>, never deleted.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE, lockDataDir } from '../db/data-dir-lock.ts';
import { ValidationError } from './errors.ts';

export class BackupError extends ValidationError {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function isPgliteDir(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

export interface BackupResult {
  file: string;
  bytes: number;
}

export async function backupDatabase(dataDir: string, file: string): Promise<BackupResult> {
  const source = resolve(dataDir);
  if (!isPgliteDir(source)) throw new BackupError(`不是 PGlite 数据目录：${source} / not a PGlite data directory`);
  // A running server (or another command) holds the directory: refused, naming it (DataDirInUseError).
  const lock = lockDataDir(source, 'kechuang backup');
  const target = resolve(file);
  const client = new PGlite(source);
  try {
    await client.waitReady;
    const dump = await client.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    // Write beside the target and rename: a crash mid-write never leaves a truncated backup under the final name.
    const partial = `${target}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, target);
    return { file: target, bytes: bytes.length };
  } finally {
    await client.close();
    lock.release();
  }
}

export interface RestoreResult {
  dataDir: string;
  /** Where the replaced data went (only with force onto a non-empty directory). */
  previousDataDir: string | null;
}

export async function restoreDatabase(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`备份文件不存在：${source} / backup file not found`);
  const target = resolve(dataDir);
  const occupied = existsSync(target) && readdirSync(target).length > 0;
  if (occupied && !options.force) {
    throw new BackupError(`数据目录非空：${target}。恢复会替换现有数据，确认请加 --force / data directory not empty, pass --force to replace it`);
  }
  // Refused while a server or another command holds the directory; held by us until it is swapped out.
  const lock = occupied ? lockDataDir(target, 'kechuang restore') : null;

  const staging = join(dirname(target), `.${basename(target)}.restoring-${Date.now()}`);
  const bytes = await readFile(source);
  let client: PGlite | null = null;
  try {
    client = new PGlite(staging, { loadDataDir: new Blob([bytes]) });
    await client.waitReady;
    // A tarball that is not a database fails here, before anything existing is touched.
    await client.query('select count(*) from pg_catalog.pg_tables');
    await client.close();
    client = null;
    // The tarball holds the directory as the backup saw it, lock file included (the backup held it).
    await rm(join(staging, LOCK_FILE), { force: true });
  } catch (error) {
    if (client) await client.close().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    lock?.release();
    throw new BackupError(`备份文件无法恢复（文件损坏或不是 kechuang 备份）：${(error as Error).message} / not a usable backup`);
  }

  let previousDataDir: string | null = null;
  if (existsSync(target)) {
    if (occupied) {
      previousDataDir = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(target, previousDataDir);
      // Our lock went along with the old data; the kept copy must not look held.
      await rm(join(previousDataDir, LOCK_FILE), { force: true });
    } else {
      await rm(target, { recursive: true, force: true });
    }
  }
  await rename(staging, target);
  return { dataDir: target, previousDataDir };
}

/** What to tell an operator whose database is PostgreSQL. */
export function pgBackupGuidance(safeUrl: string): string {
  return [
    `当前使用 PostgreSQL（${safeUrl}），请用 PostgreSQL 自带工具备份与恢复 / PostgreSQL in use: use pg_dump / pg_restore`,
    '  备份 / backup:   pg_dump --format=custom --file=kechuang.dump "$DATABASE_URL"',
    '  恢复 / restore:  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" kechuang.dump',
    '  （审计日志表有禁止修改/删除的触发器；恢复到新建的空库最稳妥 / restore into a fresh, empty database）',
  ].join('\n');
}
