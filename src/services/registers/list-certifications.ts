// Certifications of the caller's reach with their state today, and the expiry alerts (高企 3-year validity …).
import type { Database } from '../../db/client.ts';
import { expiryAlerts, expiryState, type CertificationKind } from '../../domain/registers/certifications.ts';
import { listCertifications as listCertificationRows, type CertificationRecord } from '../../repositories/certifications.ts';
import type { Access } from '../auth/access.ts';
import { onlyEnterprise, requireAction, today } from './guards.ts';

export type CertificationState = 'valid' | 'expiring' | 'expired' | 'revoked' | 'pending';

export interface CertificationView extends CertificationRecord {
  state: CertificationState;
}

export const DEFAULT_ALERT_DAYS = 90;

export async function listCertifications(
  db: Database,
  access: Access,
  filter: { kind?: CertificationKind | undefined; withinDays?: number | undefined; today?: string | undefined } = {},
): Promise<CertificationView[]> {
  requireAction(access, 'register.read');
  const own = onlyEnterprise(access);
  const rows = await listCertificationRows(db, access.scope, { kind: filter.kind, enterpriseIds: own === null ? undefined : [own] });
  const now = filter.today ?? today();
  const within = filter.withinDays ?? DEFAULT_ALERT_DAYS;
  return rows.map((c) => ({ ...c, state: c.issuedOn > now ? 'pending' : expiryState(c, now, within) }));
}

export interface CertificationAlert {
  certificationId: string;
  enterpriseId: string;
  enterpriseName: string;
  kind: CertificationKind;
  number: string;
  validUntil: string;
  state: 'expired' | 'expiring';
  daysLeft: number;
  message: string;
}

export async function listExpiryAlerts(
  db: Database,
  access: Access,
  options: { withinDays?: number | undefined; today?: string | undefined } = {},
): Promise<CertificationAlert[]> {
  requireAction(access, 'register.read');
  const own = onlyEnterprise(access);
  const rows = await listCertificationRows(db, access.scope, { enterpriseIds: own === null ? undefined : [own] });
  const names = new Map(rows.map((c) => [c.enterpriseId, c.enterpriseName]));
  return expiryAlerts(rows, options.today ?? today(), { withinDays: options.withinDays ?? DEFAULT_ALERT_DAYS, names }).map((a) => ({
    certificationId: a.certificate.id,
    enterpriseId: a.certificate.enterpriseId,
    enterpriseName: a.certificate.enterpriseName,
    kind: a.certificate.kind,
    number: a.certificate.number,
    validUntil: a.certificate.validUntil,
    state: a.state,
    daysLeft: a.daysLeft,
    message: a.message,
  }));
}
