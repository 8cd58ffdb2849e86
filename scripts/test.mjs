#!/usr/bin/env node
// `npm test`: type-check (server and web/), build the web app, then every test tier on embedded PGlite (the browser
// tests included); when DATABASE_URL is set (CI's PostgreSQL leg), the database-backed suites (services, HTTP, CLI)
// run a second time against PostgreSQL.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, TZ: 'Asia/Shanghai' };
const pgUrl = env.DATABASE_URL;
delete env.DATABASE_URL;

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)];
run('类型检查 typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
run('网页类型检查 typecheck web/', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'web', '--noEmit']);
// The browser tests (test/browser) drive the built app: build it from the current sources first.
run('构建网页 build web/', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
run('全部测试（PGlite）/ all tests on PGlite', process.execPath, vitest);
if (pgUrl) {
  run('服务与接口测试（PostgreSQL）/ services + HTTP on PostgreSQL', process.execPath, [...vitest, 'test/services', 'test/http'], {
    DATABASE_URL: pgUrl,
  });
} else {
  console.log('\n（未设置 DATABASE_URL，跳过 PostgreSQL 测试 / DATABASE_URL not set: PostgreSQL leg skipped）');
}
