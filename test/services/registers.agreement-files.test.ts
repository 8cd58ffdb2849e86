// The signed 三方协议 of a 特派员 dispatch: upload (checked by content, refusals name the file and write nothing),
// list, download, replace and remove — each write against the dispatch version (409 when stale) with its audit row —
// and isolation: another county, and an enterprise that is not the dispatch's party, get "not found".
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dispatchAgreementFiles } from '../../src/db/schema/index.ts';
import { MAX_AGREEMENT_FILES } from '../../src/domain/registers/commissioners.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/domain/reporting/file-type.ts';
import { insertCounty } from '../../src/repositories/counties.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { createCommissioner } from '../../src/services/registers/create-commissioner.ts';
import { createEnterprise } from '../../src/services/registers/create-enterprise.ts';
import { dispatchCommissioner } from '../../src/services/registers/dispatch-commissioner.ts';
import { getAgreementFile, listDispatchAgreementFiles } from '../../src/services/registers/get-agreement-file.ts';
import { getCommissioner } from '../../src/services/registers/get-commissioner.ts';
import { removeAgreementFile } from '../../src/services/registers/remove-agreement-file.ts';
import { uploadAgreementFile } from '../../src/services/registers/upload-agreement-file.ts';
import type { DispatchRecord } from '../../src/repositories/commissioners.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, USCC } from '../support/registers.ts';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const PDF = ascii('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PDF_2 = ascii('%PDF-1.7\n% 盖章页重新扫描\n%%EOF\n');
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const DOCX = ascii('PK\u0003\u0004....[Content_Types].xml....word/document.xml....');
const XLSX = ascii('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml....');
const EXE = ascii('MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.');

let database: TestDatabase;
let clerk: Access;
let otherCounty: Access;
let municipal: Access;
let party: Access;
let stranger: Access;
let dispatch: DispatchRecord;
let commissionerId = '';

async function storedFiles(dispatchId: string): Promise<number> {
  const rows = await database.db.select({ n: count() }).from(dispatchAgreementFiles).where(eq(dispatchAgreementFiles.dispatchId, dispatchId));
  return rows[0]?.n ?? 0;
}

async function auditOf(dispatchId: string) {
  const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityId, dispatchId));
  return rows.filter((r) => r.action.startsWith('commissioner.agreement.')).sort((a, b) => a.at.getTime() - b.at.getTime());
}

beforeAll(async () => {
  database = await createTestDatabase();
  const fengjie = (await insertCounty(database.db, '奉节县')).id;
  const shizhu = (await insertCounty(database.db, '石柱县')).id;
  clerk = accessAs('county_staff', fengjie, { username: '奉节科技局-刘' });
  otherCounty = accessAs('county_admin', shizhu);
  municipal = accessAs('municipal', null);
  const orchard = await createEnterprise(database.db, clerk, { uscc: USCC.b, name: '夔州脐橙科技有限公司' });
  const glasses = await createEnterprise(database.db, clerk, { uscc: USCC.a, name: '奉节眼镜科技有限公司' });
  party = accessAs('enterprise', fengjie, { enterpriseId: orchard.id });
  stranger = accessAs('enterprise', fengjie, { enterpriseId: glasses.id });
  const c = await createCommissioner(database.db, clerk, { name: '张农', level: '市级', type: '公益型', dispatchingUnit: '西南大学' });
  commissionerId = c.id;
  dispatch = await dispatchCommissioner(database.db, clerk, {
    commissionerId: c.id,
    town: '草堂镇',
    enterpriseId: orchard.id,
    serviceObject: orchard.name,
    agreementNumber: '奉科特〔2025〕12号',
    agreementSignedOn: '2025-02-20',
    tasks: '脐橙绿色防控技术指导',
    startOn: '2025-03-01',
  });
});
afterAll(async () => {
  await database.dispose();
});

describe('三方协议 files of a dispatch', () => {
  let pdfId = '';

  it('uploads a PDF scan: listed with name, size, uploader and time; the bytes come back as stored', async () => {
    expect(dispatch.version).toBe(1);
    expect((await listDispatchAgreementFiles(database.db, clerk, dispatch.id)).files).toEqual([]);
    const after = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 1, fileName: '奉科特〔2025〕12号 三方协议.pdf', bytes: PDF });
    expect(after.version).toBe(2);
    expect(after.files).toHaveLength(1);
    const file = after.files[0];
    if (!file) throw new Error('no file');
    pdfId = file.id;
    expect(file).toMatchObject({ dispatchId: dispatch.id, fileName: '奉科特〔2025〕12号 三方协议.pdf', fileType: 'pdf', size: PDF.length, uploadedBy: '奉节科技局-刘' });
    expect(Date.now() - Date.parse(file.uploadedAt)).toBeLessThan(60_000);
    expect(await listDispatchAgreementFiles(database.db, clerk, dispatch.id)).toEqual(after);

    const download = await getAgreementFile(database.db, clerk, pdfId);
    expect(download.contentType).toBe('application/pdf');
    expect(Buffer.from(download.bytes).equals(Buffer.from(PDF))).toBe(true);

    // The commissioner's detail shows the file on its dispatch.
    const detail = await getCommissioner(database.db, clerk, commissionerId);
    expect(detail.dispatches.map((d) => [d.version, d.agreementFiles.map((f) => f.fileName)])).toEqual([[2, ['奉科特〔2025〕12号 三方协议.pdf']]]);

    const audit = await auditOf(dispatch.id);
    expect(audit.map((a) => [a.action, a.entity, a.actor])).toEqual([['commissioner.agreement.upload', 'commissioner_dispatch', '奉节科技局-刘']]);
    expect(audit[0]?.after).toMatchObject({ fileId: pdfId, fileName: '奉科特〔2025〕12号 三方协议.pdf', fileType: 'pdf', size: PDF.length, version: 2 });
  });

  it('adds page photos and a .docx beside it; a stale version is refused (409) with the files as they are now', async () => {
    const withPage = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 2, fileName: '第2页.JPG', bytes: JPG });
    expect(withPage.files.map((f) => [f.fileName, f.fileType])).toEqual([
      ['奉科特〔2025〕12号 三方协议.pdf', 'pdf'],
      ['第2页.JPG', 'jpg'],
    ]);
    const stale = uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 2, fileName: '电子签.docx', bytes: DOCX });
    await expect(stale).rejects.toThrow(VersionConflictError);
    const conflict = await stale.catch((e: unknown) => e);
    expect(conflict instanceof VersionConflictError ? conflict.current : null).toMatchObject({ version: 3, files: [{ fileName: '奉科特〔2025〕12号 三方协议.pdf' }, { fileName: '第2页.JPG' }] });
    expect(await storedFiles(dispatch.id)).toBe(2);
    const withDocx = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 3, fileName: '电子签.docx', bytes: DOCX });
    expect(withDocx.files.map((f) => f.fileType)).toEqual(['pdf', 'jpg', 'docx']);
    expect(withDocx.version).toBe(4);
  });

  it('replaces the PDF: the new bytes under a new file, the old one gone, before and after in one audit row', async () => {
    const replaced = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 4, fileName: '三方协议（盖章版）.pdf', bytes: PDF_2, replacesFileId: pdfId });
    expect(replaced.version).toBe(5);
    expect(replaced.files.map((f) => f.fileName)).toEqual(['第2页.JPG', '电子签.docx', '三方协议（盖章版）.pdf']);
    await expect(getAgreementFile(database.db, clerk, pdfId)).rejects.toThrow(NotFoundError);
    const fresh = replaced.files.find((f) => f.fileName === '三方协议（盖章版）.pdf');
    expect(Buffer.from((await getAgreementFile(database.db, clerk, fresh?.id ?? '')).bytes).equals(Buffer.from(PDF_2))).toBe(true);
    const audit = (await auditOf(dispatch.id)).at(-1);
    expect(audit?.action).toBe('commissioner.agreement.replace');
    expect(audit?.before).toMatchObject({ fileId: pdfId, fileName: '奉科特〔2025〕12号 三方协议.pdf', size: PDF.length });
    expect(audit?.after).toMatchObject({ fileId: fresh?.id, fileName: '三方协议（盖章版）.pdf', size: PDF_2.length, version: 5 });
    // Replacing a file that is gone (already replaced) writes nothing, not even the version.
    await expect(uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: 5, fileName: 'x.pdf', bytes: PDF, replacesFileId: pdfId })).rejects.toThrow(NotFoundError);
    expect((await listDispatchAgreementFiles(database.db, clerk, dispatch.id)).version).toBe(5);
  });

  it('removes a file with an audit row naming what was removed; a stale removal writes nothing', async () => {
    const before = await listDispatchAgreementFiles(database.db, clerk, dispatch.id);
    const jpg = before.files.find((f) => f.fileType === 'jpg');
    if (!jpg) throw new Error('no jpg');
    await expect(removeAgreementFile(database.db, clerk, { fileId: jpg.id, version: 4 })).rejects.toThrow(VersionConflictError);
    expect(await storedFiles(dispatch.id)).toBe(3);
    const after = await removeAgreementFile(database.db, clerk, { fileId: jpg.id, version: 5 });
    expect(after.version).toBe(6);
    expect(after.files.map((f) => f.fileName)).toEqual(['电子签.docx', '三方协议（盖章版）.pdf']);
    await expect(getAgreementFile(database.db, clerk, jpg.id)).rejects.toThrow(NotFoundError);
    await expect(removeAgreementFile(database.db, clerk, { fileId: jpg.id, version: 6 })).rejects.toThrow(NotFoundError);
    const audit = await auditOf(dispatch.id);
    expect(audit.map((a) => a.action)).toEqual([
      'commissioner.agreement.upload',
      'commissioner.agreement.upload',
      'commissioner.agreement.upload',
      'commissioner.agreement.replace',
      'commissioner.agreement.remove',
    ]);
    expect(audit.at(-1)?.before).toMatchObject({ fileId: jpg.id, fileName: '第2页.JPG', fileType: 'jpg', size: JPG.length });
  });

  it('refuses a wrong type, a text renamed .pdf, a workbook, an empty and an oversize file — naming the file, writing nothing', async () => {
    const state = await listDispatchAgreementFiles(database.db, clerk, dispatch.id);
    const auditBefore = (await auditOf(dispatch.id)).length;
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PDF);
    const cases: [string, Uint8Array, string][] = [
      ['setup.exe', EXE, '文件类型不允许，仅支持 PDF、JPG、PNG、DOCX'],
      ['协议.pdf', ascii('这其实是一段文字 plain text renamed to pdf'), '文件类型不允许'],
      ['协议.pdf', EXE, '文件类型不允许'],
      ['名单.xlsx', XLSX, '文件类型不允许，仅支持 PDF、JPG、PNG、DOCX'],
      ['扫描.png', PDF, '文件名扩展名与内容不符'],
      ['空白.pdf', new Uint8Array(), '文件为空'],
      ['超大扫描件.pdf', big, '文件过大'],
    ];
    for (const [fileName, bytes, reason] of cases) {
      const attempt = uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: state.version, fileName, bytes });
      await expect(attempt, fileName).rejects.toThrow(ValidationError);
      await expect(attempt, fileName).rejects.toThrow(`「${fileName}」${reason}`);
      await expect(attempt, fileName).rejects.toThrow(` / ${fileName}: `);
    }
    expect(await listDispatchAgreementFiles(database.db, clerk, dispatch.id)).toEqual(state);
    expect((await auditOf(dispatch.id)).length).toBe(auditBefore);
  });

  it(`holds at most ${MAX_AGREEMENT_FILES} files per dispatch; a replacement still goes through at the cap`, async () => {
    let state = await listDispatchAgreementFiles(database.db, clerk, dispatch.id);
    while (state.files.length < MAX_AGREEMENT_FILES) {
      state = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: state.version, fileName: `第${state.files.length + 1}页.jpg`, bytes: JPG });
    }
    await expect(uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: state.version, fileName: '多余.pdf', bytes: PDF })).rejects.toThrow(`最多 ${MAX_AGREEMENT_FILES} 个`);
    expect(await storedFiles(dispatch.id)).toBe(MAX_AGREEMENT_FILES);
    const last = state.files.at(-1);
    const replaced = await uploadAgreementFile(database.db, clerk, { dispatchId: dispatch.id, version: state.version, fileName: '末页.pdf', bytes: PDF, replacesFileId: last?.id });
    expect(replaced.files).toHaveLength(MAX_AGREEMENT_FILES);
  });

  it('another county gets 404 for the dispatch and the file and cannot write; municipal reads but cannot write', async () => {
    const state = await listDispatchAgreementFiles(database.db, clerk, dispatch.id);
    const file = state.files[0];
    if (!file) throw new Error('no file');
    await expect(listDispatchAgreementFiles(database.db, otherCounty, dispatch.id)).rejects.toThrow(NotFoundError);
    await expect(getAgreementFile(database.db, otherCounty, file.id)).rejects.toThrow(NotFoundError);
    await expect(uploadAgreementFile(database.db, otherCounty, { dispatchId: dispatch.id, version: state.version, fileName: 'a.pdf', bytes: PDF })).rejects.toThrow(NotFoundError);
    await expect(uploadAgreementFile(database.db, otherCounty, { dispatchId: dispatch.id, version: state.version, fileName: 'a.pdf', bytes: PDF, replacesFileId: file.id })).rejects.toThrow(NotFoundError);
    await expect(removeAgreementFile(database.db, otherCounty, { fileId: file.id, version: state.version })).rejects.toThrow(NotFoundError);
    expect((await getAgreementFile(database.db, municipal, file.id)).fileName).toBe(file.fileName);
    await expect(removeAgreementFile(database.db, municipal, { fileId: file.id, version: state.version })).rejects.toThrow(ForbiddenError);
    expect(await listDispatchAgreementFiles(database.db, clerk, dispatch.id)).toEqual(state);
  });

  it('an enterprise account reads the agreement it is party to, not another enterprise’s, and never writes', async () => {
    const state = await listDispatchAgreementFiles(database.db, clerk, dispatch.id);
    const file = state.files[0];
    if (!file) throw new Error('no file');
    expect((await listDispatchAgreementFiles(database.db, party, dispatch.id)).files).toHaveLength(state.files.length);
    expect((await getAgreementFile(database.db, party, file.id)).bytes.length).toBe(file.size);
    await expect(removeAgreementFile(database.db, party, { fileId: file.id, version: state.version })).rejects.toThrow(ForbiddenError);
    await expect(listDispatchAgreementFiles(database.db, stranger, dispatch.id)).rejects.toThrow(NotFoundError);
    await expect(getAgreementFile(database.db, stranger, file.id)).rejects.toThrow(NotFoundError);
  });
});
