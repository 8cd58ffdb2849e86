// 填报 → 提交 → 审核 → 退回 (reason) → 再提交 → 通过, per (unit, period). Approved reports lock; only the bureau reopens
// them, with a reason. The state machine is pure so the rules are table-tested apart from the database.

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
};

export type ReportAction = 'enter' | 'submit' | 'return' | 'approve' | 'reopen';

const ACTION_LABELS: Readonly<Record<ReportAction, string>> = {
  enter: '填报',
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  reopen: '重新打开',
};

/** From which states each action may start, and where it leads. */
const TRANSITIONS: Readonly<Record<ReportAction, { from: readonly ReportState[]; to: ReportState | null }>> = {
  // Entering keeps the state: a returned report stays 已退回 (reason visible) until it is submitted again.
  enter: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  // A reopened report goes back to the unit like a returned one: it must be corrected and submitted again.
  reopen: { from: ['approved'], to: 'returned' },
};

export class WorkflowError extends Error {
  readonly statusCode = 409;
  readonly code = 'workflow';
  constructor(
    readonly state: ReportState,
    readonly action: ReportAction,
  ) {
    super(
      `报表${REPORT_STATE_LABELS[state]}，不能${ACTION_LABELS[action]} / cannot ${action} a report that is ${state}`,
    );
    this.name = 'WorkflowError';
  }
}

/** The state after `action`, or a WorkflowError saying in Chinese why not. */
export function nextReportState(state: ReportState, action: ReportAction): ReportState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) throw new WorkflowError(state, action);
  return rule.to ?? state;
}

/** Whether values may still be entered or changed: not while waiting for review, not once approved. */
export function isEditable(state: ReportState): boolean {
  return TRANSITIONS.enter.from.includes(state);
}

/** Reports that no longer count as owed: handed in (waiting for review) or approved. */
export function isHandedIn(state: ReportState): boolean {
  return state === 'submitted' || state === 'approved';
}
