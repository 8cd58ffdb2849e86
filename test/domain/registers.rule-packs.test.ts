import { describe, expect, it } from 'vitest';
import { BUILTIN_RULE_PACKS, inForce, RULE_PACK_KINDS, rulePackDateProblems, selectRulePack } from '../../src/domain/registers/rule-packs.ts';

describe('versioned rule packs', () => {
  it('every built-in pack carries version, 文号, effective dates and reliability notes; versions are unique per kind', () => {
    for (const pack of BUILTIN_RULE_PACKS) {
      expect(pack.version, pack.title).not.toBe('');
      expect(pack.docNumber, pack.title).not.toBe('');
      expect(pack.reliability, pack.title).not.toBe('');
      expect(pack.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rulePackDateProblems(pack)).toEqual([]);
    }
    const keys = BUILTIN_RULE_PACKS.map((p) => `${p.kind}@${p.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const kind of RULE_PACK_KINDS) expect(BUILTIN_RULE_PACKS.some((p) => p.kind === kind), kind).toBe(true);
  });

  it.each<[string, string, string | null]>([
    ['tsme', '2021-06-30', '2017-115'],
    ['tsme', '2022-01-01', '2017-115+2022-67'],
    ['tsme', '2017-05-02', null], // before the 办法
    ['specialized-sme', '2026-03-31', '2022-63-annex2'],
    ['specialized-sme', '2026-04-01', '2026-2'], // the 2026 办法 from its first day
    ['hnte', '2026-11-23', '2016-32'],
  ])('%s on %s → %s', (kind, date, version) => {
    const pack = selectRulePack(BUILTIN_RULE_PACKS, kind as 'tsme', date);
    expect(pack?.version ?? null).toBe(version);
  });

  it('a newer pack supersedes an open-ended one from its first day; effectiveTo is inclusive', () => {
    const packs = [
      { kind: 'hnte' as const, version: 'a', effectiveFrom: '2016-01-01', effectiveTo: null },
      { kind: 'hnte' as const, version: 'b', effectiveFrom: '2027-01-01', effectiveTo: null },
    ];
    expect(selectRulePack(packs, 'hnte', '2026-12-31')?.version).toBe('a');
    expect(selectRulePack(packs, 'hnte', '2027-01-01')?.version).toBe('b');
    expect(inForce({ effectiveFrom: '2022-06-01', effectiveTo: '2026-03-31' }, '2026-03-31')).toBe(true);
    expect(rulePackDateProblems({ effectiveFrom: '2026-01-02', effectiveTo: '2026-01-01' })).toEqual(['失效日期不能早于生效日期']);
  });
});
