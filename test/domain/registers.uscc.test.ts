import { describe, expect, it } from 'vitest';
import { checkUscc, normaliseUscc, usccCheckCharacter, USCC_ALPHABET } from '../../src/domain/registers/uscc.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example printed in GB 32100-2015'],
    ['91110000600037341L', 'a real Beijing code ending in a letter'],
    ['91500101MA5U3G1D4T', 'a Chongqing-style code (computed check character)'],
  ])('%s is valid (%s)', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, code });
  });

  it('computes the check character C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000600037341')).toBe('L');
    // A body whose weighted sum is ≡ 0 (mod 31) gets check character '0', not 'Y'+1.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each<[string, string, string]>([
    ['91350100M000100Y44', 'check-digit', '统一社会信用代码校验位错误'],
    ['91350100M000100Y4', 'length', '统一社会信用代码应为18位'],
    ['91350100M000100Y433', 'length', '统一社会信用代码应为18位'],
    ['91350100I000100Y43', 'character', '统一社会信用代码含有非法字符（不使用 I、O、Z、S、V）'],
    ['91350100O000100Y43', 'character', '统一社会信用代码含有非法字符（不使用 I、O、Z、S、V）'],
    ['', 'empty', '统一社会信用代码不能为空'],
  ])('%s → %s', (code, problem, message) => {
    expect(checkUscc(code)).toEqual({ ok: false, problem, message });
  });

  it('accepts lower case, spaces and full-width characters as clerks paste them', () => {
    expect(normaliseUscc(' ９１３５０１００ｍ０００１００ｙ４３ ')).toBe('91350100M000100Y43');
    expect(checkUscc('91350100m000100y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('detects every single-character substitution in a valid code', () => {
    const code = '91350100M000100Y43';
    for (let i = 0; i < 18; i += 1) {
      for (const ch of USCC_ALPHABET) {
        if (ch === code[i]) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(checkUscc(changed).ok, changed).toBe(false);
      }
    }
  });
});
