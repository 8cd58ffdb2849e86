// 任务, 项目台账, 督办 and 考核 screens in a real browser (Debian Chromium via playwright-core) against the real server
// on in-memory PGlite with the seed plans and sample data. Screenshots land in test-output/screenshots/tasks-*.png.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../src/db/schema/index.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { listUnits } from '../../src/repositories/units.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { buildProjectLedger } from '../../src/services/build-project-ledger.ts';
import { createTask } from '../../src/services/create-task.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { addMilestone } from '../../src/services/save-milestone.ts';
import { saveTaskReport } from '../../src/services/save-task-report.ts';
import { submitTaskReport } from '../../src/services/submit-task-report.ts';
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
    // A task of last year (the year 考核 shows first), done on 12-20: its Q1 report handed in on time, Q2 late, Q3
    // never — so the 考核 table has 迟报 and 未报 to tell apart.
    const lastYear = new Date().getFullYear() - 1;
    const past = await createTask(db, operator, { ...base, title: '柑橘病虫害绿色防控示范', startOn: `${lastYear}-01-01`, deadline: `${lastYear}-12-31` });
    await db.update(tasks).set({ createdAt: new Date(`${lastYear}-01-02T12:00:00+08:00`), state: 'done', doneOn: `${lastYear}-12-20` }).where(eq(tasks.id, past.id));
    for (const [period, day] of [
      [`${lastYear}Q1`, `${lastYear}-04-01`],
      [`${lastYear}Q2`, `${lastYear}-08-15`],
    ] as const) {
      const saved = await saveTaskReport(db, operator, { taskId: past.id, unitId: agri?.id, period, text: '防控示范进展', percentDone: 50 });
      await submitTaskReport(db, operator, saved.id, saved.version, new Date(`${day}T12:00:00+08:00`));
    }
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

  it('考核: the ranking of departments and towns with 按时 / 迟报 / 未报, the late and missing reports, and the export', async () => {
    await page.goto(`${running.baseUrl}/assessment`);
    await page.getByTestId('assessment-table').waitFor();
    const agriRow = page.getByTestId('assessment-table').locator('tbody tr', { hasText: '县农业农村委' });
    await agriRow.waitFor({ state: 'visible' });
    await page.getByRole('columnheader', { name: '报送：按时 / 迟报 / 未报' }).waitFor({ state: 'visible' });
    const breakdown = agriRow.getByTestId('report-breakdown');
    await breakdown.waitFor({ state: 'visible' });
    // Whatever else the unit owed, the task above adds one of each: at least one 迟报 and one 未报.
    const text = (await breakdown.textContent()) ?? '';
    const [onTime, late, missing] = [/按时 (\d+)/, /迟报 (\d+)/, /未报 (\d+)/].map((re) => Number(re.exec(text)?.[1] ?? -1));
    expect(onTime).toBeGreaterThanOrEqual(1);
    expect(late).toBeGreaterThanOrEqual(1);
    expect(missing).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'tasks-07-assessment');
    await breakdown.getByRole('button', { name: '明细' }).click();
    const drawer = page.getByTestId('overdue-reports');
    await drawer.waitFor({ state: 'visible' });
    const lastYear = new Date().getFullYear() - 1;
    const lateLine = drawer.locator('tbody tr', { hasText: `${lastYear}年第二季度` }).filter({ hasText: '柑橘病虫害绿色防控示范' });
    await lateLine.getByText(/迟 \d+ 天/).waitFor({ state: 'visible' });
    const missingLine = drawer.locator('tbody tr', { hasText: `${lastYear}年第三季度` }).filter({ hasText: '柑橘病虫害绿色防控示范' });
    await missingLine.getByText('未报').waitFor({ state: 'visible' });
    expect(await drawer.locator('tbody tr', { hasText: `${lastYear}年第一季度` }).filter({ hasText: '柑橘病虫害绿色防控示范' }).count()).toBe(0);
    await screenshot(page, 'tasks-08-assessment-overdue');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    const download = page.waitForEvent('download');
    await page.getByTestId('assessment-export').click();
    expect((await download).suggestedFilename()).toMatch(/^考核排名-奉节县-\d{4}\.xlsx$/);
  });

  it('考核设置: the bureau switches task reports to 月报 and the page says so', async () => {
    await page.getByRole('button', { name: '考核设置' }).click();
    const dialog = page.getByRole('dialog', { name: '考核设置' });
    await dialog.getByText('任务进展报送频次').waitFor({ state: 'visible' });
    await dialog.getByLabel('任务进展报送频次').click();
    await page.locator('.ant-select-item-option', { hasText: '月报' }).click();
    await screenshot(page, 'tasks-09-assessment-settings');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('考核设置已保存').waitFor();
    await page.getByTestId('assessment-page').getByText('月报').first().waitFor({ state: 'visible' });
    // A task's report form now proposes this month rather than this quarter.
    await page.goto(`${running.baseUrl}/tasks`);
    await page.getByTestId('tasks-table').getByText('脐橙数字果园建设').click();
    const reports = page.getByTestId('task-reports');
    await reports.getByText('期间（月报）').waitFor({ state: 'visible' });
    const now = new Date(Date.now() + 8 * 3_600_000);
    await expect(reports.getByLabel('期间（月报）').inputValue()).resolves.toBe(`${now.getUTCFullYear()}M${String(now.getUTCMonth() + 1).padStart(2, '0')}`);
    await screenshot(page, 'tasks-10-task-report-monthly');
  });

  it('saw no script errors and no server errors', () => {
    expect(errors).toEqual([]);
  });
});
