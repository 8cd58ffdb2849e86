// The pure rules of indicator reporting, by table: workflow, attachment types, template rows, due dates, the
// municipal name key, period ordering, the target path and the sample generator.
import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod } from '../../src/domain/period/period.ts';
import { evaluateIndicator, targetSpecFromRow } from '../../src/domain/progress/index.ts';
import { dueDate, isOverdue, periodEndDate, periodHasEnded } from '../../src/domain/reporting/due.ts';
import { AGREEMENT_FILE_TYPES } from '../../src/domain/registers/commissioners.ts';
import { checkAttachment, detectFileType, MAX_ATTACHMENT_BYTES } from '../../src/domain/reporting/file-type.ts';
import { indicatorMatchKey } from '../../src/domain/reporting/match-key.ts';
import { measureUnitProblem } from '../../src/domain/reporting/measure-unit.ts';
import { periodSortKey } from '../../src/domain/reporting/period-sort.ts';
import { sampleSeries, seededRandom } from '../../src/domain/reporting/sample-values.ts';
import { targetPath } from '../../src/domain/reporting/target-path.ts';
import {
  formatTemplateIdentity,
  parseNumberCell,
  parseTemplateIdentity,
  validateSheetRows,
  type SheetRow,
} from '../../src/domain/reporting/template-sheet.ts';
import { isEditable, nextReportState, WorkflowError, type ReportAction, type ReportState } from '../../src/domain/reporting/workflow.ts';

describe('report workflow', () => {
  it.each([
    ['draft', 'enter', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['submitted', 'return', 'returned'],
    ['returned', 'enter', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['approved', 'reopen', 'returned'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextReportState(from, action)).toBe(to);
  });

  it.each([
    ['submitted', 'enter'],
    ['approved', 'enter'],
    ['draft', 'approve'],
    ['draft', 'return'],
    ['returned', 'approve'],
    ['approved', 'submit'],
    ['approved', 'approve'],
    ['submitted', 'reopen'],
    ['draft', 'reopen'],
  ] as [ReportState, ReportAction][])('%s refuses %s with a Chinese 409', (from, action) => {
    expect(() => nextReportState(from, action)).toThrow(WorkflowError);
    expect(() => nextReportState(from, action)).toThrow(/报表.*不能/);
  });

  it('locks while waiting for review and once approved', () => {
    expect(['draft', 'submitted', 'returned', 'approved'].map((s) => isEditable(s as ReportState))).toEqual([true, false, true, false]);
  });
});

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
const file = (...parts: number[][]) => new Uint8Array(parts.flat());

describe('attachment checks by content', () => {
  it.each([
    ['%PDF-1.7 …', file(ascii('%PDF-1.7\n')), 'pdf'],
    ['JPEG', file([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'jpg'],
    ['PNG', file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'png'],
    ['xlsx', file(ZIP, ascii('....[Content_Types].xml....xl/workbook.xml')), 'xlsx'],
    ['docx', file(ZIP, ascii('....[Content_Types].xml....word/document.xml')), 'docx'],
    ['a plain zip', file(ZIP, ascii('readme.txt')), null],
    ['an exe', file(ascii('MZ\x90\x00')), null],
    ['text', file(ascii('hello')), null],
    ['GIF', file(ascii('GIF89a')), null],
  ])('%s → %s', (_label, bytes, expected) => {
    expect(detectFileType(bytes)).toBe(expected);
  });

  it('checks size, whitelist and that the name agrees with the content', () => {
    const pdf = file(ascii('%PDF-1.4'));
    expect(checkAttachment('统计表.pdf', pdf)).toEqual({ ok: true, fileType: 'pdf' });
    expect(checkAttachment('照片.JPEG', file([0xff, 0xd8, 0xff, 0xe1]))).toEqual({ ok: true, fileType: 'jpg' });
    expect(checkAttachment('伪装.png', pdf)).toMatchObject({ ok: false, code: 'name-mismatch' });
    expect(checkAttachment('病毒.pdf', file(ascii('MZ')))).toMatchObject({ ok: false, code: 'type-not-allowed' });
    expect(checkAttachment('空.pdf', new Uint8Array())).toMatchObject({ ok: false, code: 'empty' });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(pdf);
    expect(checkAttachment('大.pdf', big)).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('20 MB') });
    const limit = new Uint8Array(MAX_ATTACHMENT_BYTES);
    limit.set(pdf);
    expect(checkAttachment('刚好.pdf', limit).ok).toBe(true);
  });

  it('narrows the whitelist for a use that takes fewer kinds, and says which it takes', () => {
    const xlsx = file(ZIP, ascii('....[Content_Types].xml....xl/workbook.xml'));
    const docx = file(ZIP, ascii('....[Content_Types].xml....word/document.xml'));
    expect(checkAttachment('名单.xlsx', xlsx).ok).toBe(true);
    expect(checkAttachment('名单.xlsx', xlsx, AGREEMENT_FILE_TYPES)).toEqual({
      ok: false,
      code: 'type-not-allowed',
      message: '文件类型不允许，仅支持 PDF、JPG、PNG、DOCX / only pdf, jpg, png, docx are allowed',
    });
    expect(checkAttachment('协议.docx', docx, AGREEMENT_FILE_TYPES)).toEqual({ ok: true, fileType: 'docx' });
    expect(checkAttachment('病毒.pdf', file(ascii('MZ')))).toMatchObject({ message: '文件类型不允许，仅支持 PDF、JPG、PNG、XLSX、DOCX / only pdf, jpg, png, xlsx, docx are allowed' });
  });
});

describe('template cells', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['  1,234.5 ', 1234.5],
    ['１２３', 123],
    ['-3.5', -3.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['abc', null],
    ['12万', null],
    ['50%', null],
    ['3.2.1', null],
    ['1,23', null],
    ['', null],
    [Number.NaN, null],
  ])('%s → %s', (cell, expected) => {
    expect(parseNumberCell(cell)).toBe(expected);
  });

  it('round-trips the template identity and rejects a tampered one', () => {
    const identity = { unitId: '5d1f2c1e-0c77-4bb8-9a37-5d8b2d1f3a10', period: '2023Q2', reportVersion: 7 };
    expect(parseTemplateIdentity(formatTemplateIdentity(identity))).toEqual(identity);
    expect(parseTemplateIdentity('x|2023|1')).toBeNull();
    expect(parseTemplateIdentity(`${identity.unitId}|2023|-1`)).toBeNull();
  });

  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';
  const row = (r: number, code: string | null, value: string | number | null, extra: Partial<SheetRow> = {}): SheetRow => ({
    row: r,
    code,
    value,
    unit: null,
    caliber: null,
    comment: null,
    explanation: null,
    ...extra,
  });

  it('reports every bad cell in Chinese with row and column, and skips empty rows', () => {
    const result = validateSheetRows(
      [
        row(4, A, 12.5, { unit: ' 家 ', explanation: '  ' }),
        row(5, B, 'abc'),
        row(6, '33333333-3333-4333-8333-333333333333', 1),
        row(7, A, 3),
        row(8, null, 9),
        row(9, null, null),
      ],
      [
        { id: A, name: '科技型企业' },
        { id: B, name: '高新技术企业' },
      ],
    );
    expect(result.rows).toEqual([
      { row: 4, indicatorId: A, value: 12.5, unit: '家', caliber: null, comment: null, explanation: null },
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      '第5行 C列：“abc”不是数字',
      '第6行 H列：未知的指标编码“33333333-3333-4333-8333-333333333333”，该指标不属于本单位本期填报范围',
      '第7行 H列：指标“科技型企业”与第4行重复',
      '第8行 H列：缺少指标编码，请使用下载的模板填报，不要插入行',
    ]);
    const skipped = validateSheetRows([row(4, B, '  ')], [{ id: B, name: '高新技术企业' }]);
    expect(skipped).toEqual({ rows: [], skipped: [4], errors: [] });
  });
});

describe('due dates', () => {
  it.each([
    ['2023', null, '2023-12-31', '2024-03-30'],
    ['2024', 30, '2024-12-31', '2025-01-30'],
    ['2024H1', null, '2024-06-30', '2024-07-30'],
    ['2024Q1', null, '2024-03-31', '2024-04-20'],
    ['2024M02', null, '2024-02-29', '2024-03-15'],
    ['2023M02', 0, '2023-02-28', '2023-02-28'],
  ])('%s (due %s days) ends %s, due %s', (code, days, end, due) => {
    const period = parsePeriod(code);
    expect(periodEndDate(period)).toBe(end);
    expect(dueDate(period, days)).toBe(due);
  });

  it('is late only after the due day, and owed only once the period has ended', () => {
    expect(isOverdue('2024-03-30', '2024-03-30')).toBe(false);
    expect(isOverdue('2024-03-30', '2024-03-31')).toBe(true);
    expect(periodHasEnded(parsePeriod('2024'), '2024-12-31')).toBe(false);
    expect(periodHasEnded(parsePeriod('2024'), '2025-01-01')).toBe(true);
  });
});

describe('measure units', () => {
  it.each([
    ['家', '家', null],
    ['％', '%', null],
    [' 件 / 万人', '件/万人', null],
    [null, '万元', null],
    ['', '万元', null],
    ['亿元', '万元', '计量单位应为“万元”，填写的是“亿元”'],
    ['亿元', null, null],
  ])('%s against %s', (entered, expected, problem) => {
    expect(measureUnitProblem(entered, expected)).toBe(problem);
  });
});

describe('indicatorMatchKey lines up the same indicator across plans', () => {
  it.each([
    ['每万人有效发明专利拥有量', '万人有效发明专利拥有量'],
    ['高新技术企业数量', '高新技术企业'],
    ['科技型企业数量', '科技型企业'],
    ['公民具备科学素质的比例', '公民具备科学素质的比例'],
    ['全社会研发经费占地区生产总值的比重', '全社会研发经费占地区生产总值比重'],
  ])('%s ≡ %s', (a, b) => {
    expect(indicatorMatchKey(a)).toBe(indicatorMatchKey(b));
  });

  it('keeps different indicators apart', () => {
    expect(indicatorMatchKey('高新技术企业')).not.toBe(indicatorMatchKey('科技型企业'));
    expect(indicatorMatchKey('全社会研发经费投入增长')).not.toBe(indicatorMatchKey('全社会研发经费占地区生产总值的比重'));
  });
});

describe('periodSortKey orders like comparePeriods', () => {
  it('for every pair of a mixed list', () => {
    const codes = ['2022', '2023M01', '2023Q1', '2023M03', '2023H1', '2023M12', '2023Q4', '2023H2', '2023', '2024M01'];
    const periods = codes.map(parsePeriod);
    for (const a of periods) {
      for (const b of periods) {
        expect(Math.sign(periodSortKey(a) - periodSortKey(b))).toBe(Math.sign(comparePeriods(a, b)));
      }
    }
  });
});

const span = { baseYear: 2020, targetYear: 2025 };
const row = (over: object) => ({
  seq: '1',
  name: '指标',
  unit: null,
  attribute: '预期性' as const,
  baseline: { year: 2020, value: 17, text: '17' },
  target: { year: 2025, value: 35, comparator: null, text: '35' },
  cumulative: false,
  annualGrowthRate: null,
  ...over,
});

describe('targetPath', () => {
  it('is a straight line from base to target for a level, with the ±ε band', () => {
    const path = targetPath('level-up', targetSpecFromRow(row({}), span), 17, 0.05);
    expect(path?.map((p) => p.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(path?.[0]).toMatchObject({ schedule: 0, value: 17, low: 17 });
    expect(path?.[3]?.value).toBeCloseTo(17 + 18 * 0.6, 9);
    expect(path?.[3]?.low).toBeCloseTo(17 + 18 * 0.55, 9);
    expect(path?.[3]?.high).toBeCloseTo(17 + 18 * 0.65, 9);
    expect(path?.[5]).toMatchObject({ value: 35, high: 35 });
  });

  it('compounds for annual growth, holds a kept threshold flat, and is absent without a target', () => {
    const growth = targetPath('annual-growth', targetSpecFromRow(row({ baseline: null, target: null, annualGrowthRate: 10 }), span), 100, 0.05);
    expect(growth?.[5]?.value).toBeCloseTo(100 * 1.1 ** 5, 9);
    const kept = targetPath(
      'threshold',
      targetSpecFromRow(row({ baseline: { year: 2020, value: 353, text: '353' }, target: { year: 2025, value: 330, comparator: '>=', text: '≥330' } }), span),
      353,
      0.05,
    );
    expect(kept?.every((p) => p.value === 330)).toBe(true);
    expect(targetPath('level-up', targetSpecFromRow(row({ target: null }), span), 17, 0.05)).toBeNull();
  });
});

describe('sample figures', () => {
  const spec = targetSpecFromRow(row({}), span);
  const statusOf = (pace: 'on-pace' | 'ahead' | 'early' | 'behind') => {
    const series = sampleSeries({ kind: 'level-up', spec, unit: '%', pace, years: [2021, 2022, 2023, 2024] }, seededRandom(1));
    return evaluateIndicator({ kind: 'level-up', attribute: '预期性', spec, series: series.map((f) => ({ dataYear: f.year, value: f.value })) })
      .verdict.status;
  };

  it('are deterministic for a seed', () => {
    const make = () => sampleSeries({ kind: 'level-up', spec, unit: '家', pace: 'ahead', years: [2021, 2022] }, seededRandom(42));
    expect(make()).toEqual(make());
  });

  it.each([
    ['on-pace', '基本符合预期'],
    ['ahead', '快于预期'],
    ['early', '提前实现'],
    ['behind', '滞后'],
  ] as const)('pace %s gives %s', (pace, status) => {
    expect(statusOf(pace)).toBe(status);
  });

  it('a planned breach of a kept binding threshold crosses the limit in the last year', () => {
    const kept = targetSpecFromRow(row({ baseline: { year: 2020, value: 353, text: '353' }, target: { year: 2025, value: 330, comparator: '>=', text: '≥330' } }), span);
    const series = sampleSeries({ kind: 'threshold', spec: kept, unit: '天', pace: 'breach', years: [2021, 2022, 2023, 2024] }, seededRandom(3));
    expect(series.slice(0, 3).every((f) => f.value >= 330)).toBe(true);
    expect(series[3]?.value).toBeLessThan(330);
    const verdict = evaluateIndicator({
      kind: 'threshold',
      attribute: '约束性',
      spec: kept,
      series: series.map((f) => ({ dataYear: f.year, value: f.value })),
    }).verdict;
    expect(verdict.status).toBe('约束性未达标');
  });
});
