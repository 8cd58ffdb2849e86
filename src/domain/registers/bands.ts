// Band tables: "≥30% → 20, [25%, 30%) → 16, …". One evaluator for every scoring table of every rule pack, so the
// boundary convention is decided in one place and is a parameter of each table, not an accident of each `if`.
//
// Convention ([x, y), domain-rules §1.2): "x%(含)-y%" includes its lower limit. In a higher-is-better table a value
// exactly on a limit therefore lands in the BETTER band — `boundary: 'better'`. Where a text is unclear (the 2022
// 梯度培育 tables write "3%-5%"; domain-rules §3.1 [U]) the pack sets the boundary, defaulting to 'better' (a 2026
// 广东 notice scores exactly 3% as the higher band). Lower-is-better tables (资产负债率 ≤55%) use `upTo` limits:
// with 'better' a value exactly on the limit takes the better band (55% → A).

/** A fixed number of points, or an expert-scored range (高企 "A 7–8"). */
export interface ScoreRange {
  min: number;
  max: number;
}

export interface BandRow<S> {
  /** Higher-better: the band starts at this value. Lower-better: the band ends at this value. */
  limit: number;
  /** Short grade shown to people: "A", "≥30%", "国家级" … */
  grade: string;
  score: S;
}

export interface BandTable<S> {
  direction: 'higher-better' | 'lower-better';
  /** Which band takes a value exactly on a limit. */
  boundary: 'better' | 'worse';
  /** Best band first. */
  rows: BandRow<S>[];
  /** Below (higher-better) or above (lower-better) every row. */
  otherwise: { grade: string; score: S };
}

export interface BandHit<S> {
  grade: string;
  score: S;
  /** Index of the row hit; -1 for `otherwise`. */
  row: number;
}

// Ratios come out of divisions (21 / 70 × 100 = 30.000000000000004, 0.7 × 100 = 70.00000000000001): a value within
// float noise of a limit is ON the limit, so the boundary rule — not the last bit — decides.
const SLACK = 1e-9;

function onLimit(value: number, limit: number): boolean {
  return Math.abs(value - limit) <= SLACK * Math.max(1, Math.abs(limit));
}

export function scoreBand<S>(value: number, table: BandTable<S>): BandHit<S> {
  for (const [index, row] of table.rows.entries()) {
    const hit = onLimit(value, row.limit)
      ? table.boundary === 'better'
      : table.direction === 'higher-better'
        ? value > row.limit
        : value < row.limit;
    if (hit) return { grade: row.grade, score: row.score, row: index };
  }
  return { grade: table.otherwise.grade, score: table.otherwise.score, row: -1 };
}

/** `value ≥ limit` with float noise absorbed (a stated minimum such as "不低于10%"). */
export function atLeast(value: number, limit: number): boolean {
  return value > limit || onLimit(value, limit);
}

/** `value ≤ limit` with float noise absorbed. */
export function atMost(value: number, limit: number): boolean {
  return value < limit || onLimit(value, limit);
}

/** `value > limit`, a value within float noise of the limit is NOT above it ("70分（不含）"). */
export function above(value: number, limit: number): boolean {
  return value > limit && !onLimit(value, limit);
}

/** Shorthand for a higher-better table of fixed points from [limit, grade, points] triples. */
export function pointsTable(
  rows: [limit: number, grade: string, points: number][],
  otherwise: [grade: string, points: number],
  options: { direction?: BandTable<number>['direction']; boundary?: BandTable<number>['boundary'] } = {},
): BandTable<number> {
  return {
    direction: options.direction ?? 'higher-better',
    boundary: options.boundary ?? 'better',
    rows: rows.map(([limit, grade, score]) => ({ limit, grade, score })),
    otherwise: { grade: otherwise[0], score: otherwise[1] },
  };
}

/** Shorthand for a higher-better table of expert ranges from [limit, grade, min, max]. */
export function rangeTable(
  rows: [limit: number, grade: string, min: number, max: number][],
  otherwise: [grade: string, min: number, max: number],
  boundary: BandTable<ScoreRange>['boundary'] = 'better',
): BandTable<ScoreRange> {
  return {
    direction: 'higher-better',
    boundary,
    rows: rows.map(([limit, grade, min, max]) => ({ limit, grade, score: { min, max } })),
    otherwise: { grade: otherwise[0], score: { min: otherwise[1], max: otherwise[2] } },
  };
}

/** a ÷ b × 100, or null when b is missing or zero (a ratio of nothing is not 0%). */
export function percent(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return (a / b) * 100;
}

export function formatPct(value: number): string {
  return `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
