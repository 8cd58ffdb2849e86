import { openDatabase } from '/work/main/src/db/client.ts';
import { importSeedPlansOnFirstStart } from '/work/main/src/services/import-seed-plans.ts';
import { operatorAccess } from '/work/main/src/services/auth/access.ts';
import { loadSampleData } from '/work/main/src/services/monitoring/load-sample-data.ts';
import { getPlanStatus } from '/work/main/src/services/monitoring/get-plan-status.ts';
import { listPlans } from '/work/main/src/services/list-plans.ts';
import { ALL_COUNTIES } from '/work/main/src/repositories/scope.ts';
const h = await openDatabase({ dataDir: 'memory' });
await importSeedPlansOnFirstStart(h.db, '/work/main/seeds');
const access = operatorAccess('test');
console.log(JSON.stringify(await loadSampleData(h.db, access)));
for (const p of await listPlans(h.db, ALL_COUNTIES)) {
  const t0 = performance.now();
  const s = await getPlanStatus(h.db, access, { planId: p.id, period: '2024' });
  console.log(p.countyName, (performance.now()-t0).toFixed(1)+'ms', JSON.stringify(s.counts), s.warnings);
  for (const i of s.indicators) console.log(' ', i.seq, i.name, i.kind, i.current?.value, i.current?.sourceLabel, i.completion?.toFixed(3), i.status, '|', i.explanation, '|', i.forecast.possible ? i.forecast.summary : i.forecast.reason);
}
await h.close();
