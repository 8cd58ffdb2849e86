import type { Database } from '../../db/client.ts';
import type { PlatformKind } from '../../domain/registers/indicator-binding.ts';
import { listPlatforms as listPlatformRows, type PlatformRecord } from '../../repositories/platforms.ts';
import type { Access } from '../auth/access.ts';
import { onlyEnterprise, requireAction, today } from './guards.ts';

export interface PlatformView extends PlatformRecord {
  /** Recognised and not revoked today. */
  activeToday: boolean;
}

export async function listPlatforms(db: Database, access: Access, filter: { kind?: PlatformKind | undefined } = {}): Promise<PlatformView[]> {
  requireAction(access, 'register.read');
  const now = today();
  const own = onlyEnterprise(access);
  // An enterprise account sees the platforms its own enterprise hosts.
  const rows = (await listPlatformRows(db, access.scope, filter)).filter((p) => own === null || p.hostEnterpriseId === own);
  return rows.map((p) => ({ ...p, activeToday: p.recognisedOn <= now && (p.revokedOn === null || p.revokedOn > now) }));
}
