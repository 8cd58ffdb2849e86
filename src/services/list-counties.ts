// 区县归属: the counties the caller may see (the 市科技局 all, a county user their own), each with its 所属地市, the
// version an edit must quote, and how many current plans it has.
import type { Database } from '../db/client.ts';
import { listCountyRecords, type CountyRecord } from '../repositories/counties.ts';
import type { Access } from './auth/access.ts';
import { requireAction } from './monitoring/guards.ts';

export async function listCounties(db: Database, access: Access): Promise<CountyRecord[]> {
  requireAction(access, 'plan.read');
  return listCountyRecords(db, access.scope);
}
