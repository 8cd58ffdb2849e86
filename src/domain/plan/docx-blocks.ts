// A .docx plan → blocks, through mammoth's HTML (it resolves styles, numbering runs and merged cells) and a
// streaming HTML walk. `line` is the 1-based ordinal of the paragraph in the document, cells included.
import { Buffer } from 'node:buffer';
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { PlanDocumentError, type DocumentBlock, type TableCell } from './model.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
/** Spans beyond these are corrupt input; capping them keeps a hostile file from allocating huge grids. */
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 2000;

export async function docxToBlocks(bytes: Uint8Array, fileName: string): Promise<DocumentBlock[]> {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) throw corruptDocx(fileName);
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch {
    throw corruptDocx(fileName);
  }
  return htmlToBlocks(html);
}

function corruptDocx(fileName: string): PlanDocumentError {
  return new PlanDocumentError(
    fileName,
    'docx 文件已损坏或不是 Word 文档 / the .docx file is corrupt or not a Word document',
    'corrupt-docx',
  );
}

interface RawCell {
  paragraphs: string[];
  firstLine: number;
  colspan: number;
  rowspan: number;
}

interface HtmlWalk {
  blocks: DocumentBlock[];
  ordinal: number;
  /** Text of the paragraph being read, null between paragraphs. */
  paragraph: string | null;
  tableDepth: number;
  rows: RawCell[][];
  cell: RawCell | null;
}

/** Walks mammoth's HTML: paragraphs outside tables become blocks, top-level tables become table blocks. */
export function htmlToBlocks(html: string): DocumentBlock[] {
  const walk: HtmlWalk = { blocks: [], ordinal: 0, paragraph: null, tableDepth: 0, rows: [], cell: null };
  const parser = new Parser(
    {
      onopentag: (name, attributes) => openTag(walk, name, attributes),
      onclosetag: (name) => closeTag(walk, name),
      ontext: (text) => {
        walk.paragraph = (walk.paragraph ?? '') + text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushParagraph(walk);
  return walk.blocks;
}

function openTag(walk: HtmlWalk, name: string, attributes: Record<string, string>): void {
  if (PARAGRAPH_TAGS.has(name)) {
    // A list item holding a nested list: what was read so far is a paragraph of its own.
    flushParagraph(walk);
    walk.paragraph = '';
  } else if (name === 'br') {
    walk.paragraph = (walk.paragraph ?? '') + '\n';
  } else if (name === 'table') {
    flushParagraph(walk);
    walk.tableDepth += 1;
    if (walk.tableDepth === 1) walk.rows = [];
  } else if (walk.tableDepth === 1 && name === 'tr') {
    walk.rows.push([]);
  } else if (walk.tableDepth === 1 && (name === 'td' || name === 'th')) {
    flushParagraph(walk);
    walk.cell = {
      paragraphs: [],
      firstLine: 0,
      colspan: spanOf(attributes['colspan'], MAX_COLSPAN),
      rowspan: spanOf(attributes['rowspan'], MAX_ROWSPAN),
    };
  }
}

function closeTag(walk: HtmlWalk, name: string): void {
  if (PARAGRAPH_TAGS.has(name)) {
    flushParagraph(walk);
  } else if (walk.tableDepth === 1 && (name === 'td' || name === 'th')) {
    flushParagraph(walk);
    if (walk.cell) (walk.rows.at(-1) ?? pushRow(walk.rows)).push(walk.cell);
    walk.cell = null;
  } else if (name === 'table' && walk.tableDepth > 0) {
    flushParagraph(walk);
    walk.tableDepth -= 1;
    if (walk.tableDepth === 0) emitTable(walk);
  }
}

function pushRow(rows: RawCell[][]): RawCell[] {
  const row: RawCell[] = [];
  rows.push(row);
  return row;
}

function spanOf(value: string | undefined, max: number): number {
  const span = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, max) : 1;
}

/** Ends the current paragraph: into the open cell (nested tables flatten into it) or as paragraph blocks. */
function flushParagraph(walk: HtmlWalk): void {
  const text = walk.paragraph;
  walk.paragraph = null;
  if (text === null || text.trim() === '') return;
  walk.ordinal += 1;
  if (walk.tableDepth > 0) {
    walk.cell ??= { paragraphs: [], firstLine: 0, colspan: 1, rowspan: 1 };
    if (walk.cell.firstLine === 0) walk.cell.firstLine = walk.ordinal;
    walk.cell.paragraphs.push(...linesOf(text));
    return;
  }
  // A soft line break (<br>) inside a paragraph reads like the .txt export: separate lines.
  for (const line of linesOf(text)) walk.blocks.push({ kind: 'paragraph', text: line, line: walk.ordinal });
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function emitTable(walk: HtmlWalk): void {
  const rows = expandSpans(walk.rows, walk.ordinal);
  walk.rows = [];
  walk.cell = null;
  if (rows.length === 0) return;
  const line = rows.flat().find((cell) => cell.text !== '')?.line ?? Math.max(1, walk.ordinal);
  walk.blocks.push({ kind: 'table', rows, line });
}

interface Carry {
  cell: TableCell;
  rowsLeft: number;
}

/**
 * Merged cells → a plain grid, so that columns line up with the header: a horizontal merge leaves empty
 * cells (a section row `一、产业支撑` stays a one-value row), a vertical merge repeats the value (a merged
 * 类别 or 牵头单位 applies to every row it spans).
 */
function expandSpans(rawRows: RawCell[][], fallbackLine: number): TableCell[][] {
  const carries = new Map<number, Carry>();
  return rawRows.map((rawRow) => {
    const row: TableCell[] = [];
    const carried: TableCell[] = [];
    const takeCarries = (): void => {
      for (let carry = carries.get(row.length); carry; carry = carries.get(row.length)) {
        const copy = { ...carry.cell };
        row.push(copy);
        carried.push(copy);
        carry.rowsLeft -= 1;
        if (carry.rowsLeft === 0) carries.delete(row.length - 1);
      }
    };
    for (const raw of rawRow) {
      takeCarries();
      const cell: TableCell = { text: raw.paragraphs.join('\n'), line: raw.firstLine || Math.max(1, fallbackLine) };
      for (let offset = 0; offset < raw.colspan; offset += 1) {
        const placed = offset === 0 ? cell : { text: '', line: cell.line };
        if (raw.rowspan > 1) carries.set(row.length, { cell: placed, rowsLeft: raw.rowspan - 1 });
        row.push(placed);
      }
    }
    takeCarries();
    // A repeated value stands on this row: give it the row's own line, not the line where it was written.
    const ownLine = row.find((cell) => !carried.includes(cell))?.line;
    if (ownLine !== undefined) for (const copy of carried) copy.line = ownLine;
    return row;
  });
}
