// The register screens in a real browser (Debian Chromium via playwright-core) against the real server: 企业库 with an
// Excel import that has a bad row (per-cell errors, nothing written) then a good one, an evaluation explaining its
// fails, 资格到期提醒, the funnel chart, and the 研发平台 / 科技特派员 / 技术合同 screens (a dispatch's 三方协议 scan uploaded,
// listed and downloaded, a disguised file refused); then the entry forms filled end to end (技术合同 with its amount
// rule, 资格证书 with its computed validity and a refused duplicate, a 特派员's dispatch with its scan, service record
// with photo and confirmation, and assessment), and the 指标 page listing the register records behind the 登记系统
// figure. Screenshots land in test-output/screenshots/registers-*.png for a person to look at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { assessCommissioner } from '../../src/services/registers/assess-commissioner.ts';
import { confirmServiceLog } from '../../src/services/registers/confirm-service-log.ts';
import { createCommissioner } from '../../src/services/registers/create-commissioner.ts';
import { createPlatform } from '../../src/services/registers/create-platform.ts';
import { createTechContract } from '../../src/services/registers/create-tech-contract.ts';
import { dispatchCommissioner } from '../../src/services/registers/dispatch-commissioner.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { importEnterprises } from '../../src/services/registers/import-enterprises.ts';
import { listEnterprises } from '../../src/services/registers/list-enterprises.ts';
import { listRegisterBindings } from '../../src/services/registers/list-register-bindings.ts';
import { listTechContracts } from '../../src/services/registers/list-tech-contracts.ts';
import { updateTechContract } from '../../src/services/registers/update-tech-contract.ts';
import { logCommissionerService } from '../../src/services/registers/log-commissioner-service.ts';
import { recordCertification } from '../../src/services/registers/record-certification.ts';
import { importWorkbook, USCC } from '../support/registers.ts';
import { browserSuiteBlocker, createTestUser, launchBrowser, logIn, newPage, SCREENSHOT_DIR, screenshot, startApp, type RunningApp } from './support.ts';

const blocker = browserSuiteBlocker();
const THIS_YEAR = new Date().getFullYear();
// A 1×1 PNG: the photo a 特派员 attaches to a service record (the server checks the bytes, not the name).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
// A minimal PDF: the scanned 三方协议 of a dispatch.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Types a day into an antd DatePicker (found by its form label) and confirms it. */
async function fillDate(form: Locator, label: string, day: string): Promise<void> {
  const input = form.getByLabel(label);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/** Opens an antd Select (found by its form label) and clicks the option showing `option`. */
async function choose(page: Page, form: Locator, label: string, option: string): Promise<void> {
  await form.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe.skipIf(blocker !== null)('register screens in Chromium', { timeout: 90_000 }, () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    running = await startApp();
    const db = running.db.db;
    const op = operatorAccess('test:browser');
    await createTestUser(db, { role: 'county_admin', username: 'register-admin', county: '奉节县' });
    // Register data of 奉节县 through the real services.
    const seed = await importWorkbook([
      { name: '奉节眼镜科技有限公司', uscc: USCC.a, town: '永安街道', industry: '制造业', year: THIS_YEAR - 1, employees: 120, techStaff: 30, salesRevenue: 4200, costs: 3500, totalAssets: 5000, rdExpense: 260, hiTechRevenue: 3000, ipClass1: 2, ipClass2: 5, conversions: 3 },
      { name: '夔州脐橙科技有限公司', uscc: USCC.b, town: '草堂镇', industry: '农副食品加工业', year: THIS_YEAR - 1, employees: 60, techStaff: 5, salesRevenue: 1800, costs: 1500, totalAssets: 1200, rdExpense: 20, ipClass1: 0, ipClass2: 2 },
    ]);
    const imported = await importEnterprises(db, op, { bytes: seed, fileName: 'seed.xlsx', county: '奉节县' });
    if (imported.status !== 'imported') throw new Error(JSON.stringify(imported.errors));
    const { enterprises } = await listEnterprises(db, op, { limit: 10, offset: 0 });
    const glasses = enterprises.find((e) => e.uscc === USCC.a);
    const orange = enterprises.find((e) => e.uscc === USCC.b);
    if (!glasses || !orange) throw new Error('seed enterprises missing');
    const soon = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000);
    soon.setUTCFullYear(soon.getUTCFullYear() - 3);
    await recordCertification(db, op, { enterpriseId: glasses.id, kind: '高新技术企业', number: 'GR202350000888', issuedOn: soon.toISOString().slice(0, 10) });
    await recordCertification(db, op, { enterpriseId: orange.id, kind: '科技型中小企业', number: `${THIS_YEAR}5001010A0077`, issuedOn: `${THIS_YEAR}-05-20` });
    await recordCertification(db, op, { enterpriseId: orange.id, kind: '高企培育库', number: `PY-${THIS_YEAR}-03`, issuedOn: `${THIS_YEAR}-03-01` });
    await createPlatform(db, op, { name: '奉节眼镜技术研发中心', kind: '企业技术研发中心', level: '县级', hostName: glasses.name, hostEnterpriseId: glasses.id, recognisedOn: '2023-06-01', county: '奉节县' });
    await createPlatform(db, op, { name: '夔州众创空间', kind: '众创空间', level: '市级', hostName: '奉节县科技局', recognisedOn: '2022-01-10', area: 3200, tenantCount: 26, county: '奉节县' });
    const c = await createCommissioner(db, op, { name: '张农', level: '市级', type: '公益型', dispatchingUnit: '西南大学', title: '副教授', field: '果树学', county: '奉节县' });
    await dispatchCommissioner(db, op, { commissionerId: c.id, town: '草堂镇', enterpriseId: orange.id, serviceObject: orange.name, agreementNumber: '奉科特〔2025〕12号', agreementSignedOn: '2025-02-20', tasks: '脐橙绿色防控技术指导', startOn: '2025-03-01' });
    const log = await logCommissionerService(db, op, { commissionerId: c.id, servedOn: '2025-04-10', place: '草堂镇安坪村', content: '春季修剪与病虫害防控培训' });
    await confirmServiceLog(db, op, { logId: log.id, version: log.version, confirmedBy: '合作社理事长 王某' });
    await logCommissionerService(db, op, { commissionerId: c.id, servedOn: '2025-06-18', place: '草堂镇', content: '果园巡查' });
    await assessCommissioner(db, op, { commissionerId: c.id, year: 2025, manualScores: { outcome: 85, satisfaction: 95 } });
    await createTechContract(db, op, { registrationNumber: `${THIS_YEAR}500236000011`, registeredOn: `${THIS_YEAR}-03-05`, type: '技术开发', name: '眼镜镀膜工艺开发', sellerName: glasses.name, sellerInCounty: true, buyerName: '万州某光学公司', buyerInCounty: false, contractAmount: 320.5, technologyAmount: 300, county: '奉节县' });
    await createTechContract(db, op, { registrationNumber: `${THIS_YEAR}500236000012`, registeredOn: `${THIS_YEAR}-04-15`, type: '技术服务', name: '脐橙保鲜技术服务', sellerName: '西南大学', sellerInCounty: false, buyerName: orange.name, buyerInCounty: true, contractAmount: 45, technologyAmount: 40, county: '奉节县' });
    await createTechContract(db, op, { registrationNumber: `${THIS_YEAR - 1}500236000003`, registeredOn: `${THIS_YEAR - 1}-09-09`, type: '技术转让', name: '眼镜防蓝光专利转让', sellerName: glasses.name, sellerInCounty: true, buyerName: '深圳某公司', buyerInCounty: false, contractAmount: 1200, technologyAmount: 1100, county: '奉节县' });
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    await logIn(page, running.baseUrl, 'register-admin', running.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('企业库 lists the register with valid-certification badges', async () => {
    await page.goto(`${running.baseUrl}/enterprises`);
    await page.getByTestId('enterprise-table').getByText('奉节眼镜科技有限公司').waitFor();
    await page.getByTestId('enterprise-table').getByText('高新技术企业').first().waitFor({ state: 'visible' });
    await screenshot(page, 'registers-01-enterprises');
  });

  it('an Excel import with a bad row lists the cell errors and writes nothing; a good file imports', async () => {
    const dir = join(SCREENSHOT_DIR, '..');
    const bad = join(dir, 'registers-bad.xlsx');
    const good = join(dir, 'registers-good.xlsx');
    writeFileSync(bad, await importWorkbook([
      { name: '奉节新材料有限公司', uscc: USCC.c, year: THIS_YEAR - 1, employees: 40 },
      { name: '错码企业', uscc: '91500101MA5U3G1D4X', year: THIS_YEAR - 1, employees: 'abc' },
    ]));
    writeFileSync(good, await importWorkbook([{ name: '奉节新材料有限公司', uscc: USCC.c, town: '朱衣镇', year: THIS_YEAR - 1, employees: 40, techStaff: 9 }]));
    await page.getByTestId('open-import').click();
    await page.locator('.ant-drawer input[type=file]').setInputFiles(bad);
    const errorsList = page.getByTestId('import-errors');
    await errorsList.waitFor();
    const text = await errorsList.textContent();
    expect(text).toContain('第3行 B列：统一社会信用代码校验位错误');
    expect(text).toContain('第3行 H列：职工总数应为数字');
    await screenshot(page, 'registers-02-import-errors');
    await page.locator('.ant-drawer input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成：新增 1 家').waitFor();
    await screenshot(page, 'registers-03-import-done');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('enterprise-table').getByText('奉节新材料有限公司').waitFor();
  });

  it('an evaluation shows the pack version, sub-scores and one line per failed condition', async () => {
    await page.getByTestId('enterprise-table').getByText('夔州脐橙科技有限公司').click();
    await page.getByTestId('enterprise-detail').waitFor();
    await page.getByTestId('evaluate-form').getByText('境内注册的居民企业').click();
    await page.getByTestId('evaluate-form').getByRole('button', { name: '评价' }).click();
    const failures = page.getByTestId('evaluation-failures');
    await failures.waitFor();
    const text = await failures.textContent();
    expect(text).toContain('条件（五）科技人员指标得分不得为0分：科技人员占比 8.3%，得 0 分（须 ≥10%）');
    expect(text).toContain('条件（四）信用与安全记录：缺少数据（未确认无重大事故、严重违法失信记录）');
    await expect(page.getByTestId('evaluation-result').textContent()).resolves.toContain('规则包 2017-115+2022-67');
    await page.getByTestId('evaluation-result').scrollIntoViewIfNeeded();
    await screenshot(page, 'registers-04-evaluation');
    await page.locator('.ant-drawer-close').click();
  });

  it('资格与到期提醒 warns of the 高企 certificate ending within 90 days', async () => {
    await page.getByRole('tab', { name: '资格与到期提醒' }).click();
    const alerts = page.getByTestId('expiry-alerts');
    await alerts.waitFor();
    await expect(alerts.textContent()).resolves.toMatch(/奉节眼镜科技有限公司高新技术企业资格将于 .* 到期（剩 \d+ 天）/);
    await screenshot(page, 'registers-05-alerts');
  });

  it('梯度培育漏斗 draws the funnel with conversion counts', async () => {
    await page.getByRole('tab', { name: '梯度培育漏斗' }).click();
    await page.getByTestId('funnel-chart').waitFor();
    await page.waitForTimeout(500);
    const cells = await page.getByTestId('funnel-table').locator('tbody tr').allTextContents();
    expect(cells[0]).toContain('入库企业');
    expect(cells[1]).toContain('科技型中小企业');
    await screenshot(page, 'registers-06-funnel');
    await page.getByRole('tab', { name: '指标对接' }).click();
    const row = page.getByTestId('binding-table').locator('tr', { hasText: '技术合同成交额' });
    await row.getByRole('button', { name: '确认绑定并写入' }).click();
    await page.getByText(/已写入指标监测（来源：登记系统）：技术合同成交额 1,200/).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText(`${THIS_YEAR - 1}500236000003（技术转让，${THIS_YEAR - 1}-09-09） · 1,200 万元`).waitFor();
    await screenshot(page, 'registers-06b-bindings');
    await page.getByRole('tab', { name: '规则包' }).click();
    await page.getByTestId('rule-pack-table').getByText('工信部企业〔2026〕2号').waitFor();
    await screenshot(page, 'registers-07-rule-packs');
  });

  it('研发平台, 科技特派员 and 技术合同 screens show their registers', async () => {
    await page.goto(`${running.baseUrl}/platforms`);
    await page.getByTestId('platform-table').getByText('奉节眼镜技术研发中心').waitFor();
    await screenshot(page, 'registers-08-platforms');
    await page.goto(`${running.baseUrl}/commissioners`);
    await page.getByTestId('commissioner-table').getByText('张农').click();
    await page.getByTestId('commissioner-detail').getByText('已确认：合作社理事长 王某').waitFor();
    await screenshot(page, 'registers-09-commissioner');
    await page.locator('.ant-drawer-close').click();
    await page.goto(`${running.baseUrl}/tech-contracts`);
    await page.getByTestId('contract-totals').getByText('320.5 万元').first().waitFor();
    await screenshot(page, 'registers-10-contracts');
    expect(errors).toEqual([]);
  });

  it('技术合同 form: Chinese errors for blanks and for 技术交易额 above 成交额, then the contract is registered and counted', async () => {
    // Still on /tech-contracts from the previous step.
    await page.getByTestId('add-contract').click();
    const form = page.getByTestId('contract-form');
    await form.waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await form.getByText('请填写登记编号').waitFor();
    await form.getByText('请选择合同类型').waitFor({ state: 'visible' });
    await screenshot(page, 'registers-11-contract-form-blank');
    await form.getByLabel('登记编号').fill(`${THIS_YEAR}500236000021`);
    await fillDate(form, '登记日期', `${THIS_YEAR}-06-18`);
    await choose(page, form, '合同类型', '技术许可');
    await form.getByLabel('合同名称').fill('眼镜片镀膜专利实施许可');
    await form.getByLabel('卖方（技术输出方）').fill('奉节眼镜科技有限公司');
    await form.getByLabel('卖方所在地').fill('重庆市奉节县');
    await form.getByLabel('买方（技术吸纳方）').fill('成都某光学有限公司');
    await form.getByLabel('买方所在地').fill('四川省成都市');
    await form.getByLabel('成交额（万元）').fill('80');
    await form.getByLabel('技术交易额（万元）').fill('95');
    await page.getByRole('button', { name: '保存' }).click();
    await form.getByText('技术交易额不能大于成交额（技术交易额 = 成交额 − 非技术性费用）').waitFor();
    await screenshot(page, 'registers-12-contract-amount-error');
    await form.getByLabel('技术交易额（万元）').fill('75');
    await page.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('contract-table').locator('tr', { hasText: '眼镜片镀膜专利实施许可' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`${THIS_YEAR}500236000021`);
    // 输出 total of the year: 320.5 (seeded) + 80 (entered); 技术交易额 300 + 75 kept apart.
    await page.getByTestId('contract-totals').getByText('400.5 万元').waitFor();
    await page.getByTestId('contract-totals').getByText('375 万元').waitFor({ state: 'visible' });
    await screenshot(page, 'registers-13-contract-saved');

    // A correction that a colleague overtakes: the save answers 409, the form says so and shows their version.
    await row.click();
    const edit = page.getByTestId('contract-form');
    await edit.waitFor();
    const op = operatorAccess('test:browser');
    const stored = (await listTechContracts(running.db.db, op, { year: THIS_YEAR })).find((c) => c.registrationNumber === `${THIS_YEAR}500236000021`);
    if (!stored) throw new Error('entered contract not stored');
    await updateTechContract(running.db.db, op, { id: stored.id, version: stored.version, name: '眼镜片镀膜专利实施许可（变更）' });
    await edit.getByLabel('买方所在地').fill('四川省成都市高新区');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('save-error').getByText('此记录已被他人修改').waitFor();
    await expect(edit.getByLabel('合同名称').inputValue()).resolves.toBe('眼镜片镀膜专利实施许可（变更）');
    await screenshot(page, 'registers-13b-contract-conflict');
    await edit.getByLabel('买方所在地').fill('四川省成都市高新区');
    await page.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByTestId('contract-table').getByText('眼镜片镀膜专利实施许可（变更）').waitFor();
  });

  it('资格证书 form: shows the computed validity before saving, records the certificate, refuses a duplicate number in Chinese', async () => {
    await page.goto(`${running.baseUrl}/enterprises`);
    await page.getByRole('tab', { name: '资格与到期提醒' }).click();
    await page.getByTestId('add-certification').click();
    const form = page.getByTestId('certification-form');
    await form.waitFor();
    await choose(page, form, '企业', '奉节新材料有限公司');
    await choose(page, form, '类别', '高新技术企业');
    await form.getByLabel('高企证书编号').fill(`GR${THIS_YEAR}50000123`);
    await fillDate(form, '发证日期', `${THIS_YEAR}-01-15`);
    await form.getByTestId('validity-preview').getByText(`有效期至 ${THIS_YEAR + 3}-01-14：高新技术企业有效期 3 年`, { exact: false }).waitFor();
    await screenshot(page, 'registers-14-certification-form');
    await page.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('certification-table').locator('tr', { hasText: `GR${THIS_YEAR}50000123` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('奉节新材料有限公司');
    await expect(row.textContent()).resolves.toContain(`${THIS_YEAR + 3}年1月14日`);

    // The same number again: the server refuses (409), and the form says why in Chinese.
    await page.getByTestId('add-certification').click();
    const again = page.getByTestId('certification-form');
    await again.waitFor();
    await choose(page, again, '企业', '夔州脐橙科技有限公司');
    await choose(page, again, '类别', '高新技术企业');
    await again.getByLabel('高企证书编号').fill(`GR${THIS_YEAR}50000123`);
    await fillDate(again, '发证日期', `${THIS_YEAR}-02-01`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('save-error').getByText(`本县已登记高新技术企业编号 GR${THIS_YEAR}50000123`).waitFor();
    await screenshot(page, 'registers-15-certification-duplicate');
    await page.getByRole('button', { name: 'Cancel' }).or(page.getByRole('button', { name: '取消' })).click();
    await again.waitFor({ state: 'detached' });
  });

  it('三方协议扫描件 on a dispatch: empty state, an upload listed with size and uploader, a download link, a refused file named', async () => {
    const scan = join(SCREENSHOT_DIR, '..', '奉科特〔2025〕12号 三方协议.pdf');
    const fake = join(SCREENSHOT_DIR, '..', '伪装的协议.pdf');
    writeFileSync(scan, PDF);
    writeFileSync(fake, '这只是一段文字，不是 PDF');
    await page.goto(`${running.baseUrl}/commissioners`);
    await page.getByTestId('commissioner-table').getByText('张农').click();
    const row = page.getByTestId('dispatch-table').locator('tr', { hasText: '奉科特〔2025〕12号' }).first();
    await row.getByText('未上传').waitFor();
    const files = row.locator('xpath=following-sibling::tr[1]').getByTestId('agreement-files');
    await files.getByText('尚未上传三方协议扫描件').waitFor();
    await screenshot(page, 'registers-08b-agreement-empty');

    await files.locator('input[type=file]').first().setInputFiles(scan);
    const listed = files.getByTestId('agreement-file').filter({ hasText: '奉科特〔2025〕12号 三方协议.pdf' });
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toContain(`${PDF.length} B · register-admin`);
    await row.getByText('1 份').waitFor();
    const href = await listed.getByRole('link', { name: '奉科特〔2025〕12号 三方协议.pdf' }).getAttribute('href');
    const download = await page.request.get(`${running.baseUrl}${href ?? ''}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await expect(files.getByText('尚未上传三方协议扫描件').count()).resolves.toBe(0);

    await files.locator('input[type=file]').first().setInputFiles(fake);
    await page.locator('.ant-message').getByText('「伪装的协议.pdf」文件类型不允许', { exact: false }).waitFor();
    await screenshot(page, 'registers-08c-agreement-uploaded');
    await expect(files.getByTestId('agreement-file').count()).resolves.toBe(1);

    // 替换 puts the stamped copy in its place; 删除 (confirmed) leaves the empty state again.
    const stamped = join(SCREENSHOT_DIR, '..', '三方协议（盖章版）.pdf');
    writeFileSync(stamped, PDF);
    await listed.locator('input[type=file]').setInputFiles(stamped);
    const replaced = files.getByTestId('agreement-file').filter({ hasText: '三方协议（盖章版）.pdf' });
    await replaced.waitFor();
    await listed.waitFor({ state: 'detached' });
    await replaced.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-modal-confirm').getByText('确定删除“三方协议（盖章版）.pdf”吗', { exact: false }).waitFor();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '删除' }).click();
    await files.getByText('尚未上传三方协议扫描件').waitFor();
    await row.getByText('未上传').waitFor();
    await page.locator('.ant-drawer-close').click();
  });

  it('科技特派员 forms: dispatch, a service record with a photo and confirmation, and the annual assessment', async () => {
    const photo = join(SCREENSHOT_DIR, '..', 'service-visit.png');
    writeFileSync(photo, PNG);
    const scan = join(SCREENSHOT_DIR, '..', '石板村三方协议.pdf');
    writeFileSync(scan, PDF);
    await page.goto(`${running.baseUrl}/commissioners`);
    await page.getByTestId('commissioner-table').getByText('张农').click();
    const detail = page.getByTestId('commissioner-detail');
    await detail.waitFor();

    await detail.getByRole('button', { name: '登记派驻' }).click();
    const dispatch = page.getByTestId('dispatch-form');
    await dispatch.waitFor();
    await dispatch.getByLabel('服务乡镇').fill('吐祥镇');
    await dispatch.getByLabel('服务对象').fill('吐祥镇石板村中药材合作社');
    await dispatch.getByLabel('三方协议编号').fill(`奉科特〔${THIS_YEAR}〕3号`);
    await fillDate(dispatch, '协议签订日期', `${THIS_YEAR}-02-10`);
    await fillDate(dispatch, '派驻开始', `${THIS_YEAR}-03-01`);
    await dispatch.getByLabel('服务任务').fill('中药材规范化种植技术指导');
    await dispatch.locator('input[type=file]').setInputFiles(scan);
    await dispatch.getByText('石板村三方协议.pdf').waitFor();
    await screenshot(page, 'registers-15b-dispatch-form-scan');
    await page.getByRole('button', { name: '保存' }).click();
    await dispatch.waitFor({ state: 'detached' });
    const added = page.getByTestId('dispatch-table').locator('tr', { hasText: `奉科特〔${THIS_YEAR}〕3号` }).first();
    await added.waitFor();
    await added.locator('xpath=following-sibling::tr[1]').getByTestId('agreement-file').filter({ hasText: '石板村三方协议.pdf' }).waitFor();

    await detail.getByRole('button', { name: '记录服务' }).click();
    const log = page.getByTestId('service-log-form');
    await log.waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await log.getByText('请填写服务地点').waitFor();
    await screenshot(page, 'registers-16-service-log-blank');
    await fillDate(log, '服务日期', `${THIS_YEAR}-03-12`);
    await choose(page, log, '所属派驻', `奉科特〔${THIS_YEAR}〕3号`);
    await log.getByLabel('服务地点').fill('吐祥镇石板村');
    await log.getByLabel('服务内容').fill('中药材病虫害绿色防控现场培训');
    await log.locator('input[type=file]').setInputFiles(photo);
    await log.getByText('service-visit.png').waitFor();
    await log.getByLabel('服务对象确认人').fill('村委会主任 李某');
    await screenshot(page, 'registers-17-service-log-filled');
    await page.getByRole('button', { name: '保存' }).click();
    await log.waitFor({ state: 'detached' });
    const entry = page.getByTestId('service-log-list').locator('li', { hasText: '中药材病虫害绿色防控现场培训' });
    await entry.getByText('已确认：村委会主任 李某').waitFor();
    await entry.getByRole('link', { name: 'service-visit.png' }).waitFor();

    await detail.getByRole('button', { name: '年度考核' }).click();
    const assess = page.getByTestId('assessment-form');
    await assess.waitFor();
    await choose(page, assess, '考核年度', `${THIS_YEAR}年`);
    await expect(assess.getByTestId('assessment-service-records').textContent()).resolves.toContain(`${THIS_YEAR}年经服务对象确认的服务记录 1 次`);
    await assess.getByLabel('服务成效').fill('80');
    await assess.getByLabel('服务对象满意度').fill('90');
    await page.getByRole('button', { name: '计算并保存' }).click();
    await assess.waitFor({ state: 'detached' });
    const assessed = page.getByTestId('assessment-table').locator('tr', { hasText: `${THIS_YEAR}` }).first();
    await assessed.waitFor();
    await expect(assessed.textContent()).resolves.toMatch(/不合格|合格|良好|优秀/);
    await detail.getByText('年度考核').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'registers-18-commissioner-entered');
    await page.locator('.ant-drawer-close').click();
  });

  it('指标 page lists the register records behind the 登记系统 figure beside the other sources; the bureau chooses the official one', async () => {
    const op = operatorAccess('test:browser');
    const bound = (await listRegisterBindings(running.db.db, op)).find((b) => b.indicatorName === '技术合同成交额' && b.id !== null);
    if (!bound) throw new Error('the 技术合同成交额 binding made earlier is missing');
    // 统计局 reports its own figure for the same year: the page shows both, with the difference.
    await enterValue(running.db.db, op, { indicatorId: bound.indicatorId, period: String(THIS_YEAR - 1), source: 'statistics', value: 1350, measureUnit: '万元', expectedVersion: 0 });
    await page.goto(`${running.baseUrl}/indicators/${bound.indicatorId}`);
    const card = page.getByTestId('register-figures');
    await card.waitFor();
    const row = card.locator('tr', { hasText: `${THIS_YEAR - 1}年` });
    await row.getByText('统计局：').waitFor();
    const text = await row.textContent();
    expect(text).toContain('1,200');
    expect(text).toContain('（1 条记录）');
    expect(text).toContain('1,350');
    expect(text).toContain('差异 -150 / -11.1%');
    await row.locator('.ant-table-row-expand-icon').click();
    await card.getByTestId('register-records').getByText(`${THIS_YEAR - 1}500236000003（技术转让，${THIS_YEAR - 1}-09-09） · 1,200 万元`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'registers-19-indicator-register-figures');

    // The register figure came first and is official; the bureau switches to 统计局's, with a reason.
    await row.getByRole('button', { name: '采用统计局' }).click();
    const choose = page.getByTestId('choose-official-form');
    await choose.waitFor();
    await choose.getByLabel('原因').fill('统计年报已核定，采用统计局数据；登记系统差额为未登记的跨年合同');
    await screenshot(page, 'registers-20-choose-official');
    await page.getByRole('button', { name: '确定采用' }).click();
    await choose.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: '采用登记系统' }).waitFor();
    await expect(row.getByRole('button', { name: '采用统计局' }).count()).resolves.toBe(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'registers-21-official-chosen');
    expect(errors).toEqual([]);
  });
});
