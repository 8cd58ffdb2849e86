import { describe, expect, it } from 'vitest';
import { formatPeriod } from '../../src/domain/period/period.ts';
import {
  judgeReports,
  rankUnits,
  reportBreakdowns,
  reportTally,
  taskReportPeriods,
  validateWeights,
  DEFAULT_ASSESSMENT_WEIGHTS,
  DEFAULT_TASK_REPORT_FREQUENCY,
  TASK_REPORT_FREQUENCIES,
  TASK_REPORT_FREQUENCY_LABELS,
  type FiledReport,
  type OwedReport,
  type UnitTally,
} from '../../src/domain/supervision/assessment.ts';
import { WorkingCalendar } from '../../src/domain/supervision/calendar.ts';
import {
  DEFAULT_COLOUR_RULES,
  indicatorColour,
  validateColourRules,
  workColour,
  workScheduleShare,
  type Colour,
  type WorkSnapshot,
} from '../../src/domain/supervision/colours.ts';
import { packagedHolidayTable } from '../../src/domain/supervision/holidays/index.ts';
import { catchUpDue, msUntilChinaTime, nextScanAt, previousScanAt, scanAtFromEnv } from '../../src/services/schedule-supervision-scan.ts';
import {
  nextOrderState,
  orderDeadlines,
  OrderWorkflowError,
  planItemSupervision,
  repliedOnTime,
  type OrderSnapshot,
  type OrderState,
} from '../../src/domain/supervision/orders.ts';

const calendar = new WorkingCalendar(packagedHolidayTable());
const rules = DEFAULT_COLOUR_RULES;

const work = (over: Partial<WorkSnapshot>): WorkSnapshot => ({
  startOn: '2024-01-01',
  deadline: '2024-12-31',
  doneOn: null,
  percentDone: null,
  milestones: [],
  ...over,
});

describe('colour rules for tasks and projects (N = 5 working days, tolerance 10 points)', () => {
  it.each<[string, Partial<WorkSnapshot>, string, Colour | null, string[]]>([
    ['nothing due soon', {}, '2024-06-03', null, []],
    ['done work has no colour even when late', { doneOn: '2025-01-05', deadline: '2024-12-31' }, '2025-02-01', null, []],
    // Deadline 2024-10-08 seen from 2024-09-27 (Fri): 9-29 调休, 9-30, 10-08 → 3 working days ≤ 5 → 蓝.
    ['deadline over 国庆 within 5 working days', { deadline: '2024-10-08' }, '2024-09-27', 'blue', ['deadline-near']],
    // From 2024-09-20: 9-23..9-27 (5), 9-29, 9-30, 10-08 → 8 working days: no colour although only 18 calendar days.
    ['deadline over 国庆 more than 5 working days away', { deadline: '2024-10-08' }, '2024-09-20', null, []],
    // From 2024-09-24 (Tue): 9-25, 9-26, 9-27, 9-29, 9-30, 10-08 → 6 working days: still no colour.
    ['国庆 holidays do not count as working days', { deadline: '2024-10-08' }, '2024-09-24', null, []],
    ['deadline today is still blue', { deadline: '2024-06-03' }, '2024-06-03', 'blue', ['deadline-near']],
    ['deadline passed → red', { deadline: '2024-06-03' }, '2024-06-04', 'red', ['overdue']],
    [
      'milestone within window → blue',
      { milestones: [{ name: '完成选址', dueOn: '2024-06-07', doneOn: null }] },
      '2024-06-03',
      'blue',
      ['milestone-near'],
    ],
    [
      'milestone passed undone → yellow (behind 序时进度)',
      { milestones: [{ name: '完成选址', dueOn: '2024-05-31', doneOn: null }] },
      '2024-06-03',
      'yellow',
      ['milestone-overdue'],
    ],
    ['milestone done on time → nothing', { milestones: [{ name: '完成选址', dueOn: '2024-05-31', doneOn: '2024-05-30' }] }, '2024-06-03', null, []],
    // Half of 2024 gone (P_time ≈ 0.5); 30% done is 20 points behind → 黄.
    ['% done trails 序时进度 by more than 10 points → yellow', { percentDone: 30 }, '2024-07-01', 'yellow', ['behind-schedule']],
    ['% done within tolerance → nothing', { percentDone: 45 }, '2024-07-01', null, []],
    [
      'red beats yellow and blue; all reasons kept strongest first',
      { deadline: '2024-06-03', milestones: [{ name: '验收', dueOn: '2024-06-01', doneOn: null }] },
      '2024-06-05',
      'red',
      ['overdue', 'milestone-overdue'],
    ],
    ['no deadline, no milestones → nothing', { deadline: null }, '2030-01-01', null, []],
  ])('%s', (_label, over, today, colour, codes) => {
    const verdict = workColour(work(over), today, rules, calendar);
    expect(verdict.colour).toBe(colour);
    expect(verdict.reasons.map((r) => r.code)).toEqual(codes);
  });

  it('says why in Chinese', () => {
    const verdict = workColour(work({ deadline: '2024-10-08' }), '2024-10-10', rules, calendar);
    expect(verdict.reasons[0]?.text).toBe('已超过完成期限 2024-10-08（逾期 2 个工作日）');
    const behind = workColour(work({ percentDone: 30 }), '2024-07-01', rules, calendar);
    expect(behind.reasons[0]?.text).toMatch(/^完成进度 30%，序时进度 49\.\d%，滞后于序时进度$/);
  });

  it('序时进度 of a piece of work', () => {
    expect(workScheduleShare('2024-01-01', '2024-01-11', '2024-01-06')).toBe(0.5);
    expect(workScheduleShare('2024-01-01', '2024-01-11', '2023-12-01')).toBe(0);
    expect(workScheduleShare('2024-01-01', '2024-01-11', '2024-02-01')).toBe(1);
    expect(workScheduleShare('2024-01-01', '2024-01-01', '2024-01-01')).toBe(1);
  });

  it('a wider window makes blue earlier', () => {
    const wide = { ...rules, blueWithinWorkingDays: 10 };
    expect(workColour(work({ deadline: '2024-10-08' }), '2024-09-20', wide, calendar).colour).toBe('blue');
  });
});

describe('colour rules for indicators', () => {
  it.each([
    ['约束性未达标', '约束性', 'red', 'binding-not-met'],
    ['滞后', '预期性', 'yellow', 'indicator-lagging'],
    ['滞后', '约束性', 'yellow', 'indicator-lagging'],
    ['基本符合预期', '约束性', null, null],
    ['提前实现', '预期性', null, null],
    ['无数据', '预期性', null, null],
    ['无法评价', '约束性', null, null],
  ] as const)('%s (%s) → %s', (status, attribute, colour, code) => {
    const verdict = indicatorColour(status, attribute, '完成进度 38.0%，序时进度 60.0%');
    expect(verdict.colour).toBe(colour);
    expect(verdict.reasons[0]?.code ?? null).toBe(code);
  });
});

describe('督办单 lifecycle', () => {
  it.each<[OrderState, 'sign' | 'reply' | 'return' | 'close', OrderState | 'error']>([
    ['issued', 'sign', 'signed'],
    ['issued', 'reply', 'replied'],
    ['signed', 'reply', 'replied'],
    ['replied', 'close', 'closed'],
    ['replied', 'return', 'signed'],
    ['issued', 'close', 'error'],
    ['signed', 'sign', 'error'],
    ['closed', 'reply', 'error'],
    ['escalated', 'sign', 'error'],
    ['resolved', 'reply', 'error'],
  ])('%s + %s → %s', (state, action, expected) => {
    if (expected === 'error') {
      expect(() => nextOrderState(state, action)).toThrow(OrderWorkflowError);
    } else {
      expect(nextOrderState(state, action)).toBe(expected);
    }
  });

  it('refuses in Chinese', () => {
    expect(() => nextOrderState('closed', 'reply')).toThrow('督办单已办结，不能反馈');
  });

  it('deadlines are counted in working days over 国庆', () => {
    // Issued 2024-09-30: sign within 2 working days → 10-09; a red reply within 2 → 10-09; yellow 3 → 10-10.
    expect(orderDeadlines('red', '2024-09-30', rules, calendar)).toEqual({ signDueOn: '2024-10-09', replyDueOn: '2024-10-09' });
    expect(orderDeadlines('yellow', '2024-09-30', rules, calendar).replyDueOn).toBe('2024-10-10');
    expect(orderDeadlines('blue', '2025-09-26', rules, calendar)).toEqual({ signDueOn: '2025-09-29', replyDueOn: '2025-10-10' });
    expect(repliedOnTime('2024-10-09', '2024-10-09')).toBe(true);
    expect(repliedOnTime('2024-10-10', '2024-10-09')).toBe(false);
  });
});

describe('the daily scan: issue, escalate, resolve', () => {
  const order = (over: Partial<OrderSnapshot>): OrderSnapshot => ({
    id: 'o1',
    colour: over.colour ?? 'blue',
    itemColour: over.colour ?? 'blue',
    state: 'issued',
    signDueOn: '2024-06-05',
    replyDueOn: '2024-06-10',
    overdue: false,
    ...over,
  });
  const plan = (current: Colour | null, orders: OrderSnapshot[], today: string) =>
    planItemSupervision(current, orders, today, rules, calendar).map((s) =>
      s.kind === 'issue' ? `issue ${s.colour}${s.reason ? ` (${s.reason})` : ''}` : s.kind === 'escalate' ? `escalate ${s.orderId}→${s.to} (${s.reason})` : `${s.kind} ${s.orderId}`,
    );

  it.each<[string, Colour | null, OrderSnapshot[], string, string[]]>([
    ['nothing wrong, nothing open', null, [], '2024-06-03', []],
    ['a new colour gets an order', 'yellow', [], '2024-06-03', ['issue yellow']],
    ['an open order within its deadlines is left alone', 'blue', [order({})], '2024-06-05', []],
    ['not signed in time: blue → yellow', 'blue', [order({})], '2024-06-06', ['escalate o1→yellow (not-signed)', 'issue yellow (not-signed)']],
    [
      'signed but no reply by the deadline: yellow → red',
      'yellow',
      [order({ colour: 'yellow', state: 'signed' })],
      '2024-06-11',
      ['escalate o1→red (not-replied)', 'issue red (not-replied)'],
    ],
    ['replied: the bureau decides, no escalation', 'yellow', [order({ colour: 'yellow', state: 'replied' })], '2024-07-01', []],
    ['a red order ignored is marked overdue once', 'red', [order({ colour: 'red', state: 'signed' })], '2024-06-11', ['mark-overdue o1']],
    ['and not again', 'red', [order({ colour: 'red', state: 'signed', overdue: true })], '2024-06-20', []],
    ['the item got worse by itself', 'red', [order({})], '2024-06-04', ['escalate o1→red (worsened)', 'issue red (worsened)']],
    [
      'an order escalated because it was ignored stays red while the item stays yellow',
      'yellow',
      [order({ colour: 'red', itemColour: 'yellow', state: 'signed' })],
      '2024-06-05',
      [],
    ],
    [
      'and resolves when the item drops below its own colour',
      'blue',
      [order({ colour: 'red', itemColour: 'yellow', state: 'signed' })],
      '2024-06-05',
      ['resolve o1', 'issue blue'],
    ],
    ['a red turns back once the shortfall is made up', null, [order({ colour: 'red', state: 'signed' })], '2024-06-04', ['resolve o1']],
    ['red easing to yellow: red resolved, a yellow order issued', 'yellow', [order({ colour: 'red' })], '2024-06-04', ['resolve o1', 'issue yellow']],
    ['an order the bureau closed covers the same colour', 'yellow', [order({ colour: 'yellow', state: 'closed' })], '2024-06-20', []],
    ['but not a stronger one', 'red', [order({ colour: 'yellow', state: 'closed' })], '2024-06-20', ['issue red']],
    ['resolved and escalated orders do not cover anything', 'blue', [order({ state: 'resolved' }), order({ id: 'o2', state: 'escalated' })], '2024-06-20', ['issue blue']],
  ])('%s', (_label, current, orders, today, expected) => {
    expect(plan(current, orders, today)).toEqual(expected);
  });

  it('an escalated order gets fresh working-day deadlines from the day of escalation', () => {
    const steps = planItemSupervision('blue', [order({ signDueOn: '2024-09-27' })], '2024-09-30', rules, calendar);
    const issued = steps.find((s) => s.kind === 'issue');
    expect(issued).toMatchObject({ colour: 'yellow', escalatedFrom: 'o1', signDueOn: '2024-10-09', replyDueOn: '2024-10-10' });
  });
});

describe('settings checks', () => {
  it('rules and weights', () => {
    expect(validateColourRules(rules)).toEqual([]);
    expect(validateColourRules({ ...rules, blueWithinWorkingDays: -1, progressTolerance: 2 })).toHaveLength(2);
    expect(validateWeights(DEFAULT_ASSESSMENT_WEIGHTS)).toEqual([]);
    expect(validateWeights({ indicators: 0, reports: 0, tasks: 0, supervision: 0 })).toEqual(['权重不能全为 0 / weights cannot all be zero']);
  });
});

describe('考核 scoring', () => {
  const tally = (unitName: string, c: [number, number][]): UnitTally => ({
    unitId: unitName,
    unitName,
    unitKind: '部门',
    counts: {
      indicators: { good: c[0]?.[0] ?? 0, total: c[0]?.[1] ?? 0 },
      reports: { good: c[1]?.[0] ?? 0, total: c[1]?.[1] ?? 0 },
      tasks: { good: c[2]?.[0] ?? 0, total: c[2]?.[1] ?? 0 },
      supervision: { good: c[3]?.[0] ?? 0, total: c[3]?.[1] ?? 0 },
    },
  });

  it('weights, rescaling over components with data, and shared ranks', () => {
    const rows = rankUnits(
      [
        // 40·1 + 20·0.5 + 25·1 + 15·0 = 75
        tally('县科技局', [[2, 2], [1, 2], [4, 4], [0, 1]]),
        // only tasks counted: 100
        tally('龙潭乡', [[0, 0], [0, 0], [3, 3], [0, 0]]),
        // (40·0.5 + 20·1) / (40 + 20) = 40 / 60 → 66.7
        tally('县农业农村委', [[1, 2], [2, 2], [0, 0], [0, 0]]),
        tally('县经信委', [[2, 2], [1, 2], [4, 4], [0, 1]]),
        tally('三河镇', []),
      ],
      DEFAULT_ASSESSMENT_WEIGHTS,
    );
    expect(rows.map((r) => [r.unitName, r.score, r.rank])).toEqual([
      ['龙潭乡', 100, 1],
      ['县经信委', 75, 2],
      ['县科技局', 75, 2],
      ['县农业农村委', 66.7, 4],
      ['三河镇', null, null],
    ]);
    expect(rows[1]?.rates).toEqual({ indicators: 1, reports: 0.5, tasks: 1, supervision: 0 });
  });
});

describe('报送及时 over the reports owed, filed or not', () => {
  const owed = (unitId: string, dueOn = '2024-03-30') => ({ unitId, key: 'indicator:2023', dueOn });
  const filedOn = (unitId: string, submittedOn: string | null): FiledReport => ({ unitId, key: 'indicator:2023', submittedOn });

  it.each([
    ['filed before the due date', filedOn('u', '2024-03-01'), '2024-06-01', 'on-time'],
    ['filed on the due date', filedOn('u', '2024-03-30'), '2024-06-01', 'on-time'],
    ['filed a day late', filedOn('u', '2024-03-31'), '2024-06-01', 'late'],
    ['never filed, due date passed', null, '2024-03-31', 'missing'],
    ['only a draft, due date passed', filedOn('u', null), '2024-06-01', 'missing'],
    ['never filed, due today', null, '2024-03-30', null],
    ['never filed, not yet due', null, '2024-02-01', null],
    ['filed early, not yet due', filedOn('u', '2024-01-15'), '2024-02-01', 'on-time'],
    ['another unit filed it', filedOn('v', '2024-03-01'), '2024-06-01', 'missing'],
    ['as of a past day, filed later and not yet due', filedOn('u', '2024-04-20'), '2024-03-30', null],
    ['as of a past day, filed later and overdue', filedOn('u', '2024-04-20'), '2024-04-10', 'missing'],
  ] as const)('%s → %s', (_label, filed, today, timeliness) => {
    const judged = judgeReports([owed('u')], filed ? [filed] : [], today);
    expect(judged.map((j) => j.timeliness)).toEqual(timeliness === null ? [] : [timeliness]);
  });

  it('one unit on time, one late, one never: the one that never filed scores as badly as the late one, not better', () => {
    const judged = judgeReports([owed('a'), owed('b'), owed('c')], [filedOn('a', '2024-03-20'), filedOn('b', '2024-04-20')], '2024-12-31');
    expect(judged.map((j) => [j.unitId, j.timeliness])).toEqual([['a', 'on-time'], ['b', 'late'], ['c', 'missing']]);
    const tally = (unitId: string) => {
      const mine = judged.filter((j) => j.unitId === unitId);
      return { good: mine.filter((j) => j.timeliness === 'on-time').length, total: mine.length };
    };
    const ranked = rankUnits(
      ['a', 'b', 'c'].map((u) => ({
        unitId: u,
        unitName: u,
        unitKind: '部门',
        counts: { indicators: { good: 1, total: 1 }, reports: tally(u), tasks: { good: 0, total: 0 }, supervision: { good: 0, total: 0 } },
      })),
      DEFAULT_ASSESSMENT_WEIGHTS,
    );
    expect(ranked.map((r) => [r.unitId, r.rates.reports, r.score, r.rank])).toEqual([
      ['a', 1, 100, 1],
      ['b', 0, 66.7, 2],
      ['c', 0, 66.7, 2], // before: no report counted → rate null → 100, ranked first with the punctual unit
    ]);
  });

  it.each([
    // start, entered, done, today → quarters owed
    ['2024-01-01', '2024-01-05', null, '2024-12-31', ['2024Q1', '2024Q2', '2024Q3']], // Q4 ends today: not yet owed
    ['2024-01-01', '2024-01-05', null, '2025-01-01', ['2024Q1', '2024Q2', '2024Q3', '2024Q4']],
    ['2023-01-01', '2024-05-10', null, '2024-10-01', ['2024Q2', '2024Q3']], // nothing owed before it was entered
    ['2024-03-31', '2024-03-01', null, '2024-07-01', ['2024Q1', '2024Q2']], // its last day of Q1 counts
    ['2024-01-01', '2024-01-01', '2024-05-10', '2025-06-01', ['2024Q1']], // done in Q2: Q2 and later not owed
    ['2024-01-01', '2024-01-01', '2024-07-01', '2025-06-01', ['2024Q1', '2024Q2']],
    ['2024-11-01', '2024-11-01', null, '2026-01-15', ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']], // across years
    ['2025-01-01', '2025-01-01', null, '2024-12-01', []], // not started
  ] as const)('task from %s (entered %s, done %s) as of %s owes %j', (startOn, createdOn, doneOn, today, quarters) => {
    expect(taskReportPeriods({ startOn, createdOn, doneOn }, 'quarter', today).map(formatPeriod)).toEqual(quarters);
  });
});

describe('报送及时 told apart: 按时 / 迟报 / 未报', () => {
  const owe = (unitId: string, key: string, dueOn: string): OwedReport => ({ unitId, key, dueOn });
  const file = (unitId: string, key: string, submittedOn: string | null): FiledReport => ({ unitId, key, submittedOn });

  it('the judged report keeps the day it was handed in (null when missing)', () => {
    const judged = judgeReports(
      [owe('a', 'q1', '2024-04-08'), owe('a', 'q2', '2024-07-05'), owe('a', 'q3', '2024-10-14')],
      [file('a', 'q1', '2024-04-03'), file('a', 'q2', '2024-07-20'), file('a', 'q3', null)],
      '2024-12-31',
    );
    expect(judged.map((j) => [j.key, j.timeliness, j.submittedOn])).toEqual([
      ['q1', 'on-time', '2024-04-03'],
      ['q2', 'late', '2024-07-20'],
      ['q3', 'missing', null],
    ]);
  });

  it.each([
    // owed (key, due), filed (key, day or draft), today → per unit 按时 / 迟报 / 未报
    [
      'one of each',
      [['a', 'x', '2024-04-08'], ['a', 'y', '2024-07-05'], ['a', 'z', '2024-10-14']],
      [['a', 'x', '2024-04-08'], ['a', 'y', '2024-07-06']],
      '2024-12-31',
      { a: { onTime: 1, late: 1, missing: 1 } },
    ],
    [
      'a late unit and a silent one look different although both score 0',
      [['late', 'x', '2024-04-08'], ['late', 'y', '2024-07-05'], ['silent', 'x', '2024-04-08'], ['silent', 'y', '2024-07-05']],
      [['late', 'x', '2024-05-01'], ['late', 'y', '2024-08-01'], ['silent', 'y', null]],
      '2024-12-31',
      { late: { onTime: 0, late: 2, missing: 0 }, silent: { onTime: 0, late: 0, missing: 2 } },
    ],
    [
      'not yet due and not filed: not in the breakdown at all',
      [['a', 'x', '2024-04-08'], ['a', 'y', '2025-01-10']],
      [['a', 'x', '2024-04-01']],
      '2024-12-31',
      { a: { onTime: 1, late: 0, missing: 0 } },
    ],
    ['nothing owed: no row', [], [['a', 'x', '2024-04-01']], '2024-12-31', {}],
  ] as const)('%s', (_label, owedRows, filedRows, today, expected) => {
    const judged = judgeReports(
      owedRows.map(([u, k, d]) => owe(u, k, d)),
      filedRows.map(([u, k, d]) => file(u, k, d)),
      today,
    );
    const breakdowns = reportBreakdowns(judged);
    expect(Object.fromEntries(breakdowns)).toEqual(expected);
    // The score math is unchanged: only 按时 is good, 迟报 and 未报 both count against.
    for (const [unitId, breakdown] of breakdowns) {
      const mine = judged.filter((j) => j.unitId === unitId);
      expect(reportTally(breakdown)).toEqual({ good: mine.filter((j) => j.timeliness === 'on-time').length, total: mine.length });
    }
  });
});

describe('任务进展报送频次: the periods a task owes at each cadence', () => {
  it('four cadences, quarterly by default, labelled 月报 / 季报 / 半年报 / 年报', () => {
    expect(TASK_REPORT_FREQUENCIES).toEqual(['month', 'quarter', 'half', 'year']);
    expect(DEFAULT_TASK_REPORT_FREQUENCY).toBe('quarter');
    expect(TASK_REPORT_FREQUENCIES.map((f) => TASK_REPORT_FREQUENCY_LABELS[f])).toEqual(['月报', '季报', '半年报', '年报']);
  });

  it.each([
    // cadence, start, entered, done, today → periods owed
    // A task started mid-May 2024, as of 2025-01-15: the period it started in is owed, the running one is not.
    ['month', '2024-05-15', '2024-05-15', null, '2025-01-15', ['2024M05', '2024M06', '2024M07', '2024M08', '2024M09', '2024M10', '2024M11', '2024M12']],
    ['quarter', '2024-05-15', '2024-05-15', null, '2025-01-15', ['2024Q2', '2024Q3', '2024Q4']],
    ['half', '2024-05-15', '2024-05-15', null, '2025-01-15', ['2024H1', '2024H2']],
    ['year', '2024-05-15', '2024-05-15', null, '2025-01-15', ['2024']],
    // The same task as of 2024-10-01: the year has not ended, nothing is owed yearly.
    ['month', '2024-05-15', '2024-05-15', null, '2024-10-01', ['2024M05', '2024M06', '2024M07', '2024M08', '2024M09']],
    ['quarter', '2024-05-15', '2024-05-15', null, '2024-10-01', ['2024Q2', '2024Q3']],
    ['half', '2024-05-15', '2024-05-15', null, '2024-10-01', ['2024H1']],
    ['year', '2024-05-15', '2024-05-15', null, '2024-10-01', []],
    // Entered in August for a start in May: nothing is owed for a period that ended before it existed.
    ['month', '2024-05-15', '2024-08-20', null, '2024-11-01', ['2024M08', '2024M09', '2024M10']],
    ['half', '2024-05-15', '2024-08-20', null, '2025-01-15', ['2024H2']],
    // Done in September: the period it was done in and later are not owed.
    ['month', '2024-05-15', '2024-05-15', '2024-09-10', '2025-01-15', ['2024M05', '2024M06', '2024M07', '2024M08']],
    ['year', '2023-03-01', '2023-03-01', '2024-09-10', '2025-01-15', ['2023']],
  ] as const)('%s: task from %s (entered %s, done %s) as of %s owes %j', (cadence, startOn, createdOn, doneOn, today, periods) => {
    expect(taskReportPeriods({ startOn, createdOn, doneOn }, cadence, today).map(formatPeriod)).toEqual(periods);
  });
});

describe('the daily scan time', () => {
  it.each([
    ['08:30', '2024-10-08T00:00:00Z', 30 * 60_000], // 08:00 China → 08:30
    ['08:30', '2024-10-08T00:30:00Z', 24 * 3_600_000], // exactly 08:30 → tomorrow
    ['08:30', '2024-10-08T01:00:00Z', 23.5 * 3_600_000],
    ['0:05', '2024-10-07T16:00:00Z', 5 * 60_000], // midnight China
  ])('msUntilChinaTime(%s) from %s', (at, now, ms) => {
    expect(msUntilChinaTime(at, new Date(now))).toBe(ms);
  });

  it('refuses a bad time', () => {
    expect(() => msUntilChinaTime('8点半', new Date())).toThrow('KECHUANG_SCAN_AT 须为 HH:MM');
  });

  it.each([
    [undefined, '08:30'], // on by default
    ['', '08:30'],
    ['  ', '08:30'],
    ['off', null],
    ['OFF', null],
    ['7:05', '07:05'],
    ['23:59', '23:59'],
    ['0:00', '00:00'],
  ])('KECHUANG_SCAN_AT=%j → %j', (value, at) => {
    expect(scanAtFromEnv(value)).toBe(at);
  });

  it.each(['24:00', '8.30', '08:60', 'daily', 'false'])('KECHUANG_SCAN_AT=%s is refused', (value) => {
    expect(() => scanAtFromEnv(value)).toThrow('KECHUANG_SCAN_AT 须为 HH:MM（如 08:30）或 off');
  });

  // China time is UTC+8 all year (no daylight saving), so the next run is always whole days apart.
  it.each([
    ['08:30', '2025-03-10T08:29:59+08:00', '2025-03-10T08:30:00+08:00'],
    ['08:30', '2025-03-10T08:30:00+08:00', '2025-03-11T08:30:00+08:00'], // exactly now → tomorrow
    ['08:30', '2025-03-10T23:59:00+08:00', '2025-03-11T08:30:00+08:00'], // across China midnight
    ['08:30', '2025-03-10T00:10:00+08:00', '2025-03-10T08:30:00+08:00'], // just after midnight (still 03-09 UTC)
    ['00:15', '2025-03-10T23:50:00+08:00', '2025-03-11T00:15:00+08:00'],
    ['23:45', '2025-12-31T23:50:00+08:00', '2026-01-01T23:45:00+08:00'], // across the year
    ['08:30', '2024-02-28T09:00:00+08:00', '2024-02-29T08:30:00+08:00'], // leap day
    // 2025-03-09 and 2025-10-26 are daylight-saving switch days in the US and Europe: China does not move.
    ['08:30', '2025-03-09T09:00:00+08:00', '2025-03-10T08:30:00+08:00'],
    ['08:30', '2025-10-26T09:00:00+08:00', '2025-10-27T08:30:00+08:00'],
  ])('next %s after %s is %s', (at, now, next) => {
    expect(nextScanAt(at, new Date(now)).toISOString()).toBe(new Date(next).toISOString());
    expect(previousScanAt(at, new Date(now)).getTime()).toBe(new Date(next).getTime() - 24 * 3_600_000);
  });

  it.each([
    [null, '2025-03-10T09:00:00+08:00', true], // never scanned
    ['2025-03-10T08:30:05+08:00', '2025-03-10T09:00:00+08:00', false], // today's run happened
    ['2025-03-09T08:30:05+08:00', '2025-03-10T09:00:00+08:00', true], // down at 08:30 today
    ['2025-03-09T08:30:05+08:00', '2025-03-10T08:00:00+08:00', false], // today's run is still to come
    ['2025-03-09T07:00:00+08:00', '2025-03-10T08:00:00+08:00', true], // yesterday's run was missed
    ['2025-03-01T08:30:00+08:00', '2025-03-10T08:00:00+08:00', true], // older than a day
  ])('last scan %s, started %s → catch up %s', (last, now, due) => {
    expect(catchUpDue(last === null ? null : new Date(last), '08:30', new Date(now))).toBe(due);
  });
});
