// Register API through app.inject with real sessions: status codes, Chinese errors, county isolation, the enterprise
// user's confinement, Excel import, and a figure flowing into monitoring.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { importWorkbook, USCC } from '../support/registers.ts';
import { SEED_DIR } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let staff: TestLogin;
let admin: TestLogin;
let otherCounty: TestLogin;
let municipal: TestLogin;

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database, auth: { loginRateLimitPerMinute: 10_000 } });
  staff = await loginAs(database.db, { role: 'county_staff', county: '奉节县' });
  admin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
  otherCounty = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
  municipal = await loginAs(database.db, { role: 'municipal' });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

function call(who: TestLogin | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...(who?.headers ?? {}), ...(options.headers ?? {}) } });
}

describe('enterprise API', () => {
  let enterpriseId = '';

  it('needs a session', async () => {
    expect((await call(null, { method: 'GET', url: '/api/enterprises' })).statusCode).toBe(401);
  });

  it('creates an enterprise; a wrong check character answers 400 in Chinese; unknown fields are refused', async () => {
    const bad = await call(staff, { method: 'POST', url: '/api/enterprises', payload: { uscc: '91350100M000100Y44', name: '错码公司' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'validation', message: '统一社会信用代码校验位错误' });
    const extra = await call(staff, { method: 'POST', url: '/api/enterprises', payload: { uscc: USCC.a, name: 'x', countyId: '00000000-0000-4000-8000-000000000000' } });
    expect(extra.statusCode).toBe(400);
    const res = await call(staff, { method: 'POST', url: '/api/enterprises', payload: { uscc: USCC.a, name: '奉节甲科技有限公司', town: '永安街道', establishedOn: '2016-03-01' } });
    expect(res.statusCode).toBe(201);
    enterpriseId = (res.json() as { id: string }).id;
    expect((await call(staff, { method: 'POST', url: '/api/enterprises', payload: { uscc: USCC.a, name: '重复' } })).statusCode).toBe(409);
  });

  it('answers 409 with the current record to a stale edit', async () => {
    expect((await call(staff, { method: 'PATCH', url: `/api/enterprises/${enterpriseId}`, payload: { version: 1, industry: '制造业' } })).statusCode).toBe(200);
    const stale = await call(staff, { method: 'PATCH', url: `/api/enterprises/${enterpriseId}`, payload: { version: 1, industry: '服务业' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'version-conflict', current: { industry: '制造业', version: 2 } });
  });

  it('imports a workbook: bad rows → 422 with per-cell errors and nothing written; good → 200', async () => {
    const bad = await importWorkbook([
      { name: '奉节乙公司', uscc: USCC.b, year: 2024, employees: 10 },
      { name: '', uscc: 'ABC', year: 2024 },
      { name: '奉节丙公司', uscc: '91500101MA5U3G1D4X' },
    ]);
    const res = await call(staff, { method: 'POST', url: '/api/enterprises/import', payload: Buffer.from(bad), headers: { 'content-type': 'application/octet-stream' } });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { errors: { text: string }[] }).errors.map((e) => e.text)).toEqual([
      '第3行 A列：企业名称不能为空',
      '第3行 B列：统一社会信用代码应为18位',
      '第4行 B列：统一社会信用代码校验位错误',
    ]);
    const list = (await call(staff, { method: 'GET', url: '/api/enterprises' })).json() as { total: number };
    expect(list.total).toBe(1);

    const good = await importWorkbook([
      { name: '奉节甲科技有限公司', uscc: USCC.a, year: 2024, employees: 100, techStaff: 30, salesRevenue: 1000, costs: 800, totalAssets: 500, rdExpense: 60, ipClass1: 1, ipClass2: 0 },
      { name: '奉节乙公司', uscc: USCC.b, year: 2024, employees: 10, techStaff: 0 },
    ]);
    const dry = await call(staff, { method: 'POST', url: '/api/enterprises/import?dryRun=true', payload: Buffer.from(good), headers: { 'content-type': XLSX } });
    expect(dry.json()).toMatchObject({ status: 'preview', created: 1, updated: 1 });
    const ok = await call(staff, { method: 'POST', url: '/api/enterprises/import', payload: Buffer.from(good), headers: { 'content-type': XLSX } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'imported', created: 1, updated: 1, figureRows: 2 });
  });

  it('serves the import template as an .xlsx', async () => {
    const res = await call(staff, { method: 'GET', url: '/api/enterprises/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('evaluates with the pack in force and explains a fail', async () => {
    const res = await call(staff, {
      method: 'POST',
      url: `/api/enterprises/${enterpriseId}/evaluations`,
      payload: { kind: 'tsme', year: 2024, evaluatedOn: '2025-05-01', declarations: { residentEnterprise: true, auditCollection: true, productsPermitted: true, cleanRecord: false } },
    });
    expect(res.statusCode).toBe(201);
    const ev = res.json() as { rulePackVersion: string; result: { outcome: string; failures: string[]; total: { min: number } } };
    expect(ev.rulePackVersion).toBe('2017-115+2022-67');
    expect(ev.result.total.min).toBe(100);
    expect(ev.result.failures).toEqual(['条件（四）信用与安全记录：存在重大事故、严重违法失信或经营异常记录']);
    const detail = (await call(staff, { method: 'GET', url: `/api/enterprises/${enterpriseId}` })).json() as { figures: unknown[]; evaluations: unknown[] };
    expect([detail.figures.length, detail.evaluations.length]).toEqual([1, 1]);
    const wrongKind = await call(staff, { method: 'POST', url: `/api/enterprises/${enterpriseId}/evaluations`, payload: { kind: 'nope', year: 2024, declarations: {} } });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('county isolation: another county gets 404 for the id and an empty list; municipal reads but cannot write', async () => {
    expect((await call(otherCounty, { method: 'GET', url: `/api/enterprises/${enterpriseId}` })).statusCode).toBe(404);
    expect(((await call(otherCounty, { method: 'GET', url: '/api/enterprises' })).json() as { total: number }).total).toBe(0);
    expect((await call(otherCounty, { method: 'PATCH', url: `/api/enterprises/${enterpriseId}`, payload: { version: 2, town: 'x' } })).statusCode).toBe(404);
    expect(((await call(municipal, { method: 'GET', url: '/api/enterprises' })).json() as { total: number }).total).toBe(2);
    expect((await call(municipal, { method: 'POST', url: '/api/enterprises', payload: { uscc: USCC.c, name: 'x' } })).statusCode).toBe(403);
  });

  it('an enterprise account sees only its own enterprise and may self-evaluate, nothing county-wide', async () => {
    const firm = await loginAs(database.db, { role: 'enterprise', county: '奉节县', enterpriseId });
    const list = (await call(firm, { method: 'GET', url: '/api/enterprises' })).json() as { enterprises: { id: string }[] };
    expect(list.enterprises.map((e) => e.id)).toEqual([enterpriseId]);
    const others = (await call(staff, { method: 'GET', url: `/api/enterprises?q=${USCC.b}` })).json() as { enterprises: { id: string }[] };
    expect((await call(firm, { method: 'GET', url: `/api/enterprises/${others.enterprises[0]?.id ?? ''}` })).statusCode).toBe(404);
    expect((await call(firm, { method: 'POST', url: `/api/enterprises/${enterpriseId}/evaluations`, payload: { kind: 'innovative-sme', year: 2024, declarations: {} } })).statusCode).toBe(201);
    expect((await call(firm, { method: 'GET', url: '/api/registers/funnel?year=2024' })).statusCode).toBe(403);
    expect((await call(firm, { method: 'PUT', url: `/api/enterprises/${enterpriseId}/figures/2025`, payload: { version: 0, employees: 1 } })).statusCode).toBe(403);
  });
});

describe('certifications, alerts, funnel', () => {
  it('records a 高企 certificate valid 3 years, lists it with its state, and counts it in the funnel', async () => {
    const list = (await call(staff, { method: 'GET', url: '/api/enterprises' })).json() as { enterprises: { id: string; uscc: string }[] };
    const a = list.enterprises.find((e) => e.uscc === USCC.a);
    const res = await call(staff, { method: 'POST', url: '/api/certifications', payload: { enterpriseId: a?.id, kind: '高新技术企业', number: 'GR202450000001', issuedOn: '2024-10-28' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ validUntil: '2027-10-27' });
    const certs = (await call(staff, { method: 'GET', url: '/api/certifications' })).json() as { certifications: { state: string }[] };
    expect(certs.certifications.map((c) => c.state)).toEqual(['valid']);
    const alerts = (await call(staff, { method: 'GET', url: '/api/certifications/alerts?withinDays=400&today=2026-11-23' })).json() as { alerts: { daysLeft: number }[] };
    expect(alerts.alerts.map((x) => x.daysLeft)).toEqual([338]);
    // 甲 was added by hand today (listed today): not in the 2025 register; 乙 came with 2024 figures (listed 2024-01-01).
    const y2025 = (await call(staff, { method: 'GET', url: '/api/registers/funnel?year=2025' })).json() as { stages: { count: number }[] };
    expect(y2025.stages.map((s) => s.count)).toEqual([1, 0, 0, 0, 0]);
    const funnel = (await call(staff, { method: 'GET', url: '/api/registers/funnel?year=2026' })).json() as { stages: { label: string; count: number }[] };
    expect(funnel.stages.map((s) => s.count)).toEqual([2, 0, 0, 1, 0]);
    expect((await call(staff, { method: 'GET', url: '/api/registers/funnel?year=twenty' })).statusCode).toBe(400);
  });
});

describe('rule packs', () => {
  it('anyone signed in reads them; only the municipal bureau publishes', async () => {
    const packs = (await call(staff, { method: 'GET', url: '/api/rule-packs?kind=specialized-sme' })).json() as { rulePacks: { version: string; docNumber: string }[] };
    expect(packs.rulePacks.map((p) => [p.version, p.docNumber])).toEqual([
      ['2022-63-annex2', '工信部企业〔2022〕63号'],
      ['2026-2', '工信部企业〔2026〕2号'],
    ]);
    const body = {
      kind: 'commissioner-assessment',
      version: '奉节-2027',
      title: '奉节县科技特派员考核',
      docNumber: '奉科发〔2027〕1号',
      sourceUrl: '',
      effectiveFrom: '2027-01-01',
      reliability: '县级文件',
      params: {
        scheme: 'commissioner-assessment',
        components: [
          { code: 'service', label: '服务情况', weight: 50, source: 'service-records' },
          { code: 'outcome', label: '服务成效', weight: 50, source: 'manual' },
        ],
        serviceRecordTarget: 10,
        grades: [{ min: 85, grade: '优秀' }],
        lowestGrade: '合格',
      },
    };
    expect((await call(admin, { method: 'POST', url: '/api/rule-packs', payload: body })).statusCode).toBe(403);
    const bad = await call(municipal, { method: 'POST', url: '/api/rule-packs', payload: { ...body, params: { ...body.params, components: body.params.components.slice(0, 1) } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: '各项权重之和应为100，现为50' });
    expect((await call(municipal, { method: 'POST', url: '/api/rule-packs', payload: body })).statusCode).toBe(201);
  });
});

describe('platforms, commissioners, contracts, and the indicator figure', () => {
  it('runs each register end to end and writes the contract sum into monitoring as 登记系统', async () => {
    const p = await call(staff, { method: 'POST', url: '/api/platforms', payload: { name: '奉节眼镜研发中心', kind: '企业技术研发中心', level: '县级', hostName: '奉节甲科技有限公司', recognisedOn: '2023-05-01' } });
    expect(p.statusCode).toBe(201);
    expect(((await call(staff, { method: 'GET', url: '/api/platforms' })).json() as { platforms: { activeToday: boolean }[] }).platforms.map((x) => x.activeToday)).toEqual([true]);

    const c = await call(staff, { method: 'POST', url: '/api/commissioners', payload: { name: '李专家', level: '市级', type: '公益型', dispatchingUnit: '重庆三峡学院' } });
    const cid = (c.json() as { id: string }).id;
    expect((await call(staff, { method: 'POST', url: `/api/commissioners/${cid}/dispatches`, payload: { town: '草堂镇', serviceObject: '草堂镇合作社', agreementNumber: 'SF-1', agreementSignedOn: '2025-01-01', tasks: '技术指导', startOn: '2025-01-01' } })).statusCode).toBe(201);
    const log = await call(staff, { method: 'POST', url: `/api/commissioners/${cid}/service-logs`, payload: { servedOn: '2025-03-01', place: '草堂镇', content: '修剪培训' } });
    const logId = (log.json() as { id: string }).id;
    const photo = await call(staff, { method: 'POST', url: `/api/service-logs/${logId}/photos?fileName=${encodeURIComponent('现场.jpg')}`, payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), headers: { 'content-type': 'image/jpeg' } });
    expect(photo.statusCode).toBe(201);
    const photoId = (photo.json() as { id: string }).id;
    expect((await call(staff, { method: 'GET', url: `/api/service-log-photos/${photoId}` })).headers['content-type']).toBe('image/jpeg');
    expect((await call(otherCounty, { method: 'GET', url: `/api/service-log-photos/${photoId}` })).statusCode).toBe(404);
    expect((await call(staff, { method: 'POST', url: `/api/service-logs/${logId}/confirm`, payload: { version: 1, confirmedBy: '合作社 王某' } })).statusCode).toBe(200);
    const assess = await call(staff, { method: 'POST', url: `/api/commissioners/${cid}/assessments`, payload: { year: 2025, manualScores: { outcome: 100, satisfaction: 100 } } });
    expect(assess.json()).toMatchObject({ total: 45, grade: '不合格' });

    const k = await call(staff, {
      method: 'POST',
      url: '/api/tech-contracts',
      payload: { registrationNumber: '2024500236000100', registeredOn: '2024-08-08', type: '技术转让', name: '专利转让', sellerName: '奉节甲科技有限公司', sellerInCounty: true, buyerName: '外地公司', buyerInCounty: false, contractAmount: 1200, technologyAmount: 1000 },
    });
    expect(k.statusCode).toBe(201);
    expect((await call(staff, { method: 'GET', url: '/api/tech-contracts/totals?year=2024' })).json()).toMatchObject({ contractAmount: 1200, technologyAmount: 1000, count: 1 });

    const bindings = (await call(staff, { method: 'GET', url: '/api/register-bindings' })).json() as { bindings: { indicatorId: string; rule: string; params: object; suggested: boolean }[] };
    const contract = bindings.bindings.find((b) => b.rule === 'tech-contract-amount');
    if (!contract) throw new Error('no suggestion');
    const bound = await call(staff, { method: 'POST', url: '/api/register-bindings', payload: { indicatorId: contract.indicatorId, rule: contract.rule, params: contract.params } });
    expect(bound.statusCode).toBe(200);
    const bindingId = (bound.json() as { id: string }).id;
    expect((await call(otherCounty, { method: 'GET', url: `/api/register-bindings/${bindingId}/figure?year=2024` })).statusCode).toBe(404);
    const figure = (await call(staff, { method: 'GET', url: `/api/register-bindings/${bindingId}/figure?year=2024` })).json() as { value: number; records: { label: string }[] };
    expect(figure.value).toBe(1200);
    expect(figure.records.map((r) => r.label)).toEqual(['2024500236000100（技术转让，2024-08-08）']);
    const synced = await call(staff, { method: 'POST', url: `/api/register-bindings/${bindingId}/sync`, payload: { year: 2024 } });
    expect(synced.statusCode).toBe(200);
    expect(synced.json()).toMatchObject({ indicatorValue: 1200, valueId: expect.any(String) });
    const figures = (await call(staff, { method: 'GET', url: `/api/indicators/${contract.indicatorId}/register-figures` })).json() as { figures: { year: number; records: unknown[] }[] };
    expect(figures.figures.map((f) => [f.year, f.records.length])).toEqual([[2024, 1]]);
    expect((await call(municipal, { method: 'POST', url: `/api/register-bindings/${bindingId}/sync`, payload: { year: 2024 } })).statusCode).toBe(403);
  });
});

describe('enterprise accounts on the county-wide registers', () => {
  it('see only their own hosted platforms and the commissioners sent to them; never bindings; a non-register id sees nothing', async () => {
    const list = (await call(staff, { method: 'GET', url: '/api/enterprises' })).json() as { enterprises: { id: string; uscc: string }[] };
    const a = list.enterprises.find((e) => e.uscc === USCC.a);
    if (!a) throw new Error('missing');
    await call(staff, { method: 'POST', url: '/api/platforms', payload: { name: '甲企业研发中心', kind: '企业技术研发中心', level: '县级', hostName: '奉节甲科技有限公司', hostEnterpriseId: a.id, recognisedOn: '2024-01-01' } });
    const firm = await loginAs(database.db, { role: 'enterprise', county: '奉节县', enterpriseId: a.id });
    const platforms = (await call(firm, { method: 'GET', url: '/api/platforms' })).json() as { platforms: { name: string }[] };
    expect(platforms.platforms.map((p) => p.name)).toEqual(['甲企业研发中心']);
    expect(((await call(firm, { method: 'GET', url: '/api/commissioners' })).json() as { commissioners: unknown[] }).commissioners).toEqual([]);
    expect((await call(firm, { method: 'GET', url: '/api/register-bindings' })).statusCode).toBe(403);
    const stranger = await loginAs(database.db, { role: 'enterprise', county: '奉节县', enterpriseId: 'ent-not-a-register-id' });
    expect(((await call(stranger, { method: 'GET', url: '/api/enterprises' })).json() as { total: number }).total).toBe(0);
    expect(((await call(stranger, { method: 'GET', url: '/api/certifications' })).json() as { certifications: unknown[] }).certifications).toEqual([]);
    expect(((await call(stranger, { method: 'GET', url: '/api/tech-contracts' })).json() as { contracts: unknown[] }).contracts).toEqual([]);
  });
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
