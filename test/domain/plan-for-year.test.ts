import { describe, expect, it } from 'vitest';
import { defaultDataYear, planForYear, type PlanPeriod } from '../../src/domain/plan/plan-for-year.ts';

type Plan = PlanPeriod & { name: string };
const plan = (name: string, periodStart: number | null, periodEnd: number | null): Plan => ({ name, periodStart, periodEnd });

const shisiwu = plan('十四五', 2021, 2025);
const shiwuwu = plan('十五五', 2026, 2030);
const shisanwu = plan('十三五', 2016, 2020);
// A re-drafted 十五五 imported as a second plan (not 导入新版本): the newer one wins inside their shared period.
const shiwuwuDraft = plan('十五五（征求意见稿）', 2026, 2030);
const unknown = plan('期限不明', null, null);
const openEnded = plan('只写起始年', 2021, null);

describe('planForYear', () => {
  it.each<[string, Plan[], number | null | undefined, string | undefined]>([
    ['2024 figures after the 十五五 plan arrived: 十四五', [shiwuwu, shisiwu], 2024, '十四五'],
    ['2025 总结评估: 十四五', [shiwuwu, shisiwu], 2025, '十四五'],
    ['2026 first year of 十五五', [shiwuwu, shisiwu], 2026, '十五五'],
    ['2027: 十五五', [shiwuwu, shisiwu], 2027, '十五五'],
    ['a year after every plan: the nearest, the latest', [shiwuwu, shisiwu], 2032, '十五五'],
    ['a year before every plan: the nearest, the earliest', [shiwuwu, shisiwu, shisanwu], 2014, '十三五'],
    ['2018 with three plans: 十三五', [shiwuwu, shisiwu, shisanwu], 2018, '十三五'],
    ['two plans covering the year: the newer', [shiwuwuDraft, shiwuwu, shisiwu], 2028, '十五五（征求意见稿）'],
    ['no year asked: the newest', [shiwuwu, shisiwu], undefined, '十五五'],
    ['null year: the newest', [shiwuwu, shisiwu], null, '十五五'],
    ['only a plan with an unknown period: it', [unknown], 2024, '期限不明'],
    ['a known period beats an unknown one', [unknown, shisiwu], 2030, '十四五'],
    ['an open end covers later years', [shiwuwu, openEnded], 2024, '只写起始年'],
    ['no plans', [], 2024, undefined],
  ])('%s', (_label, plans, year, expected) => {
    expect(planForYear(plans, year)?.name).toBe(expected);
  });
});

describe('defaultDataYear', () => {
  const on = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
  it.each<[string, PlanPeriod | null, string, number]>([
    ['十四五 in 2026: its last year, 2025', shisiwu, '2026-11-23', 2025],
    ['十五五 in 2026: its first year (last year 2025 lies before it)', shiwuwu, '2026-11-23', 2026],
    ['十五五 in 2028: last year', shiwuwu, '2028-03-01', 2027],
    ['十四五 in 2023: last year', shisiwu, '2023-06-30', 2022],
    ['十四五 in 2021: its first year', shisiwu, '2021-05-01', 2021],
    ['十三五 long after: its last year', shisanwu, '2026-11-23', 2020],
    ['no plan: last year', null, '2026-11-23', 2025],
    ['unknown period: last year', unknown, '2026-11-23', 2025],
  ])('%s', (_label, period, today, expected) => {
    expect(defaultDataYear(period, on(today))).toBe(expected);
  });
});
