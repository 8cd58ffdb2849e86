import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log of every write. Rows are only ever inserted; the repository offers no update or delete,
 * and on PostgreSQL a trigger (see migrations) refuses UPDATE/DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id'),
    actor: text('actor').notNull(),
    /** The actor's role when acting (users change role; the row records the role that authorised the write). */
    role: text('role'),
    /** The actor's unit (部门/乡镇) for unit_reporter writes. No foreign key: the log must outlive what it names. */
    unitId: uuid('unit_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('audit_log_county_at_idx').on(t.countyId, t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
  ],
);
