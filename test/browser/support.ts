// Browser-test support: the real server (buildApp on a fresh in-memory PGlite with the seed plans and the 示例数据
// sample) listening on a random port of 127.0.0.1, and Debian's Chromium driven by playwright-core. Screenshots go to
// test-output/screenshots/ (gitignored) so a person can look at every screen after a run.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.ts';
import { webDistDir } from '../../src/http/routes/pages.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { loadSampleData } from '../../src/services/monitoring/load-sample-data.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { createTestUser, TEST_PASSWORD } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');

/** Why the browser suite cannot run here, or null when it can. */
export function browserSuiteBlocker(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`;
  if (!existsSync(join(webDistDir, 'index.html'))) return 'web/dist not built (npm run build:web)';
  return null;
}

export interface RunningApp {
  app: FastifyInstance;
  db: TestDatabase;
  baseUrl: string;
  password: string;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const db = await createTestDatabase();
  await importSeedPlansOnFirstStart(db.db, SEED_DIR);
  await loadSampleData(db.db, operatorAccess('test:browser'));
  const app = await buildApp({ database: db, auth: { loginRateLimitPerMinute: 1000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    password: TEST_PASSWORD,
    close: async () => {
      await app.close();
      await db.dispose();
    },
  };
}

export { createTestUser };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

export async function newPage(browser: Browser, size: { width: number; height: number } = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // reducedMotion: the app then turns antd's animations off (see web/src/main.tsx) — on a loaded CI machine a
  // dialog or a field message still animating was the one source of flaky steps.
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // A step that cannot happen fails in 20 s with the locator named, well inside the test's own timeout (the other
  // test files run beside this one on two cores, so steps get time to spare).
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests are reported below with their URL; the console line does not name it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`http ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return { context, page, errors };
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Sticky header and side menu would be drawn where the page happens to be scrolled.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  const signIn = page.getByRole('button', { name: '登录' });
  // On a loaded machine the dropdown can keep animating long past the click's 'stable' wait (a CI run timed out
  // on it), so the item gets the click event directly once visible; a click lost anyway opens the menu again.
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('user-menu').click();
    const item = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').getByText('退出登录');
    await item.waitFor({ state: 'visible' });
    await item.dispatchEvent('click');
    try {
      await signIn.waitFor({ timeout: 8_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
