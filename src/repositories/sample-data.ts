// 示例数据 rows: bulk inserts for loading, and the delete that removes exactly the rows flagged is_sample (plus the
// units the sample created, when nothing real has come to depend on them).
import { and, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { indicatorSettings, indicatorValues, reports, sampleUnits, units, users } from '../db/schema/index.ts';
import type { ReportState } from '../domain/reporting/workflow.ts';

export async function countSampleValues(exec: Executor): Promise<number> {
  const rows = await exec.select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.isSample, true));
  return rows[0]?.n ?? 0;
}

export async function recordSampleUnits(exec: Executor, rows: readonly { unitId: string; countyId: string }[]): Promise<void> {
  if (rows.length > 0) await exec.insert(sampleUnits).values([...rows]).onConflictDoNothing();
}

export interface SampleReport {
  id: string;
  countyId: string;
  unitId: string;
  period: string;
  state: ReportState;
  submittedBy: string;
  reviewedBy: string | null;
}

export async function insertSampleReports(exec: Executor, rows: readonly SampleReport[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await exec.insert(reports).values(
      rows.slice(i, i + 1000).map((r) => ({
        ...r,
        isSample: true,
        submittedAt: sql`now()`,
        reviewedAt: r.reviewedBy === null ? null : sql`now()`,
      })),
    );
  }
}

export interface SampleRemoval {
  countyId: string;
  values: number;
  reports: number;
  settings: number;
  units: number;
}

/** Deletes the sample rows and returns what went, per county. Run inside a transaction. */
export async function deleteSampleRows(exec: Executor): Promise<SampleRemoval[]> {
  const byCounty = new Map<string, SampleRemoval>();
  const tally = (countyId: string, key: Exclude<keyof SampleRemoval, 'countyId'>) => {
    const entry = byCounty.get(countyId) ?? { countyId, values: 0, reports: 0, settings: 0, units: 0 };
    entry[key] += 1;
    byCounty.set(countyId, entry);
  };
  const values = await exec
    .delete(indicatorValues)
    .where(eq(indicatorValues.isSample, true))
    .returning({ countyId: indicatorValues.countyId });
  for (const v of values) tally(v.countyId, 'values');
  // A sample report someone has since worked on lost its flag; one still flagged but holding a real value stays.
  const removedReports = await exec
    .delete(reports)
    .where(
      and(
        eq(reports.isSample, true),
        notExists(exec.select({ one: sql`1` }).from(indicatorValues).where(eq(indicatorValues.reportId, reports.id))),
      ),
    )
    .returning({ countyId: reports.countyId });
  for (const r of removedReports) tally(r.countyId, 'reports');
  const settings = await exec
    .delete(indicatorSettings)
    .where(eq(indicatorSettings.isSample, true))
    .returning({ countyId: indicatorSettings.countyId });
  for (const s of settings) tally(s.countyId, 'settings');
  const created = await exec.select().from(sampleUnits);
  const ids = created.map((u) => u.unitId);
  if (ids.length > 0) {
    const removedUnits = await exec
      .delete(units)
      .where(
        and(
          inArray(units.id, ids),
          notExists(exec.select({ one: sql`1` }).from(users).where(eq(users.unitId, units.id))),
          notExists(exec.select({ one: sql`1` }).from(reports).where(eq(reports.unitId, units.id))),
          notExists(
            exec.select({ one: sql`1` }).from(indicatorSettings).where(eq(indicatorSettings.responsibleUnitId, units.id)),
          ),
        ),
      )
      .returning({ countyId: units.countyId });
    for (const u of removedUnits) tally(u.countyId, 'units');
    // Units kept because real data now uses them are real units from here on.
    await exec.delete(sampleUnits).where(inArray(sampleUnits.unitId, ids));
  }
  return [...byCounty.values()];
}
