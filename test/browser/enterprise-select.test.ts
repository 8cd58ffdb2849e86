// The 企业库 picker (EnterpriseSelect) in Chromium against the real server, in a county with more enterprises than one
// list call returns (500): typing part of a name or a 统一社会信用代码 finds the 600th enterprise, a search that matches
// nothing says so in Chinese, another county's namesakes never appear, and a 技术合同 whose enterprise is far beyond
// the first page opens for editing with that enterprise's name shown. Screenshots: test-output/screenshots/
// enterprise-select-*.png.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { createTechContract } from '../../src/services/registers/create-tech-contract.ts';
import { insertBulkEnterprises, serial, type BulkEnterprise } from '../support/enterprise-bulk.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, newPage, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
const THIS_YEAR = new Date().getFullYear();
const COUNT = 620;
const TARGET = 600;

function nth(list: BulkEnterprise[], number: number): BulkEnterprise {
  const found = list[number - 1];
  if (!found) throw new Error(`no enterprise ${number}`);
  return found;
}

/** The options of the open picker dropdown. */
function openOptions(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
}

describe.skipIf(blocker !== null)('企业库 picker searches the server', { timeout: 90_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let own: BulkEnterprise[];

  beforeAll(async () => {
    running = await startApp();
    const db = running.db.db;
    await createTestUser(db, { role: 'county_admin', username: 'picker-admin', county: '奉节县' });
    own = await insertBulkEnterprises(db, { county: '奉节县', region: '500236', prefix: '夔门测试企业', count: COUNT });
    // Namesakes in the neighbouring county: the picker must never offer them.
    await insertBulkEnterprises(db, { county: '石柱县', region: '500240', prefix: '夔门测试企业', count: 5 });
    const last = nth(own, COUNT);
    await createTechContract(db, operatorAccess('test:browser'), {
      registrationNumber: `${THIS_YEAR}500236000031`,
      registeredOn: `${THIS_YEAR}-02-03`,
      type: '技术服务',
      name: '夔门测试企业工艺诊断服务',
      sellerName: '重庆某大学',
      sellerInCounty: false,
      buyerName: last.name,
      buyerInCounty: true,
      contractAmount: 30,
      technologyAmount: 28,
      enterpriseId: last.id,
      county: '奉节县',
    });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    await logIn(page, running.baseUrl, 'picker-admin', running.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('typing part of a name or a 信用代码 finds the 600th enterprise; no match says so', async () => {
    await page.goto(`${running.baseUrl}/enterprises`);
    await page.getByRole('tab', { name: '资格与到期提醒' }).click();
    await page.getByTestId('add-certification').click();
    const form = page.getByTestId('certification-form');
    await form.waitFor();
    const picker = form.getByLabel('企业');
    await picker.click();
    const wanted = nth(own, TARGET);
    await picker.pressSequentially(`企业${serial(TARGET)}`, { delay: 40 });
    const option = openOptions(page).filter({ hasText: wanted.name });
    await option.waitFor();
    // Only 奉节县's enterprise of that number, not 石柱县's namesake pattern or a neighbour in name order.
    await expect(openOptions(page).allTextContents()).resolves.toEqual([`${wanted.name}（${wanted.uscc}）`]);
    await screenshot(page, 'enterprise-select-01-search-by-name');
    await option.click();
    await form.getByTitle(`${wanted.name}（${wanted.uscc}）`).waitFor();

    // Opened again, the picker starts from the whole register and says how much it does not show.
    await picker.click();
    await page.getByTestId('enterprise-select-hint').getByText(`共 ${COUNT} 家匹配，仅显示前 50 家`, { exact: false }).waitFor();
    const byCode = nth(own, TARGET + 1);
    await picker.pressSequentially(byCode.uscc.toLowerCase(), { delay: 20 });
    const codeOption = openOptions(page).filter({ hasText: byCode.uscc });
    await codeOption.waitFor();
    await expect(openOptions(page).count()).resolves.toBe(1);
    await screenshot(page, 'enterprise-select-02-search-by-code');
    await codeOption.click();
    await form.getByTitle(`${byCode.name}（${byCode.uscc}）`).waitFor();

    await picker.click();
    await picker.pressSequentially('没有这家企业', { delay: 20 });
    await page.getByText('企业库中没有匹配的企业，请先在“企业名录”新增').waitFor();
    await screenshot(page, 'enterprise-select-03-no-match');
    await page.keyboard.press('Escape');
    // The choice survives the failed search.
    await form.getByTitle(`${byCode.name}（${byCode.uscc}）`).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).or(page.getByRole('button', { name: '取消' })).click();
    await form.waitFor({ state: 'detached' });
  });

  it("editing a 技术合同 shows its enterprise's name although it is far beyond the first results", async () => {
    await page.goto(`${running.baseUrl}/tech-contracts`);
    await page.getByTestId('contract-table').getByText('夔门测试企业工艺诊断服务').click();
    const edit = page.getByTestId('contract-form');
    await edit.waitFor();
    const last = nth(own, COUNT);
    await edit.getByTitle(last.name).waitFor();
    await screenshot(page, 'enterprise-select-04-edit-shows-name');
    expect(errors).toEqual([]);
  });
});
