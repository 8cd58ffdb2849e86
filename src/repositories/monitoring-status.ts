// The status query: for every indicator of the chosen plans, its plan-table row, settings, and its official values
// up to "as of" folded into one string — ONE set-based query per call whatever the number of counties, so the
// service only has to evaluate rows in the pure domain. County isolation: countyFilter on the plans.
//
// Written as one SQL statement read without the ORM's row mapping: at municipal scale (40k+ indicators) the mapping
// cost more than the query. The values are folded without ORDER BY so PostgreSQL can hash-aggregate instead of
// sorting 200k+ rows; the domain orders observations itself.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { streamRows, type Executor } from '../db/client.ts';
import { counties, indicatorSettings, indicatorValues, planFrameStamps, planIndicators, plans, units } from '../db/schema/index.ts';
import type { PeriodKind } from '../domain/period/period.ts';
import type { TargetKind } from '../domain/progress/target-kind.ts';
import { isCurrentPlan } from './plans.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface StatusQuery {
  /** One plan; when absent, each county's latest current plan (the municipal view). */
  planId?: string | undefined;
  /** periodSortKey of the "as of" period: later values are left out. */
  asOfSort: number;
}

export interface IndicatorStatusRow {
  countyId: string;
  countyName: string;
  planId: string;
  planTitle: string;
  planStart: number | null;
  planEnd: number | null;
  indicatorId: string;
  ordinal: number;
  seq: string;
  name: string;
  unit: string | null;
  attribute: string | null;
  baselineYear: number | null;
  baselineValue: number | null;
  baselineText: string | null;
  targetYear: number | null;
  targetValue: number | null;
  targetComparator: string | null;
  targetText: string | null;
  cumulative: boolean;
  annualGrowthRate: number | null;
  targetKind: TargetKind | null;
  tolerance: number | null;
  frequency: PeriodKind | null;
  responsibleUnitId: string | null;
  responsibleUnitName: string | null;
  /**
   * The official values up to "as of", unordered, as `period:value:source` items joined by `;` — period codes and
   * source names never contain either separator, nor does PostgreSQL's shortest round-trip float text.
   */
  folded: string | null;
}

type Raw = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : text(v));
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toRow(r: Raw): IndicatorStatusRow {
  return {
    countyId: text(r.county_id),
    countyName: text(r.county_name),
    planId: text(r.plan_id),
    planTitle: text(r.plan_title),
    planStart: numberOrNull(r.plan_start),
    planEnd: numberOrNull(r.plan_end),
    indicatorId: text(r.indicator_id),
    ordinal: Number(r.ordinal),
    seq: text(r.seq),
    name: text(r.name),
    unit: textOrNull(r.unit),
    attribute: textOrNull(r.attribute),
    baselineYear: numberOrNull(r.baseline_year),
    baselineValue: numberOrNull(r.baseline_value),
    baselineText: textOrNull(r.baseline_text),
    targetYear: numberOrNull(r.target_year),
    targetValue: numberOrNull(r.target_value),
    targetComparator: textOrNull(r.target_comparator),
    targetText: textOrNull(r.target_text),
    cumulative: r.cumulative === true,
    annualGrowthRate: numberOrNull(r.annual_growth_rate),
    targetKind: textOrNull(r.target_kind) as TargetKind | null,
    tolerance: numberOrNull(r.tolerance),
    frequency: textOrNull(r.frequency) as PeriodKind | null,
    responsibleUnitId: textOrNull(r.responsible_unit_id),
    responsibleUnitName: textOrNull(r.responsible_unit_name),
    folded: textOrNull(r.folded),
  };
}

/** Both drivers answer `execute` with `{ rows }`; anything else is a programming error, not data. */
function rowsOf(result: unknown): Raw[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('status query: driver returned no rows array');
  return rows as Raw[];
}

export async function queryIndicatorStatusRows(
  exec: Executor,
  scope: TenantScope,
  query: StatusQuery,
): Promise<IndicatorStatusRow[]> {
  const scoped = countyFilter(plans.countyId, scope);
  // Values are scoped on their own county column too, so the aggregate reads only the counties in reach (an index
  // range for one county) instead of joining every value to the chosen plans first.
  const valueScope = countyFilter(indicatorValues.countyId, scope);
  const planFilter = query.planId === undefined ? sql`` : sql` and ${plans.id} = ${query.planId}`;
  const i = planIndicators;
  const v = indicatorValues;
  const s = indicatorSettings;
  const result = await exec.execute(sql`
    with chosen as (
      select distinct on (${plans.countyId}) ${plans.id} as id, ${plans.countyId} as county_id, ${plans.title} as title,
             ${plans.periodStart} as period_start, ${plans.periodEnd} as period_end
      from ${plans}
      where true ${scoped === undefined ? sql`` : sql`and ${scoped}`} ${planFilter}
        -- the municipal view reads each county's current version: a version replaced by 导入新版本 gave its data to
        -- the newer one (see plan-carry-over.ts); one plan asked for by id is read whatever its version
        ${query.planId === undefined ? sql`and ${isCurrentPlan()}` : sql``}
      order by ${plans.countyId}, ${plans.createdAt} desc, ${plans.id} desc
    ), series as (
      select ${v.countyId} as county_id, ${v.indicatorId} as indicator_id,
             string_agg(${v.period} || ':' || ${v.value}::text || ':' || ${v.source}, ';') as folded
      from ${v}
      where ${v.isOfficial} and ${v.periodSort} <= ${query.asOfSort}
        ${valueScope === undefined ? sql`` : sql`and ${valueScope}`}
        ${query.planId === undefined ? sql`` : sql`and ${v.countyId} in (select county_id from chosen)`}
      group by ${v.countyId}, ${v.indicatorId}
    )
    select chosen.county_id, ${counties.name} as county_name, chosen.id as plan_id, chosen.title as plan_title,
           chosen.period_start as plan_start, chosen.period_end as plan_end,
           ${i.id} as indicator_id, ${i.ordinal} as ordinal, ${i.seq} as seq, ${i.name} as name, ${i.unit} as unit,
           ${i.attribute} as attribute, ${i.baselineYear} as baseline_year, ${i.baselineValue} as baseline_value,
           ${i.baselineText} as baseline_text, ${i.targetYear} as target_year, ${i.targetValue} as target_value,
           ${i.targetComparator} as target_comparator, ${i.targetText} as target_text, ${i.cumulative} as cumulative,
           ${i.annualGrowthRate} as annual_growth_rate, ${s.targetKind} as target_kind, ${s.tolerance} as tolerance,
           ${s.frequency} as frequency, ${s.responsibleUnitId} as responsible_unit_id,
           ${units.name} as responsible_unit_name, series.folded
    from chosen
    join ${i} on ${i.planId} = chosen.id
    join ${counties} on ${counties.id} = chosen.county_id
    left join ${s} on ${s.indicatorId} = ${i.id} and ${s.countyId} = ${i.countyId}
    left join ${units} on ${units.id} = ${s.responsibleUnitId}
    left join series on series.indicator_id = ${i.id} and series.county_id = ${i.countyId}
  `);
  const raw = rowsOf(result);
  const rows = new Array<IndicatorStatusRow>(raw.length);
  for (let n = 0; n < raw.length; n += 1) rows[n] = toRow(raw[n] as Raw);
  // Ordered here rather than in SQL: sorting 40k wide rows spilled to disk under the default work_mem.
  return rows.sort(byCountyThenOrdinal);
}

/** County name (code-point order, stable across databases and collations), county, then the plan-table order. */
function byCountyThenOrdinal(a: IndicatorStatusRow, b: IndicatorStatusRow): number {
  if (a.countyName !== b.countyName) return a.countyName < b.countyName ? -1 : 1;
  if (a.countyId !== b.countyId) return a.countyId < b.countyId ? -1 : 1;
  return a.ordinal - b.ordinal;
}

export interface ComparedPlanRow {
  countyId: string;
  countyName: string;
  planId: string;
  planTitle: string;
  planStart: number | null;
  planEnd: number | null;
  /** When the plan was imported (ms since the epoch): a county's newest plan first. */
  createdMs: number;
}

/** An indicator of a compared plan: what evaluation reads (see StatusEvaluationRow), no display-only columns. */
export type ComparisonIndicatorRow = Omit<
  IndicatorStatusRow,
  'countyName' | 'planTitle' | 'frequency' | 'responsibleUnitId' | 'responsibleUnitName' | 'folded'
>;

/** Each county's plan-frame stamp (see planFrameStamps) in the scope: counties that never had a plan have none. */
export async function readPlanFrameStamps(exec: Executor, scope: TenantScope): Promise<Map<string, number>> {
  const scoped = countyFilter(planFrameStamps.countyId, scope);
  const rows = await exec
    .select({ countyId: planFrameStamps.countyId, stamp: planFrameStamps.stamp })
    .from(planFrameStamps)
    .where(scoped);
  const stamps = new Map<string, number>();
  for (const row of rows) stamps.set(row.countyId, row.stamp);
  return stamps;
}

// The comparison reads ~40k indicators at municipal scale. Sent as ordinary columns, the driver's per-field
// decoding cost more than the evaluation, so each plan's indicators come packed into ONE text per plan: fields
// joined by US (\x1f), records by RS (\x1e), NULL written as SUB (\x1a). Texts have those three control characters
// replaced by spaces in SQL, so a plan's wording can never break the packing (they are invisible in a document
// anyway). Numbers travel as PostgreSQL's shortest exact text, the same text the driver would have parsed.
const FIELD = '\x1f';
const RECORD = '\x1e';
const NULL_MARK = '\x1a';
const sqlField = sql.raw(`E'\\x1f'`);
const sqlRecord = sql.raw(`E'\\x1e'`);
const sqlNull = sql.raw(`E'\\x1a'`);
const packText = (column: SQL | AnyColumn): SQL => sql`coalesce(translate(${column}, ${sql.raw(`E'\\x1a\\x1e\\x1f'`)}, '   '), ${sqlNull})`;
const packNumber = (column: SQL | AnyColumn): SQL => sql`coalesce(${column}::text, ${sqlNull})`;
const unpackText = (field: string | undefined): string | null => (field === undefined || field === NULL_MARK ? null : field);
const unpackNumber = (field: string | undefined): number | null => (field === undefined || field === NULL_MARK ? null : Number(field));

export interface ComparisonFrame {
  /** Every current plan (a county may hold its 十四五 and its 十五五), in county-name order, each county's newest first. */
  plans: ComparedPlanRow[];
  /** All their indicators, without values. */
  indicators: ComparisonIndicatorRow[];
}

/**
 * The plans and indicators of the municipal comparison (its frame): every current plan of the counties in scope
 * (the caller picks each county's plan for the year asked, see domain/plan/plan-for-year.ts).
 */
export async function readComparisonFrame(exec: Executor, scope: TenantScope): Promise<ComparisonFrame> {
  const scoped = countyFilter(plans.countyId, scope);
  const i = planIndicators;
  const s = indicatorSettings;
  const chosen = sql`
    select ${plans.id} as id, ${plans.countyId} as county_id, ${plans.title} as title,
           ${plans.periodStart} as period_start, ${plans.periodEnd} as period_end,
           (extract(epoch from ${plans.createdAt}) * 1000)::float8 as created_ms
    from ${plans}
    where ${isCurrentPlan()} ${scoped === undefined ? sql`` : sql`and ${scoped}`}`;
  // Field order here is the order unpacked in unpackIndicators.
  const packedIndicator = sql.join(
    [
      sql`${i.id}::text`,
      sql`${i.ordinal}::text`,
      packText(i.seq),
      packText(i.name),
      packText(i.unit),
      packText(i.attribute),
      packNumber(i.baselineYear),
      packNumber(i.baselineValue),
      packText(i.baselineText),
      packNumber(i.targetYear),
      packNumber(i.targetValue),
      packText(i.targetComparator),
      packText(i.targetText),
      sql`case when ${i.cumulative} then '1' else '0' end`,
      packNumber(i.annualGrowthRate),
      packText(s.targetKind),
      packNumber(s.tolerance),
    ],
    sql` || ${sqlField} || `,
  );
  const [planResult, indicatorResult] = await Promise.all([
    exec.execute(sql`
      with chosen as (${chosen})
      select chosen.county_id, ${counties.name} as county_name, chosen.id as plan_id, chosen.title as plan_title,
             chosen.period_start as plan_start, chosen.period_end as plan_end, chosen.created_ms
      from chosen join ${counties} on ${counties.id} = chosen.county_id`),
    exec.execute(sql`
      with chosen as (${chosen})
      select ${i.planId} as plan_id, string_agg(${packedIndicator}, ${sqlRecord}) as packed
      from chosen
      join ${i} on ${i.planId} = chosen.id
      left join ${s} on ${s.indicatorId} = ${i.id} and ${s.countyId} = ${i.countyId}
      group by ${i.planId}`),
  ]);
  const planRows = rowsOf(planResult).map(
    (r): ComparedPlanRow => ({
      countyId: text(r.county_id),
      countyName: text(r.county_name),
      planId: text(r.plan_id),
      planTitle: text(r.plan_title),
      planStart: numberOrNull(r.plan_start),
      planEnd: numberOrNull(r.plan_end),
      createdMs: Number(r.created_ms),
    }),
  );
  planRows.sort(byCountyThenNewest);
  return { plans: planRows, indicators: unpackIndicators(planRows, rowsOf(indicatorResult)) };
}

/**
 * The official values up to "as of" of every indicator in the scope, folded per indicator (see
 * IndicatorStatusRow.folded) and handed over one indicator at a time as the rows arrive. Folded in (county,
 * indicator) order straight off the status index, which lets the rows stream out as they are made: PostgreSQL's
 * own choice at this size, a sequential scan into a hash aggregate, emits nothing until the end and spills to disk
 * (≈450 vs ≈300 ms for 213k values); the planner cannot know the hash will spill, so this one statement is told.
 * Values of indicators outside the caller's plans (an older version's) come too; the caller skips them.
 */
export async function streamOfficialValues(
  exec: Executor,
  scope: TenantScope,
  asOfSort: number,
  onIndicator: (indicatorId: string, folded: string) => void,
): Promise<void> {
  const valueScope = countyFilter(indicatorValues.countyId, scope);
  const v = indicatorValues;
  await streamRows(
    exec,
    sql`
      select ${v.indicatorId} as indicator_id,
             string_agg(${v.period} || ':' || ${v.value}::text || ':' || ${v.source}, ';') as folded
      from ${v}
      where ${v.isOfficial} and ${v.periodSort} <= ${asOfSort}
        ${valueScope === undefined ? sql`` : sql`and ${valueScope}`}
      group by ${v.countyId}, ${v.indicatorId}
      order by ${v.countyId}, ${v.indicatorId}`,
    [sql`set local enable_seqscan = off`, sql`set local enable_bitmapscan = off`],
    (r) => onIndicator(text(r.indicator_id), text(r.folded)),
  );
}

function unpackIndicators(planRows: readonly ComparedPlanRow[], raw: readonly Raw[]): ComparisonIndicatorRow[] {
  const planOf = new Map<string, ComparedPlanRow>();
  for (const plan of planRows) planOf.set(plan.planId, plan);
  const indicators: ComparisonIndicatorRow[] = [];
  for (const r of raw) {
    const plan = planOf.get(text(r.plan_id));
    if (plan === undefined) continue;
    for (const record of text(r.packed).split(RECORD)) {
      const f = record.split(FIELD);
      indicators.push({
        countyId: plan.countyId,
        planId: plan.planId,
        planStart: plan.planStart,
        planEnd: plan.planEnd,
        indicatorId: f[0] ?? '',
        ordinal: Number(f[1]),
        seq: unpackText(f[2]) ?? '',
        name: unpackText(f[3]) ?? '',
        unit: unpackText(f[4]),
        attribute: unpackText(f[5]),
        baselineYear: unpackNumber(f[6]),
        baselineValue: unpackNumber(f[7]),
        baselineText: unpackText(f[8]),
        targetYear: unpackNumber(f[9]),
        targetValue: unpackNumber(f[10]),
        targetComparator: unpackText(f[11]),
        targetText: unpackText(f[12]),
        cumulative: f[13] === '1',
        annualGrowthRate: unpackNumber(f[14]),
        targetKind: unpackText(f[15]) as TargetKind | null,
        tolerance: unpackNumber(f[16]),
      });
    }
  }
  return indicators;
}

function byCountyThenNewest(a: ComparedPlanRow, b: ComparedPlanRow): number {
  if (a.countyName !== b.countyName) return a.countyName < b.countyName ? -1 : 1;
  if (a.countyId !== b.countyId) return a.countyId < b.countyId ? -1 : 1;
  // Newest first, as listPlans and the plan pickers order a county's plans.
  if (a.createdMs !== b.createdMs) return b.createdMs - a.createdMs;
  return a.planId < b.planId ? 1 : a.planId > b.planId ? -1 : 0;
}
