// Certifications of the 梯度培育 pipeline: 入库编号 / 证书编号, issue date, validity → "valid at year end", expiry
// alerts, and the yearly funnel (in register → 科技型中小企业 → 高企培育库 → 高企 → 专精特新).
import { addDays, addYears, daysBetween, yearEnd } from './dates.ts';
import type { RulePackKind } from './rule-packs.ts';

/** 科技型企业 = 重庆市科技型企业库 (the local register counted by plans as 科技型企业, a stock). */
export const CERTIFICATION_KINDS = ['科技型企业', '科技型中小企业', '高企培育库', '高新技术企业', '创新型中小企业', '专精特新中小企业', '专精特新小巨人'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/**
 * Default validity in years, used when a certificate carries no explicit end date. 高企 3 years [V]; 专精特新 and
 * 创新型 3 years [S]; 科技型中小企业 入库编号 and 重庆 科技型企业 one year [S/U]; 高企培育库 is a local pool whose term varies [U].
 * The rule pack of the kind (certificateValidityYears) overrides these where one exists.
 */
export const DEFAULT_VALIDITY_YEARS: Record<CertificationKind, number> = {
  科技型企业: 1,
  科技型中小企业: 1,
  高企培育库: 3,
  高新技术企业: 3,
  创新型中小企业: 3,
  专精特新中小企业: 3,
  专精特新小巨人: 3,
};

/** The rule pack whose certificateValidityYears sets a kind's validity (the others keep their default). */
export const CERTIFICATION_RULE_PACK: Partial<Record<CertificationKind, RulePackKind>> = {
  科技型中小企业: 'tsme',
  高新技术企业: 'hnte',
  创新型中小企业: 'innovative-sme',
  专精特新中小企业: 'specialized-sme',
};

/**
 * The last valid day: issue date + N years − 1 day (a 高企 certificate issued 2023-12-08 is valid through
 * 2026-12-07). Issued on 29 February: + N years rolls to 1 March, so the last day is 28 February.
 */
export function validUntil(issuedOn: string, years: number): string {
  return addDays(addYears(issuedOn, years), -1);
}

export interface CertificateFacts {
  id: string;
  enterpriseId: string;
  kind: CertificationKind;
  issuedOn: string;
  validUntil: string;
  revokedOn: string | null;
}

/** Valid on `date`: issued on or before, not past its last day, not revoked on or before. */
export function isValidOn(cert: Pick<CertificateFacts, 'issuedOn' | 'validUntil' | 'revokedOn'>, date: string): boolean {
  return cert.issuedOn <= date && date <= cert.validUntil && (cert.revokedOn === null || cert.revokedOn > date);
}

export type ExpiryState = 'expired' | 'expiring' | 'valid' | 'revoked';

export interface ExpiryAlert<C extends CertificateFacts = CertificateFacts> {
  certificate: C;
  state: 'expired' | 'expiring';
  /** Days from today to the last valid day (negative once expired). */
  daysLeft: number;
  message: string;
}

export function expiryState(cert: CertificateFacts, today: string, withinDays: number): ExpiryState {
  if (cert.revokedOn !== null && cert.revokedOn <= today) return 'revoked';
  const left = daysBetween(today, cert.validUntil);
  if (left < 0) return 'expired';
  return left <= withinDays ? 'expiring' : 'valid';
}

/**
 * Certificates expiring within `withinDays` (inclusive) or expired within the last `expiredWithinDays` and not
 * superseded by a later certificate of the same kind for the same enterprise (a renewed 高企 raises no alert).
 */
export function expiryAlerts<C extends CertificateFacts>(
  certs: readonly C[],
  today: string,
  options: { withinDays: number; expiredWithinDays?: number; names?: ReadonlyMap<string, string> },
): ExpiryAlert<C>[] {
  const expiredWindow = options.expiredWithinDays ?? 365;
  const alerts: ExpiryAlert<C>[] = [];
  for (const cert of certs) {
    const state = expiryState(cert, today, options.withinDays);
    if (state !== 'expired' && state !== 'expiring') continue;
    const daysLeft = daysBetween(today, cert.validUntil);
    if (state === 'expired' && -daysLeft > expiredWindow) continue;
    const renewed = certs.some(
      (other) => other !== cert && other.enterpriseId === cert.enterpriseId && other.kind === cert.kind && other.validUntil > cert.validUntil && other.revokedOn === null,
    );
    if (renewed) continue;
    const who = options.names?.get(cert.enterpriseId) ?? '';
    const message =
      state === 'expiring'
        ? `${who}${cert.kind}资格将于 ${cert.validUntil} 到期（剩 ${daysLeft} 天），请提醒重新申报`
        : `${who}${cert.kind}资格已于 ${cert.validUntil} 到期 ${-daysLeft} 天，未见续期`;
    alerts.push({ certificate: cert, state, daysLeft, message });
  }
  return alerts.sort((a, b) => a.daysLeft - b.daysLeft);
}

export const FUNNEL_STAGES = [
  { code: 'register', label: '入库企业' },
  { code: 'tsme', label: '科技型中小企业' },
  { code: 'hnte-pool', label: '高企培育库' },
  { code: 'hnte', label: '高新技术企业' },
  { code: 'specialized', label: '专精特新' },
] as const;
export type FunnelStageCode = (typeof FUNNEL_STAGES)[number]['code'];

export interface FunnelEnterprise {
  id: string;
  /** 登记入库日期 (into the county register) */
  listedOn: string;
  removedOn: string | null;
}

export interface FunnelRow {
  code: FunnelStageCode;
  label: string;
  /** Enterprises at this stage in the year. */
  count: number;
  /** Of those, how many had reached the previous stage by year end (came through the pipeline). */
  fromPrevious: number;
  /** count ÷ previous stage's count (the funnel's stage-to-stage ratio); null for the first or after an empty stage. */
  conversionRate: number | null;
  enterpriseIds: string[];
}

/**
 * The funnel of `year`: register = listed by year end and not removed; 科技型中小企业 = a certificate issued in the
 * year (the stock resets each year, §10.5); 高企培育库 / 高企 / 专精特新 (中小企业 or 小巨人) = valid at year end.
 * "Reached by year end" (for fromPrevious) = ever held that stage's certificate, issued on or before 31 December.
 */
export function buildFunnel(year: number, enterprises: readonly FunnelEnterprise[], certs: readonly CertificateFacts[]): FunnelRow[] {
  const end = yearEnd(year);
  const start = `${year}-01-01`;
  const inRegister = new Set(enterprises.filter((e) => e.listedOn <= end && (e.removedOn === null || e.removedOn > end)).map((e) => e.id));
  const holders = (pred: (c: CertificateFacts) => boolean) =>
    new Set(certs.filter((c) => inRegister.has(c.enterpriseId) && pred(c)).map((c) => c.enterpriseId));
  const kindsOf: Record<FunnelStageCode, readonly CertificationKind[]> = {
    register: [],
    tsme: ['科技型中小企业'],
    'hnte-pool': ['高企培育库'],
    hnte: ['高新技术企业'],
    specialized: ['专精特新中小企业', '专精特新小巨人'],
  };
  const current: Record<FunnelStageCode, Set<string>> = {
    register: inRegister,
    tsme: holders((c) => c.kind === '科技型中小企业' && c.issuedOn >= start && c.issuedOn <= end && (c.revokedOn === null || c.revokedOn > end)),
    'hnte-pool': holders((c) => c.kind === '高企培育库' && isValidOn(c, end)),
    hnte: holders((c) => c.kind === '高新技术企业' && isValidOn(c, end)),
    specialized: holders((c) => kindsOf.specialized.includes(c.kind) && isValidOn(c, end)),
  };
  const reached = (code: FunnelStageCode) =>
    code === 'register' ? inRegister : holders((c) => kindsOf[code].includes(c.kind) && c.issuedOn <= end);
  let previous: FunnelStageCode | null = null;
  return FUNNEL_STAGES.map((stage) => {
    const members = current[stage.code];
    const prev: FunnelStageCode | null = previous;
    const reachedPrev = prev === null ? null : reached(prev);
    const prevCount = prev === null ? 0 : current[prev].size;
    const row: FunnelRow = {
      code: stage.code,
      label: stage.label,
      count: members.size,
      fromPrevious: reachedPrev === null ? members.size : [...members].filter((id) => reachedPrev.has(id)).length,
      conversionRate: prev === null || prevCount === 0 ? null : members.size / prevCount,
      enterpriseIds: [...members].sort(),
    };
    previous = stage.code;
    return row;
  });
}
