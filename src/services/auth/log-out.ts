import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { deleteSession } from '../../repositories/sessions.ts';
import { auditActor, type Access } from './access.ts';

export async function logOut(db: Database, access: Access, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteSession(tx, sessionId))) return;
    await appendAudit(tx, {
      countyId: access.user?.countyId ?? null,
      ...auditActor(access.actor),
      action: 'auth.logout',
      entity: 'user',
      entityId: access.user?.userId ?? null,
    });
  });
}
