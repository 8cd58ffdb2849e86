// Inline checks of one value row: the server's own Zod schema for entering a value (src/contracts/monitoring.ts)
// and its outlier rule (src/domain/reporting/outlier.ts) — the same code the server runs, so the form says "须填写
// 说明" as you type rather than after a round trip.
import { enterValueBodySchema } from '@contracts/monitoring.ts';
import { checkOutlier, explanationRequiredMessage, isPercentageIndicator, type OutlierVerdict } from '@domain/reporting/outlier.ts';

export interface RowDraft {
  value: number | null;
  caliberNote: string;
  comment: string;
  explanation: string;
}

export type RowErrors = Partial<Record<keyof RowDraft, string>>;

const FIELDS = ['value', 'caliberNote', 'comment', 'explanation'] as const;

export function outlierOfDraft(value: number | null, previous: number | null, indicator: { name: string; unit: string | null }): OutlierVerdict {
  if (value === null) return { outlier: false };
  return checkOutlier({ value, previous, percentage: isPercentageIndicator(indicator) });
}

/**
 * Problems with one row. `forSubmit`: an empty value is an error too (saving may leave rows empty).
 */
export function validateRow(
  row: { indicatorId: string; period: string; expectedVersion: number },
  draft: RowDraft,
  outlier: OutlierVerdict,
  forSubmit: boolean,
): RowErrors {
  const errors: RowErrors = {};
  if (draft.value === null) {
    if (forSubmit) errors.value = '请填写数值';
  } else {
    const parsed = enterValueBodySchema.safeParse({
      indicatorId: row.indicatorId,
      period: row.period,
      value: draft.value,
      caliberNote: draft.caliberNote.trim() || null,
      comment: draft.comment.trim() || null,
      explanation: draft.explanation.trim() || null,
      expectedVersion: row.expectedVersion,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELDS.find((f) => f === issue.path[0]);
        if (field) errors[field] ??= field === 'value' ? '请输入有效的数字' : `${chineseOf(issue.message)}（最多 2000 字）`;
      }
    }
  }
  if (outlier.outlier && draft.explanation.trim().length === 0) errors.explanation = explanationRequiredMessage(outlier);
  return errors;
}

function chineseOf(message: string): string {
  return message.includes(' / ') ? (message.split(' / ')[0] ?? message) : '内容过长';
}
