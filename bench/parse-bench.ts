// Plan parser speed on the two seeds: median readPlanDocument time against the floor of just decoding the
// bytes and splitting them into lines. The goal is ≤ 20 ms per seed; the ratio shows the parser stays linear.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readPlanDocument } from '../src/domain/plan/index.ts';

const SEEDS = [
  { label: '奉节', file: '000_da82127551cae645.txt' },
  { label: '石柱', file: '003_277bfcae23e1cd61.txt' },
] as const;
const WARM_UP_RUNS = 20;
const MEASURED_RUNS = 200;
export const PARSE_GOAL_MS = 20;

async function medianMs(run: () => unknown): Promise<number> {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function benchParse(): Promise<string[]> {
  const lines: string[] = [];
  for (const seed of SEEDS) {
    const bytes = readFileSync(new URL(`../seeds/${seed.file}`, import.meta.url));
    const parse = await medianMs(() => readPlanDocument(bytes, seed.file));
    const split = await medianMs(() => new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/));
    const verdict = parse <= PARSE_GOAL_MS ? 'ok' : `over the ${PARSE_GOAL_MS} ms goal`;
    lines.push(
      `${seed.label} parse median ${parse.toFixed(2)} ms, read+split ${split.toFixed(2)} ms, ratio ${(parse / split).toFixed(0)}× (${verdict})`,
    );
  }
  return lines;
}
