import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { counties } from '../db/schema/index.ts';

export interface County {
  id: string;
  name: string;
  municipality: string | null;
}

export async function findCountyByName(exec: Executor, name: string): Promise<County | null> {
  const rows = await exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .where(eq(counties.name, name));
  return rows[0] ?? null;
}

export async function insertCounty(exec: Executor, name: string, municipality: string | null = null): Promise<County> {
  const county = { id: randomUUID(), name, municipality };
  await exec.insert(counties).values(county);
  return county;
}

export async function listCounties(exec: Executor): Promise<County[]> {
  return exec
    .select({ id: counties.id, name: counties.name, municipality: counties.municipality })
    .from(counties)
    .orderBy(asc(counties.name));
}
