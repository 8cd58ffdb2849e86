// Reports against a real database (PGlite in memory, or PostgreSQL when DATABASE_URL is set): the generated .docx
// read back — headings in order, the status sentence, the indicator table cell by cell against the database, the
// 公文 page setup and fonts — the .xlsx annex with the same numbers and the provenance of each figure, the report
// jobs' lifecycle (done with files, failed with a reason), and the municipal batch zip.
import { and, desc, eq, lte } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorValues, plans, planIndicators } from '../../src/db/schema/index.ts';
import { formatPeriod, yearPeriod } from '../../src/domain/period/period.ts';
import { formatPlain } from '../../src/domain/progress/target-kind.ts';
import { periodSortKey } from '../../src/domain/reporting/period-sort.ts';
import { findReportFile } from '../../src/repositories/report-jobs.ts';
import { ALL_COUNTIES, countyScope } from '../../src/repositories/scope.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { ForbiddenError, ValidationError } from '../../src/services/errors.ts';
import { generateMunicipalReports } from '../../src/services/generate-municipal-reports.ts';
import { generateReport, resolveReportYear } from '../../src/services/generate-report.ts';
import { getReportJob } from '../../src/services/get-report-job.ts';
import { getPlanStatus, type PlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { requestReportJob } from '../../src/services/request-report-job.ts';
import { runReportJob } from '../../src/services/run-report-job.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { docxParagraphs, docxTables, readDocxParts, styleXml, type DocxParts } from '../support/docx-read.ts';
import { buildReportSample, type ReportSample } from '../support/report-sample.ts';
import { fixtureReportData } from '../domain/reports-fixture.ts';
import { createRenderPool } from '../../src/reports/render-pool.ts';
import { accessAs } from '../support/registers.ts';

const operator = operatorAccess('test:reports');
let database: TestDatabase;
let sample: ReportSample;
let fengjie: { planId: string; countyId: string };
let docx: Uint8Array;
let xlsx: Uint8Array;
let parts: DocxParts;
let status: PlanStatus;

const pct = (share: number | null) => (share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`);

beforeAll(async () => {
  database = await createTestDatabase();
  sample = await buildReportSample(database.db);
  const plan = sample.plans.find((p) => p.countyName === '奉节县');
  if (!plan) throw new Error('sample without 奉节县');
  fengjie = plan;
  const report = await generateReport(database.db, operator, { planId: plan.planId, kind: 'midterm', year: 2023 });
  const [d, x] = report.files;
  if (!d || !x) throw new Error('files missing');
  docx = d.bytes;
  xlsx = x.bytes;
  parts = await readDocxParts(docx);
  // The indicator figures come from the monitoring room's service: the report must print exactly these.
  status = await getPlanStatus(database.db, operator, { planId: plan.planId, period: '2023' });
}, 180_000);

afterAll(async () => {
  await database.dispose();
});

describe('the mid-term report (.docx)', () => {
  it('has the chapters of domain-rules §9.4 in order, after the title', async () => {
    const paragraphs = await docxParagraphs(docx);
    expect(paragraphs[0]).toBe('奉节县科技创新“十四五”规划中期评估报告');
    const order = [
      '一、评估工作开展情况',
      '二、主要成效',
      '三、主要指标完成情况',
      '四、重点任务推进情况',
      '五、重大项目推进情况',
      '六、改革举措与政策落实情况',
      '七、存在的主要问题',
      '八、发展环境变化与形势研判',
      '九、后半期推进规划实施的对策建议',
    ].map((h) => paragraphs.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('states the status counts of the monitoring service in the national sentence', async () => {
    const c = (k: keyof PlanStatus['counts']) => status.counts[k] ?? 0;
    const extras = [
      c('约束性未达标') > 0 ? `${c('约束性未达标')} 项约束性指标未达标` : '',
      c('无数据') > 0 ? `${c('无数据')} 项暂无监测数据` : '',
      c('无法评价') > 0 ? `${c('无法评价')} 项无法评价` : '',
    ].filter((e) => e !== '');
    const sentence = `${status.indicators.length} 项指标中，${c('提前实现')} 项提前实现、${c('快于预期')} 项快于预期、${c('基本符合预期')} 项基本符合预期、${c('滞后')} 项滞后${extras.length > 0 ? `，${extras.join('，')}` : ''}`;
    const paragraphs = await docxParagraphs(docx);
    expect(paragraphs).toContain(`截至2023年，规划${sentence}。各项指标完成情况见表1、图1。`);
    // The sample has indicators in several states: the sentence is not trivially all zeros.
    expect(new Set(status.indicators.map((i) => i.status)).size).toBeGreaterThan(2);
  });

  it('prints the indicator table cell by cell as the database holds it', async () => {
    const [table] = docxTables(parts.document);
    if (!table) throw new Error('no table');
    expect(table[0]).toEqual(['指标', '属性', '基期值', '目标值', '当前值（数据年份）', '完成进度', '序时进度', '评价']);
    const rows = await database.db
      .select()
      .from(planIndicators)
      .where(eq(planIndicators.planId, fengjie.planId))
      .orderBy(planIndicators.ordinal);
    expect(table.length - 1).toBe(rows.length);
    const asOf = periodSortKey(yearPeriod(2023));
    for (const [i, row] of rows.entries()) {
      const [latest] = await database.db
        .select()
        .from(indicatorValues)
        .where(and(eq(indicatorValues.indicatorId, row.id), eq(indicatorValues.isOfficial, true), lte(indicatorValues.periodSort, asOf)))
        .orderBy(desc(indicatorValues.periodSort))
        .limit(1);
      const item = status.indicators.find((s) => s.indicatorId === row.id);
      expect(table[i + 1]).toEqual([
        row.unit ? `${row.name}（${row.unit}）` : row.name,
        row.attribute ?? '—',
        row.baselineText?.trim() || '—',
        row.targetText?.trim() || '—',
        latest ? `${formatPlain(latest.value)}（${latest.period}年）` : '—',
        pct(item?.completion ?? null),
        pct(item?.schedule ?? null),
        item?.status,
      ]);
    }
    // The figures are the 2023 ones (values of 2024 exist in the sample and must not leak in).
    expect(table.slice(1).some((r) => r[4]?.includes('2024'))).toBe(false);
    expect(table.slice(1).filter((r) => r[4]?.includes('（2023年）')).length).toBeGreaterThan(5);
  });

  it('is laid out after GB/T 9704: A4, 37/35/28/26 mm margins, 28.95 pt lines, page numbers outside', () => {
    expect(parts.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(parts.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(parts.document).toContain('<w:footerReference w:type="default"');
    expect(parts.document).toContain('<w:footerReference w:type="even"');
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    const footers = parts.footers.map((f) => ({ jc: /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1], text: f }));
    expect(footers.map((f) => f.jc).sort()).toEqual(['left', 'right']);
    for (const footer of footers) {
      expect(footer.text).toContain('— </w:t>');
      expect(footer.text).toContain('PAGE');
      expect(footer.text).toContain(' —</w:t>');
      expect(footer.text).toContain('w:eastAsia="宋体"');
      expect(footer.text).toContain('<w:sz w:val="28"/>');
    }
    // Body: 仿宋_GB2312 三号 with exact 28.95 pt lines (22 lines in the 225 mm 版心).
    expect(parts.styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(styleXml(parts.styles, 'KcBody')).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(styleXml(parts.styles, 'KcBody')).toContain('w:firstLine="640"');
  });

  it('names the 公文 fonts in w:rFonts eastAsia and declares their fallbacks', () => {
    const title = styleXml(parts.styles, 'Title');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(styleXml(parts.styles, 'Heading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(parts.styles, 'Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(parts.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(parts.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(parts.fontTable).toContain('<w:font w:name="Noto Serif CJK SC">');
    expect(parts.document).toContain('w:pStyle w:val="Title"');
  });

  it('embeds the two charts as pictures', async () => {
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const name of media) {
      const png = await zip.file(name)?.async('uint8array');
      expect(png && Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    }
  });
});

describe('the Excel annex', () => {
  it('has the same numbers as the Word table, and says where every figure came from', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('附件1 主要指标完成情况');
    if (!sheet) throw new Error('no indicator sheet');
    const [table] = docxTables(parts.document);
    const wordRows = table?.slice(1) ?? [];
    expect(sheet.rowCount - 1).toBe(wordRows.length);
    for (const [i, word] of wordRows.entries()) {
      const row = sheet.getRow(i + 2);
      const cell = (n: number) => row.getCell(n).value;
      const asShare = (v: unknown) => (typeof v === 'number' ? pct(v) : '—');
      expect([cell(2), cell(3), cell(4), cell(5), cell(6), asShare(cell(7)), asShare(cell(8)), cell(9)]).toEqual(word);
      const valueId = cell(24);
      if (word[4] === '—') {
        expect(valueId).toBe('');
        continue;
      }
      // Provenance: the record id points at the official row with this very value; source and approval are named.
      expect(typeof valueId === 'string' && valueId.length).toBe(36);
      const [record] = await database.db.select().from(indicatorValues).where(eq(indicatorValues.id, String(valueId)));
      expect(record?.isOfficial).toBe(true);
      expect(record && `${formatPlain(record.value)}（${formatPeriod(yearPeriod(record.dataYear))}年）`).toBe(word[4]);
      expect(cell(13)).toBe(record?.value);
      expect(['统计局', '责任单位填报', '登记系统']).toContain(cell(16));
      expect(['已通过', '科技局录入']).toContain(cell(18));
      expect(String(cell(19))).not.toBe('');
    }
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['附件1 主要指标完成情况', '附件2 重点任务台账', '附件3 重大项目台账', '存在问题', '说明']);
  });

  it('lists the project ledger with the same investment totals as the Word table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('附件3 重大项目台账');
    if (!sheet) throw new Error('no project sheet');
    let planned = 0;
    let completed = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      planned += Number(row.getCell(8).value ?? 0);
      completed += Number(row.getCell(9).value ?? 0);
    });
    const investment = docxTables(parts.document)[1];
    const total = investment?.at(-1);
    expect(total?.[0]).toBe('合计');
    expect(total?.[3]).toBe(String(Math.round(planned * 100) / 100));
    expect(total?.[4]).toBe(String(Math.round(completed * 100) / 100));
    expect(sheet.rowCount - 1).toBe(Number(total?.[1]));
  });
});

describe('years and permissions', () => {
  it('refuses a year outside the plan, and a final report before its end year', () => {
    const plan = { periodStart: 2021, periodEnd: 2025 };
    const now = new Date('2026-06-01T00:00:00Z');
    expect(resolveReportYear('midterm', plan, undefined, now)).toBe(2023);
    expect(() => resolveReportYear('midterm', plan, 2019, now)).toThrow(ValidationError);
    expect(() => resolveReportYear('final', plan, 2024, now)).toThrow(/总结评估/);
    expect(() => resolveReportYear('annual', plan, 2026, now)).toThrow(/规划期内/);
  });

  it('a county user cannot reach another county’s plan; a unit reporter may not generate', async () => {
    const shizhu = sample.plans.find((p) => p.countyName === '石柱县');
    const admin = accessAs('county_admin', shizhu?.countyId ?? '');
    await expect(generateReport(database.db, admin, { planId: fengjie.planId, kind: 'midterm', year: 2023 })).rejects.toThrow(/规划不存在/);
    const reporter = accessAs('unit_reporter', fengjie.countyId);
    await expect(generateReport(database.db, reporter, { planId: fengjie.planId, kind: 'midterm', year: 2023 })).rejects.toThrow(ForbiddenError);
  });
});

describe('report jobs', () => {
  it('runs queued → done with the .docx and .xlsx stored, audited', async () => {
    const staff = accessAs('county_staff', fengjie.countyId);
    const job = await requestReportJob(database.db, staff, { scope: 'plan', planId: fengjie.planId, kind: 'annual', year: 2023 });
    expect(job).toMatchObject({ status: 'queued', progress: 0, countyId: fengjie.countyId, year: 2023 });
    await runReportJob(database.db, staff, job.id);
    const done = await getReportJob(database.db, staff, job.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, error: null });
    expect(done.files.map((f) => f.fileName)).toEqual([
      '奉节县科技创新“十四五”规划2023年度监测报告.docx',
      '奉节县科技创新“十四五”规划2023年度监测报告（附件）.xlsx',
    ]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audit.map((a) => [a.action, a.actor, a.countyId])).toEqual([['report.request', 'county_staff-clerk', fengjie.countyId]]);
    const file = await findReportFile(database.db, countyScope(fengjie.countyId), job.id, done.files[0]?.id ?? '');
    expect(file?.size).toBe(file?.bytes.byteLength);
    // Another county sees neither the job nor its files.
    const other = sample.plans.find((p) => p.countyName === '石柱县')?.countyId ?? '';
    await expect(getReportJob(database.db, accessAs('county_admin', other), job.id)).rejects.toThrow(/报告任务不存在/);
    expect(await findReportFile(database.db, countyScope(other), job.id, done.files[0]?.id ?? '')).toBeNull();
  }, 120_000);

  it('a job whose plan disappeared fails and says why', async () => {
    const shizhu = sample.plans.find((p) => p.countyName === '石柱县');
    if (!shizhu) throw new Error('no 石柱');
    const job = await requestReportJob(database.db, operator, { scope: 'plan', planId: shizhu.planId, kind: 'midterm', year: 2023 });
    // The plan is deleted between the request and the run (another clerk removed a wrong import).
    await database.db.delete(plans).where(eq(plans.id, shizhu.planId));
    await runReportJob(database.db, operator, job.id);
    const failed = await getReportJob(database.db, operator, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('规划已被删除');
    expect(failed.files).toEqual([]);
  }, 60_000);
});

describe('municipal batch', () => {
  it('zips one report per county plus the comparison summary; counties without a plan say why', async () => {
    const result = await generateMunicipalReports(database.db, operator, { municipality: '重庆市', kind: 'midterm', year: 2023 });
    const zip = await JSZip.loadAsync(result.zip.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toContain('重庆市各区县科技创新规划中期评估情况汇总.docx');
    expect(names).toContain('重庆市各区县科技创新规划中期评估情况汇总（对比表）.xlsx');
    expect(names).toContain('奉节县/奉节县科技创新“十四五”规划中期评估报告（2023年）.docx');
    expect(names).toContain('奉节县/奉节县科技创新“十四五”规划中期评估报告（2023年）（附件）.xlsx');
    // The main thread renders while the worker starts and whenever it is busy; never more than the reports made.
    expect(result.renderedOffThread).toBeLessThanOrEqual(result.rows.filter((r) => r.counts !== null).length);
    // 石柱县's plan was deleted above: its row says so instead of failing the batch.
    expect(result.rows.find((r) => r.countyName === '石柱县')?.problem).toBe('未导入规划');
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load((await zip.file('重庆市各区县科技创新规划中期评估情况汇总（对比表）.xlsx')?.async('nodebuffer')) as unknown as ArrayBuffer);
    const sheet = summary.getWorksheet('区县对比');
    const fengjieRow = sheet?.getRow(2);
    expect(fengjieRow?.getCell(1).value).toBe('奉节县');
    expect(fengjieRow?.getCell(4).value).toBe(status.indicators.length);
    expect(fengjieRow?.getCell(8).value).toBe(status.counts['滞后'] ?? 0);
    const county = await readDocxParts((await zip.file(names.find((n) => n.startsWith('奉节县/') && n.endsWith('.docx')) ?? '')?.async('uint8array')) ?? new Uint8Array());
    expect(docxTables(county.document)[0]?.length).toBe(status.indicators.length + 1);
  }, 120_000);

  it('is for the municipal bureau only', async () => {
    await expect(
      generateMunicipalReports(database.db, accessAs('county_admin', fengjie.countyId), { municipality: null, kind: 'midterm', year: 2023 }),
    ).rejects.toThrow(ForbiddenError);
    expect(ALL_COUNTIES.kind).toBe('all');
  });
});

describe('render pool', () => {
  it('a ready worker renders off the main thread, and the files are whole', async () => {
    const pool = createRenderPool(1);
    try {
      // The worker registers tsx and loads the writers before it says so; then work goes to it.
      expect(await pool.whenReady()).toBe(true);
      const files = await pool.render(fixtureReportData());
      expect(pool.offThread).toBe(1);
      const docx = await JSZip.loadAsync(files.docx);
      expect(docx.file('word/document.xml')).not.toBeNull();
      const xlsx = new ExcelJS.Workbook();
      await xlsx.xlsx.load(files.xlsx as unknown as ArrayBuffer);
      expect(xlsx.worksheets.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('with no workers, everything renders on the main thread', async () => {
    const pool = createRenderPool(0);
    try {
      expect(await pool.whenReady()).toBe(false);
      const files = await pool.render(fixtureReportData());
      expect(pool.offThread).toBe(0);
      expect(files.docx.length).toBeGreaterThan(1000);
    } finally {
      await pool.close();
    }
  });
});
