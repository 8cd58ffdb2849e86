// The Drizzle schema, one file per room. Every tenant row carries county_id, and child tables key on
// (county_id, …) so the schema can be distributed by county (Citus) later without redesign: county_id is the
// distribution column everywhere. drizzle-kit reads THIS file: a table file not re-exported here is not migrated.
export * from './accounts.ts';
export * from './audit.ts';
export * from './counties.ts';
export * from './plans.ts';
export * from './monitoring.ts';
export * from './tasks.ts';
export * from './registers.ts';
export * from './report-jobs.ts';
