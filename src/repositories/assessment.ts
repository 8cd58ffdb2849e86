// What 考核 counts for one county and year, read in a few set queries (no query per unit). County-pinned.
import { and, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { milestones, supervisionOrders, taskReports, tasks } from '../db/schema/index.ts';

export interface DueRow {
  unitId: string | null;
  dueOn: string;
  doneOn: string | null;
}

/** Task deadlines of the year that have come, by lead unit. */
export async function taskDeadlinesIn(exec: Executor, countyId: string, from: string, to: string, today: string): Promise<DueRow[]> {
  return exec
    .select({ unitId: tasks.leadUnitId, dueOn: sql<string>`${tasks.deadline}::text`, doneOn: tasks.doneOn })
    .from(tasks)
    .where(and(eq(tasks.countyId, countyId), gte(tasks.deadline, from), lt(tasks.deadline, to), lte(tasks.deadline, today)));
}

/** Task milestones of the year that have come, by the task's lead unit. */
export async function milestoneDatesIn(exec: Executor, countyId: string, from: string, to: string, today: string): Promise<DueRow[]> {
  return exec
    .select({ unitId: tasks.leadUnitId, dueOn: milestones.dueOn, doneOn: milestones.doneOn })
    .from(milestones)
    .innerJoin(tasks, and(eq(tasks.id, milestones.taskId), eq(tasks.countyId, milestones.countyId)))
    .where(and(eq(milestones.countyId, countyId), gte(milestones.dueOn, from), lt(milestones.dueOn, to), lte(milestones.dueOn, today)));
}

export interface TaskReportRow {
  taskId: string;
  unitId: string;
  period: string;
  dueOn: string | null;
  submittedAt: Date | null;
}

/** Every task report of the county (few per task and unit): what was filed, to set against what was owed. */
export async function taskReportsOfCounty(exec: Executor, countyId: string): Promise<TaskReportRow[]> {
  return exec
    .select({ taskId: taskReports.taskId, unitId: taskReports.unitId, period: taskReports.period, dueOn: taskReports.dueOn, submittedAt: taskReports.submittedAt })
    .from(taskReports)
    .where(eq(taskReports.countyId, countyId));
}

export interface TaskLifeRow {
  id: string;
  /** Named in the 考核 list of late and missing reports. */
  title: string;
  leadUnitId: string | null;
  startOn: string;
  doneOn: string | null;
  createdAt: Date;
}

/** The county's tasks with what decides which progress reports they call for: start, done, when entered. */
export async function tasksOfCounty(exec: Executor, countyId: string): Promise<TaskLifeRow[]> {
  return exec
    .select({ id: tasks.id, title: tasks.title, leadUnitId: tasks.leadUnitId, startOn: tasks.startOn, doneOn: tasks.doneOn, createdAt: tasks.createdAt })
    .from(tasks)
    .where(eq(tasks.countyId, countyId));
}

export interface OrderReplyRow {
  unitId: string | null;
  repliedOnTime: boolean | null;
  replyDueOn: string;
  state: string;
}

/** 督办单 issued in the year whose reply was given or is overdue (resolved-without-reply orders excepted). */
export async function ordersToAnswerIn(exec: Executor, countyId: string, from: string, to: string, today: string): Promise<OrderReplyRow[]> {
  return exec
    .select({ unitId: supervisionOrders.unitId, repliedOnTime: supervisionOrders.repliedOnTime, replyDueOn: supervisionOrders.replyDueOn, state: supervisionOrders.state })
    .from(supervisionOrders)
    .where(
      and(
        eq(supervisionOrders.countyId, countyId),
        gte(supervisionOrders.issuedOn, from),
        lt(supervisionOrders.issuedOn, to),
        // Answered, or unanswered past the deadline — except an order resolved because the shortfall was made up:
        // the unit fixed the matter itself, which is no failure to answer.
        or(
          sql`${supervisionOrders.repliedOnTime} is not null`,
          and(lt(supervisionOrders.replyDueOn, today), sql`${supervisionOrders.state} <> 'resolved'`),
        ),
      ),
    );
}
