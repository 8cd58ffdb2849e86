// 导入新版本 carry-over: what the county did on one version of a plan (indicator settings, figures, register
// bindings, task links, 督办单 on indicators, tasks, the project ledger) re-pointed to the next version's rows.
// Rows are re-pointed, never copied: ids, versions, report workflow state and every audit row that names them stay
// valid, and nothing is owed, counted or supervised twice. Writes take the county explicitly; the service has
// checked both plans are in scope. Every statement pins county_id (one shard once distributed).
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { readTogether, type Executor } from '../db/client.ts';
import {
  indicatorSettings,
  indicatorValues,
  ledgerProjects,
  ledgerProjectYears,
  planIndicators,
  planProjects,
  registerBindings,
  registerFigures,
  reports,
  supervisionOrders,
  taskIndicators,
  tasks,
} from '../db/schema/index.ts';

/** What hangs off one plan indicator. */
export interface IndicatorData {
  indicatorId: string;
  values: number;
  hasSetting: boolean;
  hasBinding: boolean;
  taskLinks: number;
  /** 督办单 of any state naming the indicator. */
  orders: number;
}

export function hasData(d: IndicatorData): boolean {
  return d.values > 0 || d.hasSetting || d.hasBinding || d.taskLinks > 0 || d.orders > 0;
}

/** Per indicator of the plan: how many rows of each kind hang off it. */
export async function indicatorDataOfPlan(exec: Executor, countyId: string, planId: string): Promise<IndicatorData[]> {
  const i = planIndicators;
  // Drizzle leaves columns unqualified in a one-table select, which inside a subquery would bind to the subquery's
  // own table: name the outer row explicitly.
  const outerId = sql.raw('"plan_indicators"."id"');
  const outerCounty = sql.raw('"plan_indicators"."county_id"');
  const count = (table: SQL, where: SQL) => sql<number>`(select count(*)::int from ${table} where ${where})`;
  const rows = await exec
    .select({
      indicatorId: i.id,
      values: count(sql`${indicatorValues}`, sql`${indicatorValues.countyId} = ${outerCounty} and ${indicatorValues.indicatorId} = ${outerId}`),
      settings: count(sql`${indicatorSettings}`, sql`${indicatorSettings.countyId} = ${outerCounty} and ${indicatorSettings.indicatorId} = ${outerId}`),
      bindings: count(sql`${registerBindings}`, sql`${registerBindings.countyId} = ${outerCounty} and ${registerBindings.indicatorId} = ${outerId}`),
      taskLinks: count(sql`${taskIndicators}`, sql`${taskIndicators.countyId} = ${outerCounty} and ${taskIndicators.indicatorId} = ${outerId}`),
      orders: count(
        sql`${supervisionOrders}`,
        sql`${supervisionOrders.countyId} = ${outerCounty} and ${supervisionOrders.itemKind} = 'indicator' and ${supervisionOrders.itemId} = ${outerId}`,
      ),
    })
    .from(i)
    .where(and(eq(i.countyId, countyId), eq(i.planId, planId)))
    .orderBy(asc(i.ordinal));
  return rows.map((r) => ({
    indicatorId: r.indicatorId,
    values: Number(r.values),
    hasSetting: Number(r.settings) > 0,
    hasBinding: Number(r.bindings) > 0,
    taskLinks: Number(r.taskLinks),
    orders: Number(r.orders),
  }));
}

export interface LedgerEntry {
  id: string;
  name: string;
  /** The plan row it was taken from; null for an entry the bureau added by hand. */
  sourceProjectId: string | null;
  years: number;
}

/** The ledger projects filed under the plan, with how many yearly rows each has. */
export async function ledgerOfPlan(exec: Executor, countyId: string, planId: string): Promise<LedgerEntry[]> {
  const l = ledgerProjects;
  const rows = await exec
    .select({
      id: l.id,
      name: l.name,
      sourceProjectId: l.sourceProjectId,
      // Outer row named explicitly (see indicatorDataOfPlan).
      years: sql<number>`(select count(*)::int from ${ledgerProjectYears} where ${ledgerProjectYears.countyId} = ${sql.raw('"ledger_projects"."county_id"')} and ${ledgerProjectYears.projectId} = ${sql.raw('"ledger_projects"."id"')})`,
    })
    .from(l)
    .where(and(eq(l.countyId, countyId), eq(l.planId, planId)))
    .orderBy(asc(l.seq), asc(l.name));
  return rows.map((r) => ({ ...r, years: Number(r.years) }));
}

export async function countTasksOfPlan(exec: Executor, countyId: string, planId: string): Promise<number> {
  const rows = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.countyId, countyId), eq(tasks.planId, planId)));
  return Number(rows[0]?.n ?? 0);
}

/** The ids of a plan's indicators and projects in document order (ordinal = index in the parsed plan). */
export async function rowIdsOfPlan(exec: Executor, countyId: string, planId: string): Promise<{ indicators: string[]; projects: string[] }> {
  const [indicators, projects] = await readTogether(
    exec,
    () => exec
      .select({ id: planIndicators.id })
      .from(planIndicators)
      .where(and(eq(planIndicators.countyId, countyId), eq(planIndicators.planId, planId)))
      .orderBy(asc(planIndicators.ordinal)),
    () => exec
      .select({ id: planProjects.id })
      .from(planProjects)
      .where(and(eq(planProjects.countyId, countyId), eq(planProjects.planId, planId)))
      .orderBy(asc(planProjects.ordinal)),
  );
  return { indicators: indicators.map((r) => r.id), projects: projects.map((r) => r.id) };
}

/** An old row id and the id of the row it became in the new version. */
export interface IdPair {
  from: string;
  to: string;
}

export interface CarryOverWrite {
  countyId: string;
  fromPlanId: string;
  toPlanId: string;
  indicators: readonly IdPair[];
  projects: readonly IdPair[];
}

export interface CarriedRows {
  settings: number;
  values: number;
  reports: number;
  bindings: number;
  figures: number;
  taskLinks: number;
  orders: number;
  tasks: number;
  ledgerProjects: number;
}

type Raw = Record<string, unknown>;

/** Both drivers answer `execute` with `{ rows }`. */
function rowCount(result: unknown): number {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('carry-over: driver returned no rows array');
  return (rows as Raw[]).length;
}

/** `(values (from, to), …) as "m"("from_id", "to_id")` — the mapping joined by one UPDATE per table. */
function mapping(pairs: readonly IdPair[]): SQL {
  const rows = sql.join(
    pairs.map((p) => sql`(${p.from}::uuid, ${p.to}::uuid)`),
    sql`, `,
  );
  return sql`(values ${rows}) as "m"("from_id", "to_id")`;
}

/**
 * Re-points everything of the old version to the new one. Call inside the re-import transaction, after the new
 * plan's rows exist. Indicators and projects without a pair keep their data on the old version.
 */
export async function carryOverPlanRows(exec: Executor, input: CarryOverWrite): Promise<CarriedRows> {
  const { countyId } = input;
  const carried: CarriedRows = { settings: 0, values: 0, reports: 0, bindings: 0, figures: 0, taskLinks: 0, orders: 0, tasks: 0, ledgerProjects: 0 };
  if (input.indicators.length > 0) {
    const m = mapping(input.indicators);
    // SET names the bare column (PostgreSQL refuses a qualified one there); WHERE qualifies to read the mapping.
    const repoint = async (table: SQL, idColumn: SQL, countyColumn: SQL, returning: SQL, extra: SQL = sql``) =>
      rowCount(
        await exec.execute(sql`
          update ${table} set ${sql.raw('"indicator_id"')} = "m"."to_id"
          from ${m}
          where ${idColumn} = "m"."from_id" and ${countyColumn} = ${countyId} ${extra}
          returning ${returning}`),
      );
    carried.settings = await repoint(
      sql`${indicatorSettings}`,
      sql`${indicatorSettings.indicatorId}`,
      sql`${indicatorSettings.countyId}`,
      sql`${indicatorSettings.indicatorId}`,
    );
    carried.values = await repoint(sql`${indicatorValues}`, sql`${indicatorValues.indicatorId}`, sql`${indicatorValues.countyId}`, sql`${indicatorValues.id}`);
    carried.bindings = await repoint(
      sql`${registerBindings}`,
      sql`${registerBindings.indicatorId}`,
      sql`${registerBindings.countyId}`,
      sql`${registerBindings.id}`,
    );
    carried.figures = await repoint(sql`${registerFigures}`, sql`${registerFigures.indicatorId}`, sql`${registerFigures.countyId}`, sql`${registerFigures.id}`);
    carried.taskLinks = await repoint(
      sql`${taskIndicators}`,
      sql`${taskIndicators.indicatorId}`,
      sql`${taskIndicators.countyId}`,
      sql`${taskIndicators.taskId}`,
    );
    carried.orders = rowCount(
      await exec.execute(sql`
        update ${supervisionOrders} set ${sql.raw('"item_id"')} = "m"."to_id"
        from ${m}
        where ${supervisionOrders.itemId} = "m"."from_id" and ${supervisionOrders.countyId} = ${countyId}
          and ${supervisionOrders.itemKind} = 'indicator'
        returning ${supervisionOrders.id}`),
    );
    // A report whose figures moved is a different report to a template downloaded before: bump its version, so
    // such a template (it names the old indicators) is refused with 409 like any stale upload.
    const to = input.indicators.map((p) => p.to);
    const bumped = await exec
      .update(reports)
      .set({ version: sql`${reports.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(reports.countyId, countyId),
          inArray(
            reports.id,
            exec
              .select({ id: sql<string>`${indicatorValues.reportId}` })
              .from(indicatorValues)
              .where(and(eq(indicatorValues.countyId, countyId), inArray(indicatorValues.indicatorId, to))),
          ),
        ),
      )
      .returning({ id: reports.id });
    carried.reports = bumped.length;
  }
  // Tasks serve the plan, not one row of it: all of them follow. Their version moves so an edit form opened before
  // (which offers the old version's indicators) is refused instead of linking them back.
  const movedTasks = await exec
    .update(tasks)
    .set({ planId: input.toPlanId, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tasks.countyId, countyId), eq(tasks.planId, input.fromPlanId)))
    .returning({ id: tasks.id });
  carried.tasks = movedTasks.length;
  // Ledger entries follow their plan row; an entry added by hand (no plan row) follows the plan. An entry whose row
  // was removed stays on the old version with its yearly figures.
  if (input.projects.length > 0) {
    carried.ledgerProjects += rowCount(
      await exec.execute(sql`
        update ${ledgerProjects}
        set ${sql.raw('"source_project_id"')} = "m"."to_id", ${sql.raw('"plan_id"')} = ${input.toPlanId},
            ${sql.raw('"version"')} = ${ledgerProjects.version} + 1, ${sql.raw('"updated_at"')} = now()
        from ${mapping(input.projects)}
        where ${ledgerProjects.sourceProjectId} = "m"."from_id" and ${ledgerProjects.countyId} = ${countyId}
          and ${ledgerProjects.planId} = ${input.fromPlanId}
        returning ${ledgerProjects.id}`),
    );
  }
  const byHand = await exec
    .update(ledgerProjects)
    .set({ planId: input.toPlanId, version: sql`${ledgerProjects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(ledgerProjects.countyId, countyId), eq(ledgerProjects.planId, input.fromPlanId), isNull(ledgerProjects.sourceProjectId)))
    .returning({ id: ledgerProjects.id });
  carried.ledgerProjects += byHand.length;
  return carried;
}
