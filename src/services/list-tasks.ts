// Tasks of the caller's scope with today's colour; a unit_reporter sees only the tasks their unit leads, shares or
// supervises.
import type { Database } from '../db/client.ts';
import type { TaskState } from '../db/schema/index.ts';
import type { Colour } from '../domain/supervision/colours.ts';
import { listTaskRows } from '../repositories/tasks.ts';
import type { Access } from './auth/access.ts';
import { ownUnit } from './task-access.ts';
import { buildTaskViews, colourContext, type TaskView } from './task-view.ts';

export interface TaskListFilter {
  planId?: string | undefined;
  state?: TaskState | undefined;
  unitId?: string | undefined;
  colour?: Colour | 'none' | undefined;
}

export async function listTasks(db: Database, access: Access, filter: TaskListFilter = {}, now: Date = new Date()): Promise<TaskView[]> {
  const unitId = ownUnit(access) ?? filter.unitId ?? null;
  const rows = await listTaskRows(db, access.scope, { planId: filter.planId, state: filter.state, unitId });
  const views = await buildTaskViews(db, access.scope, rows, colourContext(db, now));
  if (!filter.colour) return views;
  return views.filter((v) => (filter.colour === 'none' ? v.colour === null : v.colour === filter.colour));
}
