// In-app notifications, always read by their owner only (user_id from the session), plus opt-in e-mail addresses.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { notificationEmails, notifications, users } from '../db/schema/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  countyId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  orderId: string | null;
  emailStatus: 'none' | 'pending';
}

export async function insertNotifications(exec: Executor, rows: readonly NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return exec
    .insert(notifications)
    .values(rows.map((r) => ({ id: randomUUID(), ...r })))
    .returning();
}

export async function listNotificationsOf(exec: Executor, userId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  return exec
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(options.limit);
}

export async function countUnread(exec: Executor, userId: string): Promise<number> {
  const rows = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return rows[0]?.n ?? 0;
}

/** Marks the user's own notifications read (ids of other users are ignored). */
export async function markRead(exec: Executor, userId: string, ids: readonly string[] | 'all'): Promise<number> {
  const rows = await exec
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function setEmailStatus(exec: Executor, ids: readonly string[], status: 'sent' | 'failed'): Promise<void> {
  if (ids.length === 0) return;
  await exec.update(notifications).set({ emailStatus: status }).where(inArray(notifications.id, [...ids]));
}

export async function findEmail(exec: Executor, userId: string): Promise<string | null> {
  const rows = await exec.select({ email: notificationEmails.email }).from(notificationEmails).where(eq(notificationEmails.userId, userId));
  return rows[0]?.email ?? null;
}

export async function saveEmail(exec: Executor, userId: string, countyId: string | null, email: string | null): Promise<void> {
  if (email === null) {
    await exec.delete(notificationEmails).where(eq(notificationEmails.userId, userId));
    return;
  }
  await exec
    .insert(notificationEmails)
    .values({ userId, countyId, email })
    .onConflictDoUpdate({ target: notificationEmails.userId, set: { email, updatedAt: sql`now()` } });
}

export interface Recipient {
  userId: string;
  username: string;
  email: string | null;
}

/**
 * Who hears about an order: the unit's reporters (when it has a unit), and the county's bureau staff (管理员/业务员).
 * County-pinned: only users of `countyId`.
 */
export async function recipientsFor(
  exec: Executor,
  countyId: string,
  audience: { unitId: string | null; bureau: boolean },
): Promise<Recipient[]> {
  const rows = await exec
    .select({ userId: users.id, username: users.username, role: users.role, unitId: users.unitId, email: notificationEmails.email })
    .from(users)
    .leftJoin(notificationEmails, eq(notificationEmails.userId, users.id))
    .where(eq(users.countyId, countyId));
  return rows
    .filter(
      (r) =>
        (audience.unitId !== null && r.role === 'unit_reporter' && r.unitId === audience.unitId) ||
        (audience.bureau && (r.role === 'county_admin' || r.role === 'county_staff')),
    )
    .map((r) => ({ userId: r.userId, username: r.username, email: r.email }));
}
