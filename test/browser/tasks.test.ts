// 任务, 项目台账, 督办 and 考核 screens in a real browser (Debian Chromium via playwright-core) against the real server
// on in-memory PGlite with the seed plans and sample data. Screenshots land in test-output/screenshots/tasks-*.png.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { listUnits } from '../../src/repositories/units.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { buildProjectLedger } from '../../src/services/build-project-ledger.ts';
import { createTask } from '../../src/services/create-task.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { addMilestone } from '../../src/services/save-milestone.ts';
import { scanSupervision } from '../../src/services/scan-supervision.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, logOut, newPage, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
if (blocker) console.warn(`浏览器测试跳过 / browser tests skipped: ${blocker}`);

/** A date `days` calendar days from today, YYYY-MM-DD (China time). */
function fromToday(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(blocker !== null)('任务、项目台账、督办、考核 in Chromium', { timeout: 90_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    running = await startApp();
    const db = running.db.db;
    await createTestUser(db, { role: 'county_staff', username: 'duban', county: '奉节县' });
    await createTestUser(db, { role: 'unit_reporter', username: 'nongye', county: '奉节县', unit: '县农业农村委' });
    const plan = (await listPlans(db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县');
    if (!plan) throw new Error('奉节 plan missing');
    const agri = (await listUnits(db, countyScope(plan.countyId))).find((u) => u.name === '县农业农村委');
    const operator = operatorAccess('test:browser');
    // Three tasks of 县农业农村委, one per colour, so the screens have something to show.
    const base = { countyId: plan.countyId, planId: plan.id, leadUnitId: agri?.id ?? null, startOn: fromToday(-200) };
    await createTask(db, operator, { ...base, title: '高山蔬菜良种繁育基地建设', deadline: fromToday(-3) });
    const yellow = await createTask(db, operator, { ...base, title: '脐橙数字果园建设', deadline: fromToday(200) });
    await addMilestone(db, operator, { taskId: yellow.id, name: '完成果园物联网布设', dueOn: fromToday(-2) });
    await createTask(db, operator, { ...base, title: '农业科技特派员服务站建设', deadline: fromToday(2) });
    await buildProjectLedger(db, operator, plan.id);
    await scanSupervision(db, operator, { countyId: plan.countyId });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('任务: the bureau proposes candidates from the plan and merges two into one task', async () => {
    await logIn(page, running.baseUrl, 'duban', running.password);
    await page.goto(`${running.baseUrl}/tasks`);
    await page.getByTestId('tasks-table').waitFor();
    await page.getByTestId('tasks-table').getByText('高山蔬菜良种繁育基地建设').waitFor({ state: 'visible' });
    await expect(page.getByTestId('tasks-table').locator('[data-colour="red"]').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'tasks-01-list');
    await page.getByRole('tab', { name: '候选任务' }).click();
    await page.getByTestId('propose-candidates').click();
    await page.getByTestId('candidates-table').waitFor();
    await page.getByText(/已提出候选任务 111 项/).waitFor({ state: 'visible' });
    await screenshot(page, 'tasks-02-candidates');
    const checkboxes = page.getByTestId('candidates-table').locator('tbody .ant-checkbox-input');
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await page.getByTestId('accept-candidates').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('任务名称').fill('深化国家创新型县建设（合并）');
    await dialog.getByRole('button', { name: '保存任务' }).click();
    await page.getByText('已建立任务“深化国家创新型县建设（合并）”').waitFor();
    await page.getByRole('tab', { name: '任务清单' }).click();
    await page.getByTestId('tasks-table').getByText('深化国家创新型县建设（合并）').click();
    await page.getByTestId('task-detail-page').waitFor();
    // The detail page shows its frame before the task has loaded: wait for the outline place itself.
    await page.getByText('第三章 深化国家创新型县建设').first().waitFor({ state: 'visible' });
    await screenshot(page, 'tasks-03-detail', true);
  });

  it('项目台账: the ledger with totals by category, unit and year', async () => {
    await page.goto(`${running.baseUrl}/ledger`);
    await page.getByTestId('ledger-table').waitFor();
    const rows = await page.getByTestId('ledger-table').locator('tbody tr.ant-table-row').count();
    expect(rows).toBe(9);
    await page.getByText('按牵头单位').waitFor({ state: 'visible' });
    await screenshot(page, 'tasks-04-ledger', true);
  });

  it('督办: colours counted, orders listed; the unit signs and replies, the bureau closes', async () => {
    await page.goto(`${running.baseUrl}/supervision`);
    await page.getByTestId('orders-table').waitFor();
    await screenshot(page, 'tasks-05-supervision-bureau');
    await logOut(page);
    await logIn(page, running.baseUrl, 'nongye', running.password);
    await page.goto(`${running.baseUrl}/supervision`);
    const table = page.getByTestId('orders-table');
    await table.waitFor();
    // The unit was told: its notices list 督办 (the scan issued several at once; which come first is not fixed).
    await page.getByTestId('notifications').getByText(/色督办：/).first().waitFor({ state: 'visible' });
    const redRow = table.locator('tbody tr', { hasText: '高山蔬菜良种繁育基地建设' });
    await redRow.getByRole('button', { name: '签收' }).click();
    await page.getByText('已签收').first().waitFor();
    await redRow.getByRole('button', { name: '反馈' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('种苗已到位，月底前完成基地建设。');
    await dialog.getByRole('button', { name: '反馈' }).click();
    await page.getByText('已反馈').first().waitFor();
    await screenshot(page, 'tasks-06-supervision-unit');
    await logOut(page);
    await logIn(page, running.baseUrl, 'duban', running.password);
    await page.goto(`${running.baseUrl}/supervision`);
    await page.getByTestId('orders-table').locator('tbody tr', { hasText: '高山蔬菜良种繁育基地建设' }).getByRole('button', { name: '办结' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '办结' }).click();
    await page.getByText('已办结').first().waitFor();
  });

  it('考核: the ranking of departments and towns with the export button', async () => {
    await page.goto(`${running.baseUrl}/assessment`);
    await page.getByTestId('assessment-table').waitFor();
    await page.getByTestId('assessment-table').getByText('县农业农村委').waitFor({ state: 'visible' });
    const download = page.waitForEvent('download');
    await page.getByTestId('assessment-export').click();
    expect((await download).suggestedFilename()).toMatch(/^考核排名-奉节县-\d{4}\.xlsx$/);
    await screenshot(page, 'tasks-07-assessment');
  });

  it('saw no script errors and no server errors', () => {
    expect(errors).toEqual([]);
  });
});
