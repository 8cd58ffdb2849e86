// The web app in a real browser (Debian Chromium via playwright-core) against the real server on in-memory PGlite
// with the seed plans. Screenshots of each screen land in test-output/screenshots/ for a person to look at.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_DATA_ROW, TEMPLATE_COLUMNS } from '../../src/domain/reporting/template-sheet.ts';
import { loginAs } from '../support/login.ts';
import {
  browserSuiteBlocker,
  createTestUser,
  launchBrowser,
  logIn,
  logOut,
  newPage,
  SCREENSHOT_DIR,
  screenshot,
  startApp,
  type RunningApp,
} from './support.ts';

const blocker = browserSuiteBlocker();
if (blocker) console.warn(`浏览器测试跳过 / browser tests skipped: ${blocker}`);

describe.skipIf(blocker !== null)('web app in Chromium', { timeout: 90_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    running = await startApp();
    await createTestUser(running.db.db, { role: 'county_admin', username: 'bureau', county: '奉节县' });
    await createTestUser(running.db.db, { role: 'municipal', username: 'city' });
    // The sample data makes 财政局 responsible for 本级财政科学技术支出…比重 and 科技局 for most others.
    await createTestUser(running.db.db, { role: 'unit_reporter', username: 'caizheng', county: '奉节县', unit: '财政局' });
    await createTestUser(running.db.db, { role: 'unit_reporter', username: 'kejiju', county: '奉节县', unit: '科技局' });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Script errors, console errors and 5xx answers seen by the browser. */
  const unexpectedErrors = () => errors;

  it('shows the sign-in page in Chinese and refuses a wrong password with a readable message', async () => {
    await page.goto(`${running.baseUrl}/dashboard`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await screenshot(page, '01-login');
    await page.getByLabel('用户名').fill('bureau');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await screenshot(page, '01-login-error');
  });

  it('signs in as the county bureau and shows the plan: outline, extracted indicators, 专栏, projects', async () => {
    await logIn(page, running.baseUrl, 'bureau', running.password);
    await page.goto(`${running.baseUrl}/plan`);
    await page.getByTestId('plan-indicators').waitFor();
    const rows = await page.getByTestId('plan-indicators').locator('tbody tr.ant-table-row').count();
    expect(rows).toBeGreaterThan(5);
    await page.getByText('第一章').first().waitFor({ state: 'visible' });
    await screenshot(page, '02-plan');
    await page.getByRole('tab', { name: /专栏/ }).click();
    await screenshot(page, '02-plan-boxes');
  });

  it('corrects an extracted cell, and on a stale edit shows both versions instead of overwriting', async () => {
    await page.getByRole('tab', { name: /主要指标/ }).click();
    const editButtons = page.getByRole('button', { name: /^更正 / });
    await editButtons.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位').fill('%（更正）');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await page.getByText('已更正').waitFor();
    await expect(page.getByTestId('plan-indicators').getByText('%（更正）').count()).resolves.toBe(1);

    // Someone else changes the same row while we edit it.
    await editButtons.first().click();
    const other = await loginAs(running.db.db, { role: 'county_admin', county: '奉节县' });
    const plans = (await running.app.inject({ method: 'GET', url: '/api/plans', headers: other.headers })).json<{ plans: { id: string; countyName: string }[] }>();
    const planId = plans.plans.find((p) => p.countyName === '奉节县')?.id ?? '';
    const detail = (await running.app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: other.headers })).json<{ indicators: { id: string; version: number }[] }>();
    const first = detail.indicators[0];
    const patched = await running.app.inject({
      method: 'PATCH',
      url: `/api/plans/${planId}/indicators/${first?.id}`,
      headers: other.headers,
      payload: { version: first?.version, unit: '%（他人修改）' },
    });
    expect(patched.statusCode).toBe(200);

    await dialog.getByLabel('单位').fill('%（我的修改）');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await page.getByTestId('conflict').waitFor();
    const conflict = await page.getByTestId('conflict').textContent();
    expect(conflict).toContain('%（我的修改）');
    expect(conflict).toContain('%（他人修改）');
    await screenshot(page, '03-plan-conflict');
    await dialog.getByText('保留我的修改，在当前版本上保存').click();
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await page.getByText('已更正').first().waitFor();
    await expect(page.getByTestId('plan-indicators').getByText('%（我的修改）').count()).resolves.toBe(1);
  });

  it('filters the project list, totals the investment in 万元/亿元, and exports the table to .xlsx', async () => {
    await page.goto(`${running.baseUrl}/projects`);
    await page.getByTestId('projects-table').waitFor();
    await page.getByText('总投资').first().waitFor({ state: 'visible' });
    await screenshot(page, '04-projects');
    const all = await page.getByTestId('projects-table').locator('tbody tr.ant-table-row').count();
    await page.getByLabel('按类别筛选').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    const filtered = await page.getByTestId('projects-table').locator('tbody tr.ant-table-row').count();
    expect(filtered).toBeLessThan(all);
    await screenshot(page, '04-projects-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('projects-table').getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^项目清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const saved = join(SCREENSHOT_DIR, '..', 'export-projects.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(3).value).toBe('项目名称');
    expect(sheet?.rowCount).toBe(filtered + 1);
  });

  const FISCAL = '本级财政科学技术支出占当年本级财政一般公共预算支出比重';

  /** The 评价 tag of one indicator row on the dashboard. */
  async function dashboardStatus(name: string): Promise<string> {
    const row = page.getByTestId('indicator-status-table').locator('tr', { hasText: name });
    return (await row.locator('.status-tag').textContent()) ?? '';
  }

  let statusBefore = '';

  it('opens the dashboard: status tiles, 序时进度, indicators behind pace first, reports owed by unit, last changes', async () => {
    await page.goto(`${running.baseUrl}/dashboard?period=2025`);
    await page.getByTestId('indicator-status-table').waitFor();
    await page.getByTestId('owed-table').waitFor();
    const tiles = await page.getByTestId('status-tiles').locator('.status-tile').count();
    expect(tiles).toBe(7);
    await page.getByText(/序时进度 80\.0%/).first().waitFor({ state: 'visible' });
    // Behind pace first: the first row is never ahead of the last.
    const first = await page.getByTestId('indicator-status-table').locator('tbody .status-tag').first().textContent();
    expect(['约束性未达标', '滞后']).toContain(first);
    await page.getByTestId('owed-table').getByText('财政局').waitFor({ state: 'visible' });
    statusBefore = await dashboardStatus(FISCAL);
    await screenshot(page, '05-dashboard');
    await screenshot(page, '05-dashboard-full', true);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '05-dashboard-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens an indicator: chart of actual values against the target path, the one-sentence status, the values table', async () => {
    await page.getByTestId('indicator-status-table').getByRole('link', { name: FISCAL }).click();
    await page.getByTestId('indicator-chart').waitFor();
    await page.waitForTimeout(300);
    const sentence = await page.getByTestId('status-explanation').textContent();
    expect(sentence).toMatch(/完成进度|数值/);
    const values = await page.getByTestId('values-table').locator('tbody tr.ant-table-row').count();
    expect(values).toBeGreaterThanOrEqual(4);
    await screenshot(page, '06-indicator');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '06-indicator-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('a department enters a value (outliers need an explanation), submits; the bureau returns it with a reason', async () => {
    await logOut(page);
    await logIn(page, running.baseUrl, 'caizheng', running.password);
    await page.getByTestId('owed-reports').waitFor();
    const owed = page.getByTestId('owed-reports').locator('tr', { hasText: '2025年' });
    await expect(owed.locator('.text-overdue').count()).resolves.toBe(1);
    await screenshot(page, '07-my-reports');
    await page.getByTestId('open-2025').click();
    await page.getByTestId('report-form').getByText(FISCAL).waitFor();

    // 20 % is far more than 3× last year: submitting without an explanation is refused, and the box appears.
    const value = page.getByLabel(`${FISCAL} 本期值`);
    await value.fill('20');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText(/须填写说明后才能提交/).first().waitFor();
    await page.getByLabel(`${FISCAL} 异常说明`).waitFor();
    await expect(page.locator('[data-state="submitted"]').count()).resolves.toBe(0);
    await screenshot(page, '07-form-outlier');

    await value.fill('1.6');
    await page.getByLabel(`${FISCAL} 口径说明`).fill('按财政决算口径');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，等待科技局审核', { exact: true }).first().waitFor();
    await expect(page.locator('[data-state="submitted"]').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, '07-form-submitted');

    await logOut(page);
    await logIn(page, running.baseUrl, 'bureau', running.password);
    await page.goto(`${running.baseUrl}/review`);
    const queued = page.getByTestId('review-queue').locator('tr', { hasText: '财政局' });
    await queued.waitFor();
    await screenshot(page, '08-review-queue');
    await queued.getByRole('button', { name: '退回' }).click();
    await page.getByRole('dialog').getByLabel('退回原因').fill('口径须与统计局年报一致，请核对后重填');
    await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await page.getByText('已退回，填报单位将看到退回原因').waitFor();
  });

  it('the department sees the reason, fixes the value and resubmits; the bureau approves; the dashboard changes', async () => {
    await logOut(page);
    await logIn(page, running.baseUrl, 'caizheng', running.password);
    await page.getByTestId('returned-alert').waitFor();
    expect(await page.getByTestId('returned-alert').textContent()).toContain('口径须与统计局年报一致');
    await page.getByTestId('open-2025').click();
    await page.getByTestId('return-reason').waitFor();
    await screenshot(page, '09-form-returned');
    await page.getByLabel(`${FISCAL} 本期值`).fill('1.62');
    await page.getByLabel(`${FISCAL} 口径说明`).fill('按统计局年报口径');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，等待科技局审核', { exact: true }).first().waitFor();

    await logOut(page);
    await logIn(page, running.baseUrl, 'bureau', running.password);
    await page.goto(`${running.baseUrl}/review`);
    const queued = page.getByTestId('review-queue').locator('tr', { hasText: '财政局' });
    await queued.getByRole('button', { name: '查看' }).click();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过，数值已计入监测').waitFor();
    await screenshot(page, '10-form-approved');

    await page.goto(`${running.baseUrl}/dashboard?period=2025`);
    await page.getByTestId('indicator-status-table').waitFor();
    const statusAfter = await dashboardStatus(FISCAL);
    expect(statusAfter).not.toBe(statusBefore);
    const row = page.getByTestId('indicator-status-table').locator('tr', { hasText: FISCAL });
    expect(await row.textContent()).toContain('1.62');
    await screenshot(page, '10-dashboard-after');
  });

  it('uploads an Excel template: download, fill, dry-run preview with errors, fix, import', async () => {
    await logOut(page);
    await logIn(page, running.baseUrl, 'kejiju', running.password);
    await page.getByTestId('open-2025').click();
    await page.getByTestId('excel-upload').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载本期填报模板' }).click()]);
    const template = join(SCREENSHOT_DIR, '..', 'template-kejiju-2025.xlsx');
    await download.saveAs(template);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('template has no sheet');
    const rows: number[] = [];
    for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r += 1) {
      if (sheet.getCell(`${TEMPLATE_COLUMNS.code.letter}${r}`).value) rows.push(r);
    }
    expect(rows.length).toBeGreaterThan(1);
    // First a bad file: text in a number cell.
    sheet.getCell(`${TEMPLATE_COLUMNS.value.letter}${rows[0]}`).value = '约 40 家';
    const bad = join(SCREENSHOT_DIR, '..', 'upload-bad.xlsx');
    await workbook.xlsx.writeFile(bad);
    await page.locator('[data-testid="excel-upload"] input[type=file]').setInputFiles(bad);
    await page.getByText(/预检发现/).waitFor();
    await screenshot(page, '11-upload-errors', true);

    // Then the right figures: last year's official value plus 5 %, so no outlier explanation is needed.
    const viewer = await loginAs(running.db.db, { role: 'county_staff', county: '奉节县' });
    const planList = (await running.app.inject({ method: 'GET', url: '/api/plans', headers: viewer.headers })).json<{ plans: { id: string; countyName: string }[] }>();
    const fengjie = planList.plans.find((p) => p.countyName === '奉节县')?.id ?? '';
    const lastYear = (
      await running.app.inject({ method: 'GET', url: `/api/monitoring/plans/${fengjie}/status?period=2024`, headers: viewer.headers })
    ).json<{ indicators: { name: string; current: { value: number } | null }[] }>();
    for (const r of rows) {
      const name = String(sheet.getCell(`B${r}`).value ?? '');
      const previous = lastYear.indicators.find((i) => i.name === name)?.current?.value ?? 1;
      sheet.getCell(`${TEMPLATE_COLUMNS.value.letter}${r}`).value = Math.round(previous * 105) / 100;
    }
    const good = join(SCREENSHOT_DIR, '..', 'upload-good.xlsx');
    await workbook.xlsx.writeFile(good);
    await page.locator('[data-testid="excel-upload"] input[type=file]').setInputFiles(good);
    await page.getByText(/预检通过/).waitFor();
    await screenshot(page, '11-upload-preview', true);
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByTestId('upload-done').waitFor();
    const filled = await page.getByLabel(/本期值$/).evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).value !== '').length);
    expect(filled).toBe(rows.length);
    await screenshot(page, '11-upload-done');
  });

  it('shows the municipal view: counties side by side, chart, click through to a county', async () => {
    await logOut(page);
    await logIn(page, running.baseUrl, 'city', running.password);
    await page.goto(`${running.baseUrl}/municipal?period=2025`);
    await page.getByTestId('municipal-table').waitFor();
    await page.getByTestId('municipal-bar').waitFor();
    await page.waitForTimeout(300);
    const headers = await page.getByTestId('municipal-table').locator('thead th').allTextContents();
    expect(headers.join('|')).toContain('奉节县');
    expect(headers.join('|')).toContain('石柱县');
    await screenshot(page, '12-municipal');
    await page.getByText('完成进度热力图').click();
    await page.getByTestId('municipal-heat').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, '12-municipal-heat');
    await page.getByTestId('municipal-counties').getByRole('cell', { name: '石柱县' }).click();
    await page.getByTestId('dashboard').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('石柱县');
  });

  it('lays out at 1920×1080 too', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${running.baseUrl}/dashboard?period=2025`);
    await page.getByTestId('indicator-status-table').waitFor();
    await screenshot(page, '13-dashboard-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('writes empty and error states for people', async () => {
    await page.goto(`${running.baseUrl}/indicators/00000000-0000-4000-8000-000000000000`);
    await page.getByText('没有找到要查看的内容').waitFor();
    await screenshot(page, '14-error-not-found');

    // No plan imported yet (the answer is replaced in the browser only).
    await page.route('**/api/plans', (route) => route.fulfill({ json: { plans: [] } }));
    await page.goto(`${running.baseUrl}/dashboard`);
    await page.getByText('暂无数据，请先导入规划').waitFor();
    await screenshot(page, '14-empty-no-plan');
    await page.unroute('**/api/plans');

    // The server failing: a message and a retry button, never a blank page.
    await page.route('**/api/monitoring/plans/*/status*', (route) =>
      route.fulfill({ status: 500, json: { error: 'internal', message: '服务器内部错误，请稍后重试 / internal error' } }),
    );
    await page.goto(`${running.baseUrl}/dashboard`);
    await page.getByRole('button', { name: '重试' }).waitFor();
    await screenshot(page, '14-error-server');
    await page.unroute('**/api/monitoring/plans/*/status*');
    errors.splice(0, errors.length, ...errors.filter((e) => !e.startsWith('http 500')));
  });

  it('makes a user with a one-time password choose a new one before anything else', async () => {
    const fresh = await createTestUser(running.db.db, { role: 'county_staff', county: '奉节县', username: 'xinren', mustChangePassword: true });
    await logOut(page);
    await page.getByLabel('用户名').fill('xinren');
    await page.getByLabel('密码').fill(fresh.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('首次登录须修改初始密码后才能继续使用').waitFor();
    await page.getByLabel('当前密码').fill(fresh.password);
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('再次输入新密码').fill('short');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('新密码至少 10 个字符').waitFor();
    await screenshot(page, '15-change-password');
    await page.getByLabel('新密码', { exact: true }).fill('Brand-New-Passw0rd!');
    await page.getByLabel('再次输入新密码').fill('Brand-New-Passw0rd!');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('dashboard').waitFor();
  });

  it('shows a friendly page for an unknown address, and signs out', async () => {
    await page.goto(`${running.baseUrl}/no-such-page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await screenshot(page, '09-not-found');
    await logOut(page);
    expect(unexpectedErrors(), unexpectedErrors().join('\n')).toEqual([]);
  });
});
