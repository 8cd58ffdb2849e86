// 区县归属: the 市科技局 assigns a county's 所属地市 (trimmed, blank clears, at most 40 characters), versioned with a
// 409 carrying the county as it is now, audited in the same transaction; county users see their own county only and
// may not assign; the municipal batch report then finds the county by its 地市.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/repositories/audit.ts';
import { readPlanFrameStamps } from '../../src/repositories/monitoring-status.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { assignCountyMunicipality } from '../../src/services/assign-county-municipality.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../../src/services/errors.ts';
import { generateMunicipalReports } from '../../src/services/generate-municipal-reports.ts';
import { importPlan } from '../../src/services/import-plan.ts';
import { listCounties } from '../../src/services/list-counties.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { accessAs } from '../support/registers.ts';
import { FENGJIE_SEED, SHIZHU_SEED, seedFile } from '../support/seeds.ts';

let database: TestDatabase;
let fengjie: string;
let shizhu: string;
const municipal = accessAs('municipal', null, { username: 'city-clerk' });

beforeAll(async () => {
  database = await createTestDatabase();
  fengjie = (await importPlan(database.db, { ...seedFile(FENGJIE_SEED), actor: 'test' })).countyId;
  shizhu = (await importPlan(database.db, { ...seedFile(SHIZHU_SEED), actor: 'test' })).countyId;
});
afterAll(async () => {
  await database.dispose();
});

const current = async (countyId: string) => {
  const county = (await listCounties(database.db, municipal)).find((c) => c.id === countyId);
  if (!county) throw new Error('county missing');
  return county;
};

describe('listing counties', () => {
  it('the municipal bureau sees every county with its municipality, version and current plan count', async () => {
    const counties = await listCounties(database.db, municipal);
    expect(counties.map((c) => c.name).sort()).toEqual(['奉节县', '石柱县'].sort());
    for (const c of counties) expect(c).toMatchObject({ municipality: null, version: 1, planCount: 1 });
  });

  it('a county user sees their own county only', async () => {
    const counties = await listCounties(database.db, accessAs('county_staff', shizhu));
    expect(counties.map((c) => c.id)).toEqual([shizhu]);
  });
});

describe('assigning the 所属地市', () => {
  it('assigns a trimmed name, bumps the version and writes one audit row with before and after', async () => {
    const stampsBefore = await readPlanFrameStamps(database.db, ALL_COUNTIES);
    const before = await current(fengjie);
    const after = await assignCountyMunicipality(database.db, municipal, { countyId: fengjie, version: before.version, municipality: '  重庆市 ' });
    expect(after).toMatchObject({ id: fengjie, name: '奉节县', municipality: '重庆市', version: before.version + 1, planCount: 1 });
    expect(await current(fengjie)).toEqual(after);

    const audit = (await listAudit(database.db, ALL_COUNTIES, { entity: 'county', entityId: fengjie })).filter((a) => a.action === 'county.assign-municipality');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'city-clerk', role: 'municipal', countyId: fengjie, before: { municipality: null }, after: { municipality: '重庆市' } });
    // A municipality is not part of any plan frame: the comparison's cached frames stay valid (0010 fires on names only).
    expect(await readPlanFrameStamps(database.db, ALL_COUNTIES)).toEqual(stampsBefore);
  });

  it('blank clears it (null), and saving the same value again writes nothing', async () => {
    const operator = operatorAccess('cli:test');
    const set = await current(shizhu);
    const assigned = await assignCountyMunicipality(database.db, operator, { countyId: shizhu, version: set.version, municipality: '重庆市' });
    const same = await assignCountyMunicipality(database.db, operator, { countyId: shizhu, version: assigned.version, municipality: '重庆市' });
    expect(same.version).toBe(assigned.version);
    const cleared = await assignCountyMunicipality(database.db, operator, { countyId: shizhu, version: assigned.version, municipality: '   ' });
    expect(cleared).toMatchObject({ municipality: null, version: assigned.version + 1 });
    const viaNull = await assignCountyMunicipality(database.db, operator, { countyId: shizhu, version: cleared.version, municipality: null });
    expect(viaNull.version).toBe(cleared.version);
    const audit = (await listAudit(database.db, ALL_COUNTIES, { entity: 'county', entityId: shizhu })).filter((a) => a.action === 'county.assign-municipality');
    expect(audit.map((a) => [a.actor, a.before, a.after])).toEqual([
      ['cli:test', { municipality: '重庆市' }, { municipality: null }],
      ['cli:test', { municipality: null }, { municipality: '重庆市' }],
    ]);
  });

  it('refuses a name over 40 characters in Chinese, naming the field', async () => {
    const county = await current(shizhu);
    const refused = assignCountyMunicipality(database.db, municipal, { countyId: shizhu, version: county.version, municipality: '市'.repeat(41) });
    await expect(refused).rejects.toThrow(ValidationError);
    await expect(refused).rejects.toThrow(/^所属地市最多 40 个字/);
    await expect(refused).rejects.toMatchObject({ details: [{ path: '/municipality' }] });
    // 40 is fine.
    const ok = await assignCountyMunicipality(database.db, municipal, { countyId: shizhu, version: county.version, municipality: '市'.repeat(40) });
    expect(ok.municipality).toHaveLength(40);
    await assignCountyMunicipality(database.db, municipal, { countyId: shizhu, version: ok.version, municipality: null });
  });

  it('county users may not assign, not even their own county', async () => {
    const county = await current(fengjie);
    for (const role of ['county_admin', 'county_staff', 'unit_reporter', 'enterprise'] as const) {
      await expect(
        assignCountyMunicipality(database.db, accessAs(role, fengjie), { countyId: fengjie, version: county.version, municipality: '万州区' }),
      ).rejects.toThrow(ForbiddenError);
    }
    expect((await current(fengjie)).municipality).toBe('重庆市');
  });

  it('a stale version is refused with the county as it is now (409), and nothing is written', async () => {
    const now = await current(fengjie);
    const stale = assignCountyMunicipality(database.db, municipal, { countyId: fengjie, version: now.version - 1, municipality: '万州区' });
    await expect(stale).rejects.toThrow(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ entity: 'county', current: { id: fengjie, municipality: '重庆市', version: now.version } });
    expect(await current(fengjie)).toEqual(now);
  });

  it('an unknown county is not found', async () => {
    await expect(
      assignCountyMunicipality(database.db, municipal, { countyId: '00000000-0000-4000-8000-000000000000', version: 1, municipality: '重庆市' }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('the municipal batch report by 地市', () => {
  it('finds exactly the counties assigned to the municipality, titled with its name', async () => {
    // 奉节县 belongs to 重庆市 (above); 石柱县 has been cleared.
    const result = await generateMunicipalReports(database.db, municipal, { municipality: '重庆市', kind: 'midterm', year: 2023, renderWorkers: 0 });
    expect(result.rows.map((r) => r.countyName)).toEqual(['奉节县']);
    expect(result.zip.fileName).toContain('重庆市');
  }, 120_000);
});
