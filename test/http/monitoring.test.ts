// The monitoring API through app.inject with real sessions: settings, entry, the workflow, the official source,
// the Excel template and upload, attachments, spot checks, status, comparison and exports — and the 4xx answers.
import ExcelJS from 'exceljs';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestLogin;
let staff: TestLogin;
let reporter: TestLogin;
let municipal: TestLogin;
let otherAdmin: TestLogin;
const ids = { planId: '', otherPlanId: '', unitId: '', firms: '', hightech: '', reportId: '', valueId: '' };

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
  staff = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  reporter = await loginAs(database.db, { role: 'unit_reporter', county: '奉节县', unit: '县科技局' });
  municipal = await loginAs(database.db, { role: 'municipal' });
  otherAdmin = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
  const plans = await listPlans(database.db, ALL_COUNTIES);
  const fengjie = await getPlan(database.db, ALL_COUNTIES, plans.find((p) => p.countyName === '奉节县')?.id ?? '');
  ids.planId = fengjie.id;
  ids.otherPlanId = plans.find((p) => p.countyName === '石柱县')?.id ?? '';
  ids.unitId = reporter.user.unitId ?? '';
  ids.firms = fengjie.indicators.find((i) => i.name === '科技型企业')?.id ?? '';
  ids.hightech = fengjie.indicators.find((i) => i.name === '高新技术企业')?.id ?? '';
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function call(login: TestLogin, method: InjectOptions['method'], url: string, payload?: object) {
  return app.inject({ method, url, headers: login.headers, ...(payload === undefined ? {} : { payload }) });
}

function upload(login: TestLogin, url: string, body: Uint8Array, contentType = 'application/octet-stream') {
  return app.inject({ method: 'POST', url, headers: { ...login.headers, 'content-type': contentType }, payload: Buffer.from(body) });
}

describe('monitoring API', () => {
  it('configures the responsible unit (county admin only; stale version → 409 with the current setting)', async () => {
    const body = { responsibleUnitId: ids.unitId, frequency: 'year', dueDays: null, targetKind: null, tolerance: null, expectedVersion: 0 };
    expect((await call(staff, 'PUT', `/api/monitoring/indicators/${ids.firms}/settings`, body)).statusCode).toBe(403);
    for (const id of [ids.firms, ids.hightech]) {
      const res = await call(admin, 'PUT', `/api/monitoring/indicators/${id}/settings`, body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ responsibleUnitName: '县科技局', version: 1 });
    }
    const stale = await call(admin, 'PUT', `/api/monitoring/indicators/${ids.firms}/settings`, { ...body, dueDays: 10 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { version: 1 } });
    const bad = await call(admin, 'PUT', `/api/monitoring/indicators/${ids.firms}/settings`, { ...body, frequency: 'weekly' });
    expect(bad.statusCode).toBe(400);
  });

  it('enters figures, refuses a stale one with the current record, and lists what the unit owes', async () => {
    const entry = { indicatorId: ids.firms, period: '2021', value: 520, measureUnit: '家', expectedVersion: 0 };
    const first = await call(reporter, 'POST', '/api/monitoring/values', entry);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ value: 520, reportState: 'draft', source: 'unit' });
    ids.valueId = first.json().id;
    ids.reportId = first.json().reportId;
    const stale = await call(reporter, 'POST', '/api/monitoring/values', { ...entry, value: 521 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { value: 520, version: 1 } });
    const wrongUnit = await call(reporter, 'POST', '/api/monitoring/values', { ...entry, measureUnit: '个', expectedVersion: 1 });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().message).toContain('计量单位应为“家”');
    const extra = await call(reporter, 'POST', '/api/monitoring/values', { ...entry, surprise: true });
    expect(extra.statusCode).toBe(400);
    const owed = await call(reporter, 'GET', '/api/monitoring/outstanding');
    expect(owed.statusCode).toBe(200);
    expect(owed.json().reports[0]).toMatchObject({ period: '2021', state: 'draft', reportId: ids.reportId });
  });

  it('downloads the template and uploads it: dry run with Chinese cell errors, refused commit, then a clean commit', async () => {
    const res = await call(reporter, 'GET', `/api/monitoring/units/${ids.unitId}/reports/2021/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('县科技局_2021_指标填报表.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('填报表');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getCell('C4').value).toBe(520);
    sheet.getCell('C5').value = 'abc';
    const bad = new Uint8Array(await workbook.xlsx.writeBuffer());
    const dry = await upload(reporter, '/api/monitoring/reports/upload', bad);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ committed: false, errors: [{ row: 5, column: 'C', message: '第5行 C列：“abc”不是数字' }] });
    const refused = await upload(reporter, '/api/monitoring/reports/upload?commit=true', bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'validation', details: [{ message: '第5行 C列：“abc”不是数字' }] });
    sheet.getCell('C5').value = 20;
    const good = await upload(reporter, '/api/monitoring/reports/upload?commit=true', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ committed: true, errors: [] });
    const wrongFile = await upload(reporter, '/api/monitoring/reports/upload', new Uint8Array(Buffer.from('hello')), 'text/plain');
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.json().message).toContain('不是有效的 Excel');
    expect((await call(reporter, 'POST', '/api/monitoring/reports/upload', {})).statusCode).toBe(400);
  });

  it('attaches evidence checked by content and serves it back', async () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n统计表'));
    const name = encodeURIComponent('2021统计表.pdf');
    const stored = await upload(reporter, `/api/monitoring/values/${ids.valueId}/attachments?kind=${encodeURIComponent('统计表')}&fileName=${name}`, pdf, 'application/pdf');
    expect(stored.statusCode).toBe(201);
    expect(stored.json()).toMatchObject({ fileType: 'pdf', size: pdf.length });
    const disguised = await upload(reporter, `/api/monitoring/values/${ids.valueId}/attachments?kind=${encodeURIComponent('证明材料')}&fileName=a.png`, pdf);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().message).toContain('扩展名与内容不符');
    const list = await call(staff, 'GET', `/api/monitoring/values/${ids.valueId}/attachments`);
    expect(list.json().attachments).toHaveLength(1);
    const back = await call(staff, 'GET', `/api/monitoring/attachments/${stored.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(Buffer.from(pdf))).toBe(true);
    expect((await call(otherAdmin, 'GET', `/api/monitoring/attachments/${stored.json().id}`)).statusCode).toBe(404);
  });

  it('runs the workflow: submit, return (reason required), resubmit, approve, reopen', async () => {
    const version = async () => (await call(staff, 'GET', `/api/monitoring/units/${ids.unitId}/reports/2021`)).json().report.version as number;
    const submit = await call(reporter, 'POST', `/api/monitoring/reports/${ids.reportId}/submit`, { expectedVersion: await version() });
    expect(submit.statusCode).toBe(200);
    expect(submit.json().state).toBe('submitted');
    const locked = await call(reporter, 'POST', '/api/monitoring/values', { indicatorId: ids.firms, period: '2021', value: 1, expectedVersion: 1 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ error: 'workflow', message: expect.stringContaining('报表已提交') });
    expect((await call(reporter, 'POST', `/api/monitoring/reports/${ids.reportId}/return`, { expectedVersion: await version(), reason: 'x' })).statusCode).toBe(403);
    const noReason = await call(staff, 'POST', `/api/monitoring/reports/${ids.reportId}/return`, { expectedVersion: await version(), reason: '' });
    expect(noReason.statusCode).toBe(400);
    const returned = await call(staff, 'POST', `/api/monitoring/reports/${ids.reportId}/return`, { expectedVersion: await version(), reason: '请补充证明材料' });
    expect(returned.json()).toMatchObject({ state: 'returned', reason: '请补充证明材料' });
    await call(reporter, 'POST', `/api/monitoring/reports/${ids.reportId}/submit`, { expectedVersion: await version() });
    const stale = await call(staff, 'POST', `/api/monitoring/reports/${ids.reportId}/approve`, { expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.state).toBe('submitted');
    const approved = await call(staff, 'POST', `/api/monitoring/reports/${ids.reportId}/approve`, { expectedVersion: await version() });
    expect(approved.json().state).toBe('approved');
    const status = await call(staff, 'GET', `/api/monitoring/plans/${ids.planId}/status?period=2021`);
    expect(status.statusCode).toBe(200);
    const firms = status.json().indicators.find((i: { indicatorId: string }) => i.indicatorId === ids.firms);
    expect(firms).toMatchObject({ status: '基本符合预期', current: { value: 520, dataYear: 2021 } });
    expect((await call(staff, 'POST', `/api/monitoring/reports/${ids.reportId}/reopen`, { expectedVersion: await version(), reason: '更正' })).statusCode).toBe(403);
    const reopened = await call(admin, 'POST', `/api/monitoring/reports/${ids.reportId}/reopen`, { expectedVersion: await version(), reason: '口径调整' });
    expect(reopened.json()).toMatchObject({ state: 'returned', reason: '口径调整' });
    await call(reporter, 'POST', `/api/monitoring/reports/${ids.reportId}/submit`, { expectedVersion: await version() });
    await call(admin, 'POST', `/api/monitoring/reports/${ids.reportId}/approve`, { expectedVersion: await version() });
  });

  it('records a 统计局 figure and makes it official', async () => {
    const entered = await call(staff, 'POST', '/api/monitoring/values', {
      indicatorId: ids.firms,
      period: '2021',
      source: 'statistics',
      value: 515,
      expectedVersion: 0,
    });
    expect(entered.statusCode).toBe(200);
    const chosen = await call(staff, 'POST', `/api/monitoring/values/${entered.json().id}/official`, {
      expectedVersion: entered.json().version,
      reason: '以统计局年报为准',
    });
    expect(chosen.json()).toMatchObject({ isOfficial: true, officialReason: '以统计局年报为准' });
    const series = await call(reporter, 'GET', `/api/monitoring/indicators/${ids.firms}/series`);
    expect(series.statusCode).toBe(200);
    expect(series.json().official).toEqual([{ period: '2021', value: 515, source: 'statistics', dataYear: 2021 }]);
    expect(series.json().path).toHaveLength(6);
  });

  it('draws a spot check and records the outcome', async () => {
    const draw = await call(staff, 'POST', '/api/monitoring/spot-checks', { size: 1 });
    expect(draw.statusCode).toBe(200);
    const check = draw.json().checks[0];
    expect(check).toMatchObject({ period: '2021', outcome: null });
    const recorded = await call(staff, 'POST', `/api/monitoring/spot-checks/${check.id}`, { outcome: 'confirmed', expectedVersion: 1 });
    expect(recorded.json()).toMatchObject({ outcome: 'confirmed', version: 2 });
    expect((await call(staff, 'GET', `/api/monitoring/spot-checks?batchId=${draw.json().batchId}`)).json().checks).toHaveLength(1);
    expect((await call(reporter, 'POST', '/api/monitoring/spot-checks', { size: 1 })).statusCode).toBe(403);
  });

  it('keeps counties apart; the municipal bureau compares them side by side and exports', async () => {
    expect((await call(otherAdmin, 'GET', `/api/monitoring/plans/${ids.planId}/status`)).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', `/api/monitoring/indicators/${ids.firms}/series`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', '/api/monitoring/comparison')).statusCode).toBe(403);
    const view = await call(municipal, 'GET', '/api/monitoring/comparison?period=2021');
    expect(view.statusCode).toBe(200);
    expect(view.json().counties.map((c: { countyName: string }) => c.countyName)).toEqual(['奉节县', '石柱县']);
    const exported = await call(admin, 'GET', `/api/monitoring/plans/${ids.planId}/status.xlsx?period=2021`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const badPeriod = await call(admin, 'GET', `/api/monitoring/plans/${ids.planId}/status?period=someday`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().message).toContain('无法识别的期间');
  });
});
