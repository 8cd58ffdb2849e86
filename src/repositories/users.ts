// User accounts. Listing goes through TenantScope like every tenant read. Lookups by username or id for LOGIN and
// SESSION resolution are deliberately unscoped: they run before any scope exists, and they are how the scope is
// derived (the user's own county). They are never exposed to a request as a way to read another county's users.
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, units, users } from '../db/schema/index.ts';
import type { Role } from '../domain/access.ts';
import { countyFilter, type TenantScope } from './scope.ts';

/** A user as the rest of the system sees it: no password hash. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  countyName: string | null;
  unitId: string | null;
  unitName: string | null;
  enterpriseId: string | null;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  version: number;
  createdAt: string;
}

/** What login needs besides the public record. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

const recordColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  countyId: users.countyId,
  countyName: counties.name,
  unitId: users.unitId,
  unitName: units.name,
  enterpriseId: users.enterpriseId,
  mustChangePassword: users.mustChangePassword,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  version: users.version,
  createdAt: users.createdAt,
};

type RecordRow = Omit<UserRecord, 'lockedUntil' | 'createdAt'> & { lockedUntil: Date | null; createdAt: Date };

function toRecord<T extends RecordRow>(row: T): Omit<T, 'lockedUntil' | 'createdAt'> & { lockedUntil: string | null; createdAt: string } {
  return { ...row, lockedUntil: row.lockedUntil?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

function selectUsers(exec: Executor) {
  return exec
    .select({ ...recordColumns, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(counties, eq(counties.id, users.countyId))
    .leftJoin(units, eq(units.id, users.unitId));
}

/** Unscoped: login only (see the file comment). */
export async function findCredentialsByUsername(exec: Executor, username: string): Promise<UserCredentials | null> {
  const rows = await selectUsers(exec).where(eq(users.username, username));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

/** Unscoped: the signed-in user themself (change password). */
export async function findCredentialsById(exec: Executor, userId: string): Promise<UserCredentials | null> {
  const rows = await selectUsers(exec).where(eq(users.id, userId));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function findUser(exec: Executor, scope: TenantScope, userId: string): Promise<UserRecord | null> {
  const rows = await exec
    .select(recordColumns)
    .from(users)
    .leftJoin(counties, eq(counties.id, users.countyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, userId), userScopeFilter(scope)));
  const row = rows[0];
  return row ? toRecord(row) : null;
}

export async function listUsers(exec: Executor, scope: TenantScope): Promise<UserRecord[]> {
  const rows = await exec
    .select(recordColumns)
    .from(users)
    .leftJoin(counties, eq(counties.id, users.countyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(userScopeFilter(scope))
    .orderBy(asc(counties.name), asc(users.username));
  return rows.map(toRecord);
}

// A county scope must never match municipal users (county_id null): countyFilter's equality already excludes them.
function userScopeFilter(scope: TenantScope) {
  return countyFilter(users.countyId, scope);
}

export async function countUsers(exec: Executor): Promise<number> {
  const rows = await exec.select({ n: count() }).from(users);
  return rows[0]?.n ?? 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  countyId: string | null;
  unitId: string | null;
  enterpriseId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

/** Inserts a user; returns null when the username is taken (so concurrent creators cannot both succeed). */
export async function insertUser(exec: Executor, input: NewUser): Promise<string | null> {
  const id = randomUUID();
  const rows = await exec
    .insert(users)
    .values({ id, ...input })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  return rows[0]?.id ?? null;
}

/**
 * Counts one failed login atomically (concurrent wrong guesses cannot undercount) and sets `lockedUntil` once the
 * count reaches `maxFailures`; the counter restarts with the lock, so after it expires the next window again allows
 * `maxFailures` guesses. Returns the row as it is after this failure.
 */
export async function recordFailedLogin(
  exec: Executor,
  userId: string,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  const reachesLimit = sql`${users.failedLogins} + 1 >= ${maxFailures}`;
  const rows = await exec
    .update(users)
    .set({
      failedLogins: sql`case when ${reachesLimit} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return rows[0] ?? { failedLogins: 0, lockedUntil: null };
}

export async function clearFailedLogins(exec: Executor, userId: string): Promise<void> {
  await exec.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** Sets a new password hash; also unlocks, and bumps the version so concurrent admin edits notice. */
export async function setPassword(
  exec: Executor,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await exec
    .update(users)
    .set({ passwordHash, mustChangePassword, failedLogins: 0, lockedUntil: null, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId));
}
