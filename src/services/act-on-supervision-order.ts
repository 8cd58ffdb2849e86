// The people's steps of a 督办单: the unit signs for it (签收) and replies (反馈) by the deadline; the bureau closes it
// (办结) or sends the reply back (退回) with a reason and a new deadline. Versioned; audited; the other side is told.
import type { Database } from '../db/client.ts';
import { can } from '../domain/access.ts';
import { chinaDate } from '../domain/supervision/calendar.ts';
import { COLOUR_LABELS } from '../domain/supervision/colours.ts';
import { nextOrderState, repliedOnTime, type OrderAction } from '../domain/supervision/orders.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findOrder, updateOrderIfVersion, type OrderUserColumns } from '../repositories/supervision.ts';
import { auditActor, type Access } from './auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from './errors.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { orderView, type OrderView } from './list-supervision-orders.ts';
import { deliverMails, recordNotifications } from './notify-users.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';
import { ownUnit } from './task-access.ts';

export interface OrderActionInput {
  orderId: string;
  version: number;
  action: OrderAction;
  /** The reply (反馈) text, the reason for sending it back, or the closing note. */
  text?: string | undefined;
}

const BUREAU_ACTIONS: readonly OrderAction[] = ['return', 'close'];

export async function actOnSupervisionOrder(db: Database, access: Access, input: OrderActionInput, now: Date = new Date()): Promise<OrderView> {
  if (BUREAU_ACTIONS.includes(input.action) && access.user !== null && !can(access.user.role, 'task.supervise')) {
    throw new ForbiddenError('只有科技局可以办结或退回督办单 / only the bureau may close or return an order');
  }
  const text = input.text?.trim() ?? '';
  if ((input.action === 'reply' || input.action === 'return') && text === '') {
    const what = input.action === 'reply' ? '反馈内容' : '退回理由';
    throw new ValidationError(`请填写${what} / text is required`, [{ path: '/text', message: '不能为空 / required' }]);
  }
  const today = chinaDate(now);
  const { order, mails } = await db.transaction(async (tx) => {
    const before = await findOrder(tx, access.scope, input.orderId);
    const own = ownUnit(access);
    if (!before || (own !== null && before.unitId !== own)) throw new NotFoundError('supervision_order', input.orderId, '督办单不存在 / order not found');
    if (before.version !== input.version) throw new VersionConflictError('supervision_order', orderView(before));
    const state = nextOrderState(before.state, input.action);
    const values: OrderUserColumns = { state };
    switch (input.action) {
      case 'sign':
        Object.assign(values, { signedAt: now, signedBy: access.actor.name });
        break;
      case 'reply':
        Object.assign(values, {
          replyText: text,
          repliedOn: today,
          repliedBy: access.actor.name,
          signedAt: before.signedAt ?? now,
          signedBy: before.signedBy ?? access.actor.name,
          // The first reply decides timeliness for 考核; a reply sent back and answered again keeps the first verdict.
          repliedOnTime: before.repliedOnTime ?? repliedOnTime(today, before.replyDueOn),
        });
        break;
      case 'return': {
        const rules = (await settingsFor(tx, before.countyId)).colourRules;
        Object.assign(values, { reviewNote: text, replyDueOn: loadWorkingCalendar().addWorkingDays(today, rules.replyWithinWorkingDays[before.colour]) });
        break;
      }
      case 'close':
        Object.assign(values, { reviewNote: text || null, closedAt: now, closedBy: access.actor.name });
        break;
    }
    const after = await updateOrderIfVersion(tx, { countyId: before.countyId, id: before.id, version: input.version }, values);
    if (!after) throw new VersionConflictError('supervision_order', null);
    await appendAudit(tx, {
      countyId: before.countyId,
      ...auditActor(access.actor),
      action: `supervision.${input.action}`,
      entity: 'supervision_order',
      entityId: before.id,
      before: { state: before.state, replyText: before.replyText, replyDueOn: before.replyDueOn },
      after: { state: after.state, replyText: after.replyText, replyDueOn: after.replyDueOn, note: text || null },
    });
    const colour = `${COLOUR_LABELS[after.colour]}色督办`;
    const toBureau = input.action === 'reply';
    const notice =
      input.action === 'reply'
        ? { title: `${colour}已反馈：${after.itemTitle}`, body: `反馈：${text}` }
        : input.action === 'return'
          ? { title: `${colour}反馈被退回：${after.itemTitle}`, body: `退回理由：${text}。请于 ${after.replyDueOn} 前重新反馈。` }
          : input.action === 'close'
            ? { title: `${colour}已办结：${after.itemTitle}`, body: text ? `办结意见：${text}` : '督办事项已办结。' }
            : null;
    const mails = notice
      ? await recordNotifications(tx, [
          {
            countyId: after.countyId,
            kind: `supervision.${input.action}`,
            ...notice,
            link: `/supervision?order=${after.id}`,
            orderId: after.id,
            audience: toBureau ? { unitId: null, bureau: true } : { unitId: after.unitId, bureau: after.unitId === null },
          },
        ])
      : [];
    return { order: after, mails };
  });
  await deliverMails(db, mails);
  return orderView(order);
}
