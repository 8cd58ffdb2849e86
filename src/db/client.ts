// Opens the database: embedded PGlite by default (data under ./data), PostgreSQL when DATABASE_URL is set.
// Both run the same generated migrations, and everything above this file sees one `Database` type.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PgDialect, PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services pass it down so a multi-row write is all-or-nothing. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a repository can run queries on: the database or an open transaction. */
export type Executor = Database | Transaction;

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: a directory for PGlite ('memory' for in-memory), or the URL without password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — when set, PostgreSQL is used. */
  url?: string | undefined;
  /** PGlite data directory; 'memory' for an in-memory database (tests). Default ./data */
  dataDir?: string | undefined;
  /** Who holds a PGlite data directory (`server`, a CLI command), named to whoever is refused it meanwhile. */
  purpose?: string | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const handle = options.url
    ? openPostgres(options.url)
    : await openPglite(options.dataDir ?? defaultDataDir(), options.purpose ?? defaultPurpose());
  try {
    await migrateDatabase(handle);
  } catch (error) {
    // A failed migration must not keep the data directory (or a pool) held by this process.
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

export function defaultDataDir(): string {
  return resolve(process.env.KECHUANG_DATA_DIR ?? 'data');
}

/** The command line, short: what a refused CLI run is told holds the data (`kechuang sample load`, `server.ts`). */
function defaultPurpose(): string {
  return process.argv.slice(1, 4).map((part) => basename(part)).join(' ');
}

async function openPglite(dataDir: string, purpose: string): Promise<DatabaseHandle> {
  if (dataDir === 'memory') {
    const client = new PGlite();
    await client.waitReady;
    return { db: drizzlePglite({ client, schema }) as unknown as Database, kind: 'pglite', location: 'memory', close: () => client.close() };
  }
  mkdirSync(dataDir, { recursive: true });
  // One process at a time (see data-dir-lock.ts): refused here, before PGlite touches a file.
  const lock = lockDataDir(dataDir, purpose);
  const client = new PGlite(dataDir);
  try {
    await client.waitReady;
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    kind: 'pglite',
    location: dataDir,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock.release();
      }
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection can be closed by the server (restart, failover, a database dropped WITH (FORCE)).
  // Unhandled, that 'error' event would crash the process; the pool replaces the client on the next checkout.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.warn(`PostgreSQL 空闲连接出错 / idle connection error: ${error.message}`);
  });
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Database;
  const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return { db, kind: 'postgres', location: safeUrl, close: () => pool.end() };
}

async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  // The two migrators take their own driver's database type; the runtime object is the one we built for that kind.
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  } else {
    await migratePostgres(handle.db as unknown as Parameters<typeof migratePostgres>[0], {
      migrationsFolder: MIGRATIONS_FOLDER,
    });
  }
}

/**
 * Independent reads: side by side on the database (on PostgreSQL each takes its own pooled connection), one after
 * another inside a transaction, whose single connection must not be handed a query while it runs another
 * (node-postgres queues it with a deprecation warning today and refuses it from pg@9).
 */
export async function readTogether<T extends unknown[]>(exec: Executor, ...reads: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<T> {
  if (!(exec instanceof PgTransaction)) return Promise.all(reads.map((read) => read())) as Promise<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}

const dialect = new PgDialect();

/**
 * Runs a read-only query and hands each row to `onRow` as it arrives, with `settings` (e.g. planner settings) in
 * force for this statement only. On PostgreSQL the rows stream off the socket on a pooled connection of their own,
 * so the caller can work on the first rows while the server still produces the rest; on PGlite (in-process, one
 * connection) and inside an open transaction they come all at once and are handed over the same way.
 */
export async function streamRows(
  exec: Executor,
  query: SQL,
  settings: readonly SQL[],
  onRow: (row: Record<string, unknown>) => void,
): Promise<void> {
  const pool = (exec as { $client?: unknown }).$client;
  if (!(pool instanceof pg.Pool)) {
    const result = await exec.transaction(async (tx) => {
      for (const setting of settings) await tx.execute(setting);
      return tx.execute(query);
    });
    for (const row of (result as unknown as { rows: Record<string, unknown>[] }).rows) onRow(row);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('begin read only');
    for (const setting of settings) await client.query(dialect.sqlToQuery(setting).sql);
    const { sql: text, params } = dialect.sqlToQuery(query);
    await new Promise<void>((resolve, reject) => {
      // A 'row' listener and no callback: node-postgres hands rows over as parsed instead of collecting them.
      const streamed = new pg.Query(text, params);
      streamed.on('row', (row: Record<string, unknown>) => {
        try {
          onRow(row);
        } catch (error) {
          reject(error);
        }
      });
      streamed.on('error', reject);
      streamed.on('end', () => resolve());
      void client.query(streamed);
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
