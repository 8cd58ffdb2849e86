// Certificates (validity, expiry alerts) and the yearly 梯度培育 funnel.
import { describe, expect, it } from 'vitest';
import {
  buildFunnel,
  expiryAlerts,
  expiryState,
  isValidOn,
  validUntil,
  type CertificateFacts,
  type CertificationKind,
} from '../../src/domain/registers/certifications.ts';

describe('validity: issue date + N years − 1 day', () => {
  it.each<[string, number, string]>([
    ['2023-12-08', 3, '2026-12-07'], // 高企: 3 years [V]
    ['2024-01-01', 3, '2026-12-31'],
    ['2024-02-29', 3, '2027-02-28'], // leap day → 1 March − 1 day
    ['2025-03-15', 1, '2026-03-14'], // 科技型中小企业 入库编号, one year [S/U]
  ])('%s + %i years → valid through %s', (issued, years, last) => {
    expect(validUntil(issued, years)).toBe(last);
  });

  it('is valid from the issue day to the last day inclusive, and not from the day it is revoked', () => {
    const cert = { issuedOn: '2023-12-08', validUntil: '2026-12-07', revokedOn: null };
    expect(isValidOn(cert, '2023-12-07')).toBe(false);
    expect(isValidOn(cert, '2023-12-08')).toBe(true);
    expect(isValidOn(cert, '2026-12-07')).toBe(true);
    expect(isValidOn(cert, '2026-12-08')).toBe(false);
    expect(isValidOn({ ...cert, revokedOn: '2025-06-01' }, '2025-05-31')).toBe(true);
    expect(isValidOn({ ...cert, revokedOn: '2025-06-01' }, '2025-06-01')).toBe(false);
  });
});

let n = 0;
function cert(enterpriseId: string, kind: CertificationKind, issuedOn: string, years = 3, revokedOn: string | null = null): CertificateFacts {
  n += 1;
  return { id: `c${n}`, enterpriseId, kind, issuedOn, validUntil: validUntil(issuedOn, years), revokedOn };
}

describe('expiry alerts (高企 3 years)', () => {
  const today = '2026-11-23';
  const a = cert('e1', '高新技术企业', '2023-12-08'); // last day 2026-12-07: 14 days left
  const b = cert('e2', '高新技术企业', '2024-02-20'); // 2027-02-19: 88 days
  const c = cert('e3', '高新技术企业', '2024-03-01'); // 2027-02-28: 97 days — outside 90
  const d = cert('e4', '高新技术企业', '2023-10-01'); // expired 2026-09-30, not renewed
  const e1 = cert('e5', '高新技术企业', '2023-11-01'); // expired 2026-10-31 …
  const e2 = cert('e5', '高新技术企业', '2026-10-20'); // … but renewed
  const f = cert('e6', '高新技术企业', '2023-12-01', 3, '2025-01-01'); // revoked: no alert

  it('classifies each certificate', () => {
    expect([a, b, c, d, e1, f].map((x) => expiryState(x, today, 90))).toEqual(['expiring', 'expiring', 'valid', 'expired', 'expired', 'revoked']);
  });

  it('alerts the ones expiring within 90 days and the expired ones not renewed, soonest first, in Chinese', () => {
    const names = new Map([
      ['e1', '甲公司'],
      ['e2', '乙公司'],
      ['e4', '丁公司'],
    ]);
    const alerts = expiryAlerts([a, b, c, d, e1, e2, f], today, { withinDays: 90, names });
    expect(alerts.map((x) => [x.certificate.enterpriseId, x.state, x.daysLeft])).toEqual([
      ['e4', 'expired', -54],
      ['e1', 'expiring', 14],
      ['e2', 'expiring', 88],
    ]);
    expect(alerts[1]?.message).toBe('甲公司高新技术企业资格将于 2026-12-07 到期（剩 14 天），请提醒重新申报');
    expect(alerts[0]?.message).toBe('丁公司高新技术企业资格已于 2026-09-30 到期 54 天，未见续期');
  });

  it('the window is inclusive: exactly 14 days left is alerted with withinDays 14, not 13', () => {
    expect(expiryAlerts([a], today, { withinDays: 14 })).toHaveLength(1);
    expect(expiryAlerts([a], today, { withinDays: 13 })).toHaveLength(0);
  });
});

describe('funnel per year: register → 科技型中小企业 → 高企培育库 → 高企 → 专精特新', () => {
  const enterprises = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'].map((id) => ({ id, listedOn: '2022-05-01', removedOn: null as string | null }));
  enterprises.push({ id: 'e7', listedOn: '2025-02-01', removedOn: null }); // joins in 2025
  enterprises.push({ id: 'e8', listedOn: '2020-01-01', removedOn: '2024-06-30' }); // left in 2024
  const certs = [
    cert('e1', '科技型中小企业', '2024-05-10', 1),
    cert('e2', '科技型中小企业', '2024-05-10', 1),
    cert('e3', '科技型中小企业', '2024-06-10', 1),
    cert('e6', '科技型中小企业', '2023-05-10', 1), // last year's entry: not in 2024's 科技型 count
    cert('e1', '高企培育库', '2024-03-01'),
    cert('e2', '高企培育库', '2023-03-01'),
    cert('e4', '高企培育库', '2024-03-01'),
    cert('e2', '高新技术企业', '2024-11-20'),
    cert('e5', '高新技术企业', '2022-12-01'), // 高企 without having been in the pool
    cert('e2', '专精特新中小企业', '2024-09-01'),
    cert('e8', '高新技术企业', '2023-01-01'), // left the register: not counted
  ];

  it('2024: counts at each stage, how many came through the previous stage, and the stage-to-stage ratio', () => {
    const rows = buildFunnel(2024, enterprises, certs);
    expect(rows.map((r) => [r.label, r.count, r.fromPrevious, r.conversionRate === null ? null : Math.round(r.conversionRate * 1000) / 1000])).toEqual([
      ['入库企业', 6, 6, null],
      ['科技型中小企业', 3, 3, 0.5],
      ['高企培育库', 3, 2, 1], // e1, e2 came through 科技型; e4 entered the pool without it
      ['高新技术企业', 2, 1, 0.667], // e2 came through the pool; e5 did not
      ['专精特新', 1, 1, 0.5],
    ]);
  });

  it('2025: e7 joins the register, 2024 科技型 entries have lapsed from the yearly count', () => {
    const rows = buildFunnel(2025, enterprises, certs);
    expect(rows[0]?.count).toBe(7);
    expect(rows[1]?.count).toBe(0);
    expect(rows[2]?.conversionRate).toBeNull(); // after an empty stage
  });
});
