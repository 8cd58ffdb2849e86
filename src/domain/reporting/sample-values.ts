// 示例数据: plausible yearly figures for a plan's indicators, generated deterministically from a seed, so every
// screen has something to show on first start. Each indicator is given a pace (how far along it is against 序时进度)
// and its figures follow the indicator's own kind — a level moves toward its target, a growth rate compounds, a
// cumulative flow adds up, a threshold kept stays on the right side (or, for the one planned breach, crosses it).
import { yearPeriod } from '../period/period.ts';
import { resolveBaseline, type TargetSpec } from '../progress/completion.ts';
import { scheduleShare } from '../progress/schedule.ts';
import { satisfies, type TargetKind } from '../progress/target-kind.ts';
import { valueAtShare } from './target-path.ts';

/** on-pace → 基本符合预期, ahead → 快于预期, early → 提前实现, behind → 滞后, breach → 约束性未达标 (binding only). */
export type SamplePace = 'on-pace' | 'ahead' | 'early' | 'behind' | 'breach';

/** Share of the plan done, as a multiple of 序时进度, at the last sample year. */
const PACE_FACTOR: Readonly<Record<SamplePace, number>> = {
  'on-pace': 1,
  ahead: 1.2,
  early: 1.35,
  behind: 0.6,
  breach: 0.5,
};

/** The order paces are handed out in, so a plan of any size gets a mix. */
export const PACE_CYCLE: readonly SamplePace[] = ['on-pace', 'behind', 'ahead', 'on-pace', 'early', 'behind', 'ahead'];

/** mulberry32: a small, fast, seeded generator — the same seed gives the same sample on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SampleInput {
  kind: TargetKind;
  spec: TargetSpec;
  unit: string | null;
  pace: SamplePace;
  /** Years to generate, e.g. 2021–2024. */
  years: readonly number[];
}

export interface SampleFigure {
  year: number;
  value: number;
}

const COUNT_UNITS = new Set(['家', '个', '人', '人/年', '天', '项', '件']);

export function roundForUnit(value: number, unit: string | null): number {
  if (unit !== null && COUNT_UNITS.has(unit.trim())) return Math.round(value);
  return Math.round(value * 100) / 100;
}

/**
 * A stand-in base value for kinds that need one when the plan leaves it blank (全社会研发经费投入增长 "－"): a
 * base-year figure is generated and must be stored with the rest (as the base year's observation).
 */
export function sampleBaseline(input: SampleInput, random: () => number): number | null {
  if (input.spec.baseline !== null) return null;
  return input.kind === 'annual-growth' ? Math.round(8000 + random() * 4000) : null;
}

/** Figures for each year; the last year lands exactly on the pace, earlier years wobble a little around it. */
export function sampleSeries(input: SampleInput, random: () => number, baseline: number | null = null): SampleFigure[] {
  const { spec, kind } = input;
  const x0 = baseline ?? resolveBaseline(spec, []);
  const factor = PACE_FACTOR[input.pace];
  const last = input.years.at(-1);
  const shareIn = (year: number) => {
    const schedule = scheduleShare(spec, yearPeriod(year)).share;
    const wobble = year === last ? 1 : 1 + (random() - 0.5) * 0.1;
    return schedule * factor * wobble;
  };
  if (kind === 'threshold' && spec.target !== null && spec.comparator !== null && x0 !== null && satisfies(x0, spec.comparator, spec.target)) {
    return keptThreshold(input, x0, spec.target, spec.comparator === '>=' ? 1 : -1, random);
  }
  const at = valueAtShare(kind, spec, x0);
  if (at === null) return [];
  if (kind === 'cumulative-new') {
    // Flows: each year's figure is the growth of the running total.
    let previous = 0;
    return input.years.map((year) => {
      const total = at(shareIn(year));
      const flow = roundForUnit(Math.max(0, total - previous), input.unit);
      previous += flow;
      return { year, value: flow };
    });
  }
  return input.years.map((year) => ({ year, value: roundForUnit(at(shareIn(year)), input.unit) }));
}

/** A threshold already met at the base: stays on the good side with some noise, or drifts across it on a breach. */
function keptThreshold(input: SampleInput, x0: number, limit: number, direction: 1 | -1, random: () => number): SampleFigure[] {
  const margin = Math.abs(x0 - limit);
  return input.years.map((year, index) => {
    const last = index === input.years.length - 1;
    const value =
      input.pace === 'breach'
        ? // From the base toward the limit, ending just past it.
          x0 - direction * margin * ((index + 1) / input.years.length) * (last ? 1.3 : 0.9)
        : x0 + direction * margin * (random() - 0.6) * 0.3;
    return { year, value: roundForUnit(value, input.unit) };
  });
}
