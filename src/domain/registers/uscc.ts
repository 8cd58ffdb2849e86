// 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6),
// 主体标识码/组织机构代码 (9), 校验码 (1). The alphabet is 0-9 plus 21 capitals without I O Z S V (31 symbols); the
// check character is C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'empty' | 'length' | 'character' | 'check-digit';

export type UsccResult = { ok: true; code: string } | { ok: false; problem: UsccProblem; message: string };

const MESSAGES: Record<UsccProblem, string> = {
  empty: '统一社会信用代码不能为空',
  length: '统一社会信用代码应为18位',
  character: '统一社会信用代码含有非法字符（不使用 I、O、Z、S、V）',
  'check-digit': '统一社会信用代码校验位错误',
};

/** Full-width characters and lower case, as clerks paste them from Word, become the canonical form. */
export function normaliseUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must already be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`not a USCC character: ${first17[i] ?? ''}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check] ?? '0';
}

export function checkUscc(raw: string): UsccResult {
  const code = normaliseUscc(raw);
  const fail = (problem: UsccProblem): UsccResult => ({ ok: false, problem, message: MESSAGES[problem] });
  if (code.length === 0) return fail('empty');
  if (code.length !== 18) return fail('length');
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return fail('character');
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return fail('check-digit');
  return { ok: true, code };
}
