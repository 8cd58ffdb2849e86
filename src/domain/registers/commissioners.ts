// 科技特派员 annual assessment (domain-rules §7). Chongqing's scheme under 渝科局发〔2019〕146号 is unknown [U]; the
// default pack follows 龙岩 2023 [V]: 100 = 服务情况 60 + 服务成效 20 + 满意度 20, graded 优秀/良好/合格/不合格 —
// every weight, grade and the service-record target is a parameter.
import type { FileType } from '../reporting/file-type.ts';
import { formatNumber } from './bands.ts';

export const COMMISSIONER_LEVELS = ['市级', '县级'] as const;
export type CommissionerLevel = (typeof COMMISSIONER_LEVELS)[number];
export const COMMISSIONER_TYPES = ['公益型', '创业型', '法人科技特派员', '团队'] as const;
export type CommissionerType = (typeof COMMISSIONER_TYPES)[number];

/**
 * The signed 三方协议 of a dispatch, kept as a scan: PDF or page photos (JPG/PNG), or the Word file when the parties
 * signed electronically — never a workbook. Checked by content with the attachment rules (reporting/file-type.ts).
 * Several files per dispatch, so a scan photographed page by page still fits; the cap keeps a dispatch readable.
 */
export const AGREEMENT_FILE_TYPES = ['pdf', 'jpg', 'png', 'docx'] as const satisfies readonly FileType[];
export const MAX_AGREEMENT_FILES = 10;

export interface AssessmentComponent {
  code: string;
  label: string;
  /** Weight in points; the weights of a pack add up to 100. */
  weight: number;
  /** 'service-records': the raw score is computed from the year's confirmed service records; 'manual': entered. */
  source: 'service-records' | 'manual';
}

export interface CommissionerAssessmentParams {
  scheme: 'commissioner-assessment';
  components: AssessmentComponent[];
  /** Confirmed service records a year that earn the full 服务情况 raw score [U]. */
  serviceRecordTarget: number;
  /** Best first: total ≥ min → grade. */
  grades: { min: number; grade: string }[];
  lowestGrade: string;
}

export const COMMISSIONER_ASSESSMENT_DEFAULT: CommissionerAssessmentParams = {
  scheme: 'commissioner-assessment',
  components: [
    { code: 'service', label: '服务情况', weight: 60, source: 'service-records' },
    { code: 'outcome', label: '服务成效', weight: 20, source: 'manual' },
    { code: 'satisfaction', label: '服务对象满意度', weight: 20, source: 'manual' },
  ],
  serviceRecordTarget: 12,
  grades: [
    { min: 90, grade: '优秀' },
    { min: 75, grade: '良好' },
    { min: 60, grade: '合格' },
  ],
  lowestGrade: '不合格',
};

/** Problems with a weight configuration (empty when usable): weights must be positive and add up to 100. */
export function assessmentParamProblems(params: CommissionerAssessmentParams): string[] {
  const problems: string[] = [];
  const sum = params.components.reduce((t, c) => t + c.weight, 0);
  if (Math.abs(sum - 100) > 1e-9) problems.push(`各项权重之和应为100，现为${formatNumber(sum)}`);
  if (params.components.some((c) => c.weight <= 0)) problems.push('权重须为正数');
  const codes = new Set(params.components.map((c) => c.code));
  if (codes.size !== params.components.length) problems.push('考核项代码重复');
  if (params.serviceRecordTarget <= 0) problems.push('服务记录目标次数须为正数');
  return problems;
}

export interface AssessmentInput {
  /** Confirmed service records of the year. */
  confirmedServiceRecords: number;
  /** Raw scores 0–100 of the manual components, by code. */
  manualScores: Record<string, number | undefined>;
}

export interface AssessmentLine {
  code: string;
  label: string;
  weight: number;
  /** 0–100 */
  raw: number;
  points: number;
  detail: string;
}

export interface AssessmentResult {
  lines: AssessmentLine[];
  total: number;
  grade: string;
  missing: string[];
}

export function assessCommissioner(input: AssessmentInput, params: CommissionerAssessmentParams): AssessmentResult {
  const missing: string[] = [];
  const lines = params.components.map((c): AssessmentLine => {
    let raw: number;
    let detail: string;
    if (c.source === 'service-records') {
      raw = Math.min(100, (input.confirmedServiceRecords / params.serviceRecordTarget) * 100);
      detail = `经确认服务记录 ${input.confirmedServiceRecords} 次（满分需 ${params.serviceRecordTarget} 次）`;
    } else {
      const given = input.manualScores[c.code];
      if (given === undefined) missing.push(c.label);
      raw = Math.min(100, Math.max(0, given ?? 0));
      detail = given === undefined ? '未评分，按0分计' : `评分 ${formatNumber(raw)}`;
    }
    return { code: c.code, label: c.label, weight: c.weight, raw, points: round2((raw * c.weight) / 100), detail };
  });
  const total = round2(lines.reduce((t, l) => t + l.points, 0));
  const grade = params.grades.find((g) => total >= g.min - 1e-9)?.grade ?? params.lowestGrade;
  return { lines, total, grade, missing };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
