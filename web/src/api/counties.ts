// County API (src/http/routes/counties.ts): the counties in the caller's scope and the 市科技局's edit of a county's
// 所属地市 (versioned: a 409 carries the county as it is now).
import type { countyListSchema, countyPatchBody, countySchema } from '@contracts/counties.ts';
import type { z } from 'zod';
import { api } from './client.ts';

export type County = z.infer<typeof countySchema>;
export type CountyPatch = z.output<typeof countyPatchBody>;

export async function fetchCounties(): Promise<County[]> {
  return (await api.get<z.infer<typeof countyListSchema>>('/api/counties')).counties;
}

export function updateCountyMunicipality(countyId: string, patch: CountyPatch): Promise<County> {
  return api.patch<County>(`/api/counties/${countyId}`, patch);
}

/** The distinct 地市 assigned to some county, in Chinese collation order — what a batch report can be titled with. */
export function assignedMunicipalities(counties: readonly County[]): string[] {
  const names = new Set(counties.flatMap((c) => (c.municipality === null ? [] : [c.municipality])));
  return [...names].sort(new Intl.Collator('zh-CN').compare);
}
