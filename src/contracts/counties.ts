// Zod schemas of the county API (区县归属): the list, and the 市科技局's edit of a county's 所属地市. The routes validate
// and serialise with them; the web form checks its body with the same schema. The type check keeps them in step.
import { z } from 'zod';
import type { Same } from './same.ts';
import type { CountyRecord } from '../repositories/counties.ts';
import type { AssignCountyMunicipalityInput } from '../services/assign-county-municipality.ts';

/** Longest 地市 name accepted — the same limit the municipal report request has. */
export const MUNICIPALITY_MAX = 40;

export const countyParams = z.strictObject({ id: z.uuid({ message: '区县编号格式不正确 / invalid county id' }) });

export const countySchema = z.object({
  id: z.string(),
  name: z.string(),
  municipality: z.string().nullable(),
  version: z.number().int(),
  planCount: z.number().int(),
});

export const countyListSchema = z.object({ counties: z.array(countySchema) });

/** 所属地市: blank (or null) clears it; the service trims and stores null for blank. */
export const countyPatchBody = z.strictObject({
  version: z.number().int().min(1),
  municipality: z.string().trim().max(MUNICIPALITY_MAX).nullable(),
});

const _inSync: [Same<z.infer<typeof countySchema>, CountyRecord>, Same<z.infer<typeof countyPatchBody>, Omit<AssignCountyMunicipalityInput, 'countyId'>>] = [true, true];
void _inSync;
