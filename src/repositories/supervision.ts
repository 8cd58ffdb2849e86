// 督办单 and the county's supervision settings. Scoped reads; versioned user actions; the scan's own transitions
// match on the state it planned from, so a unit signing at the same moment is never overwritten.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog, counties, supervisionOrders, supervisionSettings, type SupervisedKind } from '../db/schema/index.ts';
import type { AssessmentWeights, TaskReportFrequency } from '../domain/supervision/assessment.ts';
import type { Colour, ColourReason, ColourRules } from '../domain/supervision/colours.ts';
import type { OrderState } from '../domain/supervision/orders.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export type OrderRow = typeof supervisionOrders.$inferSelect;

export interface OrderFilter {
  state?: OrderState | 'open' | undefined;
  colour?: Colour | undefined;
  unitId?: string | null | undefined;
  itemKind?: SupervisedKind | undefined;
  itemId?: string | undefined;
}

export async function listOrders(exec: Executor, scope: TenantScope, filter: OrderFilter): Promise<OrderRow[]> {
  const conditions: (SQL | undefined)[] = [
    countyFilter(supervisionOrders.countyId, scope),
    filter.state === 'open'
      ? inArray(supervisionOrders.state, ['issued', 'signed', 'replied'])
      : filter.state
        ? eq(supervisionOrders.state, filter.state)
        : undefined,
    filter.colour ? eq(supervisionOrders.colour, filter.colour) : undefined,
    filter.unitId ? eq(supervisionOrders.unitId, filter.unitId) : undefined,
    filter.itemKind ? eq(supervisionOrders.itemKind, filter.itemKind) : undefined,
    filter.itemId ? eq(supervisionOrders.itemId, filter.itemId) : undefined,
  ];
  return exec
    .select()
    .from(supervisionOrders)
    .where(and(...conditions))
    .orderBy(desc(supervisionOrders.issuedOn), desc(supervisionOrders.createdAt));
}

/** Every order of the items of one county (the scan plans from them). */
export async function ordersOfCounty(exec: Executor, countyId: string): Promise<OrderRow[]> {
  return exec
    .select()
    .from(supervisionOrders)
    .where(eq(supervisionOrders.countyId, countyId))
    .orderBy(asc(supervisionOrders.createdAt));
}

export async function findOrder(exec: Executor, scope: TenantScope, id: string): Promise<OrderRow | null> {
  const rows = await exec
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.id, id), countyFilter(supervisionOrders.countyId, scope)));
  return rows[0] ?? null;
}

export interface NewOrder {
  countyId: string;
  itemKind: SupervisedKind;
  itemId: string;
  itemTitle: string;
  unitId: string | null;
  colour: Colour;
  reasons: ColourReason[];
  issuedOn: string;
  issuedBy: string;
  signDueOn: string;
  replyDueOn: string;
  escalatedFromId: string | null;
}

/** Issues an order; null when the item already has an open one (a concurrent scan won). */
export async function insertOrder(exec: Executor, input: NewOrder): Promise<OrderRow | null> {
  const rows = await exec
    .insert(supervisionOrders)
    .values({ id: randomUUID(), ...input })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** A scan transition: only from the state the scan saw. */
export async function endOrderIfState(
  exec: Executor,
  key: { countyId: string; id: string; from: OrderState },
  values: { state: 'escalated' | 'resolved'; endNote: string } | { overdue: true; endNote: string },
): Promise<OrderRow | null> {
  const rows = await exec
    .update(supervisionOrders)
    .set({ ...values, version: sql`${supervisionOrders.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(supervisionOrders.id, key.id), eq(supervisionOrders.countyId, key.countyId), eq(supervisionOrders.state, key.from)))
    .returning();
  return rows[0] ?? null;
}

export type OrderUserColumns = Partial<
  Pick<
    OrderRow,
    'state' | 'signedAt' | 'signedBy' | 'replyText' | 'repliedOn' | 'repliedBy' | 'repliedOnTime' | 'reviewNote' | 'closedAt' | 'closedBy' | 'replyDueOn'
  >
>;

export async function updateOrderIfVersion(
  exec: Executor,
  key: { countyId: string; id: string; version: number },
  values: OrderUserColumns,
): Promise<OrderRow | null> {
  const rows = await exec
    .update(supervisionOrders)
    .set({ ...values, version: sql`${supervisionOrders.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(supervisionOrders.id, key.id), eq(supervisionOrders.countyId, key.countyId), eq(supervisionOrders.version, key.version)))
    .returning();
  return rows[0] ?? null;
}

/** Orders issued to units of a county within [from, to) — for 考核. */
export async function ordersIssuedBetween(exec: Executor, countyId: string, from: string, to: string): Promise<OrderRow[]> {
  return exec
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.countyId, countyId), gte(supervisionOrders.issuedOn, from), lt(supervisionOrders.issuedOn, to)));
}

export interface SettingsRow {
  countyId: string;
  colourRules: ColourRules;
  assessmentWeights: AssessmentWeights;
  taskReportFrequency: TaskReportFrequency;
  version: number;
}

const settingsColumns = {
  countyId: supervisionSettings.countyId,
  colourRules: supervisionSettings.colourRules,
  assessmentWeights: supervisionSettings.assessmentWeights,
  taskReportFrequency: supervisionSettings.taskReportFrequency,
  version: supervisionSettings.version,
};

export async function findSettings(exec: Executor, countyId: string): Promise<SettingsRow | null> {
  const rows = await exec
    .select(settingsColumns)
    .from(supervisionSettings)
    .where(eq(supervisionSettings.countyId, countyId));
  return rows[0] ?? null;
}

/**
 * Writes the settings if the stored version is `version` (0 = no row yet). Returns null on a stale write.
 */
export async function saveSettingsIfVersion(
  exec: Executor,
  countyId: string,
  version: number,
  values: { colourRules: ColourRules; assessmentWeights: AssessmentWeights; taskReportFrequency: TaskReportFrequency },
): Promise<SettingsRow | null> {
  if (version === 0) {
    const rows = await exec
      .insert(supervisionSettings)
      .values({ countyId, ...values })
      .onConflictDoNothing()
      .returning(settingsColumns);
    return rows[0] ?? null;
  }
  const rows = await exec
    .update(supervisionSettings)
    .set({ ...values, version: sql`${supervisionSettings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(supervisionSettings.countyId, countyId), eq(supervisionSettings.version, version)))
    .returning(settingsColumns);
  return rows[0] ?? null;
}

/** The audit entity of a finished scan of one county (one row per county and run, written by scan-supervision). */
export const SCAN_AUDIT_ENTITY = 'supervision_scan';

/**
 * When every county was last scanned: the oldest of the counties' latest scan times, or null when some county has
 * never been scanned. Read at server start to decide whether the daily run was missed. Across counties on purpose:
 * the scheduled scan covers all of them.
 */
export async function lastScanOfEveryCounty(exec: Executor): Promise<Date | null> {
  const rows = await exec
    .select({ countyId: counties.id, last: sql<string | Date | null>`max(${auditLog.at})` })
    .from(counties)
    .leftJoin(auditLog, and(eq(auditLog.countyId, counties.id), eq(auditLog.entity, SCAN_AUDIT_ENTITY)))
    .groupBy(counties.id);
  let oldest: Date | null = null;
  for (const row of rows) {
    if (row.last === null) return null;
    const at = new Date(row.last);
    if (oldest === null || at < oldest) oldest = at;
  }
  return oldest;
}
