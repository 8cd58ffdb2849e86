// Notifications for a 督办 event: one in-app row per recipient inside the caller's transaction, e-mail after the
// commit (a mail server that is down must not roll back the 督办单, and a rolled-back 督办单 must send no mail).
import type { Executor } from '../db/client.ts';
import { insertNotifications, recipientsFor, setEmailStatus, type NotificationRow } from '../repositories/notifications.ts';
import { mailerFromEnv, type Mailer } from './send-mail.ts';

export interface NotificationEvent {
  countyId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  orderId: string | null;
  audience: { unitId: string | null; bureau: boolean };
}

export interface PendingMail {
  notificationId: string;
  to: string;
  subject: string;
  text: string;
}

/** Inserts the in-app notifications and returns the e-mails to send once the transaction has committed. */
export async function recordNotifications(exec: Executor, events: readonly NotificationEvent[], mailer: Mailer | null = mailerFromEnv()): Promise<PendingMail[]> {
  const mails: PendingMail[] = [];
  for (const event of events) {
    const recipients = await recipientsFor(exec, event.countyId, event.audience);
    const rows: NotificationRow[] = await insertNotifications(
      exec,
      recipients.map((r) => ({
        countyId: event.countyId,
        userId: r.userId,
        kind: event.kind,
        title: event.title,
        body: event.body,
        link: event.link,
        orderId: event.orderId,
        emailStatus: mailer !== null && r.email !== null ? ('pending' as const) : ('none' as const),
      })),
    );
    for (const row of rows) {
      const email = recipients.find((r) => r.userId === row.userId)?.email ?? null;
      if (row.emailStatus === 'pending' && email !== null) {
        mails.push({ notificationId: row.id, to: email, subject: `【科创督办】${event.title}`, text: `${event.body}\n\n（本邮件由科创规划监测与服务平台自动发送）` });
      }
    }
  }
  return mails;
}

/** Sends the e-mails; each row records whether it went out. Never throws: in-app notice is the record of truth. */
export async function deliverMails(exec: Executor, mails: readonly PendingMail[], mailer: Mailer | null = mailerFromEnv()): Promise<{ sent: number; failed: number }> {
  if (mailer === null || mails.length === 0) return { sent: 0, failed: 0 };
  const sent: string[] = [];
  const failed: string[] = [];
  for (const mail of mails) {
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
      sent.push(mail.notificationId);
    } catch {
      failed.push(mail.notificationId);
    }
  }
  await setEmailStatus(exec, sent, 'sent');
  await setEmailStatus(exec, failed, 'failed');
  return { sent: sent.length, failed: failed.length };
}
