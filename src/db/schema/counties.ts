// 区县: the tenant. A municipality (市) groups counties for the municipal view.
import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

export const counties = pgTable(
  'counties',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    municipality: text('municipality'),
    /** Optimistic lock for the 市科技局's edits (所属地市); +1 per accepted write. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('counties_name_uq').on(t.name)],
);

