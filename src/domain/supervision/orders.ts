// 督办单: one record per item and colour. Lifecycle, driven by the unit and the bureau:
//   issued (已下发) → signed (已签收) → replied (已反馈, before the reply deadline) → closed (办结, by the bureau);
//   the bureau may send a reply back (退回) to signed with a reason and a new deadline.
// And by the daily scan, driven by time and by the item itself:
//   ignored — not signed within the signing window, or no reply by the deadline — the order is escalated: it ends as
//   已升级 and a new order one colour up (blue → yellow → red) is issued; a red order that is ignored stays red and is
//   marked 逾期 once (so the unit and the bureau are told, but not every day);
//   worse — the item's colour rose on its own — escalated the same way, straight to the item's colour;
//   better — the shortfall is made up (colour gone, or lower than the item's colour when the order was issued) —
//   the order ends as 已消除 ("a red turns back"); a remaining lower colour gets its own new order.
// Pure: `planItemSupervision` says what to do, the service does it in one transaction.
import type { IsoDate, WorkingCalendar } from './calendar.ts';
import { colourRank, COLOUR_LABELS, escalatedColour, type Colour, type ColourRules } from './colours.ts';

export const ORDER_STATES = ['issued', 'signed', 'replied', 'closed', 'escalated', 'resolved'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_LABELS: Readonly<Record<OrderState, string>> = {
  issued: '已下发',
  signed: '已签收',
  replied: '已反馈',
  closed: '已办结',
  escalated: '已升级',
  resolved: '已消除',
};

export const OPEN_ORDER_STATES: readonly OrderState[] = ['issued', 'signed', 'replied'];

export function isOpen(state: OrderState): boolean {
  return OPEN_ORDER_STATES.includes(state);
}

export type OrderAction = 'sign' | 'reply' | 'return' | 'close';

const ACTION_LABELS: Readonly<Record<OrderAction, string>> = { sign: '签收', reply: '反馈', return: '退回反馈', close: '办结' };

const TRANSITIONS: Readonly<Record<OrderAction, { from: readonly OrderState[]; to: OrderState }>> = {
  sign: { from: ['issued'], to: 'signed' },
  // Replying signs for the order too: a unit that answers at once has evidently received it.
  reply: { from: ['issued', 'signed'], to: 'replied' },
  return: { from: ['replied'], to: 'signed' },
  close: { from: ['replied'], to: 'closed' },
};

export class OrderWorkflowError extends Error {
  readonly statusCode = 409;
  readonly code = 'workflow';
  constructor(
    readonly state: OrderState,
    readonly action: OrderAction,
  ) {
    super(`督办单${ORDER_STATE_LABELS[state]}，不能${ACTION_LABELS[action]} / cannot ${action} an order that is ${state}`);
    this.name = 'OrderWorkflowError';
  }
}

export function nextOrderState(state: OrderState, action: OrderAction): OrderState {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) throw new OrderWorkflowError(state, action);
  return rule.to;
}

/** Deadlines of a new order issued on `issuedOn`. */
export function orderDeadlines(
  colour: Colour,
  issuedOn: IsoDate,
  rules: ColourRules,
  calendar: WorkingCalendar,
): { signDueOn: IsoDate; replyDueOn: IsoDate } {
  return {
    signDueOn: calendar.addWorkingDays(issuedOn, rules.signWithinWorkingDays),
    replyDueOn: calendar.addWorkingDays(issuedOn, rules.replyWithinWorkingDays[colour]),
  };
}

/** Whether a reply on `repliedOn` met the deadline (the deadline day itself counts). */
export function repliedOnTime(repliedOn: IsoDate, replyDueOn: IsoDate): boolean {
  return repliedOn <= replyDueOn;
}

/** An existing order of the item, as the scan sees it. */
export interface OrderSnapshot {
  id: string;
  colour: Colour;
  /**
   * The item's own colour when the order was issued. It equals `colour` except for an order escalated because it
   * was ignored: a yellow item's ignored order becomes red, but the item is still only yellow — it has not improved
   * while it stays yellow, so the red order stands.
   */
  itemColour: Colour;
  state: OrderState;
  signDueOn: IsoDate;
  replyDueOn: IsoDate;
  /** Already marked 逾期 (a red that was ignored). */
  overdue: boolean;
}

export type EscalationReason = 'not-signed' | 'not-replied' | 'worsened';

export const ESCALATION_REASON_LABELS: Readonly<Record<EscalationReason, string>> = {
  'not-signed': '逾期未签收',
  'not-replied': '逾期未反馈',
  worsened: '情况加重',
};

export type SupervisionStep =
  | { kind: 'issue'; colour: Colour; signDueOn: IsoDate; replyDueOn: IsoDate; escalatedFrom: string | null; reason: EscalationReason | null }
  | { kind: 'escalate'; orderId: string; to: Colour; reason: EscalationReason }
  | { kind: 'resolve'; orderId: string; text: string }
  | { kind: 'mark-overdue'; orderId: string; reason: Exclude<EscalationReason, 'worsened'> };

/**
 * What the scan does for one item today. `current` is the item's colour now (null: nothing wrong); `orders` are all
 * of its orders. At most one order per item is open at a time (the database enforces it too).
 */
export function planItemSupervision(
  current: Colour | null,
  orders: readonly OrderSnapshot[],
  today: IsoDate,
  rules: ColourRules,
  calendar: WorkingCalendar,
): SupervisionStep[] {
  const open = orders.find((o) => isOpen(o.state));
  const issue = (colour: Colour, escalatedFrom: string | null, reason: EscalationReason | null): SupervisionStep => ({
    kind: 'issue',
    colour,
    ...orderDeadlines(colour, today, rules, calendar),
    escalatedFrom,
    reason,
  });

  if (!open) {
    if (current === null) return [];
    // An order of this colour or stronger that the bureau closed (办结) already covers the item: the unit answered
    // and the bureau accepted it. Only a stronger colour brings a new order.
    const covered = orders.some((o) => o.state === 'closed' && colourRank(o.colour) >= colourRank(current));
    return covered ? [] : [issue(current, null, null)];
  }

  if (colourRank(current) < colourRank(open.itemColour)) {
    const text =
      current === null
        ? `情况已消除，${COLOUR_LABELS[open.colour]}色督办自动解除`
        : `情况好转为${COLOUR_LABELS[current]}色，${COLOUR_LABELS[open.colour]}色督办解除`;
    const steps: SupervisionStep[] = [{ kind: 'resolve', orderId: open.id, text }];
    if (current !== null) steps.push(issue(current, null, null));
    return steps;
  }

  if (colourRank(current) > colourRank(open.colour) && current !== null) {
    return [{ kind: 'escalate', orderId: open.id, to: current, reason: 'worsened' }, issue(current, open.id, 'worsened')];
  }

  const ignored: Exclude<EscalationReason, 'worsened'> | null =
    open.state === 'issued' && today > open.signDueOn
      ? 'not-signed'
      : open.state !== 'replied' && today > open.replyDueOn
        ? 'not-replied'
        : null;
  if (ignored === null) return [];
  if (open.colour === 'red') return open.overdue ? [] : [{ kind: 'mark-overdue', orderId: open.id, reason: ignored }];
  const to = escalatedColour(open.colour);
  return [{ kind: 'escalate', orderId: open.id, to, reason: ignored }, issue(to, open.id, ignored)];
}
