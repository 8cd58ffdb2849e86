// The two real plans in seeds/ are the visible spec: every indicator, box and project is checked here.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanDocument, type ParsedPlan, type PlanIndicator } from '../../src/domain/plan/index.ts';

const FENGJIE_FILE = '000_da82127551cae645.txt';
const SHIZHU_FILE = '003_277bfcae23e1cd61.txt';

function seed(fileName: string): Promise<ParsedPlan> {
  const bytes = readFileSync(new URL(`../../seeds/${fileName}`, import.meta.url));
  return readPlanDocument(bytes, fileName);
}

/** seq, name, unit, attribute, baseline text, baseline value, target text, target value, comparator, cumulative, annual */
type IndicatorRow = [
  string,
  string,
  string | null,
  PlanIndicator['attribute'],
  string,
  number | null,
  string,
  number | null,
  '>=' | '<=' | null,
  boolean,
  number | null,
];

function indicatorOf(row: IndicatorRow): PlanIndicator {
  const [seq, name, unit, attribute, baseText, baseValue, targetText, targetValue, comparator, cumulative, annual] = row;
  return {
    seq,
    name,
    unit,
    attribute,
    baseline: { year: 2020, value: baseValue, text: baseText },
    target: { year: 2025, value: targetValue, text: targetText, comparator },
    cumulative,
    annualGrowthRate: annual,
  };
}

/** number, title, item titles (null = an untitled plain paragraph) */
type BoxRow = [number, string, Array<string | null>];

/** seq, category, name, lead unit, site, nature, investment (万元), start, end, content prefix */
type ProjectRow = [string, string, string, string | null, string | null, string | null, number | null, number, number, string];

const FENGJIE_INDICATORS: IndicatorRow[] = [
  ['1', '本级财政科学技术支出占当年本级财政一般公共预算支出比重', '%', '预期性', '1.3', 1.3, '2', 2, null, false, null],
  ['2', '全社会研发经费占地区生产总值的比重', '%', '预期性', '0.4', 0.4, '1', 1, null, false, null],
  ['3', '数字经济增加值占地区生产总值比重', '%', '预期性', '1.5', 1.5, '10', 10, null, false, null],
  ['4', '规模以上工业企业R&D经费支出占主营业务收入比重', '%', '预期性', '2.68', 2.68, '3.8', 3.8, null, false, null],
  ['5', '科技型企业', '家', '预期性', '399', 399, '1000', 1000, null, false, null],
  ['6', '高新技术企业', '家', '预期性', '17', 17, '35', 35, null, false, null],
  ['7', '企业技术研发中心', '个', '预期性', '28', 28, '40', 40, null, false, null],
  ['8', '市级科技特派员', '人/年', '预期性', '30', 30, '35', 35, null, false, null],
  ['9', '万人有效发明专利拥有量', '件/万人', '预期性', '4.19', 4.19, '5', 5, null, false, null],
  ['10', '技术合同成交额', '万元', '预期性', '1200', 1200, '8000', 8000, null, false, null],
  ['11', '公民具备科学素质的比例', '%', '预期性', '7.2', 7.2, '18', 18, null, false, null],
  ['12', '森林覆盖率', '%', '约束性', '63.04', 63.04, '≥65', 65, '>=', false, null],
  ['13', '环境空气质量优良天数', '天', '约束性', '353', 353, '≥330', 330, '>=', false, null],
];

const SHIZHU_INDICATORS: IndicatorRow[] = [
  ['1', '全社会研发经费投入增长', '%', '预期性', '－', null, '－', null, null, false, 10],
  ['2', '全社会研发经费占地区生产总值的比重', '%', '预期性', '0.82', 0.82, '1.0', 1, null, false, null],
  ['3', '每万人有效发明专利拥有量', '件', '预期性', '3.2', 3.2, '4.5', 4.5, null, false, null],
  ['4', '规模以上工业企业研发经费支出与营业收入之比', '%', '预期性', '1.1', 1.1, '1.6', 1.6, null, false, null],
  ['6', '规模以上工业企业有研发活动的企业占比', null, '预期性', '29.8', 29.8, '40.0', 40, null, false, null],
  ['6', '战略新兴产业产值', '亿元', '预期性', '23.5', 23.5, '35.65', 35.65, null, false, null],
  ['7', '科技型企业数量', '个', '预期性', '【201】', 201, '【240】', 240, null, true, null],
  ['8', '高新技术企业数量', '个', '预期性', '【5】', 5, '【15】', 15, null, true, null],
  ['9', '市级以上科技研发平台数量', '个', '预期性', '【4】', 4, '【8】', 8, null, true, null],
  ['10', '公民具备科学素质的比例', '%', '预期性', '7.4', 7.4, '15', 15, null, false, null],
];

const FENGJIE_BOXES: BoxRow[] = [
  [1, '科技创新平台（研发机构）建设', [null]],
  [2, '现代脐橙产业创新示范园创建工程', ['科技研发', '数字脐橙', '品牌脐橙', '智慧果园', '协同合作']],
  [
    3,
    '文化旅游产业重大科技创新方向',
    [
      '建设奉节特色文化旅游发展创新示范区',
      '研发数字文化产业技术应用',
      '推进在地服务智慧化',
      '创新推进“云游夔州”出圈',
      '建设生态康养旅游示范基地',
      '建立三峡原乡民俗文化创意基地',
      '推进创新技术与商业模式融合',
      '建设智慧文化旅游服务平台',
    ],
  ],
  [4, '数字经济重点项目', [null]],
];

const SHIZHU_BOXES: BoxRow[] = [
  [1, '“十四五”科技发展主要指标', []],
  [2, '绿色生态工业科技创新重点项目', ['绿色康养产品研发', '中药材产品研发', '企业创新平台倍增计划', '企业上云上平台', '数字化车间和智能工厂']],
  [3, '现代山地特色高效农业科技创新重点项目', ['中药材产业创新发展计划', '特色果蔬产业创新发展计划', '中蜂养殖产业创新发展计划', '生态畜禽养殖产业创新发展计划']],
  [4, '现代山地特色高效农业平台基地建设项目', ['智慧农场示范基地', '农业物联网指挥中心']],
  [5, '智慧旅游创新应用重点项目', ['智慧旅游大数据中心', '智慧旅游服务平台', '智慧旅游管理平台', '智慧旅游营销平台', '文化艺术创新平台']],
  [6, '精品康养小镇重点项目', ['土家文化康养小镇', '温泉康养小镇', '中医药康养小镇', '农耕田园小镇', '初心康养小镇']],
  [
    7,
    '智慧城市重点项目',
    ['智慧石柱指挥中心', '智慧城管平台', '应急指挥平台', '全民健康信息平台', '智慧医院示范工程', '智慧校园', '视频监控建设联网应用'],
  ],
  [8, '现代服务科技创新重点项目', ['石柱电子商务产业园', '电子商务大数据应用平台', '“源味石柱”电商平台']],
  [
    9,
    '生态环境创新应用重点项目',
    ['生态环境智能监测监管平台', '智慧河长平台', '智慧林长信息平台', '水污染防治项目', '土壤污染防治及生态修复项目', '重庆市绿色工厂建设项目'],
  ],
  [10, '人才行动计划', ['专业技术人才集聚行动', '产业及创新人才培养行动', '紧缺实用人才引进开发行动', '职业服务能力提升行动', '全民素质提升行动']],
  [11, '企业创新能力重点发展方向', ['高新技术企业', '科技型企业', '“专精特新”中小企业', '企业创新联合体']],
  [
    12,
    '重点创新平台建设',
    ['重庆市山地农业科技创新中心', '市级智慧园区', '重庆康养研究院', '石柱黄连创新产业研究院', '中医药产业园', '重庆市石柱黄连科技小院'],
  ],
];

const FENGJIE_PROJECTS: ProjectRow[] = [
  ['1', '产业支撑', '低碳经济产业园', '县科技局', '夔州街道', '新建', 30000, 2022, 2025, '一期工程：数据加工、产业实训'],
  ['2', '产业支撑', '重庆市肉牛种质创新及奉节黑牛新品种培育项目', '县农业农村委', '奉节县太和乡', '续建', 3500, 2021, 2025, '建设核心育种场'],
  ['3', '产业支撑', '奉节县智能化养蚕项目', '县林业局', '草堂工业园及有关乡镇', '新建', 50000, 2021, 2025, '建筑面积60000㎡。'],
  ['4', '产业支撑', '奉节县智慧农业建设项目', '县农业农村委', '全县30个乡镇', '新建', 2000, 2021, 2025, '智慧农业示范点50个'],
  ['5', '产业支撑', '奉节县全域智慧旅游项目', '县文化旅游委', '县域内', '新建', 50000, 2021, 2025, '数值控制中心500㎡'],
  ['1', '公共服务', '奉节县城市智能中枢', '县大数据发展局', '夔州街道', '新建', 20000, 2021, 2025, '打造数字奉节云平台'],
  ['1', '生态环境', '奉节县智慧林业建设项目', '林业局', '全县30个乡镇', '新建', 5000, 2021, 2025, '建设全县智慧林业平台。'],
  ['1', '社会治理', '奉节县公安局大数据智能化10+X”智慧警务建设', '公安局', '永安镇', '新建', 10000, 2021, 2025, '大数据智能化建设及应用。'],
  ['2', '社会治理', '建设“数字法治、智慧司法”体系', '司法局', '县域内', '新建和扩建', 2000, 2020, 2023, '“数字法治、智慧司法”体系；'],
];

const SHIZHU_PROJECT_CELLS: Array<[string, string, string, string]> = [
  ['科技平台类', '重庆市山地农业科技创新中心', '重庆市农业科学院', '以石柱丰富的植物资源为研究对象'],
  ['科技平台类', '重庆康养研究院', '县农旅集团', '依托农旅公司建设重庆康养研究院'],
  ['科技平台类', '石柱黄连创新产业研究院', '县农业农村委', '围绕石柱黄连产业发展的科技需求'],
  ['科技平台类', '重庆市石柱黄连科技小院', '县科协、有关企业', '建设线下服务工作站'],
  ['科技平台类', '企业创新平台倍增计划', '有关企业', '完善规上工业企业研发机构认定管理体系'],
  ['科技平台类', '中医药产业园', '县农业农村委', '建设中药材科技创新服务支撑体系'],
  ['科技平台类', '智慧石柱指挥中心', '县大数据发展中心', '依托数字重庆云平台'],
  ['科技平台类', '市级智慧园区', '县工业园区管委会委', '完成工业园区硬件和信息基础设施改造升级'],
  ['科技平台类', '城市物联网平台', '县大数据发展中心', '面向各领域、各类型感知识别设施'],
  ['科技平台类', '全民健康信息平台', '县卫生健康委', '建设全民健康信息平台'],
  ['产业创新类', '机械设备关键技术、新产品开发和应用', '有关企业', '围绕全市汽摩及装备制造等大型产业集群'],
  ['产业创新类', '清洁能源关键技术、新产品开发和应用', '有关企业', '发挥清洁能源资源优势'],
  ['产业创新类', '中药材产业创新', '有关企业', '利用黄连、佛手、紫菀'],
  ['产业创新类', '特色果蔬产业创新', '有关企业', '研究开发李子果脯'],
  ['产业创新类', '中蜂养殖产业创新', '有关企业', '引进养殖、生产技术和设备'],
  ['产业创新类', '生态畜禽养殖产业创新', '有关企业', '建成生猪养殖小区20个'],
  ['成果示范类', '绿色生态工业创新示范', '有关企业', '支持重点企业开展上云上平台试点'],
  ['成果示范类', '农业科技创新示范', '县农业农村委', '以石柱特色农产品优势区为重点'],
  ['成果示范类', '康养旅游应用示范', '县文化旅游委', '通过建设智慧旅游大数据中心'],
  ['成果示范类', '电子商务应用示范', '县商务委', '依托全市智慧商务大数据平台'],
  ['成果示范类', '生态环境应用示范', '县生态环境局、县水利局、县林业局', '建设生态环境监测网络'],
  ['成果示范类', '医疗卫生应用示范', '县卫生健康委', '加强医疗技术临床应用管理'],
  ['成果示范类', '智能政务应用示范', '县行政服务中心', '依托县行政服务大厅'],
  ['成果示范类', '数字城市应用示范', '县城市管理局', '建设智慧城市管理平台'],
  ['成果示范类', '社会民生应用示范', '县委政法委、县教委', '完善教育资源公共服务平台'],
  ['成果示范类', '特色康养小镇', '有关乡镇（街道）', '以乡村振兴重点支持村镇为示范'],
];

const SHIZHU_PROJECTS: ProjectRow[] = SHIZHU_PROJECT_CELLS.map(([category, name, leadUnit, content], i) => [
  String(i + 1),
  category,
  name,
  leadUnit,
  null,
  null,
  null,
  2021,
  2025,
  content,
]);

function expectProjects(plan: ParsedPlan, rows: ProjectRow[]): void {
  expect(plan.projects).toHaveLength(rows.length);
  rows.forEach(([seq, category, name, leadUnit, site, nature, investment, startYear, endYear, content], i) => {
    const project = plan.projects[i];
    expect(project, `project ${i + 1}`).toMatchObject({ seq, category, name, leadUnit, site, nature, investment, startYear, endYear });
    expect(project?.content.startsWith(content), `project ${i + 1} content`).toBe(true);
  });
}

function expectBoxes(plan: ParsedPlan, rows: BoxRow[]): void {
  expect(plan.boxes.map((box) => [box.number, box.title, box.items.map((item) => item.title)])).toEqual(rows);
  for (const box of plan.boxes) {
    for (const item of box.items) expect(item.text.length, `专栏${box.number} item text`).toBeGreaterThan(0);
  }
}

function outlineCounts(plan: ParsedPlan): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const heading of plan.outline) counts[heading.level] = (counts[heading.level] ?? 0) + 1;
  return counts;
}

describe('奉节 seed', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await seed(FENGJIE_FILE);
  });

  it('reads title, region and period; no notice', () => {
    expect(plan.title).toBe('奉节县科技创新“十四五”规划（2021—2025年）');
    expect(plan).toMatchObject({
      region: '奉节县',
      periodStart: 2021,
      periodEnd: 2025,
      issuer: null,
      issuedOn: null,
      docNumber: null,
    });
  });

  it('reads the outline: 11 chapters, 一、 at level 2, （一） at level 3', () => {
    expect(outlineCounts(plan)).toEqual({ 1: 11, 2: 41, 3: 27 });
    expect(plan.outline.filter((h) => h.level === 1).map((h) => h.label)).toEqual([
      '第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章', '第十章', '第十一章',
    ]);
    expect(plan.outline[0]).toEqual({ level: 1, label: '第一章', title: '“十三五”科技创新发展回顾', line: 5 });
    expect(plan.outline[1]).toEqual({ level: 2, label: '一、', title: '主要成就', line: 6 });
    expect(plan.outline[2]).toEqual({ level: 3, label: '（一）', title: '科技创新目标顺利实现', line: 7 });
    expect(plan.outline).toContainEqual({ level: 3, label: '（一）', title: '科技创新能力不足', line: 19 });
    expect(plan.outline).toContainEqual({ level: 1, label: '第十章', title: '大力发展民生科技', line: 292 });
    expect(plan.outline.at(-1)).toEqual({ level: 2, label: '五、', title: '营造创新良好氛围', line: 320 });
  });

  it('keeps table cells, 专栏 content and numbered items out of the outline', () => {
    const titles = plan.outline.map((h) => h.title);
    expect(titles).not.toContain('产业支撑');
    expect(plan.outline.every((h) => h.line < 336)).toBe(true);
    expect(titles.some((t) => t.includes('专栏'))).toBe(false);
  });

  it.each(FENGJIE_INDICATORS.map((row, i) => [i + 1, row] as const))('indicator row %i', (i, row) => {
    expect(plan.indicators[i - 1]).toEqual(indicatorOf(row));
  });

  it('reads exactly 13 indicators', () => {
    expect(plan.indicators).toHaveLength(13);
  });

  it('reads the 4 boxes with their items', () => {
    expectBoxes(plan, FENGJIE_BOXES);
    expect(plan.boxes[1]?.items[0]?.text.startsWith('建设脐橙科研中心')).toBe(true);
    expect(plan.boxes[2]?.items[0]?.text.startsWith('以“互联网+”')).toBe(true);
    expect(plan.boxes[0]?.items[0]?.text.startsWith('围绕奉节生态产业领域')).toBe(true);
  });

  it('reads the 9 projects, with categories from the section rows', () => {
    expectProjects(plan, FENGJIE_PROJECTS);
    const total = plan.projects.reduce((sum, p) => sum + (p.investment ?? 0), 0);
    expect(total).toBe(172500);
  });

  it('has no warnings: numbering restarts per category', () => {
    expect(plan.warnings).toEqual([]);
  });
});

describe('石柱 seed', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await seed(SHIZHU_FILE);
  });

  it('reads the notice and the plan title after it', () => {
    expect(plan).toMatchObject({
      title: '石柱县科技创新“十四五”规划（2021—2025年）',
      region: '石柱县',
      periodStart: 2021,
      periodEnd: 2025,
      issuer: '石柱土家族自治县人民政府',
      issuedOn: '2022-06-01',
      docNumber: null,
    });
  });

  it('reads the outline: 6 chapters and their 节', () => {
    expect(outlineCounts(plan)).toEqual({ 1: 6, 2: 22 });
    expect(plan.outline[0]).toEqual({ level: 1, label: '第一章', title: '发展基础和发展形势', line: 17 });
    expect(plan.outline[1]).toEqual({ level: 2, label: '第一节', title: '发展基础', line: 19 });
    expect(plan.outline).toContainEqual({ level: 1, label: '第三章', title: '加快建设国家创新型县', line: 154 });
    expect(plan.outline.at(-1)).toEqual({ level: 2, label: '第三节', title: '加强监测评价', line: 421 });
    expect(plan.outline.filter((h) => h.level === 1).map((h) => h.title)).toEqual([
      '发展基础和发展形势', '总体思路', '加快建设国家创新型县', '集聚科技创新资源要素', '营造良好创新生态', '保障措施',
    ]);
  });

  it.each(SHIZHU_INDICATORS.map((row, i) => [i + 1, row] as const))('indicator row %i', (i, row) => {
    expect(plan.indicators[i - 1]).toEqual(indicatorOf(row));
  });

  it('keeps indicator seqs as written', () => {
    expect(plan.indicators.map((i) => i.seq)).toEqual(['1', '2', '3', '4', '6', '6', '7', '8', '9', '10']);
  });

  it('reads the 12 boxes; 专栏1 holds the indicator table and has no items', () => {
    expectBoxes(plan, SHIZHU_BOXES);
    expect(plan.boxes[1]?.items[0]?.text.startsWith('结合乡村振兴战略')).toBe(true);
  });

  it('reads the 26 tasks of 附件1 with categories from the 类别 column', () => {
    expectProjects(plan, SHIZHU_PROJECTS);
    const perCategory: Record<string, number> = {};
    for (const p of plan.projects) perCategory[p.category ?? ''] = (perCategory[p.category ?? ''] ?? 0) + 1;
    expect(perCategory).toEqual({
      科技平台类: 10,
      产业创新类: 6,
      成果示范类: 10,
    });
  });

  it('warns about the missing 5, the duplicated 6 and the unit-less indicator', () => {
    expect(plan.warnings).toEqual([
      { code: 'unit-not-found', line: 109, message: '第109行：指标“规模以上工业企业有研发活动的企业占比”未写明计量单位' },
      { code: 'missing-seq', line: 109, message: '第109行：指标序号“5”缺失' },
      { code: 'duplicate-seq', line: 116, message: '第116行：指标序号“6”重复（第109行已出现）' },
    ]);
  });
});
