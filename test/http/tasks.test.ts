// The task, ledger, 督办, notification and 考核 API through app.inject, signed in as real users of each role.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../src/db/schema/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { listUnits } from '../../src/repositories/units.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let staff: TestLogin;
let reporter: TestLogin;
let otherStaff: TestLogin;
let municipal: TestLogin;
const ids = { fengjie: '', shizhu: '', agri: '', task: '', report: '' };

interface Json {
  [key: string]: unknown;
}

async function call(who: TestLogin, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as Json }) });
  return { status: res.statusCode, body: res.body.length > 0 && res.headers['content-type']?.toString().includes('json') ? (res.json() as Json) : {}, res };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  const plans = await listPlans(database.db, ALL_COUNTIES);
  ids.fengjie = plans.find((p) => p.countyName === '奉节县')?.id ?? '';
  ids.shizhu = plans.find((p) => p.countyName === '石柱县')?.id ?? '';
  staff = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  reporter = await loginAs(database.db, { role: 'unit_reporter', county: '奉节县', unit: '县农业农村委' });
  otherStaff = await loginAs(database.db, { role: 'county_staff', county: '石柱县' });
  municipal = await loginAs(database.db, { role: 'municipal' });
  const fengjieCounty = plans.find((p) => p.countyName === '奉节县')?.countyId ?? '';
  ids.agri = (await listUnits(database.db, countyScope(fengjieCounty))).find((u) => u.name === '县农业农村委')?.id ?? '';
  app = await buildApp({ database });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('task candidates and tasks', () => {
  it('proposes candidates from a plan; the second call returns the stored list', async () => {
    const first = await call(staff, 'POST', `/api/plans/${ids.fengjie}/task-candidates`, {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'proposed', taskChapters: ['第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章'] });
    expect(first.body.candidates).toHaveLength(111);
    const again = await call(staff, 'POST', `/api/plans/${ids.fengjie}/task-candidates`);
    expect(again.body.status).toBe('already-proposed');
    const listed = await call(reporter, 'GET', `/api/plans/${ids.fengjie}/task-candidates?state=proposed`);
    expect(listed.status).toBe(200);
    expect(listed.body.candidates).toHaveLength(111);
  });

  it('refuses reporters on management routes, other counties by 404, bad bodies by 400', async () => {
    expect((await call(reporter, 'POST', `/api/plans/${ids.fengjie}/task-candidates`, {})).status).toBe(403);
    expect((await call(otherStaff, 'POST', `/api/plans/${ids.fengjie}/task-candidates`, {})).status).toBe(404);
    const unknown = await call(staff, 'POST', '/api/tasks', { title: '多余字段', colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'validation' });
    const badDate = await call(staff, 'POST', '/api/tasks', { title: '日期错', deadline: '2024/10/08' });
    expect(badDate.status).toBe(400);
    const badRange = await call(staff, 'POST', `/api/plans/${ids.fengjie}/task-candidates`, { chapters: { from: '第九十章', to: '第十章' } });
    expect(badRange.status).toBe(400);
  });

  it('accepts a candidate as a task for a lead unit, and edits it with optimistic locking', async () => {
    const { body } = await call(staff, 'GET', `/api/plans/${ids.fengjie}/task-candidates`);
    const candidates = body.candidates as { id: string; title: string | null }[];
    const orange = candidates.find((c) => c.title === '智慧果园');
    const created = await call(staff, 'POST', '/api/task-candidates/accept', {
      candidateIds: [orange?.id],
      task: { leadUnitId: ids.agri, deadline: '2030-12-31' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: '智慧果园', leadUnit: { name: '县农业农村委' }, colour: null });
    ids.task = String(created.body.id);
    const again = await call(staff, 'POST', '/api/task-candidates/accept', { candidateIds: [orange?.id] });
    expect(again.status).toBe(409);
    const edited = await call(staff, 'PATCH', `/api/tasks/${ids.task}`, { version: 1, description: '按季度报送进展' });
    expect(edited.status).toBe(200);
    const stale = await call(staff, 'PATCH', `/api/tasks/${ids.task}`, { version: 1, description: '过期' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version-conflict', current: { id: ids.task, version: 2 } });
    expect((await call(otherStaff, 'GET', `/api/tasks/${ids.task}`)).status).toBe(404);
    expect((await call(municipal, 'GET', `/api/tasks/${ids.task}`)).status).toBe(200);
    expect(((await call(reporter, 'GET', '/api/tasks')).body.tasks as unknown[]).length).toBe(1);
  });

  it('milestones: the bureau adds, the unit records completion', async () => {
    const added = await call(staff, 'POST', '/api/milestones', { taskId: ids.task, name: '完成智慧果园选址', dueOn: '2030-03-31' });
    expect(added.status).toBe(201);
    expect((await call(reporter, 'POST', '/api/milestones', { taskId: ids.task, name: 'x', dueOn: '2030-03-31' })).status).toBe(403);
    const done = await call(reporter, 'PATCH', `/api/milestones/${String(added.body.id)}`, { version: 1, done: true, evidence: '选址批复' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ evidence: '选址批复' });
  });

  it('a unit reports with an attachment (raw bytes, checked by content); the bureau returns and approves', async () => {
    const saved = await call(reporter, 'PUT', `/api/tasks/${ids.task}/reports`, { period: '2025Q1', text: '完成选址。', percentDone: 10 });
    expect(saved.status).toBe(200);
    ids.report = String(saved.body.id);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const upload = await app.inject({
      method: 'POST',
      url: `/api/task-reports/${ids.report}/attachments?fileName=${encodeURIComponent('现场照片.png')}`,
      headers: { ...reporter.headers, 'content-type': 'image/png' },
      payload: png,
    });
    expect(upload.statusCode).toBe(201);
    const attachment = upload.json() as { id: string; fileType: string };
    expect(attachment.fileType).toBe('png');
    const fake = await app.inject({
      method: 'POST',
      url: `/api/task-reports/${ids.report}/attachments?fileName=a.pdf`,
      headers: { ...reporter.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('MZ this is an exe'),
    });
    expect(fake.statusCode).toBe(400);
    expect((fake.json() as { message: string }).message).toContain('文件类型不允许');
    const download = await app.inject({ method: 'GET', url: `/api/task-attachments/${attachment.id}`, headers: staff.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/task-attachments/${attachment.id}`, headers: otherStaff.headers })).statusCode).toBe(404);

    const submitted = await call(reporter, 'POST', `/api/task-reports/${ids.report}/submit`, { version: saved.body.version });
    expect(submitted.body.state).toBe('submitted');
    expect((await call(reporter, 'POST', `/api/task-reports/${ids.report}/review`, { version: submitted.body.version, decision: 'approve' })).status).toBe(403);
    const noReason = await call(staff, 'POST', `/api/task-reports/${ids.report}/review`, { version: submitted.body.version, decision: 'return' });
    expect(noReason.status).toBe(400);
    const returned = await call(staff, 'POST', `/api/task-reports/${ids.report}/review`, { version: submitted.body.version, decision: 'return', reason: '照片不清晰' });
    expect(returned.body).toMatchObject({ state: 'returned', reason: '照片不清晰' });
    const wrongState = await call(staff, 'POST', `/api/task-reports/${ids.report}/review`, { version: returned.body.version, decision: 'approve' });
    expect(wrongState.status).toBe(409);
    const resubmitted = await call(reporter, 'POST', `/api/task-reports/${ids.report}/submit`, { version: returned.body.version });
    const approved = await call(staff, 'POST', `/api/task-reports/${ids.report}/review`, { version: resubmitted.body.version, decision: 'approve' });
    expect(approved.body.state).toBe('approved');
    expect((await call(staff, 'GET', `/api/tasks/${ids.task}`)).body.percentDone).toBe(10);
    const reports = await call(reporter, 'GET', `/api/task-reports?taskId=${ids.task}`);
    expect(reports.body.reports).toHaveLength(1);
  });
});

describe('project ledger', () => {
  it('builds the ledger and records a year', async () => {
    expect((await call(staff, 'POST', `/api/plans/${ids.fengjie}/ledger`)).body).toEqual({ added: 9, total: 9 });
    const listing = await call(staff, 'GET', '/api/projects');
    expect(listing.body.totals).toMatchObject({ all: { projects: 9, totalInvestment: 172500 } });
    const project = (listing.body.projects as { id: string }[])[0];
    const year = await call(staff, 'PUT', `/api/projects/${project?.id}/years/2024`, {
      version: 0,
      plannedInvestment: 1000,
      completedInvestment: 800,
      imageProgress: '主体施工',
      percentDone: 40,
    });
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2024, completedInvestment: 800, version: 1 });
    expect((await call(otherStaff, 'GET', '/api/projects')).body.projects).toEqual([]);
  });
});

describe('督办, notifications and 考核', () => {
  it('the scan issues orders; the unit signs and replies; the bureau closes; notifications follow', async () => {
    const task = await call(staff, 'POST', '/api/tasks', { title: '逾期任务', leadUnitId: ids.agri, startOn: '2024-01-01', deadline: '2024-03-31' });
    expect(task.status).toBe(201);
    expect(task.body.colour).toBe('red');
    expect((await call(reporter, 'POST', '/api/supervision/scan', {})).status).toBe(403);
    const scan = await call(staff, 'POST', '/api/supervision/scan', {});
    expect(scan.status).toBe(200);
    expect(scan.body.issued).toBeGreaterThanOrEqual(1);
    const mine = await call(reporter, 'GET', '/api/supervision/orders?state=open');
    const order = (mine.body.orders as { id: string; itemId: string; version: number; colour: string }[]).find((o) => o.itemId === task.body.id);
    expect(order?.colour).toBe('red');
    const notices = await call(reporter, 'GET', '/api/notifications?unread=true');
    expect((notices.body.notifications as { title: string }[]).some((n) => n.title === '红色督办：逾期任务')).toBe(true);
    const signed = await call(reporter, 'POST', `/api/supervision/orders/${order?.id}/actions`, { version: order?.version, action: 'sign' });
    expect(signed.body.state).toBe('signed');
    const replied = await call(reporter, 'POST', `/api/supervision/orders/${order?.id}/actions`, { version: signed.body.version, action: 'reply', text: '已整改' });
    expect(replied.body.state).toBe('replied');
    expect((await call(reporter, 'POST', `/api/supervision/orders/${order?.id}/actions`, { version: replied.body.version, action: 'close' })).status).toBe(403);
    expect((await call(otherStaff, 'POST', `/api/supervision/orders/${order?.id}/actions`, { version: replied.body.version, action: 'close' })).status).toBe(404);
    const closed = await call(staff, 'POST', `/api/supervision/orders/${order?.id}/actions`, { version: replied.body.version, action: 'close', text: '同意' });
    expect(closed.body).toMatchObject({ state: 'closed', stateLabel: '已办结' });
    const read = await call(reporter, 'POST', '/api/notifications/read', { ids: 'all' });
    expect(read.status).toBe(200);
    expect((await call(reporter, 'GET', '/api/notifications')).body.unread).toBe(0);
    expect((await call(reporter, 'PUT', '/api/notifications/email', { email: 'x@y.cn' })).body).toEqual({ email: 'x@y.cn' });
  });

  it('settings are versioned', async () => {
    const current = await call(reporter, 'GET', '/api/supervision/settings');
    expect(current.body).toMatchObject({ version: 0, colourRules: { blueWithinWorkingDays: 5 } });
    const saved = await call(staff, 'PUT', '/api/supervision/settings', { version: 0, assessmentWeights: { indicators: 50, reports: 10, tasks: 30, supervision: 10 } });
    expect(saved.body).toMatchObject({ version: 1, assessmentWeights: { indicators: 50 } });
    expect((await call(staff, 'PUT', '/api/supervision/settings', { version: 0 })).status).toBe(409);
  });

  it('考核 ranking as JSON and .xlsx; reporters may not read it', async () => {
    const year = new Date().getFullYear();
    const json = await call(staff, 'GET', `/api/assessment?year=${year}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ countyName: '奉节县', year, weights: { indicators: 50 } });
    expect((await call(reporter, 'GET', `/api/assessment?year=${year}`)).status).toBe(403);
    const xlsx = await app.inject({ method: 'GET', url: `/api/assessment.xlsx?year=${year}`, headers: staff.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent(`考核排名-奉节县-${year}.xlsx`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]?.name).toBe(`${year}年考核`);
    expect((workbook.worksheets[0]?.getRow(3).values as unknown[]).slice(-4)).toEqual(['报送按时（份）', '报送迟报（份）', '报送未报（份）', '综合得分']);
    expect(workbook.getWorksheet('迟报未报明细')).toBeDefined();
    // The municipal bureau names the county it wants.
    expect((await call(municipal, 'GET', `/api/assessment?year=${year}`)).status).toBe(400);
  });

  it('考核 rows carry 按时 / 迟报 / 未报 and the late or missing reports; the task report cadence is a versioned setting', async () => {
    // 逾期任务 (lead 县农业农村委, from 2024-01-01) as if entered on 01-02 of the year before last: its quarters of
    // that year ending before the task's done day are owed. It never reported: Q1–Q3 are missing (Q4's is due the
    // next January).
    const year = new Date().getFullYear() - 2;
    const listed = await call(staff, 'GET', '/api/tasks');
    const overdueTask = (listed.body.tasks as { id: string; title: string }[]).find((t) => t.title === '逾期任务');
    if (!overdueTask) throw new Error('逾期任务 missing');
    await database.db.update(tasks).set({ startOn: `${year}-01-01`, createdAt: new Date(`${year}-01-02T12:00:00+08:00`) }).where(eq(tasks.id, overdueTask.id));

    const json = await call(staff, 'GET', `/api/assessment?year=${year}`);
    expect(json.status).toBe(200);
    expect(json.body.taskReportFrequency).toBe('quarter');
    const rows = json.body.rows as { unitId: string; counts: { reports: { good: number; total: number } }; reportBreakdown: { onTime: number; late: number; missing: number }; overdueReports: Json[] }[];
    for (const row of rows) {
      const { onTime, late, missing } = row.reportBreakdown;
      expect({ good: onTime, total: onTime + late + missing }).toEqual(row.counts.reports);
      expect(row.overdueReports).toHaveLength(late + missing);
    }
    const agri = rows.find((r) => r.unitId === ids.agri);
    expect(agri?.reportBreakdown).toEqual({ onTime: 0, late: 0, missing: 3 });
    expect(agri?.overdueReports[0]).toEqual({
      kind: 'task',
      name: '逾期任务',
      taskId: overdueTask.id,
      period: `${year}Q1`,
      periodLabel: `${year}年第一季度`,
      dueOn: expect.stringMatching(new RegExp(`^${year}-04-\\d{2}$`)) as unknown as string,
      submittedOn: null,
      timeliness: 'missing',
    });

    // 月报: the bureau changes the cadence (version-checked; reporters may not; unknown cadences refused).
    const current = await call(staff, 'GET', '/api/supervision/settings');
    expect(current.body.taskReportFrequency).toBe('quarter');
    expect((await call(reporter, 'PUT', '/api/supervision/settings', { version: current.body.version, taskReportFrequency: 'month' })).status).toBe(403);
    const weekly = await call(staff, 'PUT', '/api/supervision/settings', { version: current.body.version, taskReportFrequency: 'week' });
    expect(weekly.status).toBe(400);
    const saved = await call(staff, 'PUT', '/api/supervision/settings', { version: current.body.version, taskReportFrequency: 'month' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ taskReportFrequency: 'month', version: Number(current.body.version) + 1, assessmentWeights: { indicators: 50 } });
    const stale = await call(staff, 'PUT', '/api/supervision/settings', { version: current.body.version, taskReportFrequency: 'year' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'version-conflict', current: { taskReportFrequency: 'month' } });
    expect((await call(reporter, 'GET', '/api/supervision/settings')).body.taskReportFrequency).toBe('month');
    // January–November of that year are owed monthly (December's is due the next January).
    const monthly = await call(staff, 'GET', `/api/assessment?year=${year}`);
    expect(monthly.body.taskReportFrequency).toBe('month');
    expect((monthly.body.rows as typeof rows).find((r) => r.unitId === ids.agri)?.reportBreakdown).toEqual({ onTime: 0, late: 0, missing: 11 });
    const back = await call(staff, 'PUT', '/api/supervision/settings', { version: saved.body.version, taskReportFrequency: 'quarter' });
    expect(back.status).toBe(200);
  });
});
