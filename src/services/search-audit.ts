// Reads the audit log: filters by entity, actor, action and time, always inside the caller's county scope (a county
// sees its own rows; rows without a county — municipal and system actions — only the municipal bureau sees).
import type { Database } from '../db/client.ts';
import { searchAudit as searchAuditRows, type AuditQuery, type AuditRow } from '../repositories/audit.ts';
import type { Access } from './auth/access.ts';

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** `YYYY-MM-DD` (from the start of that day, China time) or an ISO date-time. */
  from?: string | undefined;
  /** `YYYY-MM-DD` (to the end of that day, China time) or an ISO date-time (exclusive). */
  to?: string | undefined;
}

export const AUDIT_PAGE_MAX = 500;
export const AUDIT_EXPORT_MAX = 100_000;

export async function searchAudit(
  db: Database,
  access: Access,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ entries: AuditRow[]; total: number }> {
  const { rows, total } = await searchAuditRows(db, access.scope, toQuery(filter, Math.min(page.limit, AUDIT_PAGE_MAX), page.offset));
  return { entries: rows, total };
}

export function toQuery(filter: AuditFilter, limit: number, offset: number): AuditQuery {
  return {
    entity: filter.entity,
    entityId: filter.entityId,
    actor: filter.actor,
    action: filter.action,
    from: filter.from ? boundary(filter.from, 'start') : undefined,
    to: filter.to ? boundary(filter.to, 'end') : undefined,
    limit,
    offset,
  };
}

// Bureaus think in calendar days in China time (UTC+8, no daylight saving), whatever the server's TZ is.
function boundary(value: string, edge: 'start' | 'end'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00+08:00`);
    return edge === 'start' ? start : new Date(start.getTime() + 86_400_000);
  }
  return new Date(value);
}
