// Fixtures shared by the monitoring tests: both seed plans imported, and Access values for each role built directly
// (services take an Access; how HTTP derives one from a session is tested in test/http).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { Role } from '../../src/domain/access.ts';
import { principalAccess, operatorAccess, type Access } from '../../src/services/auth/access.ts';
import { createUnit } from '../../src/services/auth/create-unit.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import type { CountyComparison } from '../../src/services/monitoring/compare-counties.ts';
import { getPlanStatus } from '../../src/services/monitoring/get-plan-status.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import type { PlanDetail } from '../../src/repositories/plans.ts';
import { SEED_DIR } from '../support/seeds.ts';

export const OPERATOR = operatorAccess('test-operator');

export function accessAs(role: Role, countyId: string | null, unitId: string | null = null, name = `${role}-user`): Access {
  return principalAccess(
    {
      userId: randomUUID(),
      username: name,
      displayName: name,
      role,
      countyId: role === 'municipal' ? null : countyId,
      unitId,
      enterpriseId: null,
      mustChangePassword: false,
    },
    '127.0.0.1',
  );
}

export interface SeededPlans {
  fengjie: PlanDetail;
  shizhu: PlanDetail;
}

export async function importSeeds(db: Database): Promise<SeededPlans> {
  await importSeedPlansOnFirstStart(db, SEED_DIR);
  const plans = await listPlans(db, ALL_COUNTIES);
  const find = async (county: string) => {
    const summary = plans.find((p) => p.countyName === county);
    if (!summary) throw new Error(`${county} plan missing`);
    return getPlan(db, ALL_COUNTIES, summary.id);
  };
  return { fengjie: await find('奉节县'), shizhu: await find('石柱县') };
}

export async function addUnit(db: Database, countyId: string, name: string): Promise<string> {
  const unit = await createUnit(db, OPERATOR, { name, kind: /(乡|镇|街道)$/.test(name) ? '乡镇' : '部门', countyId });
  return unit.id;
}

export function indicatorNamed(plan: PlanDetail, name: string): PlanDetail['indicators'][number] {
  const found = plan.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`indicator ${name} missing`);
  return found;
}

/**
 * Each cell of a municipal comparison carries the same figures as its county's own status table (one math, two
 * shapes); every county's indicators all have a cell.
 */
export async function expectCellsMatchOwnTables(db: Database, access: Access, view: CountyComparison, period: string): Promise<void> {
  for (const [column, county] of view.counties.entries()) {
    const own = await getPlanStatus(db, access, { planId: county.planId, period });
    const cells = view.rows.map((r) => r.cells[column]).filter((c) => c !== null && c !== undefined);
    expect(cells).toHaveLength(own.indicators.length);
    for (const cell of cells) {
      const item = own.indicators.find((i) => i.indicatorId === cell.indicatorId);
      expect(item, cell.indicatorId).toBeDefined();
      expect(cell).toEqual({
        indicatorId: item?.indicatorId,
        kind: item?.kind,
        status: item?.status,
        completion: item?.completion,
        schedule: item?.schedule,
        current: item?.current,
        warning: item?.forecast.possible === true && item.forecast.warning,
        bindingWarning: item?.forecast.possible === true && item.forecast.bindingWarning,
      });
    }
  }
}
