// Registered technology contracts. Scoped reads; versioned updates.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties, techContracts } from '../db/schema/index.ts';
import type { ContractType } from '../domain/registers/tech-contracts.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface ContractColumns {
  registrationNumber: string;
  registeredOn: string;
  type: ContractType;
  name: string;
  sellerName: string;
  sellerRegion: string | null;
  sellerInCounty: boolean;
  buyerName: string;
  buyerRegion: string | null;
  buyerInCounty: boolean;
  contractAmount: number;
  technologyAmount: number;
  enterpriseId: string | null;
}

export interface ContractRecord extends ContractColumns {
  id: string;
  countyId: string;
  countyName: string;
  version: number;
}

const columns = {
  id: techContracts.id,
  countyId: techContracts.countyId,
  countyName: counties.name,
  registrationNumber: techContracts.registrationNumber,
  registeredOn: techContracts.registeredOn,
  type: techContracts.type,
  name: techContracts.name,
  sellerName: techContracts.sellerName,
  sellerRegion: techContracts.sellerRegion,
  sellerInCounty: techContracts.sellerInCounty,
  buyerName: techContracts.buyerName,
  buyerRegion: techContracts.buyerRegion,
  buyerInCounty: techContracts.buyerInCounty,
  contractAmount: techContracts.contractAmount,
  technologyAmount: techContracts.technologyAmount,
  enterpriseId: techContracts.enterpriseId,
  version: techContracts.version,
};

export async function listContracts(exec: Executor, scope: TenantScope, filter: { year?: number | undefined } = {}): Promise<ContractRecord[]> {
  return exec
    .select(columns)
    .from(techContracts)
    .innerJoin(counties, eq(counties.id, techContracts.countyId))
    .where(
      and(
        countyFilter(techContracts.countyId, scope),
        filter.year !== undefined ? gte(techContracts.registeredOn, `${filter.year}-01-01`) : undefined,
        filter.year !== undefined ? lte(techContracts.registeredOn, `${filter.year}-12-31`) : undefined,
      ),
    )
    .orderBy(asc(counties.name), desc(techContracts.registeredOn), asc(techContracts.registrationNumber));
}

export async function findContract(exec: Executor, scope: TenantScope, id: string): Promise<ContractRecord | null> {
  const rows = await exec
    .select(columns)
    .from(techContracts)
    .innerJoin(counties, eq(counties.id, techContracts.countyId))
    .where(and(eq(techContracts.id, id), countyFilter(techContracts.countyId, scope)));
  return rows[0] ?? null;
}

/** null when the county already registered that number. */
export async function insertContract(exec: Executor, countyId: string, values: ContractColumns): Promise<string | null> {
  const rows = await exec
    .insert(techContracts)
    .values({ id: randomUUID(), countyId, ...values })
    .onConflictDoNothing({ target: [techContracts.countyId, techContracts.registrationNumber] })
    .returning({ id: techContracts.id });
  return rows[0]?.id ?? null;
}

export async function updateContractIfVersion(
  exec: Executor,
  key: { id: string; countyId: string; version: number },
  values: Partial<ContractColumns>,
): Promise<boolean> {
  const rows = await exec
    .update(techContracts)
    .set({ ...values, version: sql`${techContracts.version} + 1` })
    .where(and(eq(techContracts.id, key.id), eq(techContracts.countyId, key.countyId), eq(techContracts.version, key.version)))
    .returning({ id: techContracts.id });
  return rows.length > 0;
}
