// 导入新版本 through HTTP: preview (dry run) of a modified 石柱 seed, commit as version 2, identical bytes, another
// county's document, and who may do it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { searchAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs, type TestLogin } from '../support/login.ts';
import { FENGJIE_SEED, SEED_DIR, SHIZHU_SEED, seedFile } from '../support/seeds.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: TestLogin;
let shizhuId = '';

const original = seedFile(SHIZHU_SEED);
const originalText = Buffer.from(original.bytes).toString('utf8');
// 全社会研发经费占地区生产总值的比重: target 1.0 → 1.5 (baseline 0.82 on the line above).
const modifiedText = originalText.replace('\t0.82\n\t1.0\n', '\t0.82\n\t1.5\n');
const modified = Buffer.from(modifiedText, 'utf8');
const MODIFIED_NAME = '石柱县科技创新“十四五”规划（修订稿）.txt';

interface PlanRow {
  id: string;
  countyName: string;
  version: number;
  supersedesPlanId: string | null;
  supersededByPlanId: string | null;
}

function upload(url: string, bytes: Uint8Array, fileName: string, login: TestLogin = admin) {
  return app.inject({
    method: 'POST',
    url,
    headers: { ...login.headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) },
    payload: Buffer.from(bytes),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  app = await buildApp({ database });
  admin = await loginAs(database.db, { role: 'county_admin', county: '石柱县' });
  const list = (await app.inject({ method: 'GET', url: '/api/plans', headers: admin.headers })).json() as { plans: PlanRow[] };
  shizhuId = list.plans.find((p) => p.countyName === '石柱县')?.id ?? '';
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('POST /api/plans/:id/reimport[/preview]', () => {
  it('the fixture really changes one cell', () => {
    expect(modifiedText).not.toBe(originalText);
    expect(originalText.split('\t0.82\n\t1.0\n')).toHaveLength(2);
  });

  let rdId = '';
  it('the bureau works on version 1 (a setting, the 统计局 figure, a task) through the API', async () => {
    const plan = (await app.inject({ method: 'GET', url: `/api/plans/${shizhuId}` })).json() as { indicators: { id: string; name: string }[] };
    rdId = plan.indicators.find((i) => i.name === '全社会研发经费占地区生产总值的比重')?.id ?? '';
    const setting = await app.inject({
      method: 'PUT',
      url: `/api/monitoring/indicators/${rdId}/settings`,
      headers: admin.headers,
      payload: { responsibleUnitId: null, frequency: 'year', dueDays: null, targetKind: null, tolerance: 0.05, expectedVersion: 0 },
    });
    expect(setting.statusCode).toBe(200);
    for (const [period, value] of [['2021', 0.9], ['2022', 1.0]] as const) {
      const entered = await app.inject({
        method: 'POST',
        url: '/api/monitoring/values',
        headers: admin.headers,
        payload: { indicatorId: rdId, period, source: 'statistics', value, measureUnit: '%', expectedVersion: 0 },
      });
      expect(entered.statusCode).toBe(200);
    }
    const task = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: admin.headers,
      payload: { title: '研发投入倍增行动', planId: shizhuId, startOn: '2022-01-01', indicatorIds: [rdId] },
    });
    expect(task.statusCode).toBe(201);
  });

  it('preview of a modified 石柱 seed shows the changed target and writes nothing', async () => {
    const res = await upload(`/api/plans/${shizhuId}/reimport/preview`, modified, MODIFIED_NAME);
    expect(res.statusCode).toBe(200);
    const preview = res.json() as {
      identical: boolean;
      currentVersion: number;
      nextVersion: number;
      fileName: string;
      diff: { summary: string; indicators: { changed: { key: string; changes: { field: string; before: string; after: string }[] }[] } };
    };
    expect(preview).toMatchObject({ identical: false, currentVersion: 1, nextVersion: 2, fileName: MODIFIED_NAME });
    expect(preview.diff.indicators.changed).toEqual([
      {
        key: '全社会研发经费占地区生产总值的比重',
        changes: [{ field: 'target', label: '目标值', before: '1.0（2025年）', after: '1.5（2025年）' }],
      },
    ]);
    expect(preview.diff.summary).toContain('指标：新增 0 项、删除 0 项、修改 1 项');
    // What follows to version 2: the one indicator with data (setting + 2 figures + the task link) and the task.
    expect((res.json() as { carryOver: unknown }).carryOver).toEqual({
      indicators: 1,
      values: 2,
      settings: 1,
      bindings: 0,
      taskLinks: 1,
      tasks: 1,
      projects: 0,
      renamed: [],
      notCarried: { indicators: [], projects: [] },
      summary: '随新版本迁移：1 项指标的数据（2 个填报值）、1 条任务、0 个台账项目',
    });
    const list = (await app.inject({ method: 'GET', url: '/api/plans', headers: admin.headers })).json() as { plans: PlanRow[] };
    expect(list.plans.map((p) => p.id)).toEqual([shizhuId]);
  });

  it('the unchanged seed previews as identical (already imported)', async () => {
    const res = await upload(`/api/plans/${shizhuId}/reimport/preview`, original.bytes, SHIZHU_SEED);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ identical: true, existingPlanId: shizhuId, diff: { unchanged: true, summary: '内容无变化' }, carryOver: null });
  });

  it('refuses another county’s plan with a Chinese reason (422)', async () => {
    const fengjie = seedFile(FENGJIE_SEED);
    for (const url of [`/api/plans/${shizhuId}/reimport/preview`, `/api/plans/${shizhuId}/reimport`]) {
      const res = await upload(url, fengjie.bytes, FENGJIE_SEED);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ error: 'county-mismatch' });
      expect((res.json() as { message: string }).message).toContain('文件是奉节县的规划，不能作为石柱县规划的新版本导入');
    }
  });

  it('a document the parser cannot read answers 422 with the one-line reason; a missing file name 400', async () => {
    const bad = await upload(`/api/plans/${shizhuId}/reimport/preview`, Buffer.from('not a plan'), 'plan.pdf');
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { message: string }).message).toContain('不支持的文件类型 .pdf');
    const noName = await app.inject({
      method: 'POST',
      url: `/api/plans/${shizhuId}/reimport/preview`,
      headers: { ...admin.headers, 'content-type': 'application/octet-stream' },
      payload: modified,
    });
    expect(noName.statusCode).toBe(400);
  });

  it('unit_reporter and county_staff are refused (403); another county’s admin gets 404', async () => {
    for (const role of ['unit_reporter', 'county_staff'] as const) {
      const login = await loginAs(database.db, { role, county: '石柱县', unit: role === 'unit_reporter' ? '石柱县科技局' : undefined });
      const res = await upload(`/api/plans/${shizhuId}/reimport`, modified, MODIFIED_NAME, login);
      expect(res.statusCode).toBe(403);
    }
    const other = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
    const res = await upload(`/api/plans/${shizhuId}/reimport/preview`, modified, MODIFIED_NAME, other);
    expect(res.statusCode).toBe(404);
  });

  let versionTwo = '';
  it('commit stores version 2; the list shows one 石柱 plan, the current version; both versions stay readable', async () => {
    const res = await upload(`/api/plans/${shizhuId}/reimport`, modified, MODIFIED_NAME);
    expect(res.statusCode).toBe(201);
    const result = res.json() as { status: string; planId: string; previousPlanId: string; version: number; summary: string };
    expect(result).toMatchObject({ status: 'imported', previousPlanId: shizhuId, version: 2, carryOver: { indicators: 1, values: 2, tasks: 1 } });
    versionTwo = result.planId;
    // The status of version 2 shows the carried figure (the target changed to 1.5, the figure stayed).
    const v2Plan = (await app.inject({ method: 'GET', url: `/api/plans/${versionTwo}` })).json() as { indicators: { id: string; name: string }[] };
    const newRd = v2Plan.indicators.find((i) => i.name === '全社会研发经费占地区生产总值的比重')?.id;
    const status = (await app.inject({ method: 'GET', url: `/api/monitoring/plans/${versionTwo}/status?period=2022`, headers: admin.headers })).json() as {
      indicators: { indicatorId: string; current: { value: number } | null }[];
    };
    expect(status.indicators.find((i) => i.indicatorId === newRd)?.current?.value).toBe(1);

    const municipal = await loginAs(database.db, { role: 'municipal' });
    const list = (await app.inject({ method: 'GET', url: '/api/plans', headers: municipal.headers })).json() as { plans: PlanRow[] };
    const shizhu = list.plans.filter((p) => p.countyName === '石柱县');
    expect(shizhu).toHaveLength(1);
    expect(shizhu[0]).toMatchObject({ id: versionTwo, version: 2, supersedesPlanId: shizhuId, supersededByPlanId: null });
    expect(list.plans.map((p) => p.countyName)).toEqual(['奉节县', '石柱县']);

    const v2 = (await app.inject({ method: 'GET', url: `/api/plans/${versionTwo}` })).json() as {
      sourceFileName: string;
      indicators: { name: string; target: { value: number | null } | null }[];
    };
    expect(v2.sourceFileName).toBe(MODIFIED_NAME);
    expect(v2.indicators.find((i) => i.name === '全社会研发经费占地区生产总值的比重')?.target?.value).toBe(1.5);
    const v1 = await app.inject({ method: 'GET', url: `/api/plans/${shizhuId}` });
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, supersededByPlanId: versionTwo });

    const audit = await searchAudit(database.db, ALL_COUNTIES, { action: 'plan.reimport', limit: 10, offset: 0 });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ entityId: versionTwo, after: { version: 2, summary: result.summary } });
    expect(result.summary).toContain('指标：新增 0 项、删除 0 项、修改 1 项');
  });

  it('the same bytes again answer already-imported; re-importing onto the old version is refused (409)', async () => {
    const again = await upload(`/api/plans/${versionTwo}/reimport`, modified, MODIFIED_NAME);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'already-imported', planId: versionTwo });
    const stale = await upload(`/api/plans/${shizhuId}/reimport`, modified, MODIFIED_NAME);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { message: string }).message).toContain('此规划已有更新的版本');
  });
});

describe('two re-imports of the same version at once', () => {
  it('one answers 201, the other 409 (version-conflict, naming the newer version); one version 2, one audit row', async () => {
    const fengjieAdmin = await loginAs(database.db, { role: 'county_admin', county: '奉节县' });
    const list = (await app.inject({ method: 'GET', url: '/api/plans', headers: fengjieAdmin.headers })).json() as { plans: PlanRow[] };
    const fengjieId = list.plans.find((p) => p.countyName === '奉节县')?.id ?? '';
    const text = Buffer.from(seedFile(FENGJIE_SEED).bytes).toString('utf8');
    const [a, b] = await Promise.all([
      upload(`/api/plans/${fengjieId}/reimport`, Buffer.from(`${text}\n`, 'utf8'), '奉节修订甲.txt', fengjieAdmin),
      upload(`/api/plans/${fengjieId}/reimport`, Buffer.from(`${text}\n\n`, 'utf8'), '奉节修订乙.txt', fengjieAdmin),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const won = (a.statusCode === 201 ? a : b).json() as { planId: string; version: number };
    const lost = (a.statusCode === 201 ? b : a).json() as { error: string; message: string; current: { id: string; version: number } };
    expect(lost).toMatchObject({ error: 'version-conflict', current: { id: won.planId, version: 2 } });
    expect(lost.message).toContain('此规划已有更新的版本');
    const after = (await app.inject({ method: 'GET', url: '/api/plans', headers: fengjieAdmin.headers })).json() as { plans: PlanRow[] };
    expect(after.plans.filter((p) => p.countyName === '奉节县').map((p) => p.id)).toEqual([won.planId]);
    const audit = await searchAudit(database.db, ALL_COUNTIES, { action: 'plan.reimport', limit: 10, offset: 0 });
    expect(audit.rows.filter((r) => (r.before as { planId: string }).planId === fengjieId)).toHaveLength(1);
  });
});
