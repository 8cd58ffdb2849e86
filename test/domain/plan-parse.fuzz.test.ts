// Random damage to the real plans: the parser must return a plan or a PlanDocumentError, never throw
// anything else, never hang, and never report a row whose name is not in the text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanDocumentError, readPlanDocument, type ParsedPlan } from '../../src/domain/plan/index.ts';
import { FENGJIE_ORDER_TABLE, toDocx } from './plan-documents.ts';

const SEEDS = ['000_da82127551cae645.txt', '003_277bfcae23e1cd61.txt'].map((name) => ({
  name,
  lines: readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8').split('\n'),
}));
const CASES = 1000;
const DOCX_CASES = 60;
const MAX_PARSE_MS = 1000;

/** mulberry32: small, fast, and the same sequence on every run, so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
type Mutation = (lines: string[], random: Random) => void;

const pick = (random: Random, length: number): number => Math.floor(random() * length);

const MUTATIONS: readonly Mutation[] = [
  function dropLines(lines, random) {
    lines.splice(pick(random, lines.length), 1 + pick(random, 20));
  },
  function duplicateLines(lines, random) {
    const at = pick(random, lines.length);
    lines.splice(at, 0, ...lines.slice(at, at + 1 + pick(random, 30)));
  },
  function cutMidLine(lines, random) {
    const at = pick(random, lines.length);
    const line = lines[at] ?? '';
    lines[at] = line.slice(0, pick(random, line.length + 1));
  },
  function insertTabs(lines, random) {
    for (let n = 1 + pick(random, 10); n > 0; n -= 1) {
      const at = pick(random, lines.length);
      const line = lines[at] ?? '';
      const cut = pick(random, line.length + 1);
      lines[at] = `${line.slice(0, cut)}\t${line.slice(cut)}`;
    }
  },
  function splitLine(lines, random) {
    const at = pick(random, lines.length);
    const line = lines[at] ?? '';
    const cut = pick(random, line.length + 1);
    lines.splice(at, 1, line.slice(0, cut), random() < 0.5 ? '' : '\t', line.slice(cut));
  },
  function swapLines(lines, random) {
    const a = pick(random, lines.length);
    const b = pick(random, lines.length);
    [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
  },
];

function mutate(seedLines: readonly string[], random: Random): Uint8Array {
  const lines = [...seedLines];
  for (let n = 1 + pick(random, 6); n > 0; n -= 1) MUTATIONS[pick(random, MUTATIONS.length)]?.(lines, random);
  const bytes = new TextEncoder().encode(lines.join('\n'));
  // A third of the cases are also truncated at a random byte, often inside a UTF-8 character.
  return random() < 0.33 ? bytes.subarray(0, pick(random, bytes.length + 1)) : bytes;
}

/** Every row name must be text of the document (Word's markers removed, a cell's lines joined). */
function expectNoInventedRows(plan: ParsedPlan, bytes: Uint8Array): void {
  const text = compact(new TextDecoder().decode(bytes).replace(/\[(?:bookmark|image):[^\]\n]*\]/g, ''));
  const names = [...plan.indicators.map((i) => i.name), ...plan.projects.map((p) => p.name)];
  const invented = names.filter((name) => !text.includes(compact(name)));
  expect(invented).toEqual([]);
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('fuzzed seeds', () => {
  it(`survives ${CASES} random mutations, each parsed in under ${MAX_PARSE_MS} ms`, async () => {
    const random = prng(20240601);
    let parsed = 0;
    let rejected = 0;
    let slowest = 0;
    for (let i = 0; i < CASES; i += 1) {
      const seed = SEEDS[i % SEEDS.length];
      if (!seed) throw new Error('no seed');
      const bytes = mutate(seed.lines, random);
      const started = performance.now();
      try {
        const plan = await readPlanDocument(bytes, seed.name);
        expectNoInventedRows(plan, bytes);
        parsed += 1;
      } catch (error) {
        if (!(error instanceof PlanDocumentError)) {
          throw new Error(`case ${i} (${seed.name}) threw ${String(error)}`, { cause: error });
        }
        rejected += 1;
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      expect(elapsed, `case ${i}`).toBeLessThan(MAX_PARSE_MS);
    }
    expect(parsed + rejected).toBe(CASES);
    expect(parsed).toBeGreaterThan(CASES / 2);
  });
});

describe('fuzzed .docx', () => {
  it(`survives ${DOCX_CASES} damaged .docx files`, async () => {
    const random = prng(7);
    const original = await toDocx(['某某县科技创新“十四五”规划', '第一章 总则', FENGJIE_ORDER_TABLE]);
    for (let i = 0; i < DOCX_CASES; i += 1) {
      const bytes = original.slice(0, random() < 0.5 ? original.length : pick(random, original.length + 1));
      for (let flips = pick(random, 8); flips > 0; flips -= 1) bytes[pick(random, bytes.length)] = pick(random, 256);
      const started = performance.now();
      const outcome: unknown = await readPlanDocument(bytes, 'plan.docx').catch((error: unknown) => error);
      if (outcome instanceof Error) expect(outcome, `case ${i}`).toBeInstanceOf(PlanDocumentError);
      expect(performance.now() - started, `case ${i}`).toBeLessThan(MAX_PARSE_MS);
    }
  });
});
