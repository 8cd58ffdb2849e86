// A county register larger than one list call returns (500): `count` enterprises inserted in one statement, named
// `${prefix}0001…` in name order, each with a valid 统一社会信用代码, so a test can look for "the 600th" by name or code.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';
import { counties, enterprises } from '../../src/db/schema/index.ts';
import { usccCheckCharacter } from '../../src/domain/registers/uscc.ts';

export interface BulkEnterprise {
  id: string;
  name: string;
  uscc: string;
}

/** `number` (1-based) as four digits: the part of the name that orders and tells the enterprises apart. */
export const serial = (number: number): string => String(number).padStart(4, '0');

/** A valid code per (region, number): 9 + 1 + the six-digit 区划码 + MA + seven digits, then the check character. */
export function bulkUscc(region: string, number: number): string {
  const first17 = `91${region}MA${String(number).padStart(7, '0')}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export async function insertBulkEnterprises(
  db: Database,
  spec: { county: string; region: string; prefix: string; count: number },
): Promise<BulkEnterprise[]> {
  const [county] = await db.select({ id: counties.id }).from(counties).where(eq(counties.name, spec.county));
  if (!county) throw new Error(`county ${spec.county} missing`);
  const rows = Array.from({ length: spec.count }, (_, i) => ({
    id: randomUUID(),
    countyId: county.id,
    uscc: bulkUscc(spec.region, i + 1),
    name: `${spec.prefix}${serial(i + 1)}有限公司`,
    listedOn: '2024-01-01',
  }));
  await db.insert(enterprises).values(rows);
  return rows.map(({ id, name, uscc }) => ({ id, name, uscc }));
}
