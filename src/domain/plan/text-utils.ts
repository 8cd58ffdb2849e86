// Small string helpers shared by the plan parsers. Pure and linear: the parser must stay fast on
// 50 MB inputs and on adversarial text, so nothing here uses backtracking-prone regexes.

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100 };

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; ASCII/full-width digits too. null when not a numeral. */
export function parseNumeral(text: string): number | null {
  const ascii = toAsciiDigits(text.trim());
  if (/^\d{1,6}$/.test(ascii)) return Number(ascii);
  if (ascii === '' || ascii.length > 8) return null;
  let total = 0;
  let pending = 0;
  for (const ch of ascii) {
    const digit = CHINESE_DIGITS[ch];
    const unit = CHINESE_UNITS[ch];
    if (digit !== undefined) pending = digit;
    else if (unit !== undefined) {
      // 十 alone means 10 (十一 = 11), so a missing multiplier counts as 1.
      total += (pending === 0 ? 1 : pending) * unit;
      pending = 0;
    } else return null;
  }
  return total + pending;
}

const FULL_WIDTH_DIGIT = /[０-９．]/g;

/** Full-width digits and dot (Word's Chinese input often produces them) → ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48)));
}

/** Removes every kind of whitespace, for comparing header cells like `类  别` with `类别`. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** One paragraph per line, spaces collapsed: `第一章  “十三五”` → `第一章 “十三五”`. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A table cell broken over several paragraphs (`2022-` / `2025`, `指标` / `属性`) read as one short value.
 * Chinese does not separate words with spaces, so the pieces are joined without one.
 */
export function joinCellLines(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('');
}

/** Paragraphs of a cell, trimmed, empty ones dropped. */
export function cellParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const LEADER_CHARS = new Set(['.', '．', '…', '·', '_', ' ', '\u3000', '-', '—']);

/**
 * True when a line ends like a table-of-contents entry: `第一章 发展基础……3` or `第一章 发展基础\t3`.
 * Written by hand (not a regex) because leader runs can be long and regex backtracking on them is quadratic.
 */
export function endsWithPageNumber(text: string): boolean {
  const trimmed = text.trimEnd();
  let end = trimmed.length;
  let digits = 0;
  while (end > 0 && digits <= 4 && isAsciiDigit(trimmed.charCodeAt(end - 1))) {
    end -= 1;
    digits += 1;
  }
  if (digits === 0 || digits > 4 || end === 0) return false;
  if (trimmed[end - 1] === '\t') return true;
  let leaders = 0;
  while (end > 0 && LEADER_CHARS.has(trimmed[end - 1] ?? '')) {
    end -= 1;
    leaders += 1;
  }
  return leaders >= 2 && end > 0;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Text before the first 。 or ：, the way a heading or a box item names itself before its body. */
export function leadClause(text: string): { head: string; rest: string } | null {
  const stop = firstIndexOf(text, ['。', '：', ':']);
  if (stop < 0) return null;
  return { head: text.slice(0, stop).trim(), rest: text.slice(stop + 1).trim() };
}

export function firstIndexOf(text: string, needles: readonly string[]): number {
  let best = -1;
  for (const needle of needles) {
    const at = text.indexOf(needle);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}
