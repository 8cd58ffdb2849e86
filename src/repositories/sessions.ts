// Login sessions. Rows are keyed by sha256(cookie token): the token itself is never stored.
import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { sessions, users } from '../db/schema/index.ts';
import type { Role } from '../domain/access.ts';

export interface NewSession {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
}

export async function insertSession(exec: Executor, session: NewSession): Promise<void> {
  await exec.insert(sessions).values(session);
}

/** The live session and who holds it; expired sessions are not found. */
export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    countyId: string | null;
    unitId: string | null;
    enterpriseId: string | null;
    mustChangePassword: boolean;
  };
}

export async function findLiveSession(exec: Executor, sessionId: string, now: Date): Promise<SessionWithUser | null> {
  const rows = await exec
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        countyId: users.countyId,
        unitId: users.unitId,
        enterpriseId: users.enterpriseId,
        mustChangePassword: users.mustChangePassword,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
  return rows[0] ?? null;
}

export async function deleteSession(exec: Executor, sessionId: string): Promise<boolean> {
  const rows = await exec.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of a user except `keep` (after a password change, other devices must sign in again). */
export async function deleteOtherSessions(exec: Executor, userId: string, keep: string | null): Promise<void> {
  await exec
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep === null ? undefined : ne(sessions.id, keep)));
}

export async function deleteExpiredSessions(exec: Executor, now: Date): Promise<number> {
  const rows = await exec.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
