// Technology-contract totals, 科技特派员 assessment weights, and register → indicator binding rules.
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../src/domain/plan/read-plan-document.ts';
import { validUntil, type CertificateFacts } from '../../src/domain/registers/certifications.ts';
import {
  assessCommissioner,
  assessmentParamProblems,
  COMMISSIONER_ASSESSMENT_DEFAULT as CA,
} from '../../src/domain/registers/commissioners.ts';
import {
  computeRegisterFigure,
  convertToIndicatorUnit,
  suggestRegisterRule,
  type RegisterData,
} from '../../src/domain/registers/indicator-binding.ts';
import { contractProblems, technologyContractTotal, type ContractFacts } from '../../src/domain/registers/tech-contracts.ts';
import { FENGJIE_SEED, seedFile } from '../support/seeds.ts';

const contracts: ContractFacts[] = [
  { id: 'k1', registrationNumber: '2024500101000011', registeredOn: '2024-03-05', type: '技术开发', sellerInCounty: true, buyerInCounty: false, contractAmount: 120.5, technologyAmount: 100 },
  { id: 'k2', registrationNumber: '2024500101000012', registeredOn: '2024-12-31', type: '技术服务', sellerInCounty: true, buyerInCounty: true, contractAmount: 30.2, technologyAmount: 30.2 },
  { id: 'k3', registrationNumber: '2025500101000001', registeredOn: '2025-01-01', type: '技术转让', sellerInCounty: true, buyerInCounty: false, contractAmount: 500, technologyAmount: 400 },
  { id: 'k4', registrationNumber: '2024500202000007', registeredOn: '2024-07-01', type: '技术许可', sellerInCounty: false, buyerInCounty: true, contractAmount: 80, technologyAmount: 60 },
];

describe('技术合同成交额 of a county for a year', () => {
  it('sums 成交额 of contracts registered in the year with the seller in the county (输出)', () => {
    const t = technologyContractTotal(contracts, { year: 2024, side: 'seller' });
    expect(t.total).toBe(150.7); // 120.5 + 30.2, not 150.70000000000002; 31 Dec counts, 1 Jan 2025 does not
    expect(t.records.map((r) => r.id)).toEqual(['k1', 'k2']);
    expect(t.byType.技术开发).toEqual({ count: 1, total: 120.5 });
  });

  it('configurable to 吸纳 (buyer in the county) and to 技术交易额', () => {
    expect(technologyContractTotal(contracts, { year: 2024, side: 'buyer' }).total).toBe(110.2);
    expect(technologyContractTotal(contracts, { year: 2024, side: 'seller', amount: 'technology' }).total).toBe(130.2);
  });

  it('keeps 成交额 and 技术交易额 apart: 技术交易额 may not exceed 成交额', () => {
    expect(contractProblems({ contractAmount: 100, technologyAmount: 100, sellerInCounty: true, buyerInCounty: false })).toEqual([]);
    expect(contractProblems({ contractAmount: 100, technologyAmount: 100.01, sellerInCounty: true, buyerInCounty: false })).toEqual([
      '技术交易额不能大于成交额（技术交易额 = 成交额 − 非技术性费用）',
    ]);
    expect(contractProblems({ contractAmount: 1, technologyAmount: 1, sellerInCounty: false, buyerInCounty: false })).toEqual(['卖方、买方至少一方在本县']);
  });
});

describe('科技特派员 annual assessment (weights configurable, default 60/20/20)', () => {
  it.each<[number, number, number, number, string]>([
    // confirmed records, 成效, 满意度 → total, grade
    [12, 100, 100, 100, '优秀'],
    [12, 50, 50, 80, '良好'],
    [6, 100, 100, 70, '合格'],
    [9, 75, 75, 75, '良好'], // 45 + 15 + 15: exactly on the 75 line
    [0, 100, 100, 40, '不合格'],
    [24, 0, 0, 60, '合格'], // records beyond the target do not exceed the 60 weight
  ])('%i records, 成效 %i, 满意度 %i → %s points', (records, outcome, satisfaction, total, grade) => {
    const r = assessCommissioner({ confirmedServiceRecords: records, manualScores: { outcome, satisfaction } }, CA);
    expect(r.total).toBe(total);
    expect(r.grade).toBe(grade);
  });

  it('a bureau may reweigh: 服务签到 45 + 成效 35 + 满意度 20', () => {
    const params = {
      ...CA,
      components: [
        { code: 'service', label: '服务签到', weight: 45, source: 'service-records' as const },
        { code: 'outcome', label: '服务成效', weight: 35, source: 'manual' as const },
        { code: 'satisfaction', label: '满意度', weight: 20, source: 'manual' as const },
      ],
    };
    expect(assessmentParamProblems(params)).toEqual([]);
    const r = assessCommissioner({ confirmedServiceRecords: 6, manualScores: { outcome: 80 } }, params);
    expect(r.lines.map((l) => l.points)).toEqual([22.5, 28, 0]);
    expect(r.missing).toEqual(['满意度']);
    expect(assessmentParamProblems({ ...params, components: params.components.slice(0, 2) })).toEqual(['各项权重之和应为100，现为80']);
  });
});

describe('register → indicator figures', () => {
  const certs: CertificateFacts[] = [
    { id: 'h1', enterpriseId: 'e1', kind: '高新技术企业', issuedOn: '2022-12-01', validUntil: validUntil('2022-12-01', 3), revokedOn: null },
    { id: 'h2', enterpriseId: 'e2', kind: '高新技术企业', issuedOn: '2021-11-01', validUntil: validUntil('2021-11-01', 3), revokedOn: null },
    { id: 'h3', enterpriseId: 'e3', kind: '高新技术企业', issuedOn: '2023-12-20', validUntil: validUntil('2023-12-20', 3), revokedOn: '2024-08-01' },
    { id: 's1', enterpriseId: 'e1', kind: '专精特新中小企业', issuedOn: '2023-01-01', validUntil: validUntil('2023-01-01', 3), revokedOn: null },
    { id: 's2', enterpriseId: 'e1', kind: '专精特新小巨人', issuedOn: '2024-07-01', validUntil: validUntil('2024-07-01', 3), revokedOn: null },
  ];
  const data: RegisterData = {
    enterpriseNames: new Map([
      ['e1', '奉节甲科技有限公司'],
      ['e2', '奉节乙材料有限公司'],
    ]),
    certificates: certs,
    platforms: [
      { id: 'p1', name: '甲研发中心', kind: '企业技术研发中心', level: '县级', recognisedOn: '2021-05-01', revokedOn: null },
      { id: 'p2', name: '乙研发中心', kind: '企业技术研发中心', level: '市级', recognisedOn: '2024-12-31', revokedOn: null },
      { id: 'p3', name: '丙研发中心', kind: '企业技术研发中心', level: '县级', recognisedOn: '2020-01-01', revokedOn: '2024-12-31' },
      { id: 'p4', name: '丁众创空间', kind: '众创空间', level: '市级', recognisedOn: '2020-01-01', revokedOn: null },
    ],
    commissioners: [
      { id: 'c1', name: '张三', level: '市级', dispatches: [{ startOn: '2024-03-01', endOn: '2025-02-28' }] },
      { id: 'c2', name: '李四', level: '县级', dispatches: [{ startOn: '2024-03-01', endOn: null }] },
      { id: 'c3', name: '王五', level: '市级', dispatches: [{ startOn: '2022-03-01', endOn: '2023-12-31' }] },
    ],
    contracts,
  };

  it('高新技术企业数 = valid 高企 certificates at year end (expired 2024-10-31 and revoked ones excluded)', () => {
    const f = computeRegisterFigure('hnte-valid-at-year-end', {}, 2024, data);
    expect(f.value).toBe(1);
    expect(f.records).toEqual([{ id: 'h1', entity: 'certification', label: '奉节甲科技有限公司（高新技术企业，有效期至 2025-11-30）', value: 1 }]);
    expect(computeRegisterFigure('hnte-valid-at-year-end', {}, 2023, data).value).toBe(3);
  });

  it('专精特新 counts an enterprise once though it holds both 中小企业 and 小巨人', () => {
    expect(computeRegisterFigure('specialized-valid-at-year-end', {}, 2024, data).value).toBe(1);
  });

  it('企业技术研发中心 = platforms of that kind active at year end (recognised 31 Dec counts, revoked 31 Dec does not)', () => {
    const f = computeRegisterFigure('platforms-active-at-year-end', { platformKinds: ['企业技术研发中心'] }, 2024, data);
    expect(f.records.map((r) => r.id).sort()).toEqual(['p1', 'p2']);
    expect(computeRegisterFigure('platforms-active-at-year-end', { platformLevels: ['市级'] }, 2024, data).value).toBe(2);
  });

  it('市级科技特派员 = 市级 commissioners with a dispatch overlapping the year', () => {
    expect(computeRegisterFigure('commissioners-serving-in-year', { commissionerLevels: ['市级'] }, 2024, data).records.map((r) => r.id)).toEqual(['c1']);
    expect(computeRegisterFigure('commissioners-serving-in-year', {}, 2024, data).value).toBe(2);
  });

  it('技术合同成交额 = the contract sum, each contract listed with its amount', () => {
    const f = computeRegisterFigure('tech-contract-amount', {}, 2024, data);
    expect(f).toMatchObject({ value: 150.7, unit: '万元' });
    expect(f.records.map((r) => [r.label, r.value])).toEqual([
      ['2024500101000011（技术开发，2024-03-05）', 120.5],
      ['2024500101000012（技术服务，2024-12-31）', 30.2],
    ]);
  });

  it.each<[number, string, string | null, number | null]>([
    [150.7, '万元', '万元', 150.7],
    [8000, '万元', '亿元', 0.8],
    [1.5, '万元', '元', 15_000],
    [17, '家', '家', 17],
    [17, '家', '个', 17],
    [17, '家', null, 17],
    [17, '家', '%', null],
  ])('unit: %s %s → %s', (value, from, to, expected) => {
    expect(convertToIndicatorUnit(value, from, to)).toBe(expected);
  });

  it('suggests a rule for each register-backed indicator of the 奉节 seed plan', async () => {
    const file = seedFile(FENGJIE_SEED);
    const plan = await readPlanDocument(file.bytes, file.fileName);
    const suggested = plan.indicators
      .map((i) => [i.name, suggestRegisterRule(i.name)] as const)
      .filter(([, s]) => s !== null)
      .map(([name, s]) => [name, s?.rule, s?.params]);
    expect(suggested).toEqual([
      ['科技型企业', 'certificates-valid-at-year-end', { certificationKinds: ['科技型企业'] }],
      ['高新技术企业', 'hnte-valid-at-year-end', {}],
      ['企业技术研发中心', 'platforms-active-at-year-end', { platformKinds: ['企业技术研发中心'] }],
      ['市级科技特派员', 'commissioners-serving-in-year', { commissionerLevels: ['市级'] }],
      ['技术合同成交额', 'tech-contract-amount', { side: 'seller', amount: 'contract' }],
    ]);
  });
});
