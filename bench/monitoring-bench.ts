// Indicator status at municipal scale: 2,844 counties × 15 indicators × 6 years (≈256k official values), in
// PostgreSQL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test, into a fresh database created and
// dropped here) and in in-memory PGlite. Times the status of every county for one year through the service layer
// (compareCounties: the counties' kept plan frames checked against their stamps, every official value read and
// folded in one streamed query, each indicator evaluated in the pure domain) beside a bare SQL aggregate over the
// same rows, and one county's status (getPlanStatus). The first call, which also reads every plan frame, is
// printed on its own. Goals: all counties ≤ 1 s and ≤ 3× the bare SQL on PostgreSQL; one county
// ≤ 20 ms.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { and, count, eq, lte, max, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseHandle } from '../src/db/client.ts';
import { indicatorValues } from '../src/db/schema/index.ts';
import { yearPeriod } from '../src/domain/period/period.ts';
import { periodSortKey } from '../src/domain/reporting/period-sort.ts';
import { operatorAccess } from '../src/services/auth/access.ts';
import { compareCounties } from '../src/services/monitoring/compare-counties.ts';
import { getPlanStatus } from '../src/services/monitoring/get-plan-status.ts';

export const COUNTIES = 2_844;
export const INDICATORS_PER_COUNTY = 15;
export const YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
export const STATUS_YEAR = 2024;
export const ALL_COUNTIES_GOAL_MS = 1_000;
export const RATIO_GOAL = 3;
export const ONE_COUNTY_GOAL_MS = 20;
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** The 15 indicators every generated county plans: a mix of the kinds the status math distinguishes. */
const INDICATORS: readonly {
  name: string;
  unit: string;
  attribute: '预期性' | '约束性';
  base: number | null;
  target: number | null;
  comparator?: '>=' | '<=';
  cumulative?: boolean;
  growth?: number;
}[] = [
  { name: '全社会研发经费投入强度', unit: '%', attribute: '预期性', base: 1.2, target: 2 },
  { name: '全社会研发经费投入增长', unit: '%', attribute: '预期性', base: null, target: null, growth: 10 },
  { name: '每万人高价值发明专利拥有量', unit: '件', attribute: '预期性', base: 3.2, target: 6 },
  { name: '高新技术企业数', unit: '家', attribute: '预期性', base: 20, target: 45, cumulative: true },
  { name: '科技型中小企业数', unit: '家', attribute: '预期性', base: 150, target: 300 },
  { name: '技术合同成交额', unit: '万元', attribute: '预期性', base: 1500, target: 9000 },
  { name: '规模以上工业企业研发机构覆盖率', unit: '%', attribute: '预期性', base: 20, target: 40 },
  { name: '公民具备科学素质的比例', unit: '%', attribute: '预期性', base: 8, target: 15 },
  { name: '市级以上研发平台数', unit: '个', attribute: '预期性', base: 6, target: 12, cumulative: true },
  { name: '高新技术产业增加值占比', unit: '%', attribute: '预期性', base: 15, target: 25 },
  { name: '每万名就业人员中研发人员', unit: '人年', attribute: '预期性', base: 12, target: 20 },
  { name: '单位地区生产总值能耗', unit: '吨标煤/万元', attribute: '约束性', base: 0.5, target: 0.43 },
  { name: '森林覆盖率', unit: '%', attribute: '约束性', base: 55, target: 58, comparator: '>=' },
  { name: '空气质量优良天数', unit: '天', attribute: '约束性', base: 340, target: 330, comparator: '>=' },
  { name: '科技特派员人数', unit: '人', attribute: '预期性', base: 30, target: 40 },
];

/** Seeded, so every run measures the same rows. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

type ColumnType = 'uuid' | 'text' | 'int' | 'float8' | 'bool';

/**
 * COPY-like bulk load that works the same on PostgreSQL and PGlite: one `insert … select from unnest(arrays)` per
 * 50,000 rows, each column sent as one array parameter (building a huge VALUES list costs more than the insert).
 */
async function bulkInsert<T extends Record<string, unknown>>(
  db: Database,
  table: string,
  columns: Readonly<Record<keyof T & string, readonly [string, ColumnType]>>,
  rows: readonly T[],
): Promise<void> {
  const keys = Object.keys(columns) as (keyof T & string)[];
  const names = keys.map((k) => sql.identifier(columns[k][0]));
  for (let i = 0; i < rows.length; i += 50_000) {
    const chunk = rows.slice(i, i + 50_000);
    const arrays = keys.map((k) => sql`${sql.param(chunk.map((r) => r[k] ?? null))}::${sql.raw(columns[k][1])}[]`);
    await db.execute(
      sql`insert into ${sql.identifier(table)} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}

/** Generates the counties, their plans, indicators and official values with multi-row inserts. */
export async function generate(db: Database): Promise<{ planIds: string[]; values: number }> {
  const next = random(2_844);
  const countyRows = Array.from({ length: COUNTIES }, (_, i) => ({
    id: randomUUID(),
    name: `测试区县${String(i + 1).padStart(4, '0')}`,
    municipality: `测试市${String(Math.floor(i / 40) + 1).padStart(2, '0')}`,
  }));
  const planRows = countyRows.map((c) => ({
    id: randomUUID(),
    countyId: c.id,
    title: `${c.name}科技创新“十四五”规划（2021—2025年）`,
    region: c.name,
    periodStart: 2021,
    periodEnd: 2025,
    sourceFileName: 'bench.txt',
    contentHash: randomBytes(16).toString('hex'),
  }));
  const indicatorRows = planRows.flatMap((p) =>
    INDICATORS.map((spec, ordinal) => ({
      id: randomUUID(),
      countyId: p.countyId,
      planId: p.id,
      ordinal,
      seq: String(ordinal + 1),
      name: spec.name,
      unit: spec.unit,
      attribute: spec.attribute,
      baselineYear: 2020,
      baselineValue: spec.base,
      baselineText: spec.base === null ? '－' : String(spec.base),
      targetYear: 2025,
      targetValue: spec.target,
      targetComparator: spec.comparator ?? null,
      targetText: spec.target === null ? '－' : `${spec.comparator === '>=' ? '≥' : ''}${spec.target}`,
      cumulative: spec.cumulative ?? false,
      annualGrowthRate: spec.growth ?? null,
    })),
  );
  const valueRows = indicatorRows.flatMap((indicator) => {
    const spec = INDICATORS[indicator.ordinal];
    const base = spec?.base ?? 10_000;
    const target = spec?.target ?? base * 1.1 ** 5;
    const pace = 0.5 + next(); // 0.5–1.5 × 序时进度: a spread of statuses
    return YEARS.map((year) => {
      const period = yearPeriod(year);
      const share = ((year - 2020) / 5) * pace;
      return {
        id: randomUUID(),
        countyId: indicator.countyId,
        indicatorId: indicator.id,
        period: String(year),
        periodKind: 'year' as const,
        dataYear: year,
        periodSort: periodSortKey(period),
        source: 'statistics' as const,
        value: Math.round((base + (target - base) * share) * 100) / 100,
        isOfficial: true,
        officialReason: '基准测试',
        enteredBy: 'bench',
      };
    });
  });
  await bulkInsert(db, 'counties', { id: ['id', 'uuid'], name: ['name', 'text'], municipality: ['municipality', 'text'] }, countyRows);
  await bulkInsert(
    db,
    'plans',
    {
      id: ['id', 'uuid'],
      countyId: ['county_id', 'uuid'],
      title: ['title', 'text'],
      region: ['region', 'text'],
      periodStart: ['period_start', 'int'],
      periodEnd: ['period_end', 'int'],
      sourceFileName: ['source_file_name', 'text'],
      contentHash: ['content_hash', 'text'],
    },
    planRows,
  );
  await bulkInsert(
    db,
    'plan_indicators',
    {
      id: ['id', 'uuid'],
      countyId: ['county_id', 'uuid'],
      planId: ['plan_id', 'uuid'],
      ordinal: ['ordinal', 'int'],
      seq: ['seq', 'text'],
      name: ['name', 'text'],
      unit: ['unit', 'text'],
      attribute: ['attribute', 'text'],
      baselineYear: ['baseline_year', 'int'],
      baselineValue: ['baseline_value', 'float8'],
      baselineText: ['baseline_text', 'text'],
      targetYear: ['target_year', 'int'],
      targetValue: ['target_value', 'float8'],
      targetComparator: ['target_comparator', 'text'],
      targetText: ['target_text', 'text'],
      cumulative: ['cumulative', 'bool'],
      annualGrowthRate: ['annual_growth_rate', 'float8'],
    },
    indicatorRows,
  );
  await bulkInsert(
    db,
    'indicator_values',
    {
      id: ['id', 'uuid'],
      countyId: ['county_id', 'uuid'],
      indicatorId: ['indicator_id', 'uuid'],
      period: ['period', 'text'],
      periodKind: ['period_kind', 'text'],
      dataYear: ['data_year', 'int'],
      periodSort: ['period_sort', 'int'],
      source: ['source', 'text'],
      value: ['value', 'float8'],
      isOfficial: ['is_official', 'bool'],
      officialReason: ['official_reason', 'text'],
      enteredBy: ['entered_by', 'text'],
    },
    valueRows,
  );
  // As autovacuum would leave a live database: statistics, and the visibility map the bare aggregate's plan reads.
  await db.execute(sql`vacuum analyze`);
  return { planIds: planRows.map((p) => p.id), values: valueRows.length };
}

/** The floor: the same official rows up to the same year, grouped per indicator, with nothing evaluated. */
async function bareAggregate(db: Database, asOfSort: number): Promise<number> {
  const rows = await db
    .select({ indicatorId: indicatorValues.indicatorId, n: count(), latest: max(indicatorValues.periodSort) })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.isOfficial, true), lte(indicatorValues.periodSort, asOfSort)))
    .groupBy(indicatorValues.countyId, indicatorValues.indicatorId);
  return rows.length;
}

async function median(runs: number, body: () => Promise<unknown>): Promise<number> {
  await body(); // warm-up: plans cached, JIT warm
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export interface MonitoringBenchResult {
  database: string;
  values: number;
  generateMs: number;
  /** The first call, plan frames not yet kept. */
  firstCallMs: number;
  allCountiesMs: number;
  bareSqlMs: number;
  ratio: number;
  oneCountyMs: number;
}

export async function measure(handle: DatabaseHandle, label: string): Promise<MonitoringBenchResult> {
  const started = performance.now();
  const { planIds, values } = await generate(handle.db);
  const generateMs = performance.now() - started;
  const access = operatorAccess('bench');
  const period = String(STATUS_YEAR);
  const asOfSort = periodSortKey(yearPeriod(STATUS_YEAR));
  // The first call after start reads and prepares every county's plan frame (kept afterwards until a plan,
  // indicator, setting or county name changes — see comparison-frames.ts); the median is of the calls after it.
  const firstStarted = performance.now();
  const check = await compareCounties(handle.db, access, { period });
  const firstCallMs = performance.now() - firstStarted;
  if (check.counties.length !== COUNTIES || check.rows.length !== INDICATORS_PER_COUNTY) {
    throw new Error(`bench data mismatch: ${check.counties.length} counties, ${check.rows.length} rows`);
  }
  const allCountiesMs = await median(9, () => compareCounties(handle.db, access, { period }));
  const bareSqlMs = await median(9, () => bareAggregate(handle.db, asOfSort));
  let i = 0;
  const oneCountyMs = await median(50, () => getPlanStatus(handle.db, access, { planId: planIds[(i += 97) % planIds.length] ?? '', period }));
  return { database: label, values, generateMs, firstCallMs, allCountiesMs, bareSqlMs, ratio: allCountiesMs / bareSqlMs, oneCountyMs };
}

function describe(r: MonitoringBenchResult, goals: boolean): string {
  const verdict = (ok: boolean) => (ok ? 'ok' : 'over goal');
  const all = goals ? ` (${verdict(r.allCountiesMs <= ALL_COUNTIES_GOAL_MS && r.ratio <= RATIO_GOAL)})` : '';
  return (
    `${r.database}: ${r.values.toLocaleString('en')} values generated in ${(r.generateMs / 1000).toFixed(1)} s; ` +
    `status of all ${COUNTIES} counties for ${STATUS_YEAR} ${r.allCountiesMs.toFixed(0)} ms, bare SQL aggregate ` +
    `${r.bareSqlMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}×${all} (first call after start, plan frames read: ` +
    `${r.firstCallMs.toFixed(0)} ms); one county ${r.oneCountyMs.toFixed(1)} ms ` +
    `(${verdict(r.oneCountyMs <= ONE_COUNTY_GOAL_MS)})`
  );
}

async function onPostgres(): Promise<string> {
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_POSTGRES;
  const name = `kechuang_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL: skipped, ${adminUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} not reachable (${(error as Error).message})`;
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString() });
    try {
      return describe(await measure(handle, 'PostgreSQL'), true);
    } finally {
      await handle.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite(): Promise<string> {
  const handle = await openDatabase({ dataDir: 'memory' });
  try {
    // The goals are set for PostgreSQL (the municipal deployment); PGlite is reported for comparison.
    return describe(await measure(handle, 'PGlite (in-memory)'), false);
  } finally {
    await handle.close();
  }
}

/** Wall times on a shared machine mean little without its load: printed alongside. */
function machine(): string {
  return `machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at start`;
}

export async function benchMonitoring(): Promise<string[]> {
  const context = machine();
  return [context, await onPostgres(), await onPglite()];
}
