// Platforms, 科技特派员, technology contracts, and register → indicator figures flowing into monitoring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findValueBySource, listValuesOfIndicator } from '../../src/repositories/indicator-values.ts';
import { countyScope } from '../../src/repositories/scope.ts';
import type { Access } from '../../src/services/auth/access.ts';
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { enterValue } from '../../src/services/monitoring/enter-value.ts';
import { addServiceLogPhoto, getServiceLogPhoto } from '../../src/services/registers/add-service-log-photo.ts';
import { assessCommissioner } from '../../src/services/registers/assess-commissioner.ts';
import { bindIndicator } from '../../src/services/registers/bind-indicator.ts';
import { computeBoundFigure } from '../../src/services/registers/compute-register-figure.ts';
import { confirmServiceLog } from '../../src/services/registers/confirm-service-log.ts';
import { createCommissioner } from '../../src/services/registers/create-commissioner.ts';
import { createEnterprise } from '../../src/services/registers/create-enterprise.ts';
import { createPlatform } from '../../src/services/registers/create-platform.ts';
import { createTechContract } from '../../src/services/registers/create-tech-contract.ts';
import { dispatchCommissioner } from '../../src/services/registers/dispatch-commissioner.ts';
import { getCommissioner } from '../../src/services/registers/get-commissioner.ts';
import { getTechContractTotals } from '../../src/services/registers/get-tech-contract-totals.ts';
import { listPlatforms } from '../../src/services/registers/list-platforms.ts';
import { listRegisterBindings } from '../../src/services/registers/list-register-bindings.ts';
import { listRegisterFigures } from '../../src/services/registers/list-register-figures.ts';
import { logCommissionerService } from '../../src/services/registers/log-commissioner-service.ts';
import { recordCertification } from '../../src/services/registers/record-certification.ts';
import { syncRegisterFigure } from '../../src/services/registers/sync-register-figure.ts';
import { updatePlatform } from '../../src/services/registers/update-platform.ts';
import { updateTechContract } from '../../src/services/registers/update-tech-contract.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, USCC } from '../support/registers.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from '../support/seeds.ts';

let database: TestDatabase;
let fengjie: string;
let clerk: Access;
let other: Access;

beforeAll(async () => {
  database = await createTestDatabase();
  const f = await importPlan(database.db, { ...seedFile(FENGJIE_SEED), actor: 'test' });
  const s = await importPlan(database.db, { ...seedFile(SHIZHU_SEED), actor: 'test' });
  fengjie = f.countyId;
  clerk = accessAs('county_admin', fengjie);
  other = accessAs('county_admin', s.countyId);
});
afterAll(async () => {
  await database.dispose();
});

describe('R&D platforms', () => {
  it('records platforms with level, host, dates, incubator area and tenants; revocation by versioned update', async () => {
    const host = await createEnterprise(database.db, clerk, { uscc: USCC.a, name: '奉节眼镜科技有限公司' });
    const centre = await createPlatform(database.db, clerk, {
      name: '奉节眼镜技术研发中心',
      kind: '企业技术研发中心',
      level: '县级',
      hostName: host.name,
      hostEnterpriseId: host.id,
      recognisedOn: '2023-06-01',
    });
    await createPlatform(database.db, clerk, { name: '夔州众创空间', kind: '孵化器', level: '市级', hostName: '奉节县科技局', recognisedOn: '2022-01-01', area: 12_000, tenantCount: 85 });
    await expect(
      createPlatform(database.db, clerk, { name: 'x', kind: '众创空间', level: '县级', hostName: 'x', recognisedOn: '2024-01-01', revokedOn: '2023-01-01' }),
    ).rejects.toThrow('撤销日期不能早于认定日期');
    await expect(
      createPlatform(database.db, other, { name: 'x', kind: '众创空间', level: '县级', hostName: 'x', hostEnterpriseId: host.id, recognisedOn: '2024-01-01' }),
    ).rejects.toThrow(NotFoundError);
    const revoked = await updatePlatform(database.db, clerk, { id: centre.id, version: 1, revokedOn: '2025-12-31' });
    expect(revoked.version).toBe(2);
    await expect(updatePlatform(database.db, clerk, { id: centre.id, version: 1, revokedOn: null })).rejects.toThrow(VersionConflictError);
    const list = await listPlatforms(database.db, clerk);
    expect(list.map((p) => [p.name, p.activeToday])).toContainEqual(['奉节眼镜技术研发中心', false]);
    expect(await listPlatforms(database.db, other)).toEqual([]);
    await updatePlatform(database.db, clerk, { id: centre.id, version: 2, revokedOn: null });
  });
});

describe('科技特派员', () => {
  it('dispatch under a 三方协议, service logs confirmed once, photos checked by content, assessment by weights', async () => {
    const c = await createCommissioner(database.db, clerk, { name: '张农', level: '市级', type: '公益型', dispatchingUnit: '西南大学', title: '副教授', field: '果树学' });
    await expect(dispatchCommissioner(database.db, clerk, { commissionerId: c.id, serviceObject: 'x', agreementNumber: 'x', agreementSignedOn: '2024-03-01', tasks: 'x', startOn: '2024-03-01' })).rejects.toThrow(
      '须指定服务乡镇或服务企业',
    );
    const d = await dispatchCommissioner(database.db, clerk, {
      commissionerId: c.id,
      town: '草堂镇',
      serviceObject: '草堂镇脐橙专业合作社',
      agreementNumber: '奉科特〔2024〕12号',
      agreementSignedOn: '2024-02-20',
      tasks: '脐橙病虫害绿色防控技术指导，全年服务不少于12次',
      startOn: '2024-03-01',
      endOn: '2025-02-28',
    });
    const logs = [];
    for (let i = 0; i < 6; i += 1) {
      logs.push(await logCommissionerService(database.db, clerk, { commissionerId: c.id, dispatchId: d.id, servedOn: `2024-0${i + 3}-15`, place: '草堂镇安坪村', content: '田间指导' }));
    }
    for (const log of logs.slice(0, 5)) await confirmServiceLog(database.db, clerk, { logId: log.id, version: log.version, confirmedBy: '合作社理事长 王某' });
    await expect(confirmServiceLog(database.db, clerk, { logId: logs[0]?.id ?? '', version: 2, confirmedBy: '别人' })).rejects.toThrow(ConflictError);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const photo = await addServiceLogPhoto(database.db, clerk, { logId: logs[0]?.id ?? '', fileName: '现场.png', bytes: png });
    expect((await getServiceLogPhoto(database.db, clerk, photo.id)).mime).toBe('image/png');
    await expect(getServiceLogPhoto(database.db, other, photo.id)).rejects.toThrow(NotFoundError);
    await expect(addServiceLogPhoto(database.db, clerk, { logId: logs[0]?.id ?? '', fileName: '现场.jpg', bytes: png })).rejects.toThrow('扩展名与内容不符');
    await expect(addServiceLogPhoto(database.db, clerk, { logId: logs[0]?.id ?? '', fileName: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4') })).rejects.toThrow('「a.pdf」文件类型不允许，仅支持 JPG、PNG');

    // 5 confirmed of a 12 target → 服务情况 60 × 5/12 = 25; 成效 80 → 16; 满意度 90 → 18 → 59 不合格
    const a = await assessCommissioner(database.db, clerk, { commissionerId: c.id, year: 2024, manualScores: { outcome: 80, satisfaction: 90 } });
    expect([a.total, a.grade, a.rulePackVersion]).toEqual([59, '不合格', 'default-longyan-2023']);
    await expect(assessCommissioner(database.db, clerk, { commissionerId: c.id, year: 2024, manualScores: { bonus: 5 } })).rejects.toThrow('未知的考核项');
    const detail = await getCommissioner(database.db, clerk, c.id);
    expect([detail.dispatches.length, detail.serviceLogs.length, detail.serviceLogs.filter((l) => l.confirmedAt).length, detail.assessments.length]).toEqual([1, 6, 5, 1]);
    await expect(getCommissioner(database.db, other, c.id)).rejects.toThrow(NotFoundError);
  });
});

describe('technology contracts', () => {
  it('keeps 成交额 and 技术交易额 apart and sums the county year by 输出 or 吸纳', async () => {
    const base = { type: '技术开发' as const, name: '脐橙保鲜技术开发', sellerName: '奉节甲公司', buyerName: '万州乙公司' };
    const k1 = await createTechContract(database.db, clerk, { ...base, registrationNumber: '2024500236000001', registeredOn: '2024-04-01', sellerInCounty: true, buyerInCounty: false, contractAmount: 300.5, technologyAmount: 280 });
    await createTechContract(database.db, clerk, { ...base, type: '技术服务', registrationNumber: '2024500236000002', registeredOn: '2024-12-31', sellerInCounty: true, buyerInCounty: true, contractAmount: 99.5, technologyAmount: 99.5 });
    await createTechContract(database.db, clerk, { ...base, registrationNumber: '2025500236000001', registeredOn: '2025-01-01', sellerInCounty: true, buyerInCounty: false, contractAmount: 1000, technologyAmount: 900 });
    await createTechContract(database.db, clerk, { ...base, registrationNumber: 'X-2024-吸纳', registeredOn: '2024-06-01', sellerInCounty: false, buyerInCounty: true, contractAmount: 50, technologyAmount: 40 });
    await expect(createTechContract(database.db, clerk, { ...base, registrationNumber: 'bad', registeredOn: '2024-01-01', sellerInCounty: true, buyerInCounty: false, contractAmount: 10, technologyAmount: 11 })).rejects.toThrow(
      '技术交易额不能大于成交额',
    );
    await expect(createTechContract(database.db, clerk, { ...base, registrationNumber: '2024500236000001', registeredOn: '2024-01-01', sellerInCounty: true, buyerInCounty: false, contractAmount: 1, technologyAmount: 1 })).rejects.toThrow(
      ConflictError,
    );
    expect(await getTechContractTotals(database.db, clerk, { year: 2024, side: 'seller' })).toMatchObject({ contractAmount: 400, technologyAmount: 379.5, count: 2 });
    expect(await getTechContractTotals(database.db, clerk, { year: 2024, side: 'buyer' })).toMatchObject({ contractAmount: 149.5, count: 2 });
    expect(await getTechContractTotals(database.db, other, { year: 2024, side: 'seller' })).toMatchObject({ contractAmount: 0, count: 0 });
    await expect(updateTechContract(database.db, clerk, { id: k1.id, version: 1, technologyAmount: 400 })).rejects.toThrow(ValidationError);
    const fixed = await updateTechContract(database.db, clerk, { id: k1.id, version: 1, contractAmount: 320.5, technologyAmount: 300 });
    expect(fixed.version).toBe(2);
  });
});

describe('indicators from registers', () => {
  it('suggests rules for the seed plan, binds, computes with the records behind, and writes source 登记系统 beside the department figure', async () => {
    const suggestions = await listRegisterBindings(database.db, clerk);
    expect(suggestions.map((b) => [b.indicatorName, b.rule, b.suggested])).toEqual([
      ['科技型企业', 'certificates-valid-at-year-end', true],
      ['高新技术企业', 'hnte-valid-at-year-end', true],
      ['企业技术研发中心', 'platforms-active-at-year-end', true],
      ['市级科技特派员', 'commissioners-serving-in-year', true],
      ['技术合同成交额', 'tech-contract-amount', true],
    ]);
    expect((await listRegisterBindings(database.db, other)).every((b) => b.countyId !== fengjie)).toBe(true);

    const contract = suggestions[4];
    const hnte = suggestions[1];
    if (!contract || !hnte) throw new Error('missing');
    const binding = await bindIndicator(database.db, clerk, { indicatorId: contract.indicatorId, rule: contract.rule, params: contract.params, version: 0 });
    await expect(bindIndicator(database.db, clerk, { indicatorId: contract.indicatorId, rule: contract.rule, params: {}, version: 0 })).rejects.toThrow(VersionConflictError);
    await expect(bindIndicator(database.db, other, { indicatorId: contract.indicatorId, rule: contract.rule, params: {}, version: 0 })).rejects.toThrow(NotFoundError);

    const figure = await computeBoundFigure(database.db, clerk, { bindingId: binding.id ?? '', year: 2024 });
    expect(figure).toMatchObject({ value: 420, unit: '万元', indicatorValue: 420, indicatorUnit: '万元' });
    expect(figure.records.map((r) => [r.label, r.value])).toEqual([
      ['2024500236000001（技术开发，2024-04-01）', 320.5],
      ['2024500236000002（技术服务，2024-12-31）', 99.5],
    ]);

    // The department (科技局 as 责任单位 or 统计局) reports 450; the register computes 420; both are kept.
    await enterValue(database.db, clerk, { indicatorId: contract.indicatorId, period: '2024', source: 'statistics', value: 450, measureUnit: '万元', expectedVersion: 0 });
    const synced = await syncRegisterFigure(database.db, clerk, { bindingId: binding.id ?? '', year: 2024 });
    const values = await listValuesOfIndicator(database.db, countyScope(fengjie), contract.indicatorId);
    expect(values.map((v) => [v.source, v.value, v.isOfficial]).sort()).toEqual([
      ['register', 420, false],
      ['statistics', 450, true],
    ]);
    const stored = await findValueBySource(database.db, countyScope(fengjie), { indicatorId: contract.indicatorId, period: '2024', source: 'register' });
    expect(stored?.id).toBe(synced.valueId);
    expect(stored?.caliberNote).toContain('卖方（输出方）在本县');

    // A new contract, a re-sync: the same register value is updated, and its records list follows.
    await createTechContract(database.db, clerk, { type: '技术咨询', name: '咨询', sellerName: 'a', buyerName: 'b', registrationNumber: '2024500236000009', registeredOn: '2024-09-09', sellerInCounty: true, buyerInCounty: false, contractAmount: 30, technologyAmount: 30 });
    await syncRegisterFigure(database.db, clerk, { bindingId: binding.id ?? '', year: 2024 });
    const again = await findValueBySource(database.db, countyScope(fengjie), { indicatorId: contract.indicatorId, period: '2024', source: 'register' });
    expect([again?.value, again?.version]).toEqual([450, 2]);
    const figures = await listRegisterFigures(database.db, clerk, contract.indicatorId);
    expect(figures.map((f) => [f.year, f.value, f.records.length])).toEqual([[2024, 450, 3]]);

    // 高新技术企业 = valid certificates at year end
    const firm = await createEnterprise(database.db, clerk, { uscc: USCC.b, name: '奉节高企甲' });
    await recordCertification(database.db, clerk, { enterpriseId: firm.id, kind: '高新技术企业', number: 'GR2023', issuedOn: '2023-11-01' });
    const hb = await bindIndicator(database.db, clerk, { indicatorId: hnte.indicatorId, rule: hnte.rule, params: hnte.params, version: 0 });
    expect((await computeBoundFigure(database.db, clerk, { bindingId: hb.id ?? '', year: 2025 })).records.map((r) => r.label)).toEqual([
      '奉节高企甲（高新技术企业，有效期至 2026-10-31）',
    ]);
    expect((await computeBoundFigure(database.db, clerk, { bindingId: hb.id ?? '', year: 2026 })).value).toBe(0);
  });
});
