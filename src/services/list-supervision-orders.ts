// 督办单 in scope; a unit_reporter sees only their unit's.
import type { Database } from '../db/client.ts';
import type { SupervisedKind } from '../db/schema/index.ts';
import { COLOUR_LABELS, type Colour, type ColourReason } from '../domain/supervision/colours.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../domain/supervision/orders.ts';
import { listOrders, type OrderRow } from '../repositories/supervision.ts';
import { listUnits } from '../repositories/units.ts';
import type { Access } from './auth/access.ts';
import { ownUnit } from './task-access.ts';

export interface OrderView {
  id: string;
  countyId: string;
  itemKind: SupervisedKind;
  itemId: string;
  itemTitle: string;
  unitId: string | null;
  unitName: string | null;
  colour: Colour;
  colourLabel: string;
  reasons: ColourReason[];
  state: OrderState;
  stateLabel: string;
  issuedOn: string;
  issuedBy: string;
  signDueOn: string;
  replyDueOn: string;
  signedAt: string | null;
  signedBy: string | null;
  replyText: string | null;
  repliedOn: string | null;
  repliedBy: string | null;
  repliedOnTime: boolean | null;
  reviewNote: string | null;
  closedAt: string | null;
  closedBy: string | null;
  endNote: string | null;
  escalatedFromId: string | null;
  overdue: boolean;
  version: number;
}

export function orderView(row: OrderRow, unitName: string | null = null): OrderView {
  return {
    id: row.id,
    countyId: row.countyId,
    itemKind: row.itemKind,
    itemId: row.itemId,
    itemTitle: row.itemTitle,
    unitId: row.unitId,
    unitName,
    colour: row.colour,
    colourLabel: COLOUR_LABELS[row.colour],
    reasons: row.reasons,
    state: row.state,
    stateLabel: ORDER_STATE_LABELS[row.state],
    issuedOn: row.issuedOn,
    issuedBy: row.issuedBy,
    signDueOn: row.signDueOn,
    replyDueOn: row.replyDueOn,
    signedAt: row.signedAt?.toISOString() ?? null,
    signedBy: row.signedBy,
    replyText: row.replyText,
    repliedOn: row.repliedOn,
    repliedBy: row.repliedBy,
    repliedOnTime: row.repliedOnTime,
    reviewNote: row.reviewNote,
    closedAt: row.closedAt?.toISOString() ?? null,
    closedBy: row.closedBy,
    endNote: row.endNote,
    escalatedFromId: row.escalatedFromId,
    overdue: row.overdue,
    version: row.version,
  };
}

export interface OrderListFilter {
  state?: OrderState | 'open' | undefined;
  colour?: Colour | undefined;
  unitId?: string | undefined;
  itemKind?: SupervisedKind | undefined;
  itemId?: string | undefined;
}

export async function listSupervisionOrders(db: Database, access: Access, filter: OrderListFilter = {}): Promise<OrderView[]> {
  const own = ownUnit(access);
  const rows = await listOrders(db, access.scope, { ...filter, unitId: own ?? filter.unitId });
  const names = new Map((await listUnits(db, access.scope)).map((u) => [u.id, u.name] as const));
  return rows.map((r) => orderView(r, r.unitId === null ? null : (names.get(r.unitId) ?? null)));
}
