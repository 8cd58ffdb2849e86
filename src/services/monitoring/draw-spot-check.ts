// 抽样核查: draw a random sample of submitted (or approved) unit figures not checked before, as one batch.
import { randomInt, randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { formatPeriod } from '../../domain/period/period.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { listSpotCheckPool } from '../../repositories/indicator-values.ts';
import { insertSpotChecks, listSpotChecks, type SpotCheckRecord } from '../../repositories/spot-checks.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ValidationError } from '../errors.ts';
import { periodFromInput, requireAction } from './guards.ts';

export const MAX_SAMPLE_SIZE = 200;

export async function drawSpotCheck(
  db: Database,
  access: Access,
  input: { size: number; period?: string | undefined },
): Promise<{ batchId: string; poolSize: number; checks: SpotCheckRecord[] }> {
  requireAction(access, 'value.spotcheck');
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > MAX_SAMPLE_SIZE) {
    throw new ValidationError(`抽样数量须为 1—${MAX_SAMPLE_SIZE} / sample size must be 1–${MAX_SAMPLE_SIZE}`);
  }
  const period = input.period === undefined ? undefined : formatPeriod(periodFromInput(input.period));
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    const pool = await listSpotCheckPool(tx, access.scope, { period });
    // Partial Fisher–Yates with a cryptographic generator: nobody can predict (or steer) which figures are drawn.
    const drawn = [...pool];
    const size = Math.min(input.size, drawn.length);
    for (let i = 0; i < size; i += 1) {
      const j = i + randomInt(drawn.length - i);
      [drawn[i], drawn[j]] = [drawn[j] as (typeof drawn)[number], drawn[i] as (typeof drawn)[number]];
    }
    const sample = drawn.slice(0, size);
    await insertSpotChecks(tx, batchId, access.actor.name, sample);
    const counties = new Map<string, number>();
    for (const value of sample) counties.set(value.countyId, (counties.get(value.countyId) ?? 0) + 1);
    for (const [countyId, count] of counties) {
      await appendAudit(tx, {
        countyId,
        ...auditActor(access.actor),
        action: 'spotcheck.draw',
        entity: 'spot_check_batch',
        entityId: batchId,
        after: { drawn: count, poolSize: pool.length, period: period ?? null },
      });
    }
    return { batchId, poolSize: pool.length, checks: await listSpotChecks(tx, access.scope, { batchId }) };
  });
}
