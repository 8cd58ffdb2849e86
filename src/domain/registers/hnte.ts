// 高新技术企业认定 — 国科发火〔2016〕32号 第十一条 (8 conditions) and the 工作指引 (国科发火〔2016〕195号) 创新能力评价.
// domain-rules §2. Experts score most 创新能力 items within a band (A 7–8 …), so the platform computes the score as
// a RANGE and the verdict as a PRE-CHECK: `likely` when even the lowest score clears the bar, `undecided` when only
// some expert scores would, `fail` when a hard condition fails or even the highest score cannot clear it.
import {
  above,
  atLeast,
  formatNumber,
  formatPct,
  percent,
  rangeTable,
  scoreBand,
  type BandTable,
  type ScoreRange,
} from './bands.ts';
import { daysBetween } from './dates.ts';
import {
  check,
  failureLines,
  OUTCOME_LABELS,
  type ConditionCheck,
  type EvaluationOutcome,
  type EvaluationResult,
  type SubScore,
} from './evaluation.ts';
import { figuresOf, type YearFigures } from './figures.ts';

export const TECHNOLOGY_FIELDS = [
  '电子信息',
  '生物与新医药',
  '航空航天',
  '新材料',
  '高技术服务',
  '新能源与节能',
  '资源与环境',
  '先进制造与自动化',
] as const;

/** Expert grade letters for the two qualitative 知识产权 items. */
export const EXPERT_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type ExpertGrade = (typeof EXPERT_GRADES)[number];

export interface HnteParams {
  scheme: 'hnte';
  /** 条件1: 注册成立一年以上 — rule-engine convention ≥365 days [S]. */
  minDaysRegistered: number;
  /** 条件4 */
  techStaffMinPercent: number;
  /** 条件5: by latest-year sales (万元, upper limit inclusive; null = no limit) → minimum R&D ÷ sales percent. */
  rdIntensityBySales: { upToSales: number | null; minPercent: number }[];
  domesticRdMinPercent: number;
  /** 条件6 */
  hiTechRevenueMinPercent: number;
  /** 条件7: score must be ABOVE this (">70（不含70）"). */
  innovationScoreAbove: number;
  technologyFields: string[];
  /** 证书有效期 (years) [V]. */
  certificateValidityYears: number;
  /** 知识产权 expert items: grade → range. */
  expertGradeRanges: Record<ExpertGrade, ScoreRange>;
  /** 知识产权数量 band: by Ⅱ类 count when no Ⅰ类 item. */
  ipClass1Range: ScoreRange;
  ipClass2Bands: BandTable<ScoreRange>;
  ipAcquisitionRanges: { self: ScoreRange; acquiredOnly: ScoreRange };
  standardsBonus: ScoreRange;
  ipCap: number;
  /** 科技成果转化: annual average over the last 3 years. */
  conversionBands: BandTable<ScoreRange>;
  /** 研究开发组织管理水平: four items, maxima only (experts score within). */
  organisationItemMaxima: number[];
  /** 成长性: each rate (percent) separately; ≤0 → F 0. */
  growthBands: BandTable<ScoreRange>;
  /** Under 3 years of figures: the 指引 says "actual operating period"; how to read it is [U]. */
  shortHistoryGrowth: 'two-year-ratio' | 'zero';
}

export const HNTE_2016_PARAMS: HnteParams = {
  scheme: 'hnte',
  minDaysRegistered: 365,
  techStaffMinPercent: 10,
  rdIntensityBySales: [
    { upToSales: 5_000, minPercent: 5 },
    { upToSales: 20_000, minPercent: 4 },
    { upToSales: null, minPercent: 3 },
  ],
  domesticRdMinPercent: 60,
  hiTechRevenueMinPercent: 60,
  innovationScoreAbove: 70,
  technologyFields: [...TECHNOLOGY_FIELDS],
  certificateValidityYears: 3,
  expertGradeRanges: { A: { min: 7, max: 8 }, B: { min: 5, max: 6 }, C: { min: 3, max: 4 }, D: { min: 1, max: 2 }, E: { min: 0, max: 0 } },
  ipClass1Range: { min: 7, max: 8 },
  ipClass2Bands: rangeTable(
    [
      [5, 'B ≥5项Ⅱ类', 5, 6],
      [3, 'C 3~4项Ⅱ类', 3, 4],
      [1, 'D 1~2项Ⅱ类', 1, 2],
    ],
    ['E 0项', 0, 0],
  ),
  ipAcquisitionRanges: { self: { min: 1, max: 6 }, acquiredOnly: { min: 1, max: 3 } },
  standardsBonus: { min: 1, max: 2 },
  ipCap: 30,
  conversionBands: rangeTable(
    [
      [5, 'A ≥5项', 25, 30],
      [4, 'B ≥4项', 19, 24],
      [3, 'C ≥3项', 13, 18],
      [2, 'D ≥2项', 7, 12],
      [1, 'E ≥1项', 1, 6],
    ],
    ['F 0项', 0, 0],
  ),
  organisationItemMaxima: [6, 6, 4, 4],
  // "≥35% A … >0 E, ≤0 F": with boundary 'better' a rate of exactly 0 would hit an `>0` row, so that row's limit
  // sits just above zero (the tiniest positive growth scores E, zero scores F).
  growthBands: {
    direction: 'higher-better',
    boundary: 'better',
    rows: [
      { limit: 35, grade: 'A ≥35%', score: { min: 9, max: 10 } },
      { limit: 25, grade: 'B ≥25%', score: { min: 7, max: 8 } },
      { limit: 15, grade: 'C ≥15%', score: { min: 5, max: 6 } },
      { limit: 5, grade: 'D ≥5%', score: { min: 3, max: 4 } },
      { limit: 1e-7, grade: 'E >0', score: { min: 1, max: 2 } },
    ],
    otherwise: { grade: 'F ≤0', score: { min: 0, max: 0 } },
  },
  shortHistoryGrowth: 'two-year-ratio',
};

export interface HnteDeclarations {
  /** 成立日期 'YYYY-MM-DD' (from the register when known). */
  registeredOn: string | null;
  /** 申请日期 'YYYY-MM-DD' (defaults to the evaluation date). */
  applicationDate: string;
  /** 条件2: 知识产权对主要产品发挥核心支持作用 (besides owning some — counted from the figures). */
  ipSupportsCoreProducts: boolean | null;
  /** 条件3: one of the 8 技术领域, or null. */
  technologyField: string | null;
  /** 条件8: 申请前一年内未发生重大安全、重大质量事故或严重环境违法行为 */
  cleanRecord: boolean | null;
  /** 知识产权获得方式 */
  ipAcquisition: 'self' | 'acquired-only' | null;
  /** 参与编制国家/行业标准、检测方法、技术规范 */
  participatedInStandards: boolean | null;
  /** Optional self-assessment narrowing the expert items; null keeps the full range. */
  selfAssessment: {
    technicalAdvancement: ExpertGrade | null;
    coreSupport: ExpertGrade | null;
    /** Points per 组织管理 item (4 items), null = leave to experts. */
    organisation: (number | null)[] | null;
  } | null;
}

export interface HnteInput {
  /** The last fiscal year before application (Y); figures of Y-2 … Y are read. */
  year: number;
  series: readonly YearFigures[];
  declarations: HnteDeclarations;
}

function range(code: string, label: string, group: string, measure: string | null, grade: string, r: ScoreRange, maxPoints: number): SubScore {
  return { code, label, group, measure, grade, min: r.min, max: r.max, maxPoints };
}

/**
 * 净资产增长率 / 销售收入增长率 per the 指引: ½(v2/v1 + v3/v2) − 1; v1 = 0 → v3/v2 − 1; v2 = 0 → 0 points.
 * Returns the rate in percent, or a reason it scores 0 / cannot be computed.
 */
export function growthRate(
  values: (number | null)[],
  shortHistory: HnteParams['shortHistoryGrowth'],
): { rate: number | null; note: string } {
  const [v1, v2, v3] = values;
  if (v3 === null || v3 === undefined) return { rate: null, note: '缺最近一年数据，按0分计' };
  if (v2 === null || v2 === undefined) return { rate: null, note: '不足两年数据，按0分计 [U]' };
  if (v2 === 0) return { rate: null, note: '第二年末为0，按0分计' };
  if (v1 === null || v1 === undefined) {
    if (shortHistory === 'zero') return { rate: null, note: '不足三年数据，按0分计 [U]' };
    return { rate: (v3 / v2 - 1) * 100, note: '不足三年，按近两年计算 [U]' };
  }
  if (v1 === 0) return { rate: (v3 / v2 - 1) * 100, note: '第一年为0，按后两年计算' };
  return { rate: ((v2 / v1 + v3 / v2) / 2 - 1) * 100, note: '' };
}

export function evaluateHnte(input: HnteInput, params: HnteParams): EvaluationResult {
  const d = input.declarations;
  const years = [input.year - 2, input.year - 1, input.year];
  const [f1, f2, f3] = years.map((y) => figuresOf(input.series, y)) as [YearFigures, YearFigures, YearFigures];
  const conditions: ConditionCheck[] = [];
  const notes: string[] = ['高企认定以专家评审为准，本结果为预检'];

  // 1 注册成立一年以上
  const days = d.registeredOn === null ? null : daysBetween(d.registeredOn, d.applicationDate);
  conditions.push(
    check(
      'c1',
      '条件1 注册成立一年以上',
      days === null ? null : days >= params.minDaysRegistered,
      days === null ? '未填报成立日期' : `成立于 ${d.registeredOn ?? ''}，至申请日 ${days} 天（须 ≥${params.minDaysRegistered} 天）`,
    ),
  );

  // 2 核心知识产权
  const ipCount = f3.ipClass1 === null && f3.ipClass2 === null ? null : (f3.ipClass1 ?? 0) + (f3.ipClass2 ?? 0);
  conditions.push(
    check(
      'c2',
      '条件2 拥有对主要产品发挥核心支持作用的知识产权',
      ipCount === null ? null : ipCount > 0 && d.ipSupportsCoreProducts !== false ? (d.ipSupportsCoreProducts === null ? null : true) : false,
      ipCount === null
        ? '未填报知识产权数量'
        : ipCount === 0
          ? '无Ⅰ类、Ⅱ类知识产权'
          : d.ipSupportsCoreProducts === false
            ? '知识产权对主要产品不发挥核心支持作用'
            : d.ipSupportsCoreProducts === null
              ? '未确认知识产权对主要产品发挥核心支持作用'
              : `Ⅰ类 ${f3.ipClass1 ?? 0} 项、Ⅱ类 ${f3.ipClass2 ?? 0} 项`,
    ),
  );

  // 3 技术领域
  conditions.push(
    check(
      'c3',
      '条件3 核心技术属于《国家重点支持的高新技术领域》',
      d.technologyField === null ? null : params.technologyFields.includes(d.technologyField),
      d.technologyField === null ? '未选择技术领域' : `技术领域：${d.technologyField}`,
    ),
  );

  // 4 科技人员占比
  const staffPct = percent(f3.techStaff, f3.employees);
  conditions.push(
    check(
      'c4',
      `条件4 科技人员占职工总数比例不低于${params.techStaffMinPercent}%`,
      staffPct === null ? null : atLeast(staffPct, params.techStaffMinPercent),
      staffPct === null ? `未填报${input.year}年科技人员或职工总数` : `科技人员占比 ${formatPct(staffPct)}`,
    ),
  );

  // 5 研发费用占比 (近三年) + 境内占比
  const withSales = [f1, f2, f3].filter((f) => f.salesRevenue !== null && f.rdExpense !== null);
  const latestSales = f3.salesRevenue;
  if (withSales.length === 0 || latestSales === null) {
    conditions.push(check('c5', '条件5 近三年研发费用占销售收入比例', null, '未填报研发费用或销售收入'));
  } else {
    const rd = withSales.reduce((t, f) => t + (f.rdExpense ?? 0), 0);
    const sales = withSales.reduce((t, f) => t + (f.salesRevenue ?? 0), 0);
    const pct = percent(rd, sales);
    const tier = params.rdIntensityBySales.find((t) => t.upToSales === null || latestSales <= t.upToSales) ?? { minPercent: 0, upToSales: null };
    const period = withSales.length < 3 ? `（按实际经营 ${withSales.length} 年计）` : '';
    conditions.push(
      check(
        'c5',
        '条件5 近三年研发费用占销售收入比例',
        pct === null ? null : atLeast(pct, tier.minPercent),
        pct === null
          ? '近三年销售收入合计为0'
          : `近三年研发费用 ${formatNumber(rd)} 万元 ÷ 销售收入 ${formatNumber(sales)} 万元 = ${formatPct(pct)}${period}，最近一年销售收入 ${formatNumber(latestSales)} 万元要求 ≥${tier.minPercent}%`,
      ),
    );
    const domestic = withSales.every((f) => f.rdExpenseDomestic !== null)
      ? withSales.reduce((t, f) => t + (f.rdExpenseDomestic ?? 0), 0)
      : null;
    const domesticPct = percent(domestic, rd);
    conditions.push(
      check(
        'c5-domestic',
        `条件5 境内研发费用占比不低于${params.domesticRdMinPercent}%`,
        domesticPct === null ? null : atLeast(domesticPct, params.domesticRdMinPercent),
        domesticPct === null ? '未填报境内研发费用' : `境内研发费用占比 ${formatPct(domesticPct)}`,
      ),
    );
  }

  // 6 高新技术产品收入占比
  const denominator = f3.totalIncome ?? f3.salesRevenue;
  if (f3.totalIncome === null && f3.salesRevenue !== null) notes.push('未填报总收入，条件6以销售收入为分母');
  const hiTechPct = percent(f3.hiTechRevenue, denominator);
  conditions.push(
    check(
      'c6',
      `条件6 高新技术产品（服务）收入占比不低于${params.hiTechRevenueMinPercent}%`,
      hiTechPct === null ? null : atLeast(hiTechPct, params.hiTechRevenueMinPercent),
      hiTechPct === null ? '未填报高新技术产品收入或总收入' : `高新技术产品收入占比 ${formatPct(hiTechPct)}`,
    ),
  );

  // 7 创新能力评价 (range)
  const scores = innovationScores(input, params, [f1, f2, f3], notes);
  const ipItems = scores.filter((s) => s.group === '知识产权');
  const ipMin = Math.min(params.ipCap, ipItems.reduce((t, s) => t + s.min, 0));
  const ipMax = Math.min(params.ipCap, ipItems.reduce((t, s) => t + s.max, 0));
  const others = scores.filter((s) => s.group !== '知识产权');
  const total = {
    min: ipMin + others.reduce((t, s) => t + s.min, 0),
    max: ipMax + others.reduce((t, s) => t + s.max, 0),
    maxPoints: 100,
  };
  const bar = params.innovationScoreAbove;
  const scoreStatus = above(total.min, bar) ? 'met' : above(total.max, bar) ? 'open' : 'failed';
  conditions.push({
    code: 'c7',
    label: `条件7 创新能力评价得分高于${bar}分`,
    status: scoreStatus === 'failed' ? 'failed' : 'met',
    detail:
      scoreStatus === 'met'
        ? `得分区间 ${total.min}–${total.max} 分，最低分亦高于${bar}分`
        : scoreStatus === 'open'
          ? `得分区间 ${total.min}–${total.max} 分，取决于专家评分`
          : `得分区间 ${total.min}–${total.max} 分，最高分亦不超过${bar}分`,
  });

  // 8 无重大事故
  conditions.push(
    check(
      'c8',
      '条件8 申请前一年内未发生重大安全、质量事故或严重环境违法行为',
      d.cleanRecord,
      d.cleanRecord === null ? '未确认' : d.cleanRecord ? '无' : '有重大安全、质量事故或严重环境违法行为',
    ),
  );

  const hardFail = conditions.some((c) => c.status !== 'met');
  const outcome: EvaluationOutcome = hardFail ? 'fail' : scoreStatus === 'met' ? 'likely' : 'undecided';
  return {
    kind: 'hnte',
    outcome,
    outcomeLabel: OUTCOME_LABELS[outcome],
    conditions,
    scores,
    total,
    directGrounds: [],
    failures: failureLines(conditions),
    notes,
  };
}

function innovationScores(input: HnteInput, params: HnteParams, [f1, f2, f3]: YearFigures[], notes: string[]): SubScore[] {
  const d = input.declarations;
  const self = d.selfAssessment;
  const G = '知识产权';
  const scores: SubScore[] = [];
  const expert = (grade: ExpertGrade | null | undefined): { grade: string; r: ScoreRange } =>
    grade ? { grade: `${grade}（自评）`, r: params.expertGradeRanges[grade] } : { grade: '专家评分', r: { min: 0, max: 8 } };

  const adv = expert(self?.technicalAdvancement);
  scores.push(range('ip-advancement', '技术的先进程度', G, null, adv.grade, adv.r, 8));
  const core = expert(self?.coreSupport);
  scores.push(range('ip-core-support', '对主要产品（服务）在技术上发挥核心支持作用', G, null, core.grade, core.r, 8));

  const c1 = f3?.ipClass1 ?? null;
  const c2 = f3?.ipClass2 ?? null;
  if (c1 === null && c2 === null) {
    scores.push(range('ip-count', '知识产权数量', G, null, '缺数据', { min: 0, max: 0 }, 8));
  } else if ((c1 ?? 0) >= 1) {
    scores.push(range('ip-count', '知识产权数量', G, `Ⅰ类 ${c1 ?? 0} 项`, 'A ≥1项Ⅰ类', params.ipClass1Range, 8));
  } else {
    const hit = scoreBand(c2 ?? 0, params.ipClass2Bands);
    scores.push(range('ip-count', '知识产权数量', G, `Ⅱ类 ${c2 ?? 0} 项`, hit.grade, hit.score, 8));
  }

  const hasIp = (c1 ?? 0) + (c2 ?? 0) > 0;
  const acq = !hasIp
    ? { grade: '无知识产权', r: { min: 0, max: 0 } }
    : d.ipAcquisition === 'self'
      ? { grade: 'A 有自主研发', r: params.ipAcquisitionRanges.self }
      : d.ipAcquisition === 'acquired-only'
        ? { grade: 'B 仅受让、受赠、并购', r: params.ipAcquisitionRanges.acquiredOnly }
        : { grade: '未填报获得方式', r: { min: params.ipAcquisitionRanges.acquiredOnly.min, max: params.ipAcquisitionRanges.self.max } };
  scores.push(range('ip-acquisition', '知识产权获得方式', G, null, acq.grade, acq.r, 6));

  const bonus =
    d.participatedInStandards === true
      ? { grade: 'A 是', r: params.standardsBonus }
      : d.participatedInStandards === false
        ? { grade: 'B 否', r: { min: 0, max: 0 } }
        : { grade: '未填报', r: { min: 0, max: params.standardsBonus.max } };
  scores.push(range('ip-standards', '加分：参与编制标准', G, null, bonus.grade, bonus.r, 2));

  // 科技成果转化能力: annual average of the years reported (up to 3)
  const conv = [f1, f2, f3].map((f) => f?.conversions ?? null).filter((v): v is number => v !== null);
  if (conv.length === 0) {
    scores.push(range('conversion', '科技成果转化能力', '科技成果转化能力', null, '缺数据', { min: 0, max: 0 }, 30));
  } else {
    const avg = conv.reduce((t, v) => t + v, 0) / conv.length;
    const hit = scoreBand(avg, params.conversionBands);
    scores.push(
      range('conversion', '科技成果转化能力', '科技成果转化能力', `近${conv.length}年年均 ${formatNumber(avg)} 项`, hit.grade, hit.score, 30),
    );
  }

  // 研究开发组织管理水平: 4 expert items
  const labels = ['研发组织管理制度、研发投入核算体系、研发费用辅助账', '内部研发机构与产学研合作', '成果转化组织实施与激励奖励制度、开放式创新创业平台', '人才培养、引进与绩效评价奖励制度'];
  params.organisationItemMaxima.forEach((max, i) => {
    const given = self?.organisation?.[i];
    const r = given === null || given === undefined ? { min: 0, max } : { min: Math.min(max, Math.max(0, given)), max: Math.min(max, Math.max(0, given)) };
    scores.push(range(`organisation-${i + 1}`, labels[i] ?? `组织管理第${i + 1}项`, '研究开发组织管理水平', null, given === null || given === undefined ? '专家评分' : '自评', r, max));
  });

  // 企业成长性
  for (const [code, label, field] of [
    ['growth-net-assets', '净资产增长率', 'netAssets'],
    ['growth-sales', '销售收入增长率', 'salesRevenue'],
  ] as const) {
    const g = growthRate([f1?.[field] ?? null, f2?.[field] ?? null, f3?.[field] ?? null], params.shortHistoryGrowth);
    if (g.note) notes.push(`${label}：${g.note}`);
    if (g.rate === null) {
      scores.push(range(code, label, '企业成长性', null, 'F 0分', { min: 0, max: 0 }, 10));
    } else {
      const hit = scoreBand(g.rate, params.growthBands);
      scores.push(range(code, label, '企业成长性', formatPct(g.rate), hit.grade, hit.score, 10));
    }
  }
  return scores;
}
