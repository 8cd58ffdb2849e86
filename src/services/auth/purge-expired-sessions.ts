import type { Database } from '../../db/client.ts';
import { deleteExpiredSessions } from '../../repositories/sessions.ts';

/** Expired sessions are already refused at lookup; this only keeps the table small. */
export function purgeExpiredSessions(db: Database, now = new Date()): Promise<number> {
  return deleteExpiredSessions(db, now);
}
