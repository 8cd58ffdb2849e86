// Starts kechuang: opens the database (PGlite in ./data unless DATABASE_URL is set), applies migrations, imports the
// seed plans on first start, schedules the daily 督办 scan (on by default) and listens. server.ts calls it with the
// process environment; tests call it with their own database, environment and a fake clock.
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { ensureFirstAdmin } from './services/auth/ensure-admin.ts';
import { authOptionsFromEnv } from './services/auth/options.ts';
import { purgeExpiredSessions } from './services/auth/purge-expired-sessions.ts';
import { importSeedPlansOnFirstStart } from './services/import-seed-plans.ts';
import { operatorAccess } from './services/auth/access.ts';
import { loadSampleData } from './services/monitoring/load-sample-data.ts';
import { chinaDateTime, scanAtFromEnv, type SchedulerClock } from './services/schedule-supervision-scan.ts';

export interface StartServerOptions {
  env: NodeJS.ProcessEnv;
  /** An open database; default opened from the environment (closed again by `close`). */
  database?: DatabaseHandle | undefined;
  /** Listen on PORT/HOST (default true); false for tests that use app.inject. */
  listen?: boolean | undefined;
  /** The daily scan's clock and timers (tests move through days with a fake one). */
  scanClock?: SchedulerClock | undefined;
  print?: ((line: string) => void) | undefined;
  printError?: ((line: string) => void) | undefined;
}

export interface StartedServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<StartedServer> {
  const { env } = options;
  const print = options.print ?? ((line: string) => console.log(line));
  const printError = options.printError ?? ((line: string) => console.error(line));
  // Read before anything is opened: a mistyped KECHUANG_SCAN_AT stops the start with one clear line.
  const scanAt = scanAtFromEnv(env.KECHUANG_SCAN_AT);
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';

  const database = options.database ?? (await openDatabase({ url: env.DATABASE_URL, purpose: 'kechuang 服务 / server' }));
  const imported = await importSeedPlansOnFirstStart(database.db);
  for (const result of imported) {
    print(`已导入规划：${result.title}（${result.countyName}，指标 ${result.counts.indicators} 项，项目 ${result.counts.projects} 个）`);
  }
  // Right after the seed plans, the labelled 示例数据 so every screen has something to show (`kechuang sample remove`).
  if (imported.length > 0 && env.KECHUANG_NO_SAMPLE === undefined) {
    const sample = await loadSampleData(database.db, operatorAccess('system:first-start'));
    for (const county of sample.counties) print(`已载入示例数据：${county.countyName}（数值 ${county.values} 条，可用 npx kechuang sample remove 删除）`);
  }
  // First start: the platform operator's account, with a random password printed here once (never a fixed default).
  const firstAdmin = await ensureFirstAdmin(database.db);
  if (firstAdmin) {
    print('────────────────────────────────────────────────────────');
    print(`已创建管理员账户：${firstAdmin.username}（市科技局 / 平台管理员）`);
    print(`一次性密码：${firstAdmin.oneTimePassword}`);
    print('此密码只显示这一次，首次登录后须修改。遗失可用 `npx kechuang user reset-password admin` 重置。');
    print('────────────────────────────────────────────────────────');
  }
  await purgeExpiredSessions(database.db);
  const purge = setInterval(() => void purgeExpiredSessions(database.db).catch(() => undefined), 3_600_000).unref();
  // TRUST_PROXY=1 (or the proxy's address) behind nginx, so audit rows and the login rate limit see the client address.
  const trustProxy = env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY || false;
  const app = await buildApp({
    database,
    logger: env.LOG_LEVEL !== undefined,
    auth: authOptionsFromEnv(),
    trustProxy,
    // Scan results go to the console like the rest of the start-up lines (the Fastify logger is off by default).
    supervisionScan: scanAt === null ? null : { at: scanAt, clock: options.scanClock, log: { info: print, error: printError } },
  });
  if (options.listen ?? true) {
    await app.listen({ port, host });
    print(`科创规划监测与服务平台已启动：http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
  }
  print(`数据库：${database.kind === 'pglite' ? `PGlite（${database.location}）` : database.location}`);
  const next = app.supervisionScan?.nextRunAt() ?? null;
  print(
    scanAt === null
      ? '每日督办扫描：已关闭（KECHUANG_SCAN_AT=off），请用 cron 运行 npx kechuang supervision scan'
      : `每日督办扫描：每天 ${scanAt}（北京时间），下次 ${next ? chinaDateTime(next) : '—'}`,
  );
  return {
    app,
    database,
    close: async () => {
      clearInterval(purge);
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
