// One small hand-made document per parsing rule.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  MAX_PLAN_BYTES,
  PlanDocumentError,
  decodePlanText,
  docxToBlocks,
  parsePlanBlocks,
  readPlanDocument,
  textToBlocks,
  type ParsedPlan,
  type PlanIndicator,
} from '../../src/domain/plan/index.ts';
import { FENGJIE_ORDER_TABLE, SHIZHU_ORDER_TABLE, toDocx, toExportText, utf8, type DocPart } from './plan-documents.ts';
import { inferTargetKind } from '../../src/domain/progress/target-kind.ts';

const TITLE = ['重庆市某某县科技创新“十四五”规划', '（2021—2025年）'];

function parseText(parts: readonly DocPart[]): ParsedPlan {
  return parsePlanBlocks(textToBlocks(toExportText(parts)));
}

function codes(plan: ParsedPlan): string[] {
  return plan.warnings.map((w) => w.code);
}

async function rejection(bytes: Uint8Array, fileName: string): Promise<PlanDocumentError> {
  const error: unknown = await readPlanDocument(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanDocumentError);
  return error as PlanDocumentError;
}

/** The indicators both column orders must give (annual growth aside). */
const EXPECTED_INDICATORS: PlanIndicator[] = [
  {
    seq: '1',
    name: '全社会研发经费占地区生产总值的比重',
    unit: '%',
    attribute: '预期性',
    baseline: { year: 2020, value: 0.4, text: '0.4' },
    target: { year: 2025, value: 1, text: '1', comparator: null },
    cumulative: false,
    annualGrowthRate: null,
  },
  {
    seq: '2',
    name: '数字经济增加值占地区生产总值比重',
    unit: '%',
    attribute: '预期性',
    baseline: { year: 2020, value: 1.5, text: '1.5' },
    target: { year: 2025, value: 10, text: '10', comparator: null },
    cumulative: false,
    annualGrowthRate: null,
  },
  {
    seq: '3',
    name: '科技型企业数量',
    unit: '个',
    attribute: '预期性',
    baseline: { year: 2020, value: 201, text: '【201】' },
    target: { year: 2025, value: 240, text: '【240】', comparator: null },
    cumulative: true,
    annualGrowthRate: null,
  },
  {
    seq: '4',
    name: '森林覆盖率',
    unit: '%',
    attribute: '约束性',
    baseline: { year: 2020, value: 63.04, text: '63.04' },
    target: { year: 2025, value: 65, text: '≥65', comparator: '>=' },
    cumulative: false,
    annualGrowthRate: null,
  },
  {
    seq: '5',
    name: '单位GDP能耗',
    unit: '吨标准煤/万元',
    attribute: '约束性',
    baseline: { year: 2020, value: 0.5, text: '0.5' },
    target: { year: 2025, value: 0.45, text: '≤0.45', comparator: '<=' },
    cumulative: false,
    annualGrowthRate: null,
  },
  {
    seq: '6',
    name: '规模以上工业企业有研发活动的企业占比',
    unit: null,
    attribute: '预期性',
    baseline: { year: 2020, value: null, text: '－' },
    target: { year: 2025, value: 40, text: '40.0', comparator: null },
    cumulative: false,
    annualGrowthRate: null,
  },
];

describe('decoding .txt bytes', () => {
  const text = toExportText([...TITLE, '表1 主要指标', FENGJIE_ORDER_TABLE]);

  it('reads GBK (GB18030) text the same as UTF-8', async () => {
    const fromGbk = await readPlanDocument(iconv.encode(text, 'gbk'), 'plan.txt');
    const fromUtf8 = await readPlanDocument(utf8(text), 'plan.txt');
    expect(fromGbk).toEqual(fromUtf8);
    expect(fromGbk.title).toBe('重庆市某某县科技创新“十四五”规划（2021—2025年）');
    expect(fromGbk.indicators).toEqual(EXPECTED_INDICATORS);
  });

  it('drops a UTF-8 BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('规划')]);
    expect(decodePlanText(withBom, 'a.txt')).toBe('规划');
  });

  it('reads UTF-16 with a BOM (Word’s “Unicode text”)', () => {
    const body = iconv.encode('奉节县规划', 'utf16le');
    expect(decodePlanText(new Uint8Array([0xff, 0xfe, ...body]), 'a.txt')).toBe('奉节县规划');
  });

  it('keeps UTF-8 when the file is cut inside its last character', () => {
    const bytes = utf8('石柱县规划');
    expect(decodePlanText(bytes.subarray(0, bytes.length - 1), 'a.txt')).toBe('石柱县规');
  });
});

describe('textToBlocks', () => {
  it('reads cells, continuation paragraphs, blank lines inside a header cell, and line numbers', () => {
    const text = [
      '[bookmark: _Toc1]第一章  总则',
      '\t序号',
      '\t指标',
      '',
      '属性',
      '\t年限',
      '',
      '\t1',
      '\t2022-',
      '2025',
      '\t[image: image1.png]x',
      '',
      '正文',
    ].join('\r\n');
    expect(textToBlocks(text)).toEqual([
      { kind: 'paragraph', text: '第一章  总则', line: 1 },
      {
        kind: 'table',
        line: 2,
        rows: [
          [
            { text: '序号', line: 2 },
            { text: '指标\n属性', line: 3 },
            { text: '年限', line: 6 },
          ],
          [
            { text: '1', line: 8 },
            { text: '2022-\n2025', line: 9 },
            { text: 'x', line: 11 },
          ],
        ],
      },
      { kind: 'paragraph', text: '正文', line: 13 },
    ]);
  });

  it('ends a table at a caption even when another table follows', () => {
    const blocks = textToBlocks(['\ta', '\tb', '', '表2 重点项目', '', '\tc', '\td', ''].join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table']);
  });
});

describe('indicator tables', () => {
  it('reads 奉节’s column order', () => {
    const plan = parseText([...TITLE, '表1“十四五”科技创新发展主要指标', FENGJIE_ORDER_TABLE]);
    expect(plan.indicators).toEqual(EXPECTED_INDICATORS);
  });

  it('reads 石柱’s column order, with a 年均 column', () => {
    const table = SHIZHU_ORDER_TABLE.map((row, i) => (i === 1 ? [...row.slice(0, 5), '10'] : row));
    const plan = parseText([...TITLE, '专栏1  “十四五”科技发展主要指标', table]);
    const expected = EXPECTED_INDICATORS.map((indicator, i) => ({ ...indicator, annualGrowthRate: i === 0 ? 10 : null }));
    expect(plan.indicators).toEqual(expected);
    expect(plan.boxes).toEqual([{ number: 1, title: '“十四五”科技发展主要指标', items: [] }]);
  });

  it('reads comparators, cumulative marks and no-value marks', () => {
    const plan = parseText([
      ...TITLE,
      [
        ['序号', '指标名称', '基期值', '目标值'],
        ['1', '甲（%）', '不低于2', '≤3'],
        ['2', '乙（家）', '', '5以上'],
        ['3', '丙（个）', '—', '【12】'],
        ['4', '丁（项）', '-', '超过8'],
        ['5', '戊（项）', '约3', '10左右'],
      ],
    ]);
    expect(plan.indicators.map((i) => [i.baseline?.value, i.target?.value, i.target?.comparator, i.cumulative])).toEqual([
      [2, 3, '<=', false],
      [null, 5, '>=', false],
      [null, 12, null, true],
      [null, 8, '>=', false],
      [3, 10, null, false],
    ]);
    expect(plan.indicators[1]?.baseline).toEqual({ year: 2020, value: null, text: '' });
  });

  it('reads targets written in words: 【累计】 marks, 累计新增, 累计降低, 年均增长, 力争, 突破', () => {
    const plan = parseText([
      ...TITLE,
      [
        ['序号', '指标名称', '2020年基期值', '2025年目标值', '属性'],
        ['1', '高新技术企业（家）', '45', '【累计】80', '预期性'],
        ['2', '科技型企业（家）', '120', '200（累计）', '预期性'],
        ['3', '省级以上研发平台（个）', '12', '累计达到20', '预期性'],
        ['4', '科技特派员服务企业（家）', '—', '累计新增30', '预期性'],
        ['5', '技术合同成交额（亿元）', '0.5', '年均增长15%', '预期性'],
        ['6', '研发经费支出（亿元）', '1.2', '年均增速8%左右', '预期性'],
        ['7', '单位地区生产总值能耗（吨标准煤/万元）', '0.52', '累计降低13.5%', '约束性'],
        ['8', '万元工业增加值用水量（立方米）', '—', '下降10%以上', '约束性'],
        ['9', '科技服务业营业收入（亿元）', '3', '力争5', '预期性'],
        ['10', '高技术产业产值（亿元）', '20', '突破50', '预期性'],
      ],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'cell-not-understood')).toEqual([]);
    expect(
      plan.indicators.map((i) => [i.seq, i.target?.value, i.target?.comparator, i.cumulative, i.annualGrowthRate, inferTargetKind(i).kind]),
    ).toEqual([
      ['1', 80, null, true, null, 'cumulative-stock'],
      ['2', 200, null, true, null, 'cumulative-stock'],
      ['3', 20, null, true, null, 'cumulative-stock'],
      ['4', 30, null, true, null, 'cumulative-new'],
      ['5', null, null, false, 15, 'annual-growth'],
      ['6', null, null, false, 8, 'annual-growth'],
      ['7', 13.5, null, false, null, 'cumulative-reduction'],
      // "以上" belongs to the rate: a reduction of at least 10 %, not a level to keep.
      ['8', 10, null, false, null, 'cumulative-reduction'],
      ['9', 5, null, false, null, 'level-up'],
      ['10', 50, '>=', false, null, 'threshold'],
    ]);
    // The cell stays as written: the plan's own words are what the platform shows beside the figure.
    expect(plan.indicators[4]?.target?.text).toBe('年均增长15%');
    const reduction = plan.indicators[6];
    if (!reduction) throw new Error("row 7 missing");
    expect(inferTargetKind(reduction).reason).toMatch(/^目标值含"降低\/下降"/);
  });

  it('reads a cell that repeats the indicator’s unit, and leaves another unit for a person', () => {
    const plan = parseText([
      ...TITLE,
      [
        ['序号', '指标名称', '单位', '2020年', '2025年'],
        ['1', '高新技术企业', '家', '45家', '80家以上'],
        ['2', '环境空气质量优良天数', '天', '353天', '≥330天'],
        ['3', '每万人口发明专利拥有量', '件/万人', '3.19件/万人', '约5件/万人'],
        ['4', '研发经费支出', '万元', '14277万元', '3.5亿元'],
      ],
    ]);
    expect(plan.indicators.map((i) => [i.baseline?.value, i.target?.value, i.target?.comparator])).toEqual([
      [45, 80, '>='],
      [353, 330, '>='],
      [3.19, 5, null],
      [14277, null, null],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'cell-not-understood').map((w) => w.message)).toEqual([
      expect.stringContaining('“研发经费支出”的“2025年”单元格“3.5亿元”无法识别'),
    ]);
  });

  it('still refuses what it cannot read as a figure, naming the cell', () => {
    const plan = parseText([
      ...TITLE,
      [
        ['序号', '指标名称', '2020年基期值', '2025年目标值'],
        ['1', '科技服务业营业收入（亿元）', '3', '2.0-2.5'],
        ['2', '创新环境（项）', '—', '持续优化'],
        ['3', '新增（家）', '—', '新增'],
      ],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'cell-not-understood').map((w) => w.message)).toEqual([
      expect.stringContaining('“科技服务业营业收入”的“2025年目标值”单元格“2.0-2.5”无法识别'),
      expect.stringContaining('“创新环境”的“2025年目标值”单元格“持续优化”无法识别'),
      expect.stringContaining('“新增”的“2025年目标值”单元格“新增”无法识别'),
    ]);
    expect(plan.indicators.map((i) => i.target?.value)).toEqual([null, null, null]);
  });

  it('takes years from the header, else from the plan period', () => {
    const plan = parseText([
      '某某区科技创新“十四五”规划（2021-2025年）',
      [
        ['序号', '指标', '2020年', '2025年'],
        ['1', '甲（%）', '1', '2'],
      ],
      [
        ['序号', '指标名称', '基期值', '目标值'],
        ['1', '乙（%）', '1', '2'],
      ],
    ]);
    expect(plan.indicators.map((i) => [i.baseline?.year, i.target?.year])).toEqual([
      [2020, 2025],
      [2020, 2025],
    ]);
    expect(plan.region).toBe('某某区');
  });

  it('applies the unit rules: bracket, 达到%, a 单位 column, none', () => {
    const plan = parseText([
      [
        ['序号', '指标名称', '单位', '2020年', '2025年目标'],
        ['1', '比重（％）', '', '1', '2'],
        ['2', '比重达到%', '', '1', '2'],
        ['3', '企业数量', '家', '1', '2'],
        ['4', '新增研发机构', '', '1', '2'],
        ['5', '研发投入（R&D）', '', '1', '2'],
      ],
    ]);
    expect(plan.indicators.map((i) => [i.name, i.unit])).toEqual([
      ['比重', '%'],
      ['比重', '%'],
      ['企业数量', '家'],
      ['新增研发机构', null],
      ['研发投入（R&D）', null],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'unit-not-found').map((w) => w.message)).toEqual([
      expect.stringContaining('新增研发机构'),
      expect.stringContaining('研发投入（R&D）'),
    ]);
  });

  it('warns about text cells it cannot read as numbers, naming the cell', () => {
    const plan = parseText([
      [
        ['序号', '指标名称', '2020年', '2025年', '属性'],
        ['1', '比重（%）', '较低', '明显提高', '引导性'],
      ],
    ]);
    const indicator = plan.indicators[0];
    expect(indicator?.baseline).toEqual({ year: 2020, value: null, text: '较低' });
    expect(indicator?.attribute).toBeNull();
    const messages = plan.warnings.filter((w) => w.code === 'cell-not-understood').map((w) => w.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^第\d+行：“比重”的“2020年”单元格“较低”无法识别$/);
  });

  it('warns about duplicate and missing numbers', () => {
    const plan = parseText([
      [
        ['序号', '指标名称', '2020年', '2025年'],
        ['1', '甲（%）', '1', '2'],
        ['3', '乙（%）', '1', '2'],
        ['3', '丙（%）', '1', '2'],
      ],
    ]);
    expect(plan.warnings.map((w) => [w.code, w.message])).toEqual([
      ['missing-seq', '第11行：指标序号“2”缺失'],
      ['duplicate-seq', '第16行：指标序号“3”重复（第11行已出现）'],
      ['title-not-found', '未找到规划标题'],
      ['projects-not-found', expect.any(String)],
    ]);
  });

  it('warns about a row without a number in a numbered table', () => {
    const plan = parseText([
      ...TITLE,
      [
        ['序号', '指标名称', '2020年', '2025年'],
        ['1', '甲（%）', '1', '2'],
        ['', '乙（%）', '1', '2'],
      ],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'missing-seq').map((w) => w.message)).toEqual(['第13行：指标“乙”缺少序号']);
  });
});

describe('.docx input', () => {
  it('gives the same indicators as the text export', async () => {
    const parts: DocPart[] = [...TITLE, '表1 主要指标', FENGJIE_ORDER_TABLE];
    const fromDocx = await readPlanDocument(await toDocx(parts), 'plan.docx');
    expect(fromDocx.indicators).toEqual(EXPECTED_INDICATORS);
    expect(fromDocx.title).toBe('重庆市某某县科技创新“十四五”规划（2021—2025年）');
    expect(fromDocx.region).toBe('某某县');
  });

  it('reads 石柱’s order and multi-paragraph header cells from a .docx', async () => {
    const fromDocx = await readPlanDocument(await toDocx([...TITLE, SHIZHU_ORDER_TABLE]), 'plan.docx');
    expect(fromDocx.indicators).toEqual(EXPECTED_INDICATORS);
  });

  it('numbers paragraphs and keeps a cell’s paragraphs joined by a newline', async () => {
    const blocks = await docxToBlocks(await toDocx(['标题', [['a\nb', 'c']], '第一章 总则']), 'x.docx');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '标题', line: 1 },
      {
        kind: 'table',
        line: 2,
        rows: [
          [
            { text: 'a\nb', line: 2 },
            { text: 'c', line: 4 },
          ],
        ],
      },
      { kind: 'paragraph', text: '第一章 总则', line: 5 },
    ]);
  });

  it('reads outline, boxes and projects from a .docx', async () => {
    const plan = await readPlanDocument(
      await toDocx([
        ...TITLE,
        '第一章  发展基础',
        '一、主要成就',
        [['专栏1 重点平台'], ['1.平台甲。建设内容。\n2.平台乙。建设内容。']],
        [
          ['序号', '项目名称', '责任单位', '总投资（亿元）', '建设年限'],
          ['一、产业类', '', '', '', ''],
          ['1', '项目甲', '县科技局', '1.2', '2021—2025'],
        ],
      ]),
      'plan.docx',
    );
    expect(plan.outline.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, '第一章', '发展基础'],
      [2, '一、', '主要成就'],
    ]);
    expect(plan.boxes).toEqual([
      {
        number: 1,
        title: '重点平台',
        items: [
          { title: '平台甲', text: '建设内容。' },
          { title: '平台乙', text: '建设内容。' },
        ],
      },
    ]);
    expect(plan.projects).toEqual([
      {
        seq: '1',
        category: '产业类',
        name: '项目甲',
        leadUnit: '县科技局',
        site: null,
        nature: null,
        content: '',
        investment: 12000,
        startYear: 2021,
        endYear: 2025,
      },
    ]);
  });
});

describe('project lists', () => {
  const header = ['序号', '项目名称', '实施主体', '建设地点', '建设性质', '建设内容', '总投资', '建设期限', '类  别'];

  it('finds columns by name, reads investments and year ranges', () => {
    const plan = parseText([
      '附件1',
      '某某县科技创新“十四五”重点任务',
      [
        header,
        ['', '', '', '', '', '', '', '', ''],
        ['1', '甲', '县科技局', '城区', '新建', '建设A', '3500 ', '2022-\n2025', '平台类'],
        ['2', '乙', '县农业农村委', '', '续建', '建设B', '1.2亿元', '2021年至2025年', '平台类'],
        ['3', '丙', '', '', '', '', '－', '2021～2025', '示范类'],
        ['4', '丁', '', '', '', '', '待定', '2023', '示范类'],
        ['合计', '', '', '', '', '', '15500', '', ''],
      ],
    ]);
    expect(plan.projects.map((p) => [p.seq, p.name, p.category, p.leadUnit, p.site, p.nature, p.investment, p.startYear, p.endYear])).toEqual([
      ['1', '甲', '平台类', '县科技局', '城区', '新建', 3500, 2022, 2025],
      ['2', '乙', '平台类', '县农业农村委', null, '续建', 12000, 2021, 2025],
      ['3', '丙', '示范类', null, null, null, null, 2021, 2025],
      ['4', '丁', '示范类', null, null, null, null, 2023, 2023],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'cell-not-understood').map((w) => w.message)).toEqual([
      expect.stringContaining('“丁”的“总投资”单元格“待定”'),
    ]);
  });

  it('carries a merged 类别 cell down to the rows it spans', () => {
    const plan = parseText([
      [
        ['类别', '序号', '项目名称', '责任单位', '建设内容', '建设年限'],
        ['平台类', '1', '甲', '县科技局', 'A', '2021-2025'],
        ['2', '乙', '县科技局', 'B', '2022-2023'],
        ['示范类', '3', '丙', '县农业农村委', 'C', '2021-2025'],
      ],
    ]);
    expect(plan.projects.map((p) => [p.category, p.seq, p.name, p.leadUnit, p.startYear])).toEqual([
      ['平台类', '1', '甲', '县科技局', 2021],
      ['平台类', '2', '乙', '县科技局', 2022],
      ['示范类', '3', '丙', '县农业农村委', 2021],
    ]);
  });

  it('takes categories from section rows and restarts numbering per category', () => {
    const plan = parseText([
      [
        ['某某县“十四五”规划项目清单'],
        ['序号', '项目名称', '牵头单位', '拟建主要内容及规模', '总投资估算（万元）', '建设年限'],
        ['一、产业支撑'],
        ['1', '甲', '县科技局', 'A', '100', '2021-2025'],
        ['2', '乙', '县科技局', 'B', '200', '2021-2025'],
        ['二、公共服务'],
        ['1', '丙', '县大数据局', 'C', '300', '2021-2025'],
      ],
    ]);
    expect(plan.projects.map((p) => [p.seq, p.category, p.name])).toEqual([
      ['1', '产业支撑', '甲'],
      ['2', '产业支撑', '乙'],
      ['1', '公共服务', '丙'],
    ]);
    expect(codes(plan)).not.toContain('duplicate-seq');
  });
});

describe('front matter and outline', () => {
  it('reads the notice: issuer, date, document number, and the plan title after it', () => {
    const plan = parseText([
      '某某县人民政府',
      '某府发〔2022〕12号',
      '某某县人民政府',
      '关于印发《某某县科技创新“十四五”规划',
      '（2021—2025年）》的通知',
      '各乡镇人民政府：',
      '现将《某某县科技创新“十四五”规划（2021—2025年）》印发给你们，请认真贯彻执行。',
      '某某县人民政府',
      '二〇二二年六月一日',
      '（此件公开发布）',
      '某某县科技创新“十四五”规划',
      '（2021—2025年）',
      '第一章  总体要求',
    ]);
    expect(plan).toMatchObject({
      title: '某某县科技创新“十四五”规划（2021—2025年）',
      region: '某某县',
      periodStart: 2021,
      periodEnd: 2025,
      issuer: '某某县人民政府',
      issuedOn: '2022-06-01',
      docNumber: '某府发〔2022〕12号',
    });
    expect(plan.outline).toEqual([{ level: 1, label: '第一章', title: '总体要求', line: 13 }]);
  });

  it('gives a notice with a table of contents no rows, only warnings', () => {
    const plan = parseText([
      '某某区人民政府',
      '关于印发《某某区科技创新“十四五”规划》的通知',
      '现将《某某区科技创新“十四五”规划》印发给你们，请认真贯彻执行。',
      '某某区人民政府',
      '2022年1月5日',
      '目  录',
      '第一章  发展基础\t1',
      '一、主要成就……………………2',
      '专栏1 主要指标\t3',
      '第二章  总体要求\t5',
    ]);
    expect(plan).toMatchObject({
      title: '某某区科技创新“十四五”规划',
      region: '某某区',
      periodStart: 2021,
      periodEnd: 2025,
      issuer: '某某区人民政府',
      issuedOn: '2022-01-05',
      outline: [],
      indicators: [],
      boxes: [],
      projects: [],
    });
    expect(codes(plan)).toEqual(['indicators-not-found', 'projects-not-found']);
  });

  it('reads heading levels and titles', () => {
    const plan = parseText([
      ...TITLE,
      '目录',
      '第一章 发展基础',
      '一、主要成就',
      '第一章  发展基础',
      '[bookmark: _Toc1]一、主要成就',
      '（一）科技创新能力不足。在构建以企业为主体的创新体系上步伐不快。',
      '（二）人才：匮乏',
      '1.科技创新主体引育增强。不是标题。',
      '一、二、三级医院加强合作。',
    ]);
    expect(plan.outline).toEqual([
      { level: 1, label: '第一章', title: '发展基础', line: 6 },
      { level: 2, label: '一、', title: '主要成就', line: 7 },
      { level: 3, label: '（一）', title: '科技创新能力不足', line: 8 },
      { level: 3, label: '（二）', title: '人才', line: 9 },
    ]);
  });

  it('joins a place line above the title and the period line below it', () => {
    const plan = parseText(['重庆市奉节县', '科技创新“十四五”规划', '（2021-2025年）', '第一章 总则']);
    expect(plan).toMatchObject({ title: '重庆市奉节县科技创新“十四五”规划（2021-2025年）', region: '奉节县', periodStart: 2021 });
  });

  it('puts 一、 at level 3 when the plan has 第X节', () => {
    const plan = parseText(['第一章 总则', '第一节 基础', '一、成就', '（一）创新']);
    expect(plan.outline.map((h) => h.level)).toEqual([1, 2, 3, 3]);
  });
});

describe('boxes', () => {
  it('reads a title paragraph, a one-cell table and the numbered paragraphs after it', () => {
    const text = [
      '专栏2  绿色生态工业科技创新重点项目',
      '',
      '\t1. 绿色康养产品研发。结合乡村振兴战略。',
      '',
      '2. 中药材产品研发。充分利用中药材资源。',
      '',
      '3.企业上云。支持重点企业。',
      '',
      '',
      '推进智慧农业建设。坚持绿色有机。',
    ].join('\n');
    const plan = parsePlanBlocks(textToBlocks(text));
    expect(plan.boxes).toEqual([
      {
        number: 2,
        title: '绿色生态工业科技创新重点项目',
        items: [
          { title: '绿色康养产品研发', text: '结合乡村振兴战略。' },
          { title: '中药材产品研发', text: '充分利用中药材资源。' },
          { title: '企业上云', text: '支持重点企业。' },
        ],
      },
    ]);
  });

  it('reads a box written as a table, with 名称：内容 items or one plain paragraph', () => {
    const plan = parseText([
      [['专栏2.现代脐橙产业创新示范园创建工程'], ['科技研发：建设脐橙科研中心。\n数字脐橙：推动水肥一体化。']],
      [['专栏4 数字经济重点项目'], ['重点推进城市智能中枢等项目建设。']],
      '专栏五、人才计划',
      '引进高层次人才。',
    ]);
    expect(plan.boxes).toEqual([
      {
        number: 2,
        title: '现代脐橙产业创新示范园创建工程',
        items: [
          { title: '科技研发', text: '建设脐橙科研中心。' },
          { title: '数字脐橙', text: '推动水肥一体化。' },
        ],
      },
      { number: 4, title: '数字经济重点项目', items: [{ title: null, text: '重点推进城市智能中枢等项目建设。' }] },
      { number: 5, title: '人才计划', items: [{ title: null, text: '引进高层次人才。' }] },
    ]);
  });
});

describe('unreadable input', () => {
  it('rejects an empty file', async () => {
    const error = await rejection(new Uint8Array(0), 'a.txt');
    expect(error.code).toBe('empty');
    expect(error.reason).toBe('文件为空 / file is empty');
    expect((await rejection(utf8(' \n\t\n'), 'a.txt')).code).toBe('empty');
  });

  it('rejects binary junk', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect((await rejection(junk, 'a.txt')).code).toBe('binary');
    const controls = utf8('规划' + '\u0001\u0002\u0003'.repeat(20));
    expect((await rejection(controls, 'a.txt')).code).toBe('binary');
  });

  it('rejects a corrupt .docx', async () => {
    expect((await rejection(utf8('not a zip'), 'a.docx')).code).toBe('corrupt-docx');
    const truncated = (await toDocx(['规划'])).subarray(0, 200);
    expect((await rejection(truncated, 'a.docx')).code).toBe('corrupt-docx');
  });

  it('rejects unsupported extensions', async () => {
    for (const name of ['a.pdf', 'a.doc', 'README']) {
      const error = await rejection(utf8('规划'), name);
      expect(error.code).toBe('unsupported-format');
      expect(error.message).toContain(name);
    }
  });

  it('accepts upper-case extensions', async () => {
    expect((await readPlanDocument(utf8(TITLE.join('\n')), 'PLAN.TXT')).title).toContain('规划');
  });

  it('rejects files over 50 MB before reading them', async () => {
    const error = await rejection(new Uint8Array(MAX_PLAN_BYTES + 1), 'big.txt');
    expect(error.code).toBe('too-large');
    expect(error.reason).toContain('50 MB');
  });
});
