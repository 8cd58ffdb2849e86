// An enterprise's yearly figures (年度数据) as the rule packs read them. Money in 万元, counts as integers; null means
// "not reported" — never 0, because 0 科技人员 fails a test that a missing figure only leaves open.

export interface YearFigures {
  year: number;
  /** 职工总数（在职、兼职、临时聘用） */
  employees: number | null;
  /** 科技人员 */
  techStaff: number | null;
  /** 研发人员 (专精特新 研发人员占比) */
  rdStaff: number | null;
  /** 销售收入 / 营业收入, 万元 */
  salesRevenue: number | null;
  /** 主营业务收入, 万元 */
  mainBusinessRevenue: number | null;
  /** 总收入, 万元 (高企 条件六的分母; falls back to 销售收入 when missing, with a note) */
  totalIncome: number | null;
  /** 成本费用支出总额, 万元 */
  costs: number | null;
  /** 研发费用总额, 万元 */
  rdExpense: number | null;
  /** 境内研发费用, 万元 */
  rdExpenseDomestic: number | null;
  /** 高新技术产品（服务）收入, 万元 */
  hiTechRevenue: number | null;
  /** 资产总额, 万元 */
  totalAssets: number | null;
  /** 负债总额, 万元 */
  totalLiabilities: number | null;
  /** 净资产, 万元 */
  netAssets: number | null;
  /** 净利润, 万元 */
  netProfit: number | null;
  /** Ⅰ类知识产权（发明专利等）项数 */
  ipClass1: number | null;
  /** Ⅱ类知识产权（实用新型、外观设计、软件著作权）项数 */
  ipClass2: number | null;
  /** 其中：Ⅰ类高价值知识产权 */
  ipClass1HighValue: number | null;
  /** 其中：自主研发获得的Ⅰ类知识产权 */
  ipClass1SelfDeveloped: number | null;
  /** 科技成果转化项数 */
  conversions: number | null;
}

export const FIGURE_FIELDS = [
  'employees',
  'techStaff',
  'rdStaff',
  'salesRevenue',
  'mainBusinessRevenue',
  'totalIncome',
  'costs',
  'rdExpense',
  'rdExpenseDomestic',
  'hiTechRevenue',
  'totalAssets',
  'totalLiabilities',
  'netAssets',
  'netProfit',
  'ipClass1',
  'ipClass2',
  'ipClass1HighValue',
  'ipClass1SelfDeveloped',
  'conversions',
] as const satisfies readonly (keyof Omit<YearFigures, 'year'>)[];
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Fields that are counts (whole numbers, never negative); the rest are amounts in 万元 (净利润 may be negative). */
export const COUNT_FIELDS: ReadonlySet<FigureField> = new Set([
  'employees',
  'techStaff',
  'rdStaff',
  'ipClass1',
  'ipClass2',
  'ipClass1HighValue',
  'ipClass1SelfDeveloped',
  'conversions',
]);

export const SIGNED_FIELDS: ReadonlySet<FigureField> = new Set(['netProfit', 'netAssets']);

export const FIGURE_LABELS: Record<FigureField, string> = {
  employees: '职工总数',
  techStaff: '科技人员',
  rdStaff: '研发人员',
  salesRevenue: '销售收入（万元）',
  mainBusinessRevenue: '主营业务收入（万元）',
  totalIncome: '总收入（万元）',
  costs: '成本费用（万元）',
  rdExpense: '研发费用总额（万元）',
  rdExpenseDomestic: '境内研发费用（万元）',
  hiTechRevenue: '高新技术产品收入（万元）',
  totalAssets: '资产总额（万元）',
  totalLiabilities: '负债总额（万元）',
  netAssets: '净资产（万元）',
  netProfit: '净利润（万元）',
  ipClass1: 'Ⅰ类知识产权（项）',
  ipClass2: 'Ⅱ类知识产权（项）',
  ipClass1HighValue: '其中Ⅰ类高价值（项）',
  ipClass1SelfDeveloped: '其中自主研发Ⅰ类（项）',
  conversions: '科技成果转化（项）',
};

export function emptyFigures(year: number): YearFigures {
  const figures = { year } as YearFigures;
  for (const field of FIGURE_FIELDS) figures[field] = null;
  return figures;
}

/** The figures of `year` from a series, or an all-null year. */
export function figuresOf(series: readonly YearFigures[], year: number): YearFigures {
  return series.find((f) => f.year === year) ?? emptyFigures(year);
}
