// 专栏 (boxes): a titled list inside the plan text. Word exports them two ways: the whole box as a
// one-column table (title row, then content), or a title paragraph followed by a one-cell table whose first
// item sits in the cell and whose next items follow as numbered paragraphs.
import type { BoxItem, DocumentBlock, PlanBox, TableBlock } from './model.ts';
import { isHeadingText } from './outline.ts';
import { cellParagraphs, collapseSpaces, endsWithPageNumber, firstIndexOf, parseNumeral, toAsciiDigits } from './text-utils.ts';

const BOX_TITLE = /^专栏\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[.．、:：]?\s*(.*)$/s;
const NUMBERED_ITEM = /^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$/s;
const COLON_ITEM = /^([^，,。；;：:、\s]{1,12})[：:](.*)$/s;
/** An item's title is a short phrase; a first sentence longer than this is body text, not a title. */
const MAX_ITEM_TITLE = 40;

interface BoxTitle {
  number: number;
  title: string;
}

export interface BoxReading {
  boxes: PlanBox[];
  /** Paragraph indexes that belong to a box: they are not headings. */
  consumed: Set<number>;
}

export function readBoxes(blocks: readonly DocumentBlock[], skip: ReadonlySet<number>): BoxReading {
  const reading: BoxReading = { boxes: [], consumed: new Set() };
  blocks.forEach((block, index) => {
    if (skip.has(index) || reading.consumed.has(index)) return;
    if (block.kind === 'paragraph') readParagraphBox(blocks, index, skip, reading);
    else readTableBox(blocks, index, block, skip, reading);
  });
  return reading;
}

export function matchBoxTitle(text: string): BoxTitle | null {
  if (endsWithPageNumber(text)) return null;
  const match = BOX_TITLE.exec(text.trim());
  const number = parseNumeral(match?.[1] ?? '');
  return match && number !== null ? { number, title: collapseSpaces(match[2] ?? '') } : null;
}

function readParagraphBox(blocks: readonly DocumentBlock[], index: number, skip: ReadonlySet<number>, reading: BoxReading): void {
  const block = blocks[index];
  const title = block?.kind === 'paragraph' ? matchBoxTitle(block.text) : null;
  if (!title) return;
  reading.consumed.add(index);
  const content: string[] = [];
  let next = index + 1;
  const following = blocks[next];
  if (following?.kind === 'table') {
    // A multi-column table under the title (the indicator table of 石柱's 专栏1) is data, not items.
    if (isSingleColumn(following) && !tableBoxTitle(following)) content.push(...tableParagraphs(following.rows));
    next += 1;
  } else if (following?.kind === 'paragraph' && isBoxText(following.text, next, skip)) {
    content.push(following.text);
    reading.consumed.add(next);
    next += 1;
  }
  if (content.length > 0) absorbContinuation(blocks, next, content, skip, reading);
  reading.boxes.push({ ...title, items: toItems(content) });
}

/**
 * Boxes written as tables: a row whose first non-empty cell starts with `专栏N` opens a box, the one-value rows
 * after it are its content. Word's text export runs adjacent tables together, so one table can hold several
 * boxes; a multi-column row (a data table inside the box) is not item text.
 */
function readTableBox(
  blocks: readonly DocumentBlock[],
  index: number,
  table: TableBlock,
  skip: ReadonlySet<number>,
  reading: BoxReading,
): void {
  let open: { title: BoxTitle; content: string[]; listing: boolean } | null = null;
  const close = (): void => {
    if (open) reading.boxes.push({ ...open.title, items: toItems(open.content) });
  };
  for (const row of table.rows) {
    const filled = row.filter((cell) => cell.text.trim() !== '');
    const [first = '', ...rest] = cellParagraphs(filled[0]?.text ?? '');
    const title = filled.length === 1 ? matchBoxTitle(first) : null;
    if (title) {
      close();
      open = { title, content: rest, listing: true };
    } else if (open?.listing && filled.length === 1) {
      open.content.push(first, ...rest);
    } else if (open && filled.length > 1) {
      open.listing = false;
    }
  }
  if (open?.listing && open.content.length > 0) absorbContinuation(blocks, index + 1, open.content, skip, reading);
  close();
}

/** A box written as a table: its first non-empty cell starts with `专栏N`. */
function tableBoxTitle(table: TableBlock): BoxTitle | null {
  const row = table.rows.find((cells) => cells.some((cell) => cell.text.trim() !== ''));
  const cell = row?.find((c) => c.text.trim() !== '');
  return matchBoxTitle(cellParagraphs(cell?.text ?? '')[0] ?? '');
}

function isSingleColumn(table: TableBlock): boolean {
  return table.rows.every((cells) => cells.filter((cell) => cell.text.trim() !== '').length <= 1);
}

function tableParagraphs(rows: TableBlock['rows']): string[] {
  return rows.flatMap((cells) => cells.flatMap((cell) => cellParagraphs(cell.text)));
}

function isBoxText(text: string, index: number, skip: ReadonlySet<number>): boolean {
  return !skip.has(index) && !matchBoxTitle(text) && !isHeadingText(text);
}

/**
 * Items that Word wrote after the box's table as ordinary paragraphs: they continue the numbering
 * (`2.`, `3.` after `1.`) or the `名称：…` pattern of the first item. Anything else ends the box.
 */
function absorbContinuation(
  blocks: readonly DocumentBlock[],
  start: number,
  content: string[],
  skip: ReadonlySet<number>,
  reading: BoxReading,
): void {
  const mode = itemMode(content[0] ?? '');
  if (mode === 'plain') return;
  let expected = highestNumber(content) + 1;
  for (let index = start; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block?.kind !== 'paragraph' || !isBoxText(block.text, index, skip)) return;
    const number = numberedItem(block.text)?.number;
    const continues = mode === 'numbered' ? number === expected : COLON_ITEM.test(block.text);
    if (!continues) return;
    content.push(block.text);
    reading.consumed.add(index);
    expected += 1;
  }
}

type ItemMode = 'numbered' | 'colon' | 'plain';

function itemMode(paragraph: string): ItemMode {
  if (numberedItem(paragraph)) return 'numbered';
  return COLON_ITEM.test(paragraph) ? 'colon' : 'plain';
}

function numberedItem(paragraph: string): { number: number; rest: string } | null {
  const match = NUMBERED_ITEM.exec(toAsciiDigits(paragraph.trim()));
  return match ? { number: Number(match[1]), rest: (match[2] ?? '').trim() } : null;
}

function highestNumber(content: readonly string[]): number {
  return content.reduce((highest, p) => Math.max(highest, numberedItem(p)?.number ?? 0), 0);
}

/** Paragraphs → items; a paragraph that does not start a new item continues the previous one. */
function toItems(paragraphs: readonly string[]): BoxItem[] {
  const mode = itemMode(paragraphs[0] ?? '');
  const items: BoxItem[] = [];
  for (const paragraph of paragraphs) {
    const item = startItem(paragraph, mode);
    const last = items.at(-1);
    if (item) items.push(item);
    else if (last) last.text = last.text === '' ? paragraph : `${last.text}\n${paragraph}`;
    else items.push({ title: null, text: paragraph });
  }
  return items;
}

function startItem(paragraph: string, mode: ItemMode): BoxItem | null {
  if (mode === 'plain') return { title: null, text: paragraph };
  if (mode === 'numbered') {
    const numbered = numberedItem(paragraph);
    return numbered ? titledItem(numbered.rest, ['。', '：', ':']) : null;
  }
  return COLON_ITEM.test(paragraph) ? titledItem(paragraph, ['：', ':']) : null;
}

/** `标题。正文…` → title 标题, text 正文…; without a short leading title, the whole text is the item. */
function titledItem(text: string, stops: readonly string[]): BoxItem {
  const stop = firstIndexOf(text, stops);
  if (stop <= 0 || stop > MAX_ITEM_TITLE) return { title: null, text };
  return { title: collapseSpaces(text.slice(0, stop)), text: text.slice(stop + 1).trim() };
}
