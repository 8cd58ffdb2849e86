// 区县: the tenant. A municipality (市) groups counties for the municipal view.
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

export const counties = pgTable(
  'counties',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    municipality: text('municipality'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('counties_name_uq').on(t.name)],
);

