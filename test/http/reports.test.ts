// The report API through app.inject with real sessions: request a job, follow it to done, download the files; the
// municipal batch; county isolation, permissions, bad input, and jobs cut off by a restart.
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportJobs } from '../../src/db/schema/index.ts';
import { buildApp } from '../../src/http/app.ts';
import { insertReportJob, startReportJob } from '../../src/repositories/report-jobs.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { docxParagraphs } from '../support/docx-read.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { buildReportSample, type ReportSample } from '../support/report-sample.ts';

let database: TestDatabase;
let app: FastifyInstance;
let sample: ReportSample;
let admin: TestLogin;
let otherAdmin: TestLogin;
let reporter: TestLogin;
let municipal: TestLogin;
let planId = '';

interface JobAnswer {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  files: { id: string; fileName: string; contentType: string; size: number }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  sample = await buildReportSample(database.db, { tasksPerPlan: 2 });
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
  otherAdmin = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
  reporter = await loginAs(database.db, { role: 'unit_reporter', county: '奉节县', unit: '县科技局' });
  municipal = await loginAs(database.db, { role: 'municipal' });
  planId = sample.plans.find((p) => p.countyName === '奉节县')?.planId ?? '';
}, 180_000);

afterAll(async () => {
  await app.close();
  await database.dispose();
});

function call(who: TestLogin, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...who.headers, ...(options.headers ?? {}) } });
}

async function runToEnd(who: TestLogin, body: Record<string, unknown>): Promise<JobAnswer> {
  const created = await call(who, { method: 'POST', url: '/api/reports/jobs', payload: body });
  expect(created.statusCode).toBe(202);
  const job = created.json() as JobAnswer;
  expect(job.status).toBe('queued');
  await app.reportJobQueue.idle();
  const res = await call(who, { method: 'GET', url: `/api/reports/jobs/${job.id}` });
  expect(res.statusCode).toBe(200);
  return res.json() as JobAnswer;
}

describe('one plan’s report', () => {
  let job: JobAnswer;
  beforeAll(async () => {
    job = await runToEnd(admin, { scope: 'plan', planId, kind: 'midterm', year: 2023 });
  }, 120_000);

  it('runs to done and offers the Word file and the Excel annex for download', async () => {
    expect(job).toMatchObject({ status: 'done', progress: 100, error: null });
    const [docx, xlsx] = job.files;
    expect(docx?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(xlsx?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const download = await call(admin, { method: 'GET', url: `/api/reports/jobs/${job.id}/files/${docx?.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(docx?.fileName ?? '')}`);
    expect(download.rawPayload.length).toBe(docx?.size);
    const paragraphs = await docxParagraphs(download.rawPayload);
    expect(paragraphs[0]).toBe('奉节县科技创新“十四五”规划中期评估报告');
    expect(paragraphs.some((p) => /^截至2023年，规划13 项指标中，\d+ 项提前实现、\d+ 项快于预期、\d+ 项基本符合预期、\d+ 项滞后/.test(p))).toBe(true);
  });

  it('is listed for its plan, and hidden from another county', async () => {
    const list = await call(admin, { method: 'GET', url: `/api/reports/jobs?planId=${planId}` });
    expect((list.json() as { jobs: JobAnswer[] }).jobs.map((j) => j.id)).toContain(job.id);
    expect((await call(otherAdmin, { method: 'GET', url: `/api/reports/jobs/${job.id}` })).statusCode).toBe(404);
    expect((await call(otherAdmin, { method: 'GET', url: `/api/reports/jobs/${job.id}/files/${job.files[0]?.id}` })).statusCode).toBe(404);
    expect((await call(otherAdmin, { method: 'GET', url: '/api/reports/jobs' })).json()).toEqual({ jobs: [] });
    const foreign = await call(otherAdmin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'midterm' } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('refusals', () => {
  it('a unit reporter may not generate reports; no session is 401', async () => {
    const res = await call(reporter, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'annual', year: 2023 } });
    expect(res.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/reports/jobs' })).statusCode).toBe(401);
  });

  it('answers a year outside the plan and unknown fields with 400 in Chinese', async () => {
    const late = await call(admin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'midterm', year: 2019 } });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ error: 'validation', message: expect.stringContaining('早于规划期') });
    const early = await call(admin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'final', year: 2023 } });
    expect(early.json()).toMatchObject({ message: expect.stringContaining('总结评估') });
    const extra = await call(admin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'midterm', countyId: 'x' } });
    expect(extra.statusCode).toBe(400);
    const kind = await call(admin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'plan', planId, kind: 'weekly' } });
    expect(kind.statusCode).toBe(400);
  });

  it('the municipal batch is for the municipal bureau only', async () => {
    const res = await call(admin, { method: 'POST', url: '/api/reports/jobs', payload: { scope: 'municipal', municipality: '重庆市', kind: 'midterm' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('municipal batch', () => {
  it('zips every county’s report with the comparison summary', async () => {
    const job = await runToEnd(municipal, { scope: 'municipal', municipality: '重庆市', kind: 'midterm', year: 2023 });
    expect(job.status).toBe('done');
    expect(job.files).toHaveLength(1);
    const zipFile = job.files[0];
    expect(zipFile?.fileName).toBe('重庆市中期评估报告（2023年，2个区县）.zip');
    const download = await call(municipal, { method: 'GET', url: `/api/reports/jobs/${job.id}/files/${zipFile?.id}` });
    const zip = await JSZip.loadAsync(download.rawPayload);
    const docs = Object.keys(zip.files).filter((n) => n.endsWith('.docx'));
    expect(docs.sort()).toEqual([
      '奉节县/奉节县科技创新“十四五”规划中期评估报告（2023年）.docx',
      '石柱县/石柱县科技创新“十四五”规划中期评估报告（2023年）.docx',
      '重庆市各区县科技创新规划中期评估情况汇总.docx',
    ]);
    // County users never see the batch (its county is NULL).
    expect((await call(admin, { method: 'GET', url: `/api/reports/jobs/${job.id}` })).statusCode).toBe(404);
  }, 120_000);
});

describe('restart', () => {
  it('a job left running by a stopped server is failed with the reason when the server starts', async () => {
    const id = await insertReportJob(database.db, {
      countyId: sample.plans[0]?.countyId ?? null,
      planId,
      scope: 'plan',
      municipality: null,
      kind: 'annual',
      year: 2023,
      requestedBy: 'someone',
    });
    await startReportJob(database.db, id);
    await database.db.update(reportJobs).set({ updatedAt: sql`now() - interval '1 hour'` }).where(eq(reportJobs.id, id));
    const restarted = await buildApp({ database });
    await restarted.ready();
    const res = await call(admin, { method: 'GET', url: `/api/reports/jobs/${id}` });
    expect(res.json()).toMatchObject({ status: 'failed', error: expect.stringContaining('服务重启') });
    await restarted.close();
  });
});
