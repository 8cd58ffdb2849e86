// 区县归属 in a real browser: the 市科技局 opens the drawer on 全市对比, sets 重庆市 on both seed counties (a name too
// long is named on its field; a save racing another editor shows the 409 and the county as it is now), and the batch
// report generator then offers — and picks — 重庆市.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCountyRecords } from '../../src/repositories/counties.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { assignCountyMunicipality } from '../../src/services/assign-county-municipality.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, newPage, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
if (blocker) console.warn(`浏览器测试跳过 / browser tests skipped: ${blocker}`);

describe.skipIf(blocker !== null)('区县归属 in Chromium', { timeout: 120_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    running = await startApp();
    await createTestUser(running.db.db, { role: 'municipal', username: 'city' });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser, { width: 1440, height: 900 }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const row = (county: string) => page.getByTestId(`county-row-${county}`);
  const input = (county: string) => page.getByLabel(`${county}所属地市`);

  async function saveRow(county: string, value: string) {
    await input(county).fill(value);
    await row(county).getByRole('button', { name: '保存' }).click();
  }

  it('sets 重庆市 on both counties, and the batch generator offers it', async () => {
    await logIn(page, running.baseUrl, 'city', running.password);
    await page.goto(`${running.baseUrl}/municipal?period=2025`);
    await page.getByTestId('municipal-table').waitFor();
    // Nothing assigned yet: the batch covers every county.
    await expect(page.getByTestId('report-municipality').textContent()).resolves.toBe('全部区县');

    await page.getByRole('button', { name: '区县归属' }).click();
    await row('奉节县').waitFor();
    await row('石柱县').waitFor();

    // Too long: named on the field, nothing sent.
    await saveRow('奉节县', '市'.repeat(41));
    await row('奉节县').getByText('所属地市最多 40 个字').waitFor();

    await saveRow('奉节县', ' 重庆市 ');
    await page.getByText('已保存：奉节县属于重庆市').waitFor();
    await expect(input('奉节县').inputValue()).resolves.toBe('重庆市');

    // Someone else assigns 石柱县 while the drawer is open: the browser's save is refused (409) and shows the county
    // as it is now; saving again (against the new version) goes through.
    const shizhu = (await listCountyRecords(running.db.db, ALL_COUNTIES)).find((c) => c.name === '石柱县');
    if (!shizhu) throw new Error('石柱县 missing');
    await assignCountyMunicipality(running.db.db, operatorAccess('cli:other'), { countyId: shizhu.id, version: shizhu.version, municipality: '万州区' });
    await saveRow('石柱县', '重庆市');
    await row('石柱县').getByTestId('save-error').getByText('此记录已被他人修改').waitFor();
    await expect(input('石柱县').inputValue()).resolves.toBe('万州区');
    await screenshot(page, 'county-municipalities-conflict');
    await saveRow('石柱县', '重庆市');
    await page.getByText('已保存：石柱县属于重庆市').waitFor();
    await expect(row('石柱县').getByTestId('save-error').count()).resolves.toBe(0);
    // The success toasts sit over the drawer's title for 3 s: the picture is taken once they are gone.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'county-municipalities');

    await page.locator('.ant-drawer-close').click();
    await row('奉节县').waitFor({ state: 'detached' });
    // Exactly one 地市 assigned: the generator picks it, and offers 全部区县 beside it.
    await page.getByTestId('report-municipality').getByText('重庆市').waitFor();
    await page.getByTestId('report-municipality').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toEqual(['全部区县', '重庆市']);
    await screenshot(page, 'county-municipalities-generator');
    await page.keyboard.press('Escape');

    const stored = await listCountyRecords(running.db.db, ALL_COUNTIES);
    expect(new Map(stored.map((c) => [c.name, c.municipality]))).toEqual(new Map([['奉节县', '重庆市'], ['石柱县', '重庆市']]));
    expect(errors).toEqual([]);
  });
});
