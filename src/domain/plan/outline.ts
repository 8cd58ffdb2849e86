// The heading outline: 第X章 / 第X节 / 一、 / （一）, read from body paragraphs only (never from table cells,
// 专栏 content, the notice or a table of contents).
import type { DocumentBlock, OutlineHeading } from './model.ts';
import { collapseSpaces, compact, endsWithPageNumber, leadClause } from './text-utils.ts';

type HeadingKind = 'chapter' | 'section' | 'item' | 'subitem';

interface HeadingMatch {
  kind: HeadingKind;
  label: string;
  rest: string;
}

const NUMERAL = '[一二三四五六七八九十百零〇\\d]{1,4}';
const SMALL_NUMERAL = '[一二三四五六七八九十]{1,3}';
const HEADING_PATTERNS: ReadonlyArray<readonly [HeadingKind, RegExp]> = [
  ['chapter', new RegExp(`^(第${NUMERAL}章)(.*)$`, 's')],
  ['section', new RegExp(`^(第${NUMERAL}节)(.*)$`, 's')],
  // `一、二、三级医院…` is a list of numerals, not a heading.
  ['item', new RegExp(`^(${SMALL_NUMERAL}、)(?!${SMALL_NUMERAL}、)(.*)$`, 's')],
  ['subitem', new RegExp(`^([（(]${SMALL_NUMERAL}[)）])(.*)$`, 's')],
];
/** A heading line with nothing after its label takes the next paragraph as title when that one is short. */
const MAX_DETACHED_TITLE = 40;
/** Longer lines are body text, never a table-of-contents entry. */
const MAX_TOC_ENTRY = 200;

export function matchHeading(text: string): HeadingMatch | null {
  for (const [kind, pattern] of HEADING_PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return { kind, label: match[1], rest: match[2] ?? '' };
  }
  return null;
}

export function isHeadingText(text: string): boolean {
  return matchHeading(text) !== null;
}

interface Candidate extends HeadingMatch {
  index: number;
  line: number;
}

/** Headings in document order; `skip` holds block indexes that are not body text (notice, TOC, 专栏). */
export function readOutline(blocks: readonly DocumentBlock[], skip: ReadonlySet<number>): OutlineHeading[] {
  const candidates: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' || skip.has(index) || endsWithPageNumber(block.text)) return;
    const match = matchHeading(block.text);
    if (match) candidates.push({ ...match, index, line: block.line });
  });
  const hasSections = candidates.some((c) => c.kind === 'section');
  return candidates.map((c) => ({
    level: levelOf(c.kind, hasSections),
    label: c.label,
    title: headingTitle(c.rest) || detachedTitle(blocks[c.index + 1]),
    line: c.line,
  }));
}

function levelOf(kind: HeadingKind, hasSections: boolean): 1 | 2 | 3 {
  if (kind === 'chapter') return 1;
  if (kind === 'section') return 2;
  if (kind === 'item') return hasSections ? 3 : 2;
  return 3;
}

/** `  “十三五”科技创新发展回顾` → trimmed; `科技创新能力不足。在构建…` → the part before 。 or ：. */
function headingTitle(rest: string): string {
  const text = rest.replace(/^[\s：:、.．]+/, '');
  const clause = leadClause(text);
  return collapseSpaces(clause ? clause.head : text);
}

function detachedTitle(next: DocumentBlock | undefined): string {
  if (next?.kind !== 'paragraph' || next.text.length > MAX_DETACHED_TITLE || isHeadingText(next.text)) return '';
  return collapseSpaces(next.text);
}

/**
 * Paragraphs of a table of contents: after a `目录` line, the entries that end with a page number or that
 * name a heading not listed yet. The body starts where a heading repeats (or anything else appears).
 */
export function tableOfContents(blocks: readonly DocumentBlock[]): Set<number> {
  const toc = new Set<number>();
  const start = blocks.findIndex((b) => b.kind === 'paragraph' && compact(b.text) === '目录');
  if (start < 0) return toc;
  toc.add(start);
  const listed = new Set<string>();
  for (let i = start + 1; i < blocks.length; i += 1) {
    const block = blocks[i];
    if (block?.kind !== 'paragraph' || block.text.length > MAX_TOC_ENTRY) break;
    const key = compact(block.text.replace(/[\t.．…·_\s\d]+$/, ''));
    if (!endsWithPageNumber(block.text) && (!isTocEntry(block.text) || listed.has(key))) break;
    listed.add(key);
    toc.add(i);
  }
  return toc;
}

function isTocEntry(text: string): boolean {
  return isHeadingText(text) || /^(?:专栏|附件)/.test(text);
}
