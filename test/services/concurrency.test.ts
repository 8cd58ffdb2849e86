// 50 writers correcting the same indicator at once: exactly the accepted writes reach the audit log, the version
// advances by one per accepted write, nothing is lost, and every other writer is told (409) with the current record.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { listAudit } from '../../src/repositories/audit.ts';
import { ALL_COUNTIES } from '../../src/repositories/scope.ts';
import { operatorAccess } from '../../src/services/auth/access.ts';
import { VersionConflictError } from '../../src/services/errors.ts';
import { getPlan } from '../../src/services/get-plan.ts';
import { importSeedPlansOnFirstStart } from '../../src/services/import-seed-plans.ts';
import { listPlans } from '../../src/services/list-plans.ts';
import { updatePlanIndicator } from '../../src/services/update-plan-indicator.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { loginAs } from '../support/login.ts';
import { SEED_DIR } from '../support/seeds.ts';

const WRITERS = 50;

let database: TestDatabase;
let planId: string;
let indicatorIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await importSeedPlansOnFirstStart(database.db, SEED_DIR);
  const plan = (await listPlans(database.db, ALL_COUNTIES)).find((p) => p.countyName === '奉节县');
  if (!plan) throw new Error('seed plan missing');
  planId = plan.id;
  // Indicators with a target year, so a corrected target value is valid.
  indicatorIds = (await getPlan(database.db, ALL_COUNTIES, planId)).indicators.filter((i) => i.target !== null).map((i) => i.id);
  if (indicatorIds.length < 4) throw new Error('seed plan has too few indicators with targets');
});

afterAll(async () => {
  await database.dispose();
});

async function indicator(id: string) {
  const found = (await getPlan(database.db, ALL_COUNTIES, planId)).indicators.find((i) => i.id === id);
  if (!found) throw new Error('indicator missing');
  return found;
}

async function updatesOf(id: string) {
  const rows = await listAudit(database.db, ALL_COUNTIES, { entity: 'plan_indicator', entityId: id });
  return rows.filter((r) => r.action === 'indicator.update');
}

/** The invariants, whatever the interleaving was. */
async function expectNoLostWrite(id: string, accepted: { version: number; targetValue: number | null }[], conflicts: number) {
  expect(accepted.length + conflicts).toBe(WRITERS);
  expect(accepted.length).toBeGreaterThanOrEqual(1);
  const final = await indicator(id);
  expect(final.version).toBe(1 + accepted.length);
  // Each accepted write produced exactly one audit row, and the rows chain version to version with no gap.
  const audit = await updatesOf(id);
  expect(audit).toHaveLength(accepted.length);
  const chain = audit
    .map((r) => ({ before: (r.before as { version: number }).version, after: (r.after as { version: number }).version }))
    .sort((a, b) => a.before - b.before);
  expect(chain).toEqual(accepted.map((_, i) => ({ before: i + 1, after: i + 2 })));
  expect(new Set(accepted.map((a) => a.version))).toEqual(new Set(chain.map((c) => c.after)));
  // The record holds the value of the last accepted write.
  const last = audit.find((r) => (r.after as { version: number }).version === final.version);
  expect(final.target?.value).toBe((last?.after as { target: { value: number } }).target.value);
}

describe('update-plan-indicator under concurrency', () => {
  it('through the service: 50 writers who all read version 1 — one wins, 49 get the current record', async () => {
    const id = indicatorIds[0] ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, n) =>
        updatePlanIndicator(database.db, operatorAccess(`writer-${n}`), {
          planId,
          indicatorId: id,
          version: 1,
          patch: { targetValue: 1000 + n },
        }),
      ),
    );
    const accepted = results.flatMap((r) => (r.status === 'fulfilled' ? [{ version: r.value.version, targetValue: r.value.target?.value ?? null }] : []));
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflictError);
    expect(accepted).toHaveLength(1);
    for (const c of conflicts) {
      const current = ((c as PromiseRejectedResult).reason as VersionConflictError).current as { id: string; version: number };
      expect(current.id).toBe(id);
      expect(current.version).toBeGreaterThanOrEqual(1);
    }
    await expectNoLostWrite(id, accepted, conflicts.length);
  });

  it('through the service: 50 writers who each read the current version first — every accepted write is kept', async () => {
    const id = indicatorIds[1] ?? '';
    const results = await Promise.allSettled(
      Array.from({ length: WRITERS }, async (_, n) => {
        const read = await indicator(id);
        return updatePlanIndicator(database.db, operatorAccess(`reader-writer-${n}`), {
          planId,
          indicatorId: id,
          version: read.version,
          patch: { targetValue: 2000 + n },
        });
      }),
    );
    const accepted = results.flatMap((r) => (r.status === 'fulfilled' ? [{ version: r.value.version, targetValue: r.value.target?.value ?? null }] : []));
    const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof VersionConflictError);
    await expectNoLostWrite(id, accepted, conflicts.length);
  });

  describe('through HTTP (app.inject)', () => {
    let app: FastifyInstance;
    let headers: Record<string, string>;
    beforeAll(async () => {
      app = await buildApp({ database });
      ({ headers } = await loginAs(database.db, { role: 'county_admin', county: '奉节县' }));
    });
    afterAll(async () => {
      await app.close();
    });

    it('50 PATCHes at once: the accepted ones answer 200, the rest 409 with the current record', async () => {
      const id = indicatorIds[2] ?? '';
      const start = await indicator(id);
      const responses = await Promise.all(
        Array.from({ length: WRITERS }, (_, n) =>
          app.inject({
            method: 'PATCH',
            url: `/api/plans/${planId}/indicators/${id}`,
            headers,
            payload: { version: start.version, targetValue: 3000 + n },
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const accepted = responses
        .filter((r) => r.statusCode === 200)
        .map((r) => r.json() as { version: number; target: { value: number } })
        .map((b) => ({ version: b.version, targetValue: b.target.value }));
      const conflicts = responses.filter((r) => r.statusCode === 409);
      for (const c of conflicts) {
        expect(c.json()).toMatchObject({ error: 'version-conflict', current: { id, version: expect.any(Number) } });
      }
      expect(accepted).toHaveLength(1);
      await expectNoLostWrite(id, accepted, conflicts.length);
      // HTTP writes carry who, role and IP into the audit log.
      const [row] = await updatesOf(id);
      expect(row).toMatchObject({ role: 'county_admin', ip: '127.0.0.1' });
    });

    it('50 read-then-PATCH clients: version = 1 + accepted, audit has exactly the accepted writes', async () => {
      const id = indicatorIds[3] ?? '';
      const responses = await Promise.all(
        Array.from({ length: WRITERS }, async (_, n) => {
          const plan = (await app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers })).json() as {
            indicators: { id: string; version: number }[];
          };
          const version = plan.indicators.find((i) => i.id === id)?.version ?? 0;
          return app.inject({
            method: 'PATCH',
            url: `/api/plans/${planId}/indicators/${id}`,
            headers,
            payload: { version, targetValue: 4000 + n },
          });
        }),
      );
      expect(responses.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
      const accepted = responses
        .filter((r) => r.statusCode === 200)
        .map((r) => r.json() as { version: number; target: { value: number } })
        .map((b) => ({ version: b.version, targetValue: b.target.value }));
      await expectNoLostWrite(id, accepted, responses.filter((r) => r.statusCode === 409).length);
    });
  });
});
