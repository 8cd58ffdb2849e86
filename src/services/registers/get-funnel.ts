// 梯度培育 funnel of a year: in register → 科技型中小企业 → 高企培育库 → 高企 → 专精特新, with conversion counts.
import type { Database } from '../../db/client.ts';
import { buildFunnel, type FunnelRow } from '../../domain/registers/certifications.ts';
import { listCertifications } from '../../repositories/certifications.ts';
import { listEnterpriseFacts } from '../../repositories/enterprises.ts';
import type { Access } from '../auth/access.ts';
import { requireAction } from './guards.ts';

export async function getFunnel(db: Database, access: Access, year: number): Promise<{ year: number; stages: Omit<FunnelRow, 'enterpriseIds'>[] }> {
  requireAction(access, 'register.county');
  const [enterprises, certs] = await Promise.all([listEnterpriseFacts(db, access.scope), listCertifications(db, access.scope)]);
  return { year, stages: buildFunnel(year, enterprises, certs).map(({ enterpriseIds: _ids, ...row }) => row) };
}
