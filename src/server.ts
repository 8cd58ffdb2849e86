// Starts kechuang: opens the database (PGlite in ./data unless DATABASE_URL is set), applies migrations, imports the
// seed plans on first start, and listens. Everything else lives in the app plugin (src/http/app.ts).
import { openDatabase } from './db/client.ts';
import { buildApp } from './http/app.ts';
import { importSeedPlansOnFirstStart } from './services/import-seed-plans.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const database = await openDatabase({ url: process.env.DATABASE_URL });
const imported = await importSeedPlansOnFirstStart(database.db);
for (const result of imported) {
  console.log(`已导入规划：${result.title}（${result.countyName}，指标 ${result.counts.indicators} 项，项目 ${result.counts.projects} 个）`);
}
const app = await buildApp({ database, logger: process.env.LOG_LEVEL !== undefined });
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
