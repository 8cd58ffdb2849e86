// A fresh, migrated database for one test file: in-memory PGlite by default, or — when DATABASE_URL is set (the
// PostgreSQL leg in CI) — a new PostgreSQL database created for this file and dropped afterwards, so runs and files
// never see each other's data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and drops the per-file PostgreSQL database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase({ dataDir: 'memory' });
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `kechuang_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await dropWhenClosed(adminUrl, name);
    },
  };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The pool's connections finish closing a moment after pool.end() resolves. Dropping WITH (FORCE) at once would
 * terminate them mid-goodbye and surface as uncaught errors in the test run, so wait for them (briefly) first.
 */
async function dropWhenClosed(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const open = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if ((open.rows[0] as { n: number }).n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
