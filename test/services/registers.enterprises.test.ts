// Enterprise register use cases on a real database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterpriseFigures, enterprises } from '../../src/db/schema/index.ts';
import { findCountyByName, insertCounty } from '../../src/repositories/counties.ts';
import { operatorAccess, type Access } from '../../src/services/auth/access.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { createEnterprise } from '../../src/services/registers/create-enterprise.ts';
import { buildEnterpriseTemplate } from '../../src/services/registers/enterprise-workbook.ts';
import { evaluateEnterprise } from '../../src/services/registers/evaluate-enterprise.ts';
import { getEnterprise } from '../../src/services/registers/get-enterprise.ts';
import { getFunnel } from '../../src/services/registers/get-funnel.ts';
import { importEnterprises } from '../../src/services/registers/import-enterprises.ts';
import { listCertifications, listExpiryAlerts } from '../../src/services/registers/list-certifications.ts';
import { listEnterprises } from '../../src/services/registers/list-enterprises.ts';
import { listRulePacks } from '../../src/services/registers/list-rule-packs.ts';
import { publishRulePack } from '../../src/services/registers/publish-rule-pack.ts';
import { recordCertification } from '../../src/services/registers/record-certification.ts';
import { saveEnterpriseFigures } from '../../src/services/registers/save-enterprise-figures.ts';
import { updateCertification } from '../../src/services/registers/update-certification.ts';
import { updateEnterprise } from '../../src/services/registers/update-enterprise.ts';
import { TSME_2022_PARAMS } from '../../src/domain/registers/tsme.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs, importWorkbook, USCC } from '../support/registers.ts';

let database: TestDatabase;
let fengjie: string;
let shizhu: string;
let clerk: Access;
let other: Access;

beforeAll(async () => {
  database = await createTestDatabase();
  fengjie = (await insertCounty(database.db, '奉节县')).id;
  shizhu = (await insertCounty(database.db, '石柱县')).id;
  clerk = accessAs('county_staff', fengjie);
  other = accessAs('county_admin', shizhu);
});
afterAll(async () => {
  await database.dispose();
});

async function rows(table: typeof enterprises | typeof enterpriseFigures) {
  return (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
}

describe('Excel bulk import', () => {
  it('reports every bad cell in Chinese and writes nothing, not even the good rows', async () => {
    const bytes = await importWorkbook([
      { name: '奉节甲科技有限公司', uscc: USCC.a, year: 2024, employees: 100, techStaff: 20 },
      { name: '奉节乙材料有限公司', uscc: USCC.b, year: 2024, employees: 50 },
      { name: '奉节丙公司', uscc: '91500101MA5U3G1D4X', year: 2024, employees: 'abc' },
    ]);
    const result = await importEnterprises(database.db, clerk, { bytes, fileName: '企业.xlsx' });
    expect(result.status).toBe('invalid');
    expect(result.errors.map((e) => e.text)).toEqual(['第4行 B列：统一社会信用代码校验位错误', '第4行 H列：职工总数应为数字']);
    expect(await rows(enterprises)).toBe(0);
    expect(await rows(enterpriseFigures)).toBe(0);
  });

  it('refuses a file that is not a workbook, and a workbook that is not the template', async () => {
    await expect(importEnterprises(database.db, clerk, { bytes: new TextEncoder().encode('a,b,c'), fileName: '企业.xlsx' })).rejects.toThrow(
      '请上传 Excel 工作簿（.xlsx）',
    );
    const wrong = await importWorkbook([{ name: 'x', uscc: USCC.a }], ['名称', '代码']);
    const result = await importEnterprises(database.db, clerk, { bytes: wrong, fileName: 'x.xlsx' });
    expect(result.status).toBe('invalid');
    expect(result.errors[0]?.text).toBe('第1行 A列：表头应为“企业名称”，实为“名称”（请使用导入模板）');
  });

  it('the downloadable template imports (header only: nothing to do)', async () => {
    const template = await buildEnterpriseTemplate();
    const result = await importEnterprises(database.db, clerk, { bytes: template, fileName: '模板.xlsx', dryRun: true });
    expect(result).toMatchObject({ status: 'preview', rowCount: 0, errors: [] });
  });

  it('a dry run previews, then the import writes everything in one go; re-importing updates by 统一社会信用代码', async () => {
    const bytes = await importWorkbook([
      { name: '奉节甲科技有限公司', uscc: USCC.a, town: '永安街道', industry: '制造业', size: '小型', establishedOn: '2015-06-30', year: 2023, employees: 90, techStaff: 18, salesRevenue: 900 },
      { name: '奉节甲科技有限公司', uscc: USCC.a, year: 2024, employees: 100, techStaff: 30, salesRevenue: 1000, costs: 800, totalAssets: 600, rdExpense: 60, ipClass1: 1, ipClass2: 3 },
      { name: '奉节乙材料有限公司', uscc: USCC.b.toLowerCase(), town: '朱衣镇' },
    ]);
    const preview = await importEnterprises(database.db, clerk, { bytes, fileName: '企业.xlsx', dryRun: true });
    expect(preview).toMatchObject({ status: 'preview', rowCount: 3, created: 2, updated: 0, figureRows: 2 });
    expect(await rows(enterprises)).toBe(0);

    const result = await importEnterprises(database.db, clerk, { bytes, fileName: '企业.xlsx' });
    expect(result).toMatchObject({ status: 'imported', created: 2, updated: 0, figureRows: 2 });
    expect(await rows(enterprises)).toBe(2);
    expect(await rows(enterpriseFigures)).toBe(2);

    const again = await importWorkbook([{ name: '奉节甲科技股份有限公司', uscc: USCC.a, year: 2024, employees: 110, techStaff: 30 }]);
    expect(await importEnterprises(database.db, clerk, { bytes: again, fileName: '更新.xlsx' })).toMatchObject({ status: 'imported', created: 0, updated: 1 });
    const list = await listEnterprises(database.db, clerk, { q: '甲科技', limit: 10, offset: 0 });
    expect(list.enterprises.map((e) => [e.name, e.town])).toEqual([['奉节甲科技股份有限公司', '永安街道']]);
    const audit = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'enterprise.import'));
    expect(audit[0]?.n).toBe(2);
  });
});

describe('enterprise records', () => {
  it('checks the 统一社会信用代码 and refuses a duplicate', async () => {
    await expect(createEnterprise(database.db, clerk, { uscc: '91350100M000100Y44', name: '错码公司' })).rejects.toThrow(ValidationError);
    await expect(createEnterprise(database.db, clerk, { uscc: USCC.a, name: '重复公司' })).rejects.toThrow(ConflictError);
  });

  it('county isolation: another county finds nothing, an enterprise user only their own firm', async () => {
    const [a] = (await listEnterprises(database.db, clerk, { q: USCC.a, limit: 10, offset: 0 })).enterprises;
    if (!a) throw new Error('missing');
    expect((await listEnterprises(database.db, other, { limit: 10, offset: 0 })).total).toBe(0);
    await expect(getEnterprise(database.db, other, a.id)).rejects.toThrow(NotFoundError);
    await expect(updateEnterprise(database.db, other, { id: a.id, version: a.version, town: '别处' })).rejects.toThrow(NotFoundError);
    const firm = accessAs('enterprise', fengjie, { enterpriseId: a.id });
    expect((await listEnterprises(database.db, firm, { limit: 10, offset: 0 })).enterprises.map((e) => e.id)).toEqual([a.id]);
    const [b] = (await listEnterprises(database.db, clerk, { q: USCC.b, limit: 10, offset: 0 })).enterprises;
    await expect(getEnterprise(database.db, firm, b?.id ?? '')).rejects.toThrow(NotFoundError);
    await expect(saveEnterpriseFigures(database.db, firm, { enterpriseId: a.id, year: 2025, version: 0, values: {} })).rejects.toThrow(ForbiddenError);
  });

  it('yearly figures: version 0 creates, a stale version is refused with the current record, checks apply', async () => {
    const [b] = (await listEnterprises(database.db, clerk, { q: USCC.b, limit: 10, offset: 0 })).enterprises;
    if (!b) throw new Error('missing');
    const created = await saveEnterpriseFigures(database.db, clerk, { enterpriseId: b.id, year: 2024, version: 0, values: { employees: 40, techStaff: 8 } });
    expect(created).toMatchObject({ year: 2024, employees: 40, techStaff: 8, version: 1 });
    await saveEnterpriseFigures(database.db, clerk, { enterpriseId: b.id, year: 2024, version: 1, values: { salesRevenue: 500 } });
    const stale = saveEnterpriseFigures(database.db, clerk, { enterpriseId: b.id, year: 2024, version: 1, values: { salesRevenue: 600 } });
    await expect(stale).rejects.toThrow(VersionConflictError);
    await expect(saveEnterpriseFigures(database.db, clerk, { enterpriseId: b.id, year: 2024, version: 2, values: { techStaff: 41 } })).rejects.toThrow(
      '科技人员不能多于职工总数',
    );
  });
});

describe('evaluations store the pack version, inputs, sub-scores and one line per failed condition', () => {
  const clean = { residentEnterprise: true, auditCollection: true, productsPermitted: true, cleanRecord: true };

  it('科技型中小企业 2024 under the 2022 pack: 20 + 50 + 30 = 100 → pass', async () => {
    const [a] = (await listEnterprises(database.db, clerk, { q: USCC.a, limit: 10, offset: 0 })).enterprises;
    if (!a) throw new Error('missing');
    // the re-import set 2024 to 110 staff / 30 科技人员 (27.3% → 16); its blank cells kept the earlier amounts
    const ev = await evaluateEnterprise(database.db, clerk, { enterpriseId: a.id, kind: 'tsme', year: 2024, evaluatedOn: '2025-05-10', declarations: clean });
    expect(ev.rulePackVersion).toBe('2017-115+2022-67');
    expect(ev.result.scores.map((s) => [s.code, s.min])).toEqual([
      ['staff', 16],
      ['rd', 50],
      ['ip', 30],
    ]);
    expect(ev.result.outcome).toBe('pass');
    expect(ev.inputs).toMatchObject({ year: 2024, figures: { employees: 110, techStaff: 30, rdExpense: 60 }, declarations: { rdMeasure: 'best' } });
    const detail = await getEnterprise(database.db, clerk, a.id);
    expect(detail.evaluations.map((e) => e.id)).toEqual([ev.id]);
  });

  it('a 0 科技人员 score fails, explained in one line', async () => {
    const [b] = (await listEnterprises(database.db, clerk, { q: USCC.b, limit: 10, offset: 0 })).enterprises;
    if (!b) throw new Error('missing');
    await saveEnterpriseFigures(database.db, clerk, { enterpriseId: b.id, year: 2025, version: 0, values: { employees: 100, techStaff: 9, salesRevenue: 1000, costs: 900, totalAssets: 800, rdExpense: 70, ipClass1: 2, ipClass2: 0 } });
    const ev = await evaluateEnterprise(database.db, clerk, { enterpriseId: b.id, kind: 'tsme', year: 2025, evaluatedOn: '2026-06-02', declarations: clean });
    expect(ev.result.outcome).toBe('fail');
    expect(ev.result.total?.min).toBe(80);
    expect(ev.result.failures).toEqual(['条件（五）科技人员指标得分不得为0分：科技人员占比 9.0%，得 0 分（须 ≥10%）']);
  });

  it('the pack in force on the evaluation date decides: 专精特新 2022 tables before 2026-04-01, the 2026 办法 after', async () => {
    const [b] = (await listEnterprises(database.db, clerk, { q: USCC.b, limit: 10, offset: 0 })).enterprises;
    if (!b) throw new Error('missing');
    const before = await evaluateEnterprise(database.db, clerk, { enterpriseId: b.id, kind: 'specialized-sme', year: 2025, evaluatedOn: '2026-03-31', declarations: {} });
    const after = await evaluateEnterprise(database.db, clerk, { enterpriseId: b.id, kind: 'specialized-sme', year: 2025, evaluatedOn: '2026-04-01', declarations: {} });
    expect([before.rulePackVersion, after.rulePackVersion]).toEqual(['2022-63-annex2', '2026-2']);
    expect(after.result.total).toBeNull();
    expect(after.result.failures.length).toBeGreaterThan(3);
  });

  it('高企 pre-check stores a score range and never passes outright', async () => {
    const [a] = (await listEnterprises(database.db, clerk, { q: USCC.a, limit: 10, offset: 0 })).enterprises;
    if (!a) throw new Error('missing');
    const ev = await evaluateEnterprise(database.db, clerk, {
      enterpriseId: a.id,
      kind: 'hnte',
      year: 2024,
      evaluatedOn: '2025-05-20',
      declarations: { technologyField: '新材料', cleanRecord: true, ipSupportsCoreProducts: true, ipAcquisition: 'self' },
    });
    expect(ev.result.outcome).not.toBe('pass');
    expect(ev.result.total?.max).toBeGreaterThan(ev.result.total?.min ?? 0);
    // registeredOn came from the register's 成立日期
    expect(ev.inputs).toMatchObject({ declarations: { registeredOn: '2015-06-30' } });
  });
});

describe('certifications, expiry alerts and the funnel', () => {
  it('高企: valid 3 years from issue; alerts 14 days before; a revocation needs a reason; funnel counts', async () => {
    const { enterprises: list } = await listEnterprises(database.db, clerk, { limit: 10, offset: 0 });
    const [a, b] = [list.find((e) => e.uscc === USCC.a), list.find((e) => e.uscc === USCC.b)];
    if (!a || !b) throw new Error('missing');
    const hnte = await recordCertification(database.db, clerk, { enterpriseId: a.id, kind: '高新技术企业', number: 'GR202350000123', issuedOn: '2023-12-08' });
    expect(hnte.validUntil).toBe('2026-12-07');
    const tsme = await recordCertification(database.db, clerk, { enterpriseId: b.id, kind: '科技型中小企业', number: '20265001010A0001', issuedOn: '2026-05-10' });
    expect(tsme.validUntil).toBe('2027-05-09'); // one year [S/U] from the tsme pack
    await expect(recordCertification(database.db, clerk, { enterpriseId: a.id, kind: '高新技术企业', number: 'GR202350000123', issuedOn: '2023-12-08' })).rejects.toThrow(ConflictError);
    await expect(recordCertification(database.db, other, { enterpriseId: a.id, kind: '高新技术企业', number: 'X', issuedOn: '2023-12-08' })).rejects.toThrow(NotFoundError);

    const alerts = await listExpiryAlerts(database.db, clerk, { today: '2026-11-23', withinDays: 90 });
    expect(alerts.map((x) => x.message)).toEqual(['奉节甲科技股份有限公司高新技术企业资格将于 2026-12-07 到期（剩 14 天），请提醒重新申报']);
    expect(await listExpiryAlerts(database.db, other, { today: '2026-11-23' })).toEqual([]);
    const states = (await listCertifications(database.db, clerk, { today: '2026-11-23' })).map((c) => [c.kind, c.state]);
    expect(states.sort()).toEqual([
      ['科技型中小企业', 'valid'],
      ['高新技术企业', 'expiring'],
    ]);

    await recordCertification(database.db, clerk, { enterpriseId: a.id, kind: '高企培育库', number: 'PY-2026-01', issuedOn: '2026-01-15' });
    const funnel = await getFunnel(database.db, clerk, 2026);
    expect(funnel.stages.map((s) => [s.label, s.count, s.fromPrevious])).toEqual([
      ['入库企业', 2, 2],
      ['科技型中小企业', 1, 1],
      ['高企培育库', 1, 0], // 甲 entered the pool without a 科技型 entry
      ['高新技术企业', 0, 0], // 甲's certificate ends 2026-12-07: not valid on 31 December
      ['专精特新', 0, 0],
    ]);

    await expect(updateCertification(database.db, clerk, { id: hnte.id, version: hnte.version, revokedOn: '2026-11-01' })).rejects.toThrow('撤销资格须说明原因');
    const revoked = await updateCertification(database.db, clerk, { id: hnte.id, version: hnte.version, revokedOn: '2026-11-01', revokeReason: '复核不合格' });
    expect(revoked.version).toBe(2);
    expect(await listExpiryAlerts(database.db, clerk, { today: '2026-11-23' })).toEqual([]);
  });
});

describe('rule packs', () => {
  it('only the municipal bureau publishes; parameters are checked; the open version is closed the day before', async () => {
    const params = { ...TSME_2022_PARAMS, excludedIndustries: ['房地产业'] };
    const input = {
      kind: 'tsme' as const,
      version: '2027-test',
      title: '测试版',
      docNumber: '测试〔2027〕1号',
      sourceUrl: 'https://example.invalid/',
      effectiveFrom: '2027-01-01',
      reliability: '测试 [U]',
      params,
    };
    await expect(publishRulePack(database.db, clerk, input)).rejects.toThrow(ForbiddenError);
    const municipal = accessAs('municipal', null);
    await expect(publishRulePack(database.db, municipal, { ...input, params: { ...params, passScore: 'sixty' } })).rejects.toThrow(ValidationError);
    await expect(publishRulePack(database.db, municipal, { ...input, effectiveFrom: '2020-01-01' })).rejects.toThrow('新版本须晚于现行版本生效');
    const published = await publishRulePack(database.db, municipal, input);
    expect(published).toMatchObject({ version: '2027-test', builtin: false, publishedBy: 'municipal-clerk' });
    const packs = await listRulePacks(database.db, 'tsme', '2027-06-01');
    expect(packs.map((p) => [p.version, p.effectiveTo, p.inForceToday])).toEqual([
      ['2017-115', '2021-12-31', false],
      ['2017-115+2022-67', '2026-12-31', false],
      ['2027-test', null, true],
    ]);
  });

  it('the CLI operator needs a county to write', async () => {
    await expect(createEnterprise(database.db, operatorAccess('cli:test'), { uscc: USCC.c, name: '丙' })).rejects.toThrow('必须指定区县');
    const created = await createEnterprise(database.db, operatorAccess('cli:test'), { uscc: USCC.c, name: '石柱丙公司', county: '石柱县' });
    expect(created.countyId).toBe((await findCountyByName(database.db, '石柱县'))?.id);
  });
});
