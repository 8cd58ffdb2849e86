// Turns a session cookie into the signed-in user (or null: no, unknown or expired session).
import type { Database } from '../../db/client.ts';
import { findLiveSession } from '../../repositories/sessions.ts';
import type { Principal } from './access.ts';
import { sessionIdOf } from './sessions.ts';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  principal: Principal;
}

export async function resolveSession(db: Database, token: string, now = new Date()): Promise<ResolvedSession | null> {
  // Tokens are 43 base64url characters; anything else cannot be ours, so skip the query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const found = await findLiveSession(db, sessionIdOf(token), now);
  if (!found) return null;
  const { user } = found;
  return {
    sessionId: found.sessionId,
    csrfToken: found.csrfToken,
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      countyId: user.countyId,
      unitId: user.unitId,
      enterpriseId: user.enterpriseId,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
