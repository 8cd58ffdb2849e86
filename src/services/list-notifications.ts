// The signed-in user's own notifications (never anyone else's: the user id comes from the session), marking read,
// and the opt-in e-mail address for 督办 mail.
import type { Database } from '../db/client.ts';
import { countUnread, findEmail, listNotificationsOf, markRead, saveEmail } from '../repositories/notifications.ts';
import type { Access } from './auth/access.ts';
import { UnauthenticatedError, ValidationError } from './errors.ts';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  orderId: string | null;
  emailStatus: string;
  read: boolean;
  createdAt: string;
}

function userOf(access: Access): { id: string; countyId: string | null } {
  if (!access.user) throw new UnauthenticatedError();
  return { id: access.user.userId, countyId: access.user.countyId };
}

export async function listNotifications(
  db: Database,
  access: Access,
  options: { unreadOnly?: boolean | undefined; limit?: number | undefined } = {},
): Promise<{ notifications: NotificationView[]; unread: number; email: string | null }> {
  const user = userOf(access);
  const [rows, unread, email] = await Promise.all([
    listNotificationsOf(db, user.id, { unreadOnly: options.unreadOnly ?? false, limit: Math.min(options.limit ?? 100, 500) }),
    countUnread(db, user.id),
    findEmail(db, user.id),
  ]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      orderId: r.orderId,
      emailStatus: r.emailStatus,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    unread,
    email,
  };
}

export async function readNotifications(db: Database, access: Access, ids: string[] | 'all'): Promise<{ marked: number }> {
  return { marked: await markRead(db, userOf(access).id, ids) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function setNotificationEmail(db: Database, access: Access, email: string | null): Promise<{ email: string | null }> {
  const user = userOf(access);
  const value = email?.trim() || null;
  if (value !== null && (!EMAIL.test(value) || value.length > 200)) {
    throw new ValidationError('邮箱地址格式不正确 / invalid e-mail address', [{ path: '/email', message: '格式不正确 / invalid' }]);
  }
  await saveEmail(db, user.id, user.countyId, value);
  return { email: value };
}
