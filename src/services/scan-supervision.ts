// 三色督办扫描 — run daily (kechuang supervision scan, or the 督办 page's button): colours every task, ledger project
// and plan indicator of a county today, then issues, escalates, resolves or marks overdue its 督办单 as the pure rules
// in domain/supervision/orders.ts decide. One transaction per county; notifications in it, e-mail after the commit.
// Indicator colours come from the monitoring service (status 滞后 → 黄, 约束性未达标 → 红), so the two never disagree.
import type { Database, Executor } from '../db/client.ts';
import type { SupervisedKind } from '../db/schema/index.ts';
import { chinaDate, type IsoDate } from '../domain/supervision/calendar.ts';
import { COLOUR_LABELS, indicatorColour, workColour, type ColourVerdict } from '../domain/supervision/colours.ts';
import { ESCALATION_REASON_LABELS, planItemSupervision, type OrderSnapshot, type SupervisionStep } from '../domain/supervision/orders.ts';
import { appendAudit } from '../repositories/audit.ts';
import { listCounties } from '../repositories/counties.ts';
import { milestonesOf } from '../repositories/milestones.ts';
import { listPlans } from '../repositories/plans.ts';
import { listLedgerProjects, yearsOf } from '../repositories/projects-ledger.ts';
import { countyScope, scopeAllows } from '../repositories/scope.ts';
import { endOrderIfState, insertOrder, ordersOfCounty, SCAN_AUDIT_ENTITY, type OrderRow } from '../repositories/supervision.ts';
import { listTaskRows } from '../repositories/tasks.ts';
import { auditActor, type Access } from './auth/access.ts';
import { settingsFor } from './get-supervision-settings.ts';
import { orderView, type OrderView } from './list-supervision-orders.ts';
import { getPlanStatus } from './monitoring/get-plan-status.ts';
import { deliverMails, recordNotifications, type NotificationEvent, type PendingMail } from './notify-users.ts';
import { loadWorkingCalendar } from './supervision-calendar.ts';
import { countyOfAccess } from './task-access.ts';
import { buildTaskViews, colourContext, milestoneView } from './task-view.ts';

export interface SupervisedItem {
  kind: SupervisedKind;
  id: string;
  title: string;
  unitId: string | null;
  verdict: ColourVerdict;
}

export interface ScanSummary {
  today: IsoDate;
  counties: number;
  items: number;
  issued: number;
  escalated: number;
  resolved: number;
  markedOverdue: number;
  mails: { sent: number; failed: number };
  /** Orders issued by this scan (new colours and escalations). */
  newOrders: OrderView[];
}

/** Everything of one county that can carry a colour today. */
export async function supervisedItems(exec: Database, access: Access, countyId: string, now: Date): Promise<SupervisedItem[]> {
  const scope = countyScope(countyId);
  const today = chinaDate(now);
  const { colourRules } = await settingsFor(exec, countyId);
  const calendar = loadWorkingCalendar();
  const taskRows = await listTaskRows(exec, scope, {});
  const taskViews = await buildTaskViews(exec, scope, taskRows, colourContext(exec, now));
  const items: SupervisedItem[] = taskViews.map((t) => ({
    kind: 'task',
    id: t.id,
    title: t.title,
    unitId: t.leadUnit?.id ?? null,
    verdict: { colour: t.colour, reasons: t.colourReasons },
  }));

  const projects = await listLedgerProjects(exec, scope, {});
  const ids = projects.map((p) => p.id);
  const [years, projectMilestones] = await Promise.all([yearsOf(exec, scope, ids), milestonesOf(exec, scope, { projectIds: ids })]);
  for (const p of projects) {
    const latest = years.filter((y) => y.projectId === p.id && y.percentDone !== null).at(-1);
    const verdict = workColour(
      {
        startOn: p.startYear === null ? null : `${p.startYear}-01-01`,
        deadline: p.endYear === null ? null : `${p.endYear}-12-31`,
        doneOn: p.doneOn,
        percentDone: latest?.percentDone ?? null,
        milestones: projectMilestones.filter((m) => m.projectId === p.id).map(milestoneView),
      },
      today,
      colourRules,
      calendar,
    );
    items.push({ kind: 'project', id: p.id, title: p.name, unitId: p.leadUnitId, verdict });
  }

  // Indicators are judged on the last full year (statistics come yearly), capped at the plan's end year.
  const lastYear = Number(today.slice(0, 4)) - 1;
  for (const plan of await listPlans(exec, scope)) {
    const year = plan.periodEnd === null ? lastYear : Math.min(plan.periodEnd, lastYear);
    const status = await getPlanStatus(exec, access, { planId: plan.id, period: String(year) });
    for (const i of status.indicators) {
      items.push({
        kind: 'indicator',
        id: i.indicatorId,
        title: `${i.name}（${status.periodLabel}）`,
        unitId: i.responsibleUnitId,
        verdict: indicatorColour(i.status, i.attribute, i.explanation),
      });
    }
  }
  return items;
}

function snapshot(row: OrderRow): OrderSnapshot {
  // Reasons are stored strongest first: the first one's colour is the item's own colour at issue.
  return { id: row.id, colour: row.colour, itemColour: row.reasons[0]?.colour ?? row.colour, state: row.state, signDueOn: row.signDueOn, replyDueOn: row.replyDueOn, overdue: row.overdue };
}

function itemLink(kind: SupervisedKind, id: string): string {
  return kind === 'task' ? `/tasks/${id}` : kind === 'project' ? `/projects?project=${id}` : `/supervision?indicator=${id}`;
}

export async function scanSupervision(
  db: Database,
  access: Access,
  options: { countyId?: string | undefined; now?: Date | undefined } = {},
): Promise<ScanSummary> {
  const now = options.now ?? new Date();
  const today = chinaDate(now);
  const countyIds =
    options.countyId !== undefined || access.user?.countyId
      ? [await countyOfAccess(db, access, options.countyId)]
      : (await listCounties(db)).map((c) => c.id).filter((id) => scopeAllows(access.scope, id));
  const summary: ScanSummary = { today, counties: countyIds.length, items: 0, issued: 0, escalated: 0, resolved: 0, markedOverdue: 0, mails: { sent: 0, failed: 0 }, newOrders: [] };
  const calendar = loadWorkingCalendar();

  for (const countyId of countyIds) {
    const items = await supervisedItems(db, access, countyId, now);
    summary.items += items.length;
    const { colourRules } = await settingsFor(db, countyId);
    const before = { ...summary };
    const mails: PendingMail[] = await db.transaction(async (tx) => {
      const orders = await ordersOfCounty(tx, countyId);
      const byItem = new Map<string, OrderRow[]>();
      for (const o of orders) byItem.set(`${o.itemKind}:${o.itemId}`, [...(byItem.get(`${o.itemKind}:${o.itemId}`) ?? []), o]);
      const known = new Set(items.map((i) => `${i.kind}:${i.id}`));
      // An item that no longer exists (a task deleted, an indicator removed) has no colour: its open order resolves.
      const vanished: SupervisedItem[] = [...byItem.entries()]
        .filter(([key, list]) => !known.has(key) && list.some((o) => ['issued', 'signed', 'replied'].includes(o.state)))
        .map(([, list]) => {
          const o = list[0] as OrderRow;
          return { kind: o.itemKind, id: o.itemId, title: o.itemTitle, unitId: o.unitId, verdict: { colour: null, reasons: [] } };
        });
      const events: NotificationEvent[] = [];
      for (const item of [...items, ...vanished]) {
        const existing = byItem.get(`${item.kind}:${item.id}`) ?? [];
        const steps = planItemSupervision(item.verdict.colour, existing.map(snapshot), today, colourRules, calendar);
        for (const step of steps) await applyStep(tx, access, countyId, item, existing, step, today, summary, events);
      }
      // One row per county and run: the scheduler reads it at start to tell whether the daily run was missed.
      await appendAudit(tx, {
        countyId,
        ...auditActor(access.actor),
        action: 'supervision.scan',
        entity: SCAN_AUDIT_ENTITY,
        entityId: today,
        after: {
          items: items.length,
          issued: summary.issued - before.issued,
          escalated: summary.escalated - before.escalated,
          resolved: summary.resolved - before.resolved,
          markedOverdue: summary.markedOverdue - before.markedOverdue,
        },
      });
      return recordNotifications(tx, events);
    });
    const delivered = await deliverMails(db, mails);
    summary.mails.sent += delivered.sent;
    summary.mails.failed += delivered.failed;
  }
  return summary;
}

async function applyStep(
  tx: Executor,
  access: Access,
  countyId: string,
  item: SupervisedItem,
  existing: readonly OrderRow[],
  step: SupervisionStep,
  today: IsoDate,
  summary: ScanSummary,
  events: NotificationEvent[],
): Promise<void> {
  const actor = auditActor(access.actor);
  const audit = (action: string, entityId: string, after: unknown, before?: unknown) =>
    appendAudit(tx, { countyId, ...actor, action, entity: 'supervision_order', entityId, before, after });
  const fromState = (id: string) => existing.find((o) => o.id === id)?.state ?? 'issued';
  switch (step.kind) {
    case 'issue': {
      const row = await insertOrder(tx, {
        countyId,
        itemKind: item.kind,
        itemId: item.id,
        itemTitle: item.title,
        unitId: item.unitId,
        colour: step.colour,
        reasons: item.verdict.reasons,
        issuedOn: today,
        issuedBy: access.actor.name,
        signDueOn: step.signDueOn,
        replyDueOn: step.replyDueOn,
        escalatedFromId: step.escalatedFrom,
      });
      if (!row) return; // a concurrent scan issued it first
      summary.issued += 1;
      summary.newOrders.push(orderView(row));
      await audit('supervision.issue', row.id, { item: `${item.kind}:${item.id}`, colour: row.colour, reasons: row.reasons, escalatedFrom: step.escalatedFrom });
      const why = step.reason ? `（${ESCALATION_REASON_LABELS[step.reason]}，督办升级）` : '';
      events.push({
        countyId,
        kind: 'supervision.issue',
        title: `${COLOUR_LABELS[row.colour]}色督办${why}：${item.title}`,
        body: `${item.verdict.reasons.map((r) => r.text).join('；')}。请于 ${row.signDueOn} 前签收，${row.replyDueOn} 前反馈。`,
        link: `/supervision?order=${row.id}`,
        orderId: row.id,
        audience: { unitId: item.unitId, bureau: item.unitId === null || row.colour === 'red' },
      });
      return;
    }
    case 'escalate': {
      const row = await endOrderIfState(tx, { countyId, id: step.orderId, from: fromState(step.orderId) }, {
        state: 'escalated',
        endNote: `${ESCALATION_REASON_LABELS[step.reason]}，升级为${COLOUR_LABELS[step.to]}色督办`,
      });
      if (row) {
        summary.escalated += 1;
        await audit('supervision.escalate', row.id, { state: 'escalated', to: step.to, reason: step.reason });
      }
      return;
    }
    case 'resolve': {
      const row = await endOrderIfState(tx, { countyId, id: step.orderId, from: fromState(step.orderId) }, { state: 'resolved', endNote: step.text });
      if (!row) return;
      summary.resolved += 1;
      await audit('supervision.resolve', row.id, { state: 'resolved', note: step.text });
      events.push({
        countyId,
        kind: 'supervision.resolve',
        title: `督办解除：${item.title}`,
        body: step.text,
        link: `/supervision?order=${row.id}`,
        orderId: row.id,
        audience: { unitId: row.unitId, bureau: row.unitId === null },
      });
      return;
    }
    case 'mark-overdue': {
      const row = await endOrderIfState(tx, { countyId, id: step.orderId, from: fromState(step.orderId) }, {
        overdue: true,
        endNote: `红色督办${ESCALATION_REASON_LABELS[step.reason]}`,
      });
      if (!row) return;
      summary.markedOverdue += 1;
      await audit('supervision.overdue', row.id, { overdue: true, reason: step.reason });
      events.push({
        countyId,
        kind: 'supervision.overdue',
        title: `红色督办${ESCALATION_REASON_LABELS[step.reason]}：${item.title}`,
        body: `该事项已为红色督办且${ESCALATION_REASON_LABELS[step.reason]}（反馈期限 ${row.replyDueOn}），请立即办理。`,
        link: itemLink(item.kind, item.id),
        orderId: row.id,
        audience: { unitId: row.unitId, bureau: true },
      });
      return;
    }
  }
}
