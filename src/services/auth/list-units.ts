import type { Database } from '../../db/client.ts';
import { listUnits as listUnitRows, type UnitRecord } from '../../repositories/units.ts';
import type { Access } from './access.ts';

export function listUnits(db: Database, access: Access): Promise<UnitRecord[]> {
  return listUnitRows(db, access.scope);
}
