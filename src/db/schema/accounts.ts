// 账户: users, their login sessions, and the units (部门/乡镇) county users report for.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/access.ts';
import { createdAt } from './columns.ts';
import { counties } from './counties.ts';

export const UNIT_KINDS = ['部门', '乡镇'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 部门/乡镇 of a county: the lead's reporting assignments point here, and unit_reporter users belong to one. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    countyId: uuid('county_id')
      .notNull()
      .references(() => counties.id),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('units_county_name_uq').on(t.countyId, t.name),
    // Target of the users (unit_id, county_id) foreign key: a user's unit is always in the user's own county.
    // A table constraint (not an index) so it exists before the foreign key in the generated SQL.
    unique('units_id_county_uq').on(t.id, t.countyId),
    check('units_kind_ck', sql`${t.kind} in ('部门', '乡镇')`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** null only for the municipal bureau, which sees every county. */
    countyId: uuid('county_id').references(() => counties.id),
    unitId: uuid('unit_id'),
    /** The enterprise an `enterprise` user speaks for; an id in the future enterprise registry. */
    enterpriseId: text('enterprise_id'),
    /** Stored normalised (trimmed, NFKC, lower case) so 'Admin' and 'admin' are one account. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<Role>().notNull(),
    /** argon2id PHC string; never leaves the repository layer. */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    index('users_county_idx').on(t.countyId),
    foreignKey({
      name: 'users_unit_county_fk',
      columns: [t.unitId, t.countyId],
      foreignColumns: [units.id, units.countyId],
    }),
    check('users_role_ck', sql`${t.role} in ('municipal', 'county_admin', 'county_staff', 'unit_reporter', 'enterprise')`),
    // Only the municipal bureau is without a county; every other role is pinned to exactly one.
    check('users_county_ck', sql`(${t.role} = 'municipal') = (${t.countyId} is null)`),
    check('users_unit_ck', sql`${t.role} <> 'unit_reporter' or ${t.unitId} is not null`),
  ],
);

/**
 * A login session. The id is sha256 of the random cookie token, so a leaked database (or backup) holds no usable
 * session; the CSRF token is returned to the page by GET /api/auth/me and must come back in `x-csrf-token`.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);
