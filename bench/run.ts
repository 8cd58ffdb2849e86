// `npm run bench`: every bench in this folder, one after another, each printing its own lines. A bench is a module
// exporting `async (): Promise<string[]>`; list it below. Benches whose file is absent (being written on another
// branch) are skipped, so the runner never breaks on a half-merged tree.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Bench {
  title: string;
  file: string;
  exportName: string;
}

const BENCHES: readonly Bench[] = [
  { title: '规划解析 / plan parser', file: './parse-bench.ts', exportName: 'benchParse' },
  { title: '指标监测 / indicator status at scale', file: './monitoring-bench.ts', exportName: 'benchMonitoring' },
  { title: '前端包体积 / web bundle', file: './web-bundle.ts', exportName: 'benchWebBundle' },
  { title: '评估报告 / evaluation reports', file: './report-bench.ts', exportName: 'benchReports' },
];

const only = process.argv.slice(2);

for (const bench of BENCHES) {
  if (only.length > 0 && !only.some((name) => bench.file.includes(name))) continue;
  if (!existsSync(fileURLToPath(new URL(bench.file, import.meta.url)))) {
    console.log(`\n▶ ${bench.title}: skipped (${bench.file} not present)`);
    continue;
  }
  console.log(`\n▶ ${bench.title}`);
  const module = (await import(bench.file)) as Record<string, unknown>;
  const run = module[bench.exportName];
  if (typeof run !== 'function') throw new Error(`${bench.file} does not export ${bench.exportName}()`);
  const lines = (await (run as () => Promise<string[]>)()) ?? [];
  for (const line of lines) console.log(`  ${line}`);
}
