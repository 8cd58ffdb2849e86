// The shape every enterprise evaluation produces, whatever the rule pack: conditions checked, sub-scores (a fixed
// number, or a min–max range where experts score), the total, and one Chinese line per failed condition. Services
// store this whole object beside the inputs and the pack version, so an evaluation can be re-read years later
// exactly as it was decided.

export const EVALUATION_KINDS = ['tsme', 'hnte', 'innovative-sme', 'specialized-sme'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_KIND_LABELS: Record<EvaluationKind, string> = {
  tsme: '科技型中小企业评价',
  hnte: '高新技术企业认定预检',
  'innovative-sme': '创新型中小企业评价',
  'specialized-sme': '专精特新中小企业认定',
};

/**
 * pass / fail — the rule decides. likely / undecided — a pre-check whose outcome rests on expert scoring (高企):
 * `likely` when even the lowest possible expert score clears the bar, `undecided` when only some scores do.
 * A pre-check never says `pass`.
 */
export type EvaluationOutcome = 'pass' | 'fail' | 'likely' | 'undecided';

export const OUTCOME_LABELS: Record<EvaluationOutcome, string> = {
  pass: '符合',
  fail: '不符合',
  likely: '预检符合（以专家评审为准）',
  undecided: '待专家评审（取决于专家评分）',
};

/** unknown: the input needed is missing — it fails the condition, and the line says what to fill in. */
export type ConditionStatus = 'met' | 'failed' | 'unknown';

export interface ConditionCheck {
  code: string;
  /** The condition as the text states it, short. */
  label: string;
  status: ConditionStatus;
  /** What was compared: "科技人员占比 8.0%，要求 ≥10%". */
  detail: string;
}

export interface SubScore {
  code: string;
  label: string;
  /** The group the item belongs to (创新能力 / 成长性 …), null for flat tables. */
  group: string | null;
  /** The measured input as shown: "25.0%", "Ⅱ类 3 项". Null when not measurable. */
  measure: string | null;
  grade: string;
  /** Equal for a computed score; a range where experts score. */
  min: number;
  max: number;
  maxPoints: number;
}

export interface EvaluationResult {
  kind: EvaluationKind;
  outcome: EvaluationOutcome;
  outcomeLabel: string;
  conditions: ConditionCheck[];
  scores: SubScore[];
  total: { min: number; max: number; maxPoints: number } | null;
  /** 直接确认 / 直通 grounds that were met (empty when none or not applicable). */
  directGrounds: string[];
  /** One line per failed or unknown condition, in the order of the text. Empty on pass. */
  failures: string[];
  /** Things a reviewer must know that are not failures (assumptions, [U]/[S] parameters in play). */
  notes: string[];
}

export function met(code: string, label: string, detail: string): ConditionCheck {
  return { code, label, status: 'met', detail };
}

export function failed(code: string, label: string, detail: string): ConditionCheck {
  return { code, label, status: 'failed', detail };
}

export function unknown(code: string, label: string, detail: string): ConditionCheck {
  return { code, label, status: 'unknown', detail };
}

export function check(code: string, label: string, ok: boolean | null, detail: string): ConditionCheck {
  if (ok === null) return unknown(code, label, detail);
  return ok ? met(code, label, detail) : failed(code, label, detail);
}

/** "条件（五）科技人员指标得分不得为0：科技人员占比 8.0%，得0分" — one line per failure. */
export function failureLines(conditions: ConditionCheck[]): string[] {
  return conditions
    .filter((c) => c.status !== 'met')
    .map((c) => `${c.label}：${c.status === 'unknown' ? `缺少数据（${c.detail}）` : c.detail}`);
}

export function fixed(
  code: string,
  label: string,
  group: string | null,
  measure: string | null,
  grade: string,
  points: number,
  maxPoints: number,
): SubScore {
  return { code, label, group, measure, grade, min: points, max: points, maxPoints };
}

export function sumScores(scores: SubScore[]): { min: number; max: number; maxPoints: number } {
  return scores.reduce(
    (t, s) => ({ min: t.min + s.min, max: t.max + s.max, maxPoints: t.maxPoints + s.maxPoints }),
    { min: 0, max: 0, maxPoints: 0 },
  );
}

/** Sums one group's sub-scores (fixed tables only, so min = max). */
export function groupPoints(scores: SubScore[], group: string): number {
  return scores.filter((s) => s.group === group).reduce((t, s) => t + s.min, 0);
}
