// 沿用上一规划的指标设置: which plan is the previous one, which indicators pair up, what is copied and why a row is
// skipped — worked examples.
import { describe, expect, it } from 'vitest';
import type { PlanPeriod } from '../../src/domain/plan/plan-for-year.ts';
import {
  adoptedParts,
  adoptionProposal,
  normalizeUnit,
  previousPlanOf,
  type AdoptableSetting,
  type AdoptionIndicator,
  type AdoptionNoteCode,
} from '../../src/domain/reporting/adopt-settings.ts';

type Plan = PlanPeriod & { id: string };
const plan = (id: string, periodStart: number | null, periodEnd: number | null): Plan => ({ id, periodStart, periodEnd });

const shisanwu = plan('十三五', 2016, 2020);
const shisiwu = plan('十四五', 2021, 2025);
const shiwuwu = plan('十五五', 2026, 2030);
const shiwuwuDraft = plan('十五五（征求意见稿）', 2026, 2030);
const shisiwuBis = plan('十四五（另一份）', 2021, 2025);
const unknown = plan('期限不明', null, null);

describe('previousPlanOf', () => {
  it.each<[string, Plan[], Plan, string | undefined]>([
    ['十五五 after 十四五', [shiwuwu, shisiwu], shiwuwu, '十四五'],
    ['the latest ending wins over an older plan still on file', [shiwuwu, shisanwu, shisiwu], shiwuwu, '十四五'],
    ['十四五 after 十三五', [shiwuwu, shisiwu, shisanwu], shisiwu, '十三五'],
    ['the first plan has none', [shiwuwu, shisiwu], shisiwu, undefined],
    ['a plan of the same period is not previous', [shiwuwuDraft, shiwuwu, shisiwu], shiwuwuDraft, '十四五'],
    ['two plans ending the same year: the newer (first given)', [shiwuwu, shisiwuBis, shisiwu], shiwuwu, '十四五（另一份）'],
    ['a new plan without a start year: none', [unknown, shisiwu], unknown, undefined],
    ['a plan without an end year is never previous', [shiwuwu, unknown], shiwuwu, undefined],
    ['no other plan', [shiwuwu], shiwuwu, undefined],
  ])('%s', (_label, plans, target, expected) => {
    expect(previousPlanOf(plans, target)?.id).toBe(expected);
  });
});

describe('normalizeUnit', () => {
  it.each<[string | null, string | null]>([
    ['家', '家'],
    [' 家 ', '家'],
    ['％', '%'],
    ['件/万人', '件/万人'],
    ['', null],
    ['  ', null],
    [null, null],
  ])('%s → %s', (input, expected) => expect(normalizeUnit(input)).toBe(expected));
});

const setting = (unit: string, extra: Partial<AdoptableSetting> = {}): AdoptableSetting => ({
  responsibleUnitId: `unit-${unit}`,
  responsibleUnitName: unit,
  frequency: 'year',
  dueDays: 30,
  tolerance: 0.02,
  isSample: false,
  ...extra,
});
const hnte = { rule: 'hnte-valid-at-year-end' as const, params: {} };
const contracts = { rule: 'tech-contract-amount' as const, params: { side: 'seller' as const } };
const ind = (id: string, name: string, unit: string | null, extra: Partial<AdoptionIndicator> = {}): AdoptionIndicator => ({
  id,
  name,
  unit,
  setting: null,
  binding: null,
  ...extra,
});

describe('adoptionProposal', () => {
  const previous: AdoptionIndicator[] = [
    ind('p1', '全社会研发经费占地区生产总值的比重', '%', { setting: setting('科技局', { frequency: 'half', dueDays: 45 }) }),
    ind('p2', '高新技术企业', '家', { setting: setting('科技局'), binding: hnte }),
    ind('p3', '万人有效发明专利拥有量', '件/万人', { setting: setting('市场监管局', { tolerance: null }) }),
    ind('p4', '技术合同成交额', '万元', { setting: setting('科技局'), binding: contracts }),
    ind('p5', '科技型企业', '家', { binding: { rule: 'certificates-valid-at-year-end', params: { certificationKinds: ['科技型企业'] } } }),
    ind('p6', '森林覆盖率', '%'),
    ind('p7', '企业技术研发中心', '个', { setting: setting('经济信息委', { isSample: true }) }),
    ind('p8', '企业技术研发中心', '家', { setting: setting('科技局') }),
  ];

  type Expected = { previous: string | null; setting: boolean; binding: boolean; notes: AdoptionNoteCode[] };
  it.each<[string, AdoptionIndicator, Expected]>([
    ['same name, settings only', ind('n1', '全社会研发经费占地区生产总值的比重', '%'), { previous: 'p1', setting: true, binding: false, notes: [] }],
    ['renamed slightly: 高新技术企业数 = 高新技术企业; setting and binding, same unit', ind('n2', '高新技术企业数', '家'), { previous: 'p2', setting: true, binding: true, notes: [] }],
    ['每万人 = 万人', ind('n3', '每万人有效发明专利拥有量', '件/万人'), { previous: 'p3', setting: true, binding: false, notes: [] }],
    ['unit 家 → 个: settings copied, the binding not', ind('n4', '高新技术企业', '个'), { previous: 'p2', setting: true, binding: false, notes: ['unit-differs'] }],
    ['unit 万元 → 亿元: the binding not', ind('n5', '技术合同成交额', '亿元'), { previous: 'p4', setting: true, binding: false, notes: ['unit-differs'] }],
    ['full-width/space differences are the same unit', ind('n6', '技术合同成交额', ' 万元'), { previous: 'p4', setting: true, binding: true, notes: [] }],
    ['a unit on one side only: the binding not', ind('n7', '高新技术企业', null), { previous: 'p2', setting: true, binding: false, notes: ['unit-differs'] }],
    ['binding without settings on the previous plan: binding only', ind('n8', '科技型企业数量', '家'), { previous: 'p5', setting: false, binding: true, notes: [] }],
    ['own settings are never overwritten; the binding still comes', ind('n9', '高新技术企业', '家', { setting: setting('别的单位') }), { previous: 'p2', setting: false, binding: true, notes: ['own-setting'] }],
    ['own binding kept; settings come', ind('n10', '高新技术企业', '家', { binding: contracts }), { previous: 'p2', setting: true, binding: false, notes: ['own-binding'] }],
    ['both own: nothing', ind('n11', '高新技术企业', '家', { setting: setting('别的单位'), binding: hnte }), { previous: 'p2', setting: false, binding: false, notes: ['own-setting', 'own-binding'] }],
    ['previous indicator was never set up', ind('n12', '森林覆盖率', '%'), { previous: 'p6', setting: false, binding: false, notes: ['previous-has-nothing'] }],
    ['new indicator', ind('n13', '数字经济核心产业增加值', '亿元'), { previous: null, setting: false, binding: false, notes: ['no-match'] }],
    ['two previous with one key: the first in plan order (a sample setting stays sample)', ind('n14', '企业技术研发中心数', '个'), { previous: 'p7', setting: true, binding: false, notes: ['duplicate-match', 'sample'] }],
  ])('%s', (_label, indicator, expected) => {
    const [row] = adoptionProposal([indicator], previous).rows;
    expect(row?.previous?.indicatorId ?? null).toBe(expected.previous);
    expect(row?.setting !== null).toBe(expected.setting);
    expect(row?.binding !== null).toBe(expected.binding);
    expect(row?.notes.map((n) => n.code)).toEqual(expected.notes);
  });

  it('copies 责任单位, 频次, 期限 and 容差 as they were, and the rule with its params', () => {
    const { rows } = adoptionProposal([ind('n1', '全社会研发经费占地区生产总值的比重', '%'), ind('n8', '科技型企业', '家')], previous);
    expect(rows[0]?.setting).toEqual({ responsibleUnitId: 'unit-科技局', responsibleUnitName: '科技局', frequency: 'half', dueDays: 45, tolerance: 0.02, isSample: false });
    expect(rows[1]?.binding).toEqual({ rule: 'certificates-valid-at-year-end', params: { certificationKinds: ['科技型企业'] } });
    // The proposal has no place for a target kind: a new plan's targets are inferred afresh.
    expect(Object.keys(rows[0]?.setting ?? {})).not.toContain('targetKind');
  });

  it('messages are Chinese and name the units', () => {
    const [row] = adoptionProposal([ind('n4', '高新技术企业', '个')], previous).rows;
    expect(row?.notes[0]?.message).toBe('计量单位不同（上一规划：家，本规划：个），登记系统绑定未沿用，请在登记系统页重新绑定');
    const [duplicate] = adoptionProposal([ind('n14', '企业技术研发中心', '个')], previous).rows;
    expect(duplicate?.notes[0]?.message).toBe('上一规划有 2 项同名指标（「企业技术研发中心」、「企业技术研发中心」），取第一项');
  });

  it('counts, rows in the new plan’s order', () => {
    const proposal = adoptionProposal(
      [
        ind('a', '高新技术企业', '家'),
        ind('b', '新指标', null),
        ind('c', '全社会研发经费占地区生产总值的比重', '%', { setting: setting('科技局') }),
        ind('d', '高新技术企业', '个'),
      ],
      previous,
    );
    expect(proposal.rows.map((r) => r.indicatorId)).toEqual(['a', 'b', 'c', 'd']);
    expect(proposal.counts).toEqual({ indicators: 4, matched: 3, settings: 2, bindings: 1, skipped: 2 });
  });

  it('nothing previous: every row no-match', () => {
    const proposal = adoptionProposal([ind('a', '高新技术企业', '家')], []);
    expect(proposal.counts).toEqual({ indicators: 1, matched: 0, settings: 0, bindings: 0, skipped: 1 });
  });
});

describe('adoptedParts', () => {
  it.each<[string, Parameters<typeof adoptedParts>[0], string[]]>([
    ['everything', { setting: setting('科技局', { frequency: 'half', dueDays: 45, tolerance: 0.025 }), binding: hnte }, ['责任单位 科技局', '半年报送', '期满后 45 天内', '容差 2.5%', '登记系统：年末有效高新技术企业数']],
    ['defaults left out', { setting: setting('科技局', { dueDays: null, tolerance: null }), binding: null }, ['责任单位 科技局', '年度报送']],
    ['no unit', { setting: setting('x', { responsibleUnitName: null, responsibleUnitId: null, dueDays: null, tolerance: null }), binding: null }, ['责任单位 未指定', '年度报送']],
    ['binding only', { setting: null, binding: contracts }, ['登记系统：技术合同成交额（万元）']],
    ['nothing', { setting: null, binding: null }, []],
  ])('%s', (_label, row, expected) => expect(adoptedParts(row)).toEqual(expected));
});
