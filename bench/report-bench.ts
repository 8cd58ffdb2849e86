// Report generation speed, through the service layer (what the CLI and the job runner call): one county's mid-term
// report (collect from the database, draw two charts, write .docx and .xlsx) — goal ≤ 1 s — and the municipal batch
// of all 38 districts/counties of a generated Chongqing sample, zipped with the comparison summary — goal ≤ 20 s.
// Embedded PGlite (the default deployment); the sample is built through the services (test/support/report-sample.ts).
import { openDatabase } from '../src/db/client.ts';
import { operatorAccess } from '../src/services/auth/access.ts';
import { generateMunicipalReports } from '../src/services/generate-municipal-reports.ts';
import { generateReport } from '../src/services/generate-report.ts';
import { buildReportSample, CHONGQING_38, municipalityCounties } from '../test/support/report-sample.ts';

export const ONE_REPORT_GOAL_MS = 1000;
export const BATCH_GOAL_MS = 20_000;
const RUNS = 5;

export async function benchReports(): Promise<string[]> {
  const handle = await openDatabase({ dataDir: 'memory' });
  try {
    const built = performance.now();
    const sample = await buildReportSample(handle.db, { counties: municipalityCounties(CHONGQING_38), municipality: '重庆市', tasksPerPlan: 3 });
    const sampleMs = performance.now() - built;
    const access = operatorAccess('bench');
    const plan = sample.plans.find((p) => p.countyName === '奉节县') ?? sample.plans[0];
    if (!plan) throw new Error('no plan in the sample');

    await generateReport(handle.db, access, { planId: plan.planId, kind: 'midterm', year: 2023 }); // warm-up
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const report = await generateReport(handle.db, access, { planId: plan.planId, kind: 'midterm', year: 2023 });
      times.push(performance.now() - started);
      bytes = report.files.reduce((s, f) => s + f.bytes.length, 0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? Number.NaN;

    const started = performance.now();
    const batch = await generateMunicipalReports(handle.db, access, { municipality: '重庆市', kind: 'midterm', year: 2023 });
    const batchMs = performance.now() - started;
    const reported = batch.rows.filter((r) => r.counts !== null).length;
    const slowest = [...batch.timings].sort((a, b) => b.ms - a.ms)[0];
    const verdict = (ms: number, goal: number) => (ms <= goal ? 'ok' : `over the ${goal / 1000} s goal`);
    return [
      `sample: ${sample.plans.length} counties built through the services in ${(sampleMs / 1000).toFixed(1)} s`,
      `one county mid-term report (奉节县, .docx + .xlsx, ${(bytes / 1024).toFixed(0)} KB): median ${median.toFixed(0)} ms of ${RUNS}, min ${times[0]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms (${verdict(median, ONE_REPORT_GOAL_MS)})`,
      `municipal batch, ${reported}/${batch.rows.length} counties + summary (${batch.renderedOffThread} rendered in worker threads, the rest on the main thread), zip ${(batch.zip.bytes.length / 1024 / 1024).toFixed(1)} MB: ${(batchMs / 1000).toFixed(1)} s, ${(batchMs / batch.rows.length).toFixed(0)} ms per county, slowest ${slowest?.countyName} ${slowest?.ms.toFixed(0)} ms (${verdict(batchMs, BATCH_GOAL_MS)})`,
    ];
  } finally {
    await handle.close();
  }
}
