// Which of a county's plans a year belongs to. A county keeps its 十四五 plan (2021—2025) after importing the 十五五
// one (2026—2030): the 2025 总结评估 and a comparison of 2024 figures are judged against the 十四五 targets, 2027
// against the 十五五 ones. Views over many counties pick each county's plan this way, never simply the newest.

export interface PlanPeriod {
  periodStart: number | null;
  periodEnd: number | null;
}

/** How many years `year` lies outside the plan's period (0 inside it); Infinity when the period is unknown. */
function yearsOutside(plan: PlanPeriod, year: number): number {
  const { periodStart: start, periodEnd: end } = plan;
  if (start === null && end === null) return Number.POSITIVE_INFINITY;
  if (start !== null && year < start) return start - year;
  if (end !== null && year > end) return year - end;
  return 0;
}

/**
 * The plan for `year` among a county's plans given newest first: the newest whose period covers the year, else the
 * one whose period lies nearest to it (a 2019 figure goes to the earliest plan, a 2031 one to the latest), else the
 * newest. No year: the newest. Undefined only when there are no plans.
 */
export function planForYear<P extends PlanPeriod>(newestFirst: readonly P[], year: number | null | undefined): P | undefined {
  if (year === null || year === undefined) return newestFirst[0];
  let best: P | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const plan of newestFirst) {
    const distance = yearsOutside(plan, year);
    // Strictly nearer only: among equals the newer plan, seen first, stays.
    if (distance < bestDistance) {
      best = plan;
      bestDistance = distance;
    }
  }
  return best ?? newestFirst[0];
}

/**
 * The year a screen opens on for a plan: last year (statistics for a year arrive the year after), kept inside the
 * plan's period — a finished plan opens on its last year, a plan that has just begun (十五五 in 2026) on its first.
 */
export function defaultDataYear(plan: PlanPeriod | null, today: Date): number {
  const last = today.getFullYear() - 1;
  const start = plan?.periodStart ?? null;
  const end = plan?.periodEnd ?? null;
  if (start !== null && last < start) return start;
  if (end !== null && last > end) return end;
  return last;
}
