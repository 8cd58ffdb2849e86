// The parsed plan: the JSON contract of `kechuang plan parse --json`.
// Field names are a contract other tools read; do not rename.

export type IndicatorAttribute = '预期性' | '约束性';
export type Comparator = '>=' | '<=';

export interface OutlineHeading {
  level: 1 | 2 | 3;
  /** The numbering as written: 第一章, 第一节, 一、, （一） */
  label: string;
  title: string;
  /** 1-based line (txt) or paragraph number (docx) where the heading stands. */
  line: number;
}

export interface BaselineValue {
  year: number;
  value: number | null;
  /** The cell exactly as written, e.g. 【201】, －, 63.04 */
  text: string;
}

export interface TargetValue extends BaselineValue {
  comparator: Comparator | null;
}

export interface PlanIndicator {
  seq: string;
  name: string;
  unit: string | null;
  attribute: IndicatorAttribute | null;
  baseline: BaselineValue | null;
  target: TargetValue | null;
  /** 【】 marks a cumulative figure (累计数). */
  cumulative: boolean;
  /** 年均增长 % from a 年均 column, or from a target cell written as 年均增长 r% (its value is then null). */
  annualGrowthRate: number | null;
}

export interface BoxItem {
  title: string | null;
  text: string;
}

/** 专栏: a boxed list inside the plan text. */
export interface PlanBox {
  number: number;
  title: string;
  items: BoxItem[];
}

export interface PlanProject {
  seq: string;
  category: string | null;
  name: string;
  leadUnit: string | null;
  site: string | null;
  /** 建设性质: 新建 / 续建 / 新建和扩建 … */
  nature: string | null;
  content: string;
  /** 总投资, 万元 */
  investment: number | null;
  startYear: number | null;
  endYear: number | null;
}

export interface ParseWarning {
  code: string;
  message: string;
  line: number | null;
}

export interface ParsedPlan {
  title: string;
  region: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  issuer: string | null;
  issuedOn: string | null;
  docNumber: string | null;
  outline: OutlineHeading[];
  indicators: PlanIndicator[];
  boxes: PlanBox[];
  projects: PlanProject[];
  warnings: ParseWarning[];
}

/**
 * A document as a sequence of blocks, whatever it came from (.txt exported from Word, or .docx).
 * The parser works on blocks so that tables arrive as cells, never as run-together text.
 */
export type DocumentBlock = ParagraphBlock | TableBlock;

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  line: number;
}

export interface TableBlock {
  kind: 'table';
  /** rows → cells → the cell's paragraphs joined with "\n" */
  rows: TableCell[][];
  line: number;
}

export interface TableCell {
  text: string;
  line: number;
}

/** A typed error for input the parser cannot read at all (empty, binary, corrupt, too large). */
export class PlanDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'PlanDocumentError';
  }
}
