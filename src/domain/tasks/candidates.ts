// 任务候选: what a plan asks to be done, proposed as tasks for the bureau to accept, merge or drop.
//   - every 专栏 item (专栏 are the plans' lists of concrete projects and actions);
//   - every body paragraph of the task chapters — the chapters that say what to do, not the review (回顾/基础/形势),
//     the thinking (指导思想/基本原则/发展目标) or the safeguards (保障措施) — e.g. 奉节 第三章–第十章, 石柱 第三章–第五章.
// Each candidate keeps its text and its place: the heading path (第七章 › 一、 › （二）) and the source line.
// The parser's contract is not touched: paragraphs are re-read from the document's blocks — the parser's one block
// model for .txt and .docx (re-read from the stored text of a .txt, kept at import for a .docx) — with the same
// front-matter / table-of-contents / 专栏 readers it uses, so the candidates line up with the outline and boxes stored
// at import, and a .docx proposes what the .txt of the same content proposes. Pure.
import { matchBoxTitle, readBoxes } from '../plan/boxes.ts';
import { readFrontMatter } from '../plan/front-matter.ts';
import type { DocumentBlock, OutlineHeading, PlanBox } from '../plan/model.ts';
import { matchHeading, tableOfContents } from '../plan/outline.ts';
import { cellParagraphs, collapseSpaces, leadClause } from '../plan/text-utils.ts';

export type CandidateKind = 'box-item' | 'paragraph';

export interface OutlinePlace {
  level: 1 | 2 | 3;
  label: string;
  title: string;
  line: number;
}

export interface TaskCandidateProposal {
  kind: CandidateKind;
  /** A short name: the item title, or the paragraph's lead clause when it is short; else null. */
  title: string | null;
  /** The full text as written in the plan. */
  text: string;
  /** Headings enclosing the text, chapter first. Empty when the plan has no stored text to place it. */
  outline: OutlinePlace[];
  /** Source line (the 专栏 title line for box items); null when unknown. */
  line: number | null;
  /** For box items: which 专栏 and which item (0-based). */
  box: { number: number; title: string; item: number } | null;
}

export interface ProposeInput {
  outline: readonly OutlineHeading[];
  boxes: readonly PlanBox[];
  /**
   * The document's blocks as the parser read them (line numbers matching `outline`); null when none were kept (a
   * .docx imported before blocks were stored: only 专栏 items can then be proposed, without a place).
   */
  blocks: readonly DocumentBlock[] | null;
}

export interface ProposeOptions {
  /** Task chapters by label, inclusive (e.g. ['第三章', '第十章']); by default chosen by their titles. */
  chapters?: { from: string; to: string } | undefined;
}

export interface Proposal {
  candidates: TaskCandidateProposal[];
  /** Labels of the chapters whose paragraphs were proposed. */
  taskChapters: string[];
  notes: string[];
}

/** Chapters (or most of their sections) about these are not task chapters. */
const NON_TASK = /回顾|发展基础|发展形势|指导思想|总体思路|总体要求|基本原则|发展目标|主要目标|保障/;
/** A paragraph's lead clause up to this length is its title (构建绿色制造创新体系。…). */
const MAX_TITLE = 30;
/** Headings whose line runs on with body text longer than this are a task in themselves (（一）医学研究。依托…). */
const MIN_RUN_ON_TEXT = 10;
/** Captions and notes are not tasks. */
const NOT_A_TASK = /^(?:表\s*\d|注[:：]|附件|图\s*\d)/;

interface ChapterSpan {
  heading: OutlineHeading;
  start: number;
  /** Exclusive end line (the next chapter's line), Infinity for the last. */
  end: number;
}

function chapterSpans(outline: readonly OutlineHeading[]): ChapterSpan[] {
  const chapters = outline.filter((h) => h.level === 1);
  return chapters.map((heading, i) => ({ heading, start: heading.line, end: chapters[i + 1]?.line ?? Number.POSITIVE_INFINITY }));
}

/** Task chapters chosen by title: not a review, thinking or safeguard chapter (by its title or most of its sections). */
export function isTaskChapter(chapter: OutlineHeading, sections: readonly OutlineHeading[]): boolean {
  if (NON_TASK.test(chapter.title)) return false;
  const direct = sections.filter((s) => s.level === 2);
  if (direct.length === 0) return true;
  const matching = direct.filter((s) => NON_TASK.test(s.title)).length;
  return matching * 2 < direct.length;
}

function selectTaskChapters(outline: readonly OutlineHeading[], options: ProposeOptions): ChapterSpan[] {
  const spans = chapterSpans(outline);
  if (options.chapters) {
    const from = spans.findIndex((s) => s.heading.label === options.chapters?.from);
    const to = spans.findIndex((s) => s.heading.label === options.chapters?.to);
    if (from < 0 || to < 0 || to < from) {
      throw new RangeError(
        `任务章节范围“${options.chapters.from}–${options.chapters.to}”在规划中不存在 / chapter range not found in the plan outline`,
      );
    }
    return spans.slice(from, to + 1);
  }
  return spans.filter((span) =>
    isTaskChapter(
      span.heading,
      outline.filter((h) => h.line > span.start && h.line < span.end),
    ),
  );
}

/** The headings enclosing `line`: the last heading of each level at or before it, cut below a higher-level heading. */
export function placeOf(outline: readonly OutlineHeading[], line: number): OutlinePlace[] {
  const stack: OutlinePlace[] = [];
  for (const h of outline) {
    if (h.line > line) break;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= h.level) stack.pop();
    stack.push({ level: h.level, label: h.label, title: h.title, line: h.line });
  }
  return stack;
}

function titleOf(text: string): string | null {
  const clause = leadClause(text.replace(/^——/, ''));
  if (!clause || clause.head.length === 0 || clause.head.length > MAX_TITLE || clause.rest.length === 0) return null;
  return collapseSpaces(clause.head);
}

/** Lines where each 专栏 title stands, in document order: paragraph titles and table rows starting with 专栏N. */
function boxTitleLines(blocks: readonly DocumentBlock[], skip: ReadonlySet<number>): { number: number; line: number }[] {
  const found: { number: number; line: number }[] = [];
  blocks.forEach((block, index) => {
    if (skip.has(index)) return;
    if (block.kind === 'paragraph') {
      const title = matchBoxTitle(block.text);
      if (title) found.push({ number: title.number, line: block.line });
      return;
    }
    for (const row of block.rows) {
      const filled = row.filter((cell) => cell.text.trim() !== '');
      if (filled.length !== 1) continue;
      const cell = filled[0];
      const title = cell ? matchBoxTitle(cellParagraphs(cell.text)[0] ?? '') : null;
      if (title && cell) found.push({ number: title.number, line: cell.line });
    }
  });
  return found;
}

export function proposeTaskCandidates(input: ProposeInput, options: ProposeOptions = {}): Proposal {
  const notes: string[] = [];
  const chapters = selectTaskChapters(input.outline, options);
  const taskChapters = chapters.map((c) => c.heading.label);
  const boxCandidates = (lineOf: (box: PlanBox, index: number) => number | null): TaskCandidateProposal[] =>
    input.boxes.flatMap((box, boxIndex) => {
      const line = lineOf(box, boxIndex);
      const outline = line === null ? [] : placeOf(input.outline, line);
      return box.items.map((item, itemIndex) => ({
        kind: 'box-item' as const,
        title: item.title,
        text: item.text,
        outline,
        line,
        box: { number: box.number, title: box.title, item: itemIndex },
      }));
    });

  if (input.blocks === null) {
    notes.push('该规划导入时未保存文档结构（较早导入的 .docx）：仅提出专栏条目，段落任务请手工添加或重新导入 / no stored blocks: 专栏 items only');
    return { candidates: boxCandidates(() => null), taskChapters, notes };
  }

  const { blocks } = input;
  const notBody = new Set([...readFrontMatter(blocks).consumed, ...tableOfContents(blocks)]);
  const inBoxes = readBoxes(blocks, notBody).consumed;
  const headingLines = new Map(input.outline.map((h) => [h.line, h] as const));

  // 专栏 titles in document order, matched to the stored boxes by number (a number can repeat across annexes).
  const titles = boxTitleLines(blocks, notBody);
  const used = new Set<number>();
  const boxLine = (box: PlanBox): number | null => {
    const at = titles.findIndex((t, i) => !used.has(i) && t.number === box.number);
    if (at < 0) return null;
    used.add(at);
    return titles[at]?.line ?? null;
  };

  const paragraphs: TaskCandidateProposal[] = [];
  const inTaskChapter = (line: number) => chapters.some((c) => line > c.start && line < c.end);
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' || notBody.has(index) || inBoxes.has(index) || !inTaskChapter(block.line)) return;
    if (NOT_A_TASK.test(block.text) || matchBoxTitle(block.text)) return;
    const heading = headingLines.get(block.line);
    if (heading) {
      // A heading is a task only when its line runs on with the body (（二）医学研究。依托县人民医院…).
      const match = matchHeading(block.text);
      const rest = collapseSpaces((match?.rest ?? '').replace(/^[\s：:、.．]+/, ''));
      const body = rest.startsWith(heading.title) ? rest.slice(heading.title.length).replace(/^[。：:；;，,\s]+/, '') : '';
      if (body.length < MIN_RUN_ON_TEXT) return;
      paragraphs.push({ kind: 'paragraph', title: heading.title, text: body, outline: placeOf(input.outline, block.line), line: block.line, box: null });
      return;
    }
    // The title of a heading written on its own line after a bare label (第三章 / 加快建设…) is not a task.
    const previous = blocks[index - 1];
    const previousHeading = previous?.kind === 'paragraph' ? headingLines.get(previous.line) : undefined;
    if (previousHeading && collapseSpaces(block.text) === previousHeading.title) return;
    paragraphs.push({
      kind: 'paragraph',
      title: titleOf(block.text),
      text: block.text,
      outline: placeOf(input.outline, block.line),
      line: block.line,
      box: null,
    });
  });

  const boxes = boxCandidates((box) => boxLine(box));
  const unplaced = boxes.filter((c) => c.line === null).length;
  if (unplaced > 0) notes.push(`${unplaced} 个专栏条目未能在原文中定位 / box items not located in the text`);
  // Document order; a box's items follow the paragraphs before its title line.
  const candidates = [...paragraphs, ...boxes].sort(
    (a, b) => (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY) || (a.box?.item ?? -1) - (b.box?.item ?? -1),
  );
  return { candidates, taskChapters, notes };
}
