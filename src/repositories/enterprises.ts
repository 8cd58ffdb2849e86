// The enterprise register and its yearly figures. Reads go through TenantScope (scope.ts); an `enterprise` user is
// further pinned to their own enterprise by the service passing `onlyEnterpriseId`. Writes name the county
// explicitly (the service checked the scope) and update with a version check (optimistic locking).
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, enterpriseFigures, enterprises } from '../db/schema/index.ts';
import type { EnterpriseSize } from '../domain/registers/enterprise-import.ts';
import { FIGURE_FIELDS, type FigureField, type YearFigures } from '../domain/registers/figures.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface EnterpriseRecord {
  id: string;
  countyId: string;
  countyName: string;
  uscc: string;
  name: string;
  town: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  establishedOn: string | null;
  listedOn: string;
  removedOn: string | null;
  version: number;
}

export interface EnterpriseColumns {
  uscc: string;
  name: string;
  town: string | null;
  industry: string | null;
  size: EnterpriseSize | null;
  establishedOn: string | null;
  listedOn: string;
  removedOn: string | null;
}

export interface FiguresRecord extends YearFigures {
  id: string;
  enterpriseId: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

const columns = {
  id: enterprises.id,
  countyId: enterprises.countyId,
  countyName: counties.name,
  uscc: enterprises.uscc,
  name: enterprises.name,
  town: enterprises.town,
  industry: enterprises.industry,
  size: enterprises.size,
  establishedOn: enterprises.establishedOn,
  listedOn: enterprises.listedOn,
  removedOn: enterprises.removedOn,
  version: enterprises.version,
};

export interface EnterpriseQuery {
  /** Substring of the name or the 统一社会信用代码. */
  q?: string | undefined;
  town?: string | undefined;
  onlyEnterpriseId?: string | null | undefined;
  limit: number;
  offset: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(scope: TenantScope, query: Omit<EnterpriseQuery, 'limit' | 'offset'>): SQL | undefined {
  const q = query.q?.trim();
  return and(
    countyFilter(enterprises.countyId, scope),
    q ? or(ilike(enterprises.name, `%${escapeLike(q)}%`), ilike(enterprises.uscc, `%${escapeLike(q.toUpperCase())}%`)) : undefined,
    query.town ? eq(enterprises.town, query.town) : undefined,
    query.onlyEnterpriseId !== undefined && query.onlyEnterpriseId !== null ? eq(enterprises.id, query.onlyEnterpriseId) : undefined,
  );
}

export async function listEnterprises(exec: Executor, scope: TenantScope, query: EnterpriseQuery): Promise<{ rows: EnterpriseRecord[]; total: number }> {
  const where = conditions(scope, query);
  const [rows, totals] = await Promise.all([
    exec
      .select(columns)
      .from(enterprises)
      .innerJoin(counties, eq(counties.id, enterprises.countyId))
      .where(where)
      .orderBy(asc(counties.name), asc(enterprises.name), asc(enterprises.id))
      .limit(query.limit)
      .offset(query.offset),
    exec.select({ n: count() }).from(enterprises).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Every enterprise of the scope, lean (funnel, name lookups). */
export async function listEnterpriseFacts(exec: Executor, scope: TenantScope) {
  return exec
    .select({ id: enterprises.id, countyId: enterprises.countyId, name: enterprises.name, listedOn: enterprises.listedOn, removedOn: enterprises.removedOn })
    .from(enterprises)
    .where(countyFilter(enterprises.countyId, scope));
}

export async function findEnterprise(exec: Executor, scope: TenantScope, id: string): Promise<EnterpriseRecord | null> {
  const rows = await exec
    .select(columns)
    .from(enterprises)
    .innerJoin(counties, eq(counties.id, enterprises.countyId))
    .where(and(eq(enterprises.id, id), countyFilter(enterprises.countyId, scope)));
  return rows[0] ?? null;
}

export async function findEnterprisesByUscc(exec: Executor, countyId: string, codes: readonly string[]): Promise<EnterpriseRecord[]> {
  if (codes.length === 0) return [];
  return exec
    .select(columns)
    .from(enterprises)
    .innerJoin(counties, eq(counties.id, enterprises.countyId))
    .where(and(eq(enterprises.countyId, countyId), inArray(enterprises.uscc, [...codes])));
}

/** Inserts an enterprise; null when the county already has that 统一社会信用代码. */
export async function insertEnterprise(exec: Executor, countyId: string, values: EnterpriseColumns): Promise<string | null> {
  const id = randomUUID();
  const rows = await exec
    .insert(enterprises)
    .values({ id, countyId, ...values })
    .onConflictDoNothing({ target: [enterprises.countyId, enterprises.uscc] })
    .returning({ id: enterprises.id });
  return rows[0]?.id ?? null;
}

export async function updateEnterpriseIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: Partial<EnterpriseColumns>,
): Promise<boolean> {
  const rows = await exec
    .update(enterprises)
    .set({ ...values, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(enterprises.id, key.id), eq(enterprises.countyId, key.countyId), eq(enterprises.version, key.version)))
    .returning({ id: enterprises.id });
  return rows.length > 0;
}

function toFigures(row: typeof enterpriseFigures.$inferSelect): FiguresRecord {
  const figures: FiguresRecord = {
    id: row.id,
    enterpriseId: row.enterpriseId,
    year: row.year,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  } as FiguresRecord;
  for (const field of FIGURE_FIELDS) figures[field] = row[field];
  return figures;
}

export async function listFigures(exec: Executor, countyId: string, enterpriseId: string): Promise<FiguresRecord[]> {
  const rows = await exec
    .select()
    .from(enterpriseFigures)
    .where(and(eq(enterpriseFigures.countyId, countyId), eq(enterpriseFigures.enterpriseId, enterpriseId)))
    .orderBy(asc(enterpriseFigures.year));
  return rows.map(toFigures);
}

export async function findFigures(exec: Executor, countyId: string, enterpriseId: string, year: number): Promise<FiguresRecord | null> {
  const rows = await exec
    .select()
    .from(enterpriseFigures)
    .where(and(eq(enterpriseFigures.countyId, countyId), eq(enterpriseFigures.enterpriseId, enterpriseId), eq(enterpriseFigures.year, year)));
  const row = rows[0];
  return row ? toFigures(row) : null;
}

export type FigureValues = Partial<Record<FigureField, number | null>>;

/** Inserts a year's figures; null when the year exists already (a concurrent first entry). */
export async function insertFigures(
  exec: Executor,
  key: { countyId: string; enterpriseId: string; year: number },
  values: FigureValues,
  updatedBy: string,
): Promise<string | null> {
  const id = randomUUID();
  const rows = await exec
    .insert(enterpriseFigures)
    .values({ id, ...key, ...integerSafe(values), updatedBy })
    .onConflictDoNothing({ target: [enterpriseFigures.countyId, enterpriseFigures.enterpriseId, enterpriseFigures.year] })
    .returning({ id: enterpriseFigures.id });
  return rows[0]?.id ?? null;
}

export async function updateFiguresIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: FigureValues,
  updatedBy: string,
): Promise<boolean> {
  const rows = await exec
    .update(enterpriseFigures)
    .set({ ...integerSafe(values), updatedBy, version: sql`${enterpriseFigures.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(enterpriseFigures.id, key.id), eq(enterpriseFigures.countyId, key.countyId), eq(enterpriseFigures.version, key.version)))
    .returning({ id: enterpriseFigures.id });
  return rows.length > 0;
}

// Only the known figure columns reach the SQL (a patch object from a caller may carry more keys).
function integerSafe(values: FigureValues): FigureValues {
  const out: FigureValues = {};
  for (const field of FIGURE_FIELDS) if (values[field] !== undefined) out[field] = values[field];
  return out;
}
