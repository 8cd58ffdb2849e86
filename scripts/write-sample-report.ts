// Writes a sample mid-term report (奉节县, 2023) and the municipal summary of a two-county sample to a folder, from an
// in-memory database built through the services — the input of scripts/check-report-visual.sh.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { openDatabase } from '../src/db/client.ts';
import { operatorAccess } from '../src/services/auth/access.ts';
import { generateMunicipalReports } from '../src/services/generate-municipal-reports.ts';
import { generateReport } from '../src/services/generate-report.ts';
import { buildReportSample } from '../test/support/report-sample.ts';

const out = resolve(process.argv[2] ?? 'report-visual');
mkdirSync(out, { recursive: true });
const handle = await openDatabase({ dataDir: 'memory' });
try {
  const sample = await buildReportSample(handle.db);
  const access = operatorAccess('visual-check');
  const plan = sample.plans.find((p) => p.countyName === '奉节县');
  if (!plan) throw new Error('no 奉节县 plan');
  const report = await generateReport(handle.db, access, { planId: plan.planId, kind: 'midterm', year: 2023 });
  for (const [i, file] of report.files.entries()) writeFileSync(join(out, i === 0 ? 'midterm.docx' : 'midterm.xlsx'), file.bytes);
  const batch = await generateMunicipalReports(handle.db, access, { municipality: '重庆市', kind: 'midterm', year: 2023 });
  const zip = await JSZip.loadAsync(batch.zip.bytes);
  const summary = Object.keys(zip.files).find((n) => !n.includes('/') && n.endsWith('.docx'));
  if (summary) writeFileSync(join(out, 'summary.docx'), await (zip.file(summary)?.async('nodebuffer') ?? Buffer.alloc(0)));
  console.log(out);
} finally {
  await handle.close();
}
