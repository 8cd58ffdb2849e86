// The 三方协议 file of a 特派员 dispatch through app.inject with real sessions: the file goes up as the raw request body
// (like the visit photos and the monitoring attachments), comes back with its type and the Chinese name encoded in
// content-disposition, refusals are 400 naming the file with nothing written, a stale version is 409, and callers
// without the right or from another county are refused (401 / 403 / 404).
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { insertCounty } from '../../src/repositories/counties.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';

interface AgreementFile {
  id: string;
  dispatchId: string;
  fileName: string;
  fileType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}
interface Files {
  dispatchId: string;
  version: number;
  files: AgreementFile[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const EXE = Buffer.from('MZ\u0090\u0000This program cannot be run in DOS mode.', 'latin1');
const NAME = '奉科特〔2025〕3号 三方协议.pdf';

let database: TestDatabase;
let app: FastifyInstance;
let staff: TestLogin;
let otherCounty: TestLogin;
let municipal: TestLogin;
let dispatchId = '';
let commissionerId = '';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  await insertCounty(database.db, '奉节县');
  await insertCounty(database.db, '石柱县');
  staff = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  otherCounty = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
  municipal = await loginAs(database.db, { role: 'municipal' });
  const c = await call(staff, { method: 'POST', url: '/api/commissioners', payload: { name: '李专家', level: '市级', type: '公益型', dispatchingUnit: '重庆三峡学院' } });
  commissionerId = (c.json() as { id: string }).id;
  const d = await call(staff, {
    method: 'POST',
    url: `/api/commissioners/${commissionerId}/dispatches`,
    payload: { town: '吐祥镇', serviceObject: '吐祥镇石板村中药材合作社', agreementNumber: '奉科特〔2025〕3号', agreementSignedOn: '2025-02-10', tasks: '中药材种植指导', startOn: '2025-03-01' },
  });
  expect(d.statusCode).toBe(201);
  dispatchId = (d.json() as { id: string }).id;
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

function call(who: TestLogin | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...(who?.headers ?? {}), ...(options.headers ?? {}) } });
}

function upload(who: TestLogin | null, fileName: string, bytes: Buffer, version: number, extra: { replaces?: string; contentType?: string } = {}) {
  const query = new URLSearchParams({ fileName, version: String(version), ...(extra.replaces ? { replaces: extra.replaces } : {}) });
  return call(who, { method: 'POST', url: `/api/dispatches/${dispatchId}/agreement-files?${query.toString()}`, payload: bytes, headers: { 'content-type': extra.contentType ?? 'application/pdf' } });
}

async function current(): Promise<Files> {
  const res = await call(staff, { method: 'GET', url: `/api/dispatches/${dispatchId}/agreement-files` });
  expect(res.statusCode).toBe(200);
  return res.json() as Files;
}

describe('三方协议 files over HTTP', () => {
  let pdf: AgreementFile;

  it('uploads the scan as the request body (201) and lists it on the dispatch and in the commissioner detail', async () => {
    const res = await upload(staff, NAME, PDF, 1);
    expect(res.statusCode).toBe(201);
    const body = res.json() as Files;
    expect(body.version).toBe(2);
    expect(body.files).toHaveLength(1);
    pdf = body.files[0] as AgreementFile;
    expect(pdf).toMatchObject({ dispatchId, fileName: NAME, fileType: 'pdf', size: PDF.length, uploadedBy: staff.user.username });
    expect(await current()).toEqual(body);
    const detail = (await call(staff, { method: 'GET', url: `/api/commissioners/${commissionerId}` })).json() as { dispatches: { id: string; version: number; agreementFiles: AgreementFile[] }[] };
    expect(detail.dispatches.map((d) => [d.id, d.version, d.agreementFiles.map((f) => f.fileName)])).toEqual([[dispatchId, 2, [NAME]]]);
  });

  it('downloads the same bytes with the content type and the Chinese name encoded as the other downloads do', async () => {
    const res = await call(staff, { method: 'GET', url: `/api/dispatch-agreement-files/${pdf.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="____2025_3_ ____.pdf"; filename*=UTF-8''${encodeURIComponent(NAME)}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a wrong type, a text renamed .pdf, an empty body and a multipart envelope with 400 naming the file; nothing written', async () => {
    const before = await current();
    const cases: [string, Buffer, string, string][] = [
      ['setup.exe', EXE, 'application/octet-stream', '「setup.exe」文件类型不允许，仅支持 PDF、JPG、PNG、DOCX'],
      ['协议.pdf', Buffer.from('只是一段文字', 'utf8'), 'text/plain', '「协议.pdf」文件类型不允许'],
      ['空白.pdf', Buffer.alloc(0), 'application/pdf', '「空白.pdf」文件为空'],
      // The body is the file itself; a form-data envelope around a PDF is not a PDF.
      ['表单.pdf', Buffer.concat([Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n'), PDF, Buffer.from('\r\n--x--\r\n')]), 'multipart/form-data; boundary=x', '「表单.pdf」文件类型不允许'],
    ];
    for (const [fileName, bytes, contentType, message] of cases) {
      const res = await upload(staff, fileName, bytes, before.version, { contentType });
      expect(res.statusCode, fileName).toBe(400);
      const body = res.json() as { error: string; message: string };
      expect(body.error, fileName).toBe('validation');
      expect(body.message, fileName).toContain(message);
    }
    expect(await current()).toEqual(before);
  });

  it('replaces with ?replaces= and removes with DELETE ?version=; a stale version answers 409 with the files as they are', async () => {
    const added = await upload(staff, '第2页.jpg', JPG, 2, { contentType: 'image/jpeg' });
    expect(added.statusCode).toBe(201);
    const stale = await upload(staff, '盖章版.pdf', PDF, 2, { replaces: pdf.id });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { version: 3, files: [{ fileName: NAME }, { fileName: '第2页.jpg' }] } });
    const replaced = await upload(staff, '盖章版.pdf', PDF, 3, { replaces: pdf.id });
    expect(replaced.statusCode).toBe(201);
    expect((replaced.json() as Files).files.map((f) => f.fileName)).toEqual(['第2页.jpg', '盖章版.pdf']);
    expect((await call(staff, { method: 'GET', url: `/api/dispatch-agreement-files/${pdf.id}` })).statusCode).toBe(404);
    const jpg = (replaced.json() as Files).files[0] as AgreementFile;
    expect((await call(staff, { method: 'DELETE', url: `/api/dispatch-agreement-files/${jpg.id}?version=3` })).statusCode).toBe(409);
    const removed = await call(staff, { method: 'DELETE', url: `/api/dispatch-agreement-files/${jpg.id}?version=4` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ version: 5, files: [{ fileName: '盖章版.pdf' }] });
    // The audit trail (read by the bureau) holds one row per accepted write and none for the refused ones.
    const audit = (await call(municipal, { method: 'GET', url: `/api/audit?entity=commissioner_dispatch&entityId=${dispatchId}` })).json() as { entries: { action: string; actor: string }[] };
    const actions = audit.entries.map((e) => e.action).filter((a) => a.startsWith('commissioner.agreement.'));
    expect(actions.sort()).toEqual(['commissioner.agreement.remove', 'commissioner.agreement.replace', 'commissioner.agreement.upload', 'commissioner.agreement.upload']);
  });

  it('refuses callers: no session 401, no CSRF token 403, another county 404 everywhere, municipal reads but may not write', async () => {
    const state = await current();
    const file = state.files[0] as AgreementFile;
    expect((await upload(null, 'a.pdf', PDF, state.version)).statusCode).toBe(401);
    expect((await call(null, { method: 'GET', url: `/api/dispatch-agreement-files/${file.id}` })).statusCode).toBe(401);
    const noCsrf = await app.inject({ method: 'POST', url: `/api/dispatches/${dispatchId}/agreement-files?fileName=a.pdf&version=${state.version}`, payload: PDF, headers: { cookie: staff.cookie, 'content-type': 'application/pdf' } });
    expect(noCsrf.statusCode).toBe(403);

    for (const res of [
      await call(otherCounty, { method: 'GET', url: `/api/dispatch-agreement-files/${file.id}` }),
      await call(otherCounty, { method: 'GET', url: `/api/dispatches/${dispatchId}/agreement-files` }),
      await upload(otherCounty, 'a.pdf', PDF, state.version),
      await upload(otherCounty, 'a.pdf', PDF, state.version, { replaces: file.id }),
      await call(otherCounty, { method: 'DELETE', url: `/api/dispatch-agreement-files/${file.id}?version=${state.version}` }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(file.fileName);
    }
    const read = await call(municipal, { method: 'GET', url: `/api/dispatch-agreement-files/${file.id}` });
    expect(read.statusCode).toBe(200);
    expect((await upload(municipal, 'a.pdf', PDF, state.version)).statusCode).toBe(403);
    expect((await call(municipal, { method: 'DELETE', url: `/api/dispatch-agreement-files/${file.id}?version=${state.version}` })).statusCode).toBe(403);
    expect(await current()).toEqual(state);
  });
});
