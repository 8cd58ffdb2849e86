// Starts kechuang: opens the database (PGlite in ./data unless DATABASE_URL is set), applies migrations, imports the
// seed plans on first start, and listens. Everything else lives in the app plugin (src/http/app.ts).
import { openDatabase } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { ensureFirstAdmin } from './services/auth/ensure-admin.ts';
import { authOptionsFromEnv } from './services/auth/options.ts';
import { purgeExpiredSessions } from './services/auth/purge-expired-sessions.ts';
import { importSeedPlansOnFirstStart } from './services/import-seed-plans.ts';
import { operatorAccess } from './services/auth/access.ts';
import { loadSampleData } from './services/monitoring/load-sample-data.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const database = await openDatabase({ url: process.env.DATABASE_URL });
const imported = await importSeedPlansOnFirstStart(database.db);
for (const result of imported) {
  console.log(`已导入规划：${result.title}（${result.countyName}，指标 ${result.counts.indicators} 项，项目 ${result.counts.projects} 个）`);
}
// Right after the seed plans, the labelled 示例数据 so every screen has something to show (`kechuang sample remove`).
if (imported.length > 0 && process.env.KECHUANG_NO_SAMPLE === undefined) {
  const sample = await loadSampleData(database.db, operatorAccess('system:first-start'));
  for (const county of sample.counties) console.log(`已载入示例数据：${county.countyName}（数值 ${county.values} 条，可用 npx kechuang sample remove 删除）`);
}
// First start: the platform operator's account, with a random password printed here once (never a fixed default).
const firstAdmin = await ensureFirstAdmin(database.db);
if (firstAdmin) {
  console.log('────────────────────────────────────────────────────────');
  console.log(`已创建管理员账户：${firstAdmin.username}（市科技局 / 平台管理员）`);
  console.log(`一次性密码：${firstAdmin.oneTimePassword}`);
  console.log('此密码只显示这一次，首次登录后须修改。遗失可用 `npx kechuang user reset-password admin` 重置。');
  console.log('────────────────────────────────────────────────────────');
}
await purgeExpiredSessions(database.db);
setInterval(() => void purgeExpiredSessions(database.db).catch(() => undefined), 3_600_000).unref();
// TRUST_PROXY=1 (or the proxy's address) behind nginx, so audit rows and the login rate limit see the client address.
const trustProxy = process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true' ? true : process.env.TRUST_PROXY || false;
const app = await buildApp({ database, logger: process.env.LOG_LEVEL !== undefined, auth: authOptionsFromEnv(), trustProxy });
await app.listen({ port, host });
console.log(`科创规划监测与服务平台已启动：http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
console.log(`数据库：${database.kind === 'pglite' ? `PGlite（${database.location}）` : database.location}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}
