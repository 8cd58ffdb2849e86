// A plan exported by Word as plain text → blocks.
//
// Word's text export writes every table cell on its own line starting with a TAB, ends a row with a blank
// line, and writes a cell's second paragraph on a following line WITHOUT the tab. Everything else is a
// paragraph. Bookmarks and images leave `[bookmark: _Toc123]` / `[image: image1.png]` markers behind.
import iconv from 'iconv-lite';
import { PlanDocumentError, type DocumentBlock, type TableBlock, type TableCell } from './model.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
/** Above this share of control / replacement characters the bytes are not a text document. */
const MAX_JUNK_RATIO = 0.01;

/** Decodes a .txt plan: UTF-8 (BOM or not), UTF-16 with BOM (Word's "Unicode text"), else GB18030. */
export function decodePlanText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) throw emptyFile(fileName);
  const text = decodeBytes(bytes);
  assertLooksLikeText(text, fileName);
  if (text.trim() === '') throw emptyFile(fileName);
  return text;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  return decodeUtf8(body) ?? iconv.decode(body, 'gb18030');
}

/** Strict UTF-8; a file cut inside its last character is still UTF-8, so the broken tail is dropped. */
function decodeUtf8(body: Uint8Array): string | null {
  const attempts = [body, body.subarray(0, incompleteTailStart(body))];
  for (const attempt of attempts) {
    try {
      return utf8Strict.decode(attempt);
    } catch {
      // not UTF-8 (yet): try the next reading
    }
  }
  return null;
}

/** Index where an unfinished multi-byte UTF-8 sequence starts at the end of `body`, else its length. */
function incompleteTailStart(body: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= body.length; back += 1) {
    const byte = body[body.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? body.length - back : body.length;
  }
  return body.length;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function assertLooksLikeText(text: string, fileName: string): void {
  let junk = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) throw binaryFile(fileName);
    if (isJunkCode(code)) junk += 1;
  }
  if (junk > 0 && junk / text.length > MAX_JUNK_RATIO) throw binaryFile(fileName);
}

function isJunkCode(code: number): boolean {
  // TAB, LF, VT (Word's manual line break), FF and CR belong in text; other C0 controls, DEL and U+FFFD do not.
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || code === 0x7f || code === 0xfffd;
}

function emptyFile(fileName: string): PlanDocumentError {
  return new PlanDocumentError(fileName, '文件为空 / file is empty', 'empty');
}

function binaryFile(fileName: string): PlanDocumentError {
  return new PlanDocumentError(
    fileName,
    '文件含二进制内容，不是文本文档 / file contains binary data, not a text document',
    'binary',
  );
}

const MARKER_KINDS = ['bookmark:', 'image:'] as const;

/**
 * Removes Word's `[bookmark: …]` and `[image: …]` markers from one line. A hand-written scan rather than a
 * regex: the position of the next `]` is remembered, so a line full of unclosed `[bookmark:` stays linear.
 */
export function stripMarkers(line: string): string {
  let open = line.indexOf('[');
  if (open < 0) return line;
  let kept = '';
  let from = 0;
  let close = -2; // -2: not looked up yet; -1: no `]` in the rest of the line
  while (open >= 0) {
    if (!MARKER_KINDS.some((kind) => line.startsWith(kind, open + 1))) {
      open = line.indexOf('[', open + 1);
      continue;
    }
    if (close !== -1 && close < open) close = line.indexOf(']', open);
    if (close === -1) break;
    kept += line.slice(from, open);
    from = close + 1;
    open = line.indexOf('[', from);
  }
  return kept + line.slice(from);
}

/**
 * Lines that, after a blank line, are a paragraph of their own even when a table row follows:
 * captions and headings (`表2 …`, `专栏3 …`, `附件1`, `注：…`, `第二章 …`, `一、…`).
 */
const OWN_PARAGRAPH = /^(?:表\s*\d|专栏|附件|注[:：]|第[一二三四五六七八九十百零〇\d]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

interface OpenTable {
  block: TableBlock;
  /** The row receiving cells; null after a blank line until the next cell line. */
  row: TableCell[] | null;
  lastCell: TableCell | null;
  /** Widest row before the last one: tells whether the last row is complete. */
  closedWidth: number;
  afterBlank: boolean;
}

/** Splits Word's text export into paragraphs and tables, keeping 1-based source line numbers. */
export function textToBlocks(text: string): DocumentBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blank = lines.map((line) => !line.startsWith('\t') && stripMarkers(line).trim() === '');
  const nextContent = nextContentIndexes(blank);
  const blocks: DocumentBlock[] = [];
  let table: OpenTable | null = null;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.startsWith('\t')) {
      table ??= openTable(blocks, lineNo);
      addCell(table, { text: stripMarkers(raw.slice(1)).trim(), line: lineNo });
      return;
    }
    if (blank[index]) {
      if (table) {
        table.row = null;
        table.afterBlank = true;
      }
      return;
    }
    const content = stripMarkers(raw).trim();
    if (table && continuesLastCell(table, content, lines[nextContent[index] ?? -1])) {
      appendToLastCell(table, content);
      return;
    }
    table = null;
    blocks.push({ kind: 'paragraph', text: content, line: lineNo });
  });
  return blocks;
}

/** For each line, the index of the next non-blank line after it (-1 at the end), computed in one pass. */
function nextContentIndexes(blank: readonly boolean[]): number[] {
  const next = new Array<number>(blank.length).fill(-1);
  let upcoming = -1;
  for (let i = blank.length - 1; i >= 0; i -= 1) {
    next[i] = upcoming;
    if (!blank[i]) upcoming = i;
  }
  return next;
}

function openTable(blocks: DocumentBlock[], line: number): OpenTable {
  const block: TableBlock = { kind: 'table', rows: [], line };
  blocks.push(block);
  return { block, row: null, lastCell: null, closedWidth: 0, afterBlank: false };
}

function addCell(table: OpenTable, cell: TableCell): void {
  if (!table.row) {
    const previous = table.block.rows.at(-1);
    if (previous) table.closedWidth = Math.max(table.closedWidth, previous.length);
    table.row = [];
    table.block.rows.push(table.row);
  }
  table.row.push(cell);
  table.lastCell = cell;
  table.afterBlank = false;
}

/**
 * A tab-less line right after a cell is that cell's next paragraph. After a blank line it is too, but only
 * when the table goes on right after it and the interrupted row is still short of cells: that is Word
 * writing an empty paragraph inside a cell (石柱's header `指标` / blank / `属性`), not the end of the table.
 */
function continuesLastCell(table: OpenTable, content: string, nextLine: string | undefined): boolean {
  if (!table.lastCell) return false;
  if (!table.afterBlank) return true;
  if (nextLine === undefined || !nextLine.startsWith('\t') || OWN_PARAGRAPH.test(content)) return false;
  const lastRow = table.block.rows.at(-1) ?? [];
  const rowIsComplete = table.block.rows.length > 1 && lastRow.length >= table.closedWidth;
  return !rowIsComplete;
}

function appendToLastCell(table: OpenTable, content: string): void {
  const cell = table.lastCell;
  if (!cell) return;
  cell.text = cell.text === '' ? content : `${cell.text}\n${content}`;
  // A blank line inside a cell does not end its row: the next cells belong to the same row.
  table.row = table.block.rows.at(-1) ?? null;
  table.afterBlank = false;
}
