// 十四五 → 十五五 in a real browser (the bureau's situation in 2026): 奉节 has imported its 十五五 plan beside the
// 十四五 one. The county opens the new plan on its first year (not on 2030, and not on a year the plan does not
// cover when the 十四五 plan's 2025 was remembered); the 十四五 plan still opens on 2025. The municipal bureau's 全市对比
// for 2025 judges 奉节 on its 十四五 plan. Dates are the real clock: the expectations are worked out from it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataYear } from '../../src/domain/plan/plan-for-year.ts';
import { listPlans } from '../../src/repositories/plans.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { fengjieFifteenthPlan } from '../support/fifteenth-plan.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, newPage, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
if (blocker) console.warn(`浏览器测试跳过 / browser tests skipped: ${blocker}`);

const FIFTEENTH = { periodStart: 2026, periodEnd: 2030 };
const FOURTEENTH = { periodStart: 2021, periodEnd: 2025 };

describe.skipIf(blocker !== null)('十四五 and 十五五 plans side by side in Chromium', { timeout: 120_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let fourteenthId = '';
  let fifteenthId = '';

  beforeAll(async () => {
    running = await startApp();
    const fengjie = (await listPlans(running.db.db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县');
    if (!fengjie) throw new Error('奉节 seed plan missing');
    fourteenthId = fengjie.id;
    const imported = await importPlan(running.db.db, { ...fengjieFifteenthPlan(), actor: 'test:browser' });
    if (imported.status !== 'imported') throw new Error('十五五 plan not imported');
    fifteenthId = imported.planId;
    await createTestUser(running.db.db, { role: 'county_admin', username: 'fj-transition', county: '奉节县' });
    await createTestUser(running.db.db, { role: 'municipal', username: 'city-transition' });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser, { width: 1440, height: 900 }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const periodPicker = () => page.getByLabel('选择期间');

  it('each plan opens on a year it covers; switching plans does not carry a year across', async () => {
    await logIn(page, running.baseUrl, 'fj-transition', running.password);
    const now = new Date();
    const fourteenthYear = defaultDataYear(FOURTEENTH, now);
    const fifteenthYear = defaultDataYear(FIFTEENTH, now);

    await page.goto(`${running.baseUrl}/dashboard?plan=${fourteenthId}`);
    // The page title's subtitle names the period the whole page is judged on.
    await page.getByText(`${fourteenthYear}年 监测情况`).waitFor();

    // The 十四五 year (e.g. 2025) stays in the address; the 十五五 plan does not cover it and opens on its own year.
    await page.goto(`${running.baseUrl}/dashboard?plan=${fifteenthId}&period=${fourteenthYear}`);
    await page.getByText('奉节县科技创新“十五五”规划', { exact: false }).first().waitFor();
    await page.getByText(`${fifteenthYear}年 监测情况`).waitFor();
    await expect(page.getByText(`${fourteenthYear}年 监测情况`).count()).resolves.toBe(0);
    await periodPicker().click();
    const options = await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').allTextContents();
    expect(options).toEqual(['2026年', '2027年', '2028年', '2029年', '2030年']);
    await page.keyboard.press('Escape');
    await screenshot(page, 'plan-transition-15th-dashboard');
    expect(errors).toEqual([]);
  });

  it('全市对比 for the 十四五 years judges 奉节 on its 十四五 plan', async () => {
    await page.context().clearCookies();
    await logIn(page, running.baseUrl, 'city-transition', running.password);
    await page.goto(`${running.baseUrl}/municipal?period=2025`);
    const table = page.getByTestId('municipal-page');
    await table.getByText('奉节县').first().waitFor();
    // Each county's column names the plan it was judged on.
    const compared = await page.evaluate(async () => {
      const response = await fetch('/api/monitoring/comparison?period=2025');
      return (await response.json()) as { counties: { countyName: string; planId: string }[] };
    });
    expect(compared.counties.find((c) => c.countyName === '奉节县')?.planId).toBe(fourteenthId);
    await screenshot(page, 'plan-transition-municipal-2025');
    expect(errors).toEqual([]);
  });
});
