// The Excel round trip and the uploads that must fail: download a unit's template, fill it with ExcelJS, dry-run,
// commit, review, and see the status change; then a wrong file, text in a number cell, an unknown indicator code,
// a stale template and two uploads racing — each with a clear Chinese error and nothing half-written.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/services/auth/access.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { approveReport } from '../../src/services/monitoring/approve-report.ts';
import { configureIndicator } from '../../src/services/monitoring/configure-indicator.ts';
import { downloadReportTemplate } from '../../src/services/monitoring/download-report-template.ts';
import { getPlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { getReport } from '../../src/services/monitoring/get-report.ts';
import { submitReport } from '../../src/services/monitoring/submit-report.ts';
import { SheetRejectedError, uploadReportSheet } from '../../src/services/monitoring/upload-report-sheet.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, addUnit, importSeeds, indicatorNamed } from './monitoring-fixtures.ts';

let database: TestDatabase;
const ids = { countyId: '', planId: '', unitId: '', firms: '', hightech: '', contracts: '' };
let reporter: Access;
let staff: Access;

beforeAll(async () => {
  database = await createTestDatabase();
  const { fengjie } = await importSeeds(database.db);
  Object.assign(ids, {
    countyId: fengjie.countyId,
    planId: fengjie.id,
    unitId: await addUnit(database.db, fengjie.countyId, '县科技局'),
    firms: indicatorNamed(fengjie, '科技型企业').id,
    hightech: indicatorNamed(fengjie, '高新技术企业').id,
    contracts: indicatorNamed(fengjie, '技术合同成交额').id,
  });
  const admin = accessAs('county_admin', ids.countyId);
  for (const indicatorId of [ids.firms, ids.hightech, ids.contracts]) {
    await configureIndicator(database.db, admin, {
      indicatorId,
      responsibleUnitId: ids.unitId,
      frequency: 'year',
      dueDays: null,
      targetKind: null,
      tolerance: null,
      expectedVersion: 0,
    });
  }
  reporter = accessAs('unit_reporter', ids.countyId, ids.unitId, '科技局填报员');
  staff = accessAs('county_staff', ids.countyId, null, '县业务员');
});
afterAll(async () => {
  await database.dispose();
});

const db = () => database.db;

async function template(period: string): Promise<ExcelJS.Workbook> {
  const file = await downloadReportTemplate(db(), reporter, { unitId: ids.unitId, period });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Fills the value column (C) from row 4 on, by indicator name in column B. */
function fill(workbook: ExcelJS.Workbook, values: Record<string, ExcelJS.CellValue>, extra: (sheet: ExcelJS.Worksheet) => void = () => {}) {
  const sheet = workbook.getWorksheet('填报表');
  if (!sheet) throw new Error('sheet missing');
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    const name = String(sheet.getCell(`B${r}`).value);
    if (name in values) sheet.getCell(`C${r}`).value = values[name] ?? null;
  }
  extra(sheet);
}

async function bytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const status = async (indicatorId: string, period: string) =>
  (await getPlanStatus(db(), staff, { planId: ids.planId, period })).indicators.find((i) => i.indicatorId === indicatorId);

describe('report template', () => {
  it('has Chinese headers, locked labels under sheet protection, a number-only value column and the ids hidden', async () => {
    const sheet = (await template('2021')).getWorksheet('填报表');
    if (!sheet) throw new Error('sheet missing');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '指标名称',
      '本期数值',
      '计量单位',
      '口径说明',
      '备注',
      '异常说明（数值异常时必填）',
      '指标编码',
    ]);
    expect(['B4', 'B5', 'B6'].map((c) => sheet.getCell(c).value)).toEqual(['科技型企业', '高新技术企业', '技术合同成交额']);
    expect(sheet.getCell('H4').value).toBe(ids.firms);
    expect(sheet.getColumn('H').hidden).toBe(true);
    // ExcelJS keeps the loaded protection on the sheet but leaves it out of its typings.
    expect((sheet as unknown as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(sheet.getCell('B4').protection?.locked).not.toBe(false);
    expect(sheet.getCell('C4').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('C4').dataValidation).toMatchObject({ type: 'decimal', showErrorMessage: true });
    expect(sheet.getCell('D4').value).toBe('家');
    expect(String(sheet.getCell('A2').value)).toContain('截止日期：2022-03-31');
  });
});

describe('Excel round trip', () => {
  it('dry run previews without writing; commit writes all rows; review approves; the status changes', async () => {
    const workbook = await template('2021');
    fill(workbook, { 科技型企业: 540, 高新技术企业: '21', 技术合同成交额: 2500 });
    const upload = await bytes(workbook);

    const preview = await uploadReportSheet(db(), reporter, { bytes: upload, commit: false });
    expect(preview).toMatchObject({ committed: false, errors: [], unitName: '县科技局', period: '2021' });
    expect(preview.rows.map((r) => [r.row, r.name, r.value, r.change])).toEqual([
      [4, '科技型企业', 540, 'new'],
      [5, '高新技术企业', 21, 'new'],
      [6, '技术合同成交额', 2500, 'new'],
    ]);
    expect((await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' })).report).toBeNull();

    const committed = await uploadReportSheet(db(), reporter, { bytes: upload, commit: true });
    expect(committed.committed).toBe(true);
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2021' });
    expect(form.items.map((i) => i.value?.value)).toEqual([540, 21, 2500]);
    expect((await status(ids.firms, '2021'))?.status).toBe('无数据');

    const submitted = await submitReport(db(), reporter, { reportId: form.report?.id ?? '', expectedVersion: form.report?.version ?? 0 });
    await approveReport(db(), staff, { reportId: submitted.id, expectedVersion: submitted.version });
    expect(await status(ids.firms, '2021')).toMatchObject({ status: '基本符合预期', current: { value: 540 } });
    // (2500 − 1200) / (8000 − 1200) = 19.1 %: within 5 points of 20 %.
    expect((await status(ids.contracts, '2021'))?.completion).toBeCloseTo(1300 / 6800, 9);
  });

  it('the same template uploaded again is stale: 409, nothing written', async () => {
    const workbook = await template('2022');
    fill(workbook, { 科技型企业: 600 });
    const first = await bytes(workbook);
    await uploadReportSheet(db(), reporter, { bytes: first, commit: true });
    fill(workbook, { 科技型企业: 999 });
    await expect(uploadReportSheet(db(), reporter, { bytes: await bytes(workbook), commit: true })).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2022' });
    expect(form.items[0]?.value?.value).toBe(600);
  });
});

describe('bad uploads', () => {
  it('refuses a file that is not a workbook, and a workbook that is not our template', async () => {
    await expect(uploadReportSheet(db(), reporter, { bytes: new Uint8Array(Buffer.from('%PDF-1.4 hello')), commit: false })).rejects.toThrow(
      '文件不是有效的 Excel 工作簿',
    );
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = '随便一个表';
    await expect(uploadReportSheet(db(), reporter, { bytes: await bytes(foreign), commit: false })).rejects.toThrow(
      '不是本平台下载的填报模板',
    );
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('[Content_Types].xml xl/workbook.xml garbage')]);
    await expect(uploadReportSheet(db(), reporter, { bytes: broken, commit: false })).rejects.toThrow('Excel 文件已损坏');
  });

  it('lists every bad cell in Chinese — text in a number cell, a wrong unit, an unknown code — and writes nothing', async () => {
    const workbook = await template('2023');
    fill(workbook, { 科技型企业: 700, 高新技术企业: 'abc', 技术合同成交额: 3000 }, (sheet) => {
      sheet.getCell('D6').value = '亿元';
      sheet.getCell('H7').value = '99999999-9999-4999-8999-999999999999';
      sheet.getCell('C7').value = 5;
    });
    const upload = await bytes(workbook);
    const preview = await uploadReportSheet(db(), reporter, { bytes: upload, commit: false });
    expect(preview.errors.map((e) => e.message)).toEqual([
      '第5行 C列：“abc”不是数字',
      '第6行 D列：计量单位应为“万元”，填写的是“亿元”',
      '第7行 H列：未知的指标编码“99999999-9999-4999-8999-999999999999”，该指标不属于本单位本期填报范围',
    ]);
    const rejected = uploadReportSheet(db(), reporter, { bytes: upload, commit: true });
    await expect(rejected).rejects.toBeInstanceOf(SheetRejectedError);
    await expect(rejected).rejects.toThrow('上传未写入：共 3 处错误');
    const form = await getReport(db(), reporter, { unitId: ids.unitId, period: '2023' });
    expect(form.report).toBeNull();
    expect(form.items.every((i) => i.value === null)).toBe(true);
  });

  it('flags an unexplained outlier in the preview (it may be saved, not submitted)', async () => {
    // 2021 (approved, official) had 540; 5000 for 2022 is more than three times that.
    const workbook = await template('2022');
    fill(workbook, { 科技型企业: 5000 });
    const preview = await uploadReportSheet(db(), reporter, { bytes: await bytes(workbook), commit: false });
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0]).toMatchObject({ change: 'changed', storedValue: 600 });
    expect(preview.rows[0]?.warning).toContain('超过上年 540 的 3 倍');
  });

  it.each([
    ['no report yet', false],
    ['an existing report', true],
  ])('two uploads racing from one template (%s): one wins whole, the other gets 409, nothing mixed', async (_label, existing) => {
    const period = existing ? '2025' : '2024';
    if (existing) {
      const first = await template(period);
      fill(first, { 科技型企业: 850 });
      await uploadReportSheet(db(), reporter, { bytes: await bytes(first), commit: true });
    }
    const a = await template(period);
    const b = await template(period);
    fill(a, { 科技型企业: 801, 高新技术企业: 31, 技术合同成交额: 6001 });
    fill(b, { 科技型企业: 802, 高新技术企业: 32, 技术合同成交额: 6002 });
    const results = await Promise.allSettled([
      uploadReportSheet(db(), reporter, { bytes: await bytes(a), commit: true }),
      uploadReportSheet(db(), reporter, { bytes: await bytes(b), commit: true }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.status === 'rejected' && lost[0].reason).toBeInstanceOf(VersionConflictError);
    const values = (await getReport(db(), reporter, { unitId: ids.unitId, period })).items.map((i) => i.value?.value);
    expect([
      [801, 31, 6001],
      [802, 32, 6002],
    ]).toContainEqual(values);
  });

  it('a reporter of another unit does not even see this unit’s template; a locked report takes no upload', async () => {
    const other = accessAs('unit_reporter', ids.countyId, await addUnit(db(), ids.countyId, '县统计局'));
    const workbook = await template('2023');
    fill(workbook, { 科技型企业: 900 });
    await expect(uploadReportSheet(db(), other, { bytes: await bytes(workbook), commit: false })).rejects.toBeInstanceOf(NotFoundError);
    const locked = await template('2021');
    fill(locked, { 科技型企业: 1 });
    await expect(uploadReportSheet(db(), reporter, { bytes: await bytes(locked), commit: false })).rejects.toThrow('报表已通过');
    await expect(uploadReportSheet(db(), reporter, { bytes: await bytes(locked), commit: false })).rejects.toBeInstanceOf(ValidationError);
  });
});
