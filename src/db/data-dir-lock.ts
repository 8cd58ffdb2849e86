// One process at a time in a PGlite data directory. PGlite is PostgreSQL compiled to WebAssembly inside this
// process: it takes no lock a second process would see (its postmaster.pid holds a fixed fake pid), so a CLI command
// run beside the live server would open the same files with a second, unaware PostgreSQL and corrupt them.
// The lock is a file naming the holder's pid; a holder that died (crash, kill -9) is noticed by its pid being gone
// and its lock taken over, so a crash never leaves the data unusable.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'kechuang.lock';

export interface DataDirHolder {
  pid: number;
  host: string;
  /** What the holder is: `server`, or the CLI command. */
  purpose: string;
  since: string;
}

/** Refusal to open a data directory another live process holds (409, so the CLI prints one line and exits 1). */
export class DataDirInUseError extends Error {
  readonly statusCode = 409;
  readonly code = 'data-dir-in-use';
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.purpose}，${holder.since} 起）使用：请先停止该进程，` +
        `或在服务运行时通过网页操作 / data directory in use by process ${holder.pid} (${holder.purpose}): stop it first`,
    );
    this.name = 'DataDirInUseError';
  }
}

function readHolder(path: string): DataDirHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DataDirHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), purpose: String(parsed.purpose ?? ''), since: String(parsed.since ?? '') };
  } catch {
    // Missing, or half-written by a holder that died mid-write: nobody holds it.
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The live process holding `dataDir`, or null. A lock written on another host (a data directory on a network
 * share) cannot be checked from here and counts as held.
 */
export function dataDirHolder(dataDir: string): DataDirHolder | null {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  if (holder === null) return null;
  if (holder.host !== hostname()) return holder;
  return alive(holder.pid) ? holder : null;
}

export interface DataDirLock {
  release(): void;
}

/** Takes the data directory for this process, or throws DataDirInUseError naming the live holder. */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const mine: DataDirHolder = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      // 'wx': created only if absent — of two processes starting at once, exactly one gets it.
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = dataDirHolder(dataDir);
      if (holder !== null) throw new DataDirInUseError(dataDir, holder);
      // The holder died: remove its lock and try once more (another process may win that race; then we refuse).
      try {
        unlinkSync(path);
      } catch {
        // Someone else removed it first.
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(mine));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        // Only our own lock: never remove one a later holder took over.
        if (readHolder(path)?.pid === process.pid) {
          try {
            unlinkSync(path);
          } catch {
            // Already gone.
          }
        }
      },
    };
  }
  const holder = dataDirHolder(dataDir);
  throw new DataDirInUseError(dataDir, holder ?? mine);
}
