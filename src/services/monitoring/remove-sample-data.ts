// `kechuang sample remove`: deletes exactly the rows flagged as sample (and the units the sample created, unless
// something real now uses them), with one audit row per county saying how many of each went.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { listCounties } from '../../repositories/counties.ts';
import { deleteSampleRows, type SampleRemoval } from '../../repositories/sample-data.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ForbiddenError } from '../errors.ts';
import { requireAction } from './guards.ts';

export async function removeSampleData(db: Database, access: Access): Promise<(SampleRemoval & { countyName: string })[]> {
  requireAction(access, 'indicator.configure');
  // Sample rows span counties: only the operator (or a municipal-wide caller) may remove them all.
  if (access.scope.kind !== 'all') throw new ForbiddenError('仅系统管理员可删除示例数据 / operator only');
  return db.transaction(async (tx) => {
    const removed = await deleteSampleRows(tx);
    for (const county of removed) {
      await appendAudit(tx, {
        countyId: county.countyId,
        ...auditActor(access.actor),
        action: 'sample.remove',
        entity: 'sample_data',
        entityId: null,
        before: { values: county.values, reports: county.reports, settings: county.settings, units: county.units },
      });
    }
    const names = new Map((await listCounties(tx)).map((c) => [c.id, c.name]));
    return removed.map((county) => ({ ...county, countyName: names.get(county.countyId) ?? county.countyId }));
  });
}
