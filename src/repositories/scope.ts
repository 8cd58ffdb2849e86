// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
//  COUNTY ISOLATION LIVES HERE.
//  Every repository query for tenant data takes a TenantScope and filters through `countyFilter` below — in this
//  one place. A county user's scope comes from the session, never from the request body or URL. Only the
//  municipal bureau (市科技局) and system jobs (first-start seed import, CLI run by the operator) hold `all`.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type TenantScope =
  | { kind: 'county'; countyId: string }
  | { kind: 'counties'; countyIds: readonly string[] }
  | { kind: 'all' };

export const ALL_COUNTIES: TenantScope = { kind: 'all' };

export function countyScope(countyId: string): TenantScope {
  return { kind: 'county', countyId };
}

/** The WHERE fragment restricting `column` (a county_id column) to the scope; undefined means no restriction. */
export function countyFilter(column: PgColumn, scope: TenantScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'county':
      return eq(column, scope.countyId);
    case 'counties':
      // An empty list must match nothing, not everything.
      return inArray(column, scope.countyIds.length > 0 ? [...scope.countyIds] : ['00000000-0000-0000-0000-000000000000']);
  }
}

/** Whether a row of `countyId` may be touched in this scope (for writes that name a county explicitly). */
export function scopeAllows(scope: TenantScope, countyId: string): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'county':
      return scope.countyId === countyId;
    case 'counties':
      return scope.countyIds.includes(countyId);
  }
}
