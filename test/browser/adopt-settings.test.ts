// 沿用上一规划设置 in a real browser: 奉节 has its 十四五 plan set up (the sample's settings, two register bindings) and
// imports its 十五五 plan. On the new plan's 规划 page the county admin opens the preview (pairs, what is adopted, why
// a row is not), confirms, and sees the success; the button then goes away. Not offered on the 十四五 plan, nor to
// county staff (who may not configure indicators).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMonitoredIndicators } from '../../src/repositories/indicator-settings.ts';
import { listPlans } from '../../src/repositories/plans.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { bindIndicator } from '../../src/services/registers/bind-indicator.ts';
import { ADOPT_PLAN_INDICATORS as N, fengjieFifteenthPlanForAdoption } from '../support/adopt-settings-plan.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, logOut, newPage, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
if (blocker) console.warn(`浏览器测试跳过 / browser tests skipped: ${blocker}`);

describe.skipIf(blocker !== null)('沿用上一规划设置 in Chromium', { timeout: 120_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let fourteenthId = '';
  let fifteenthId = '';

  beforeAll(async () => {
    running = await startApp();
    const db = running.db.db;
    const fengjie = (await listPlans(db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县');
    if (!fengjie) throw new Error('奉节 seed plan missing');
    fourteenthId = fengjie.id;
    const old = await listMonitoredIndicators(db, ALL_COUNTIES, { planId: fourteenthId });
    const idOf = (name: string) => old.find((i) => i.row.name === name)?.id ?? '';
    // Two bindings: 高新技术企业 (家 again in the new plan) comes along, 技术合同成交额 (万元 → 亿元) does not.
    await bindIndicator(db, operatorAccess('test:browser'), { indicatorId: idOf('高新技术企业'), rule: 'hnte-valid-at-year-end', params: {}, version: 0 });
    await bindIndicator(db, operatorAccess('test:browser'), { indicatorId: idOf(N.contracts), rule: 'tech-contract-amount', params: { side: 'seller' }, version: 0 });
    const imported = await importPlan(db, { ...fengjieFifteenthPlanForAdoption(), actor: 'test:browser' });
    if (imported.status !== 'imported') throw new Error('十五五 plan not imported');
    fifteenthId = imported.planId;
    await createTestUser(db, { role: 'county_admin', username: 'fj-adopt', county: '奉节县' });
    await createTestUser(db, { role: 'county_staff', username: 'fj-adopt-staff', county: '奉节县' });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser, { width: 1440, height: 900 }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Opens a plan's page and waits until its adoption preview has answered (the button depends on it). */
  async function openPlan(planId: string, previewExpected: boolean) {
    const answered = previewExpected ? page.waitForResponse((r) => r.url().endsWith(`/plans/${planId}/adopt-settings`)) : null;
    await page.goto(`${running.baseUrl}/plan?plan=${planId}`);
    await page.getByTestId('plan-indicators').waitFor();
    await answered;
  }

  it('previews the adoption: pairs, what is adopted, why a row is not', async () => {
    await logIn(page, running.baseUrl, 'fj-adopt', running.password);
    await openPlan(fifteenthId, true);
    await page.getByTestId('adopt-settings-open').click();
    const modal = page.getByTestId('adopt-settings-modal');
    await expect(modal.getByTestId('adopt-settings-summary').textContent()).resolves.toBe('将从《奉节县科技创新“十四五”规划（2021—2025年）》沿用：指标设置 5 项、登记系统绑定 1 项；未沿用 1 项');
    const table = modal.getByTestId('adopt-settings-table');
    const row = (name: string) => table.locator('tr', { hasText: name }).first();
    // 每万人… pairs with the 十四五 万人…; the sample's unit and frequency come along.
    await expect(row(N.patents).textContent()).resolves.toContain('万人有效发明专利拥有量（件/万人）');
    await expect(row(N.patents).textContent()).resolves.toContain('责任单位 市场监管局');
    await expect(row(N.hnte).textContent()).resolves.toContain('登记系统：年末有效高新技术企业数');
    await expect(row(N.contracts).textContent()).resolves.toContain('计量单位不同（上一规划：万元，本规划：亿元）');
    await expect(row(N.digital).textContent()).resolves.toContain('上一规划无同名指标');
    await expect(row(N.digital).textContent()).resolves.toContain('不沿用');
    await screenshot(page, 'adopt-settings-preview');
    expect(errors).toEqual([]);
  });

  it('确认沿用 writes and reports the counts; the button then goes away', async () => {
    const answered = page.waitForResponse((r) => r.url().endsWith(`/plans/${fifteenthId}/adopt-settings`) && r.request().postData()?.includes('true') === true);
    await page.getByTestId('adopt-settings-confirm').click();
    await answered;
    await page.getByText('已沿用上一规划设置：指标设置 5 项、登记系统绑定 1 项').waitFor();
    await screenshot(page, 'adopt-settings-done');
    await page.getByTestId('adopt-settings-open').waitFor({ state: 'detached' });
    const indicators = await listMonitoredIndicators(running.db.db, ALL_COUNTIES, { planId: fifteenthId });
    expect(indicators.filter((i) => i.setting.version > 0)).toHaveLength(5);
    expect(errors).toEqual([]);
  });

  it('not offered on the 十四五 plan, nor to county staff', async () => {
    await openPlan(fourteenthId, true);
    await expect(page.getByTestId('adopt-settings-open').count()).resolves.toBe(0);
    await logOut(page);
    await logIn(page, running.baseUrl, 'fj-adopt-staff', running.password);
    await openPlan(fifteenthId, false);
    await page.getByText(N.digital).first().waitFor();
    await expect(page.getByTestId('adopt-settings-open').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
