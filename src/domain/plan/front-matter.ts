// The top of a plan: an optional 印发通知 (the government notice publishing the plan), then the plan's own
// title block. Reads title, region, period, issuer, date and document number.
import type { DocumentBlock } from './model.ts';
import { isHeadingText } from './outline.ts';
import { compact, parseNumeral } from './text-utils.ts';
import { parseYearRange } from './values.ts';

export interface FrontMatter {
  title: string;
  region: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  issuer: string | null;
  issuedOn: string | null;
  docNumber: string | null;
  /** Block indexes of the notice and the title block: not headings, not body text. */
  consumed: Set<number>;
}

/** The title block and notice sit before the first table and first heading; more than this is body text. */
const MAX_HEAD_PARAGRAPHS = 60;
const MAX_TITLE_LENGTH = 80;
const NOTICE_START = /^关于(?:印发|转发)|(?:印发|转发).*通知$/;
const PLAN_WORD = /规划|计划|纲要|方案/;
const NOT_A_TITLE_START = /^(?:关于|现将|根据|为了?|按照|各|附件)/;
const PLACE_ONLY = /^[^\s，。、“”]{2,20}(?:自治县|县|区|市)$/;
const PERIOD_ONLY = /^[（(]\s*(?:19|20)\d{2}.{0,4}(?:19|20)\d{2}\s*年?\s*[)）]$/;
const ORGANISATION = /(?:人民政府|政府|委员会|办公室|办公厅|管委会|委|局|厅|部|院|中心)$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔［[【（(]\s*(?:19|20)\d{2}\s*[〕］\]】）)]\s*\d{1,4}\s*号/;
const PUBLICATION_NOTE = /^[（(].{0,20}(?:此件|公开|发布|删减).{0,20}[)）]$/;
const FIVE_YEAR_PLANS: Readonly<Record<string, readonly [number, number]>> = {
  十三五: [2016, 2020],
  十四五: [2021, 2025],
  十五五: [2026, 2030],
};

interface HeadParagraph {
  index: number;
  text: string;
}

export function readFrontMatter(blocks: readonly DocumentBlock[]): FrontMatter {
  const head = headParagraphs(blocks);
  const notice = readNotice(head);
  const consumed = new Set<number>(notice?.consumed ?? []);
  const afterNotice = head.filter((p) => !consumed.has(p.index) && p.index > (notice?.lastIndex ?? -1));
  const titleBlock = findTitle(afterNotice);
  for (const index of titleBlock?.indexes ?? []) consumed.add(index);
  const title = titleBlock?.text ?? notice?.planTitle ?? '';
  const period = periodOf(title) ?? periodInHead(head);
  return {
    title,
    region: regionOf(title) ?? regionOf(notice?.planTitle ?? '') ?? regionOf(notice?.issuer ?? ''),
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    issuer: notice?.issuer ?? null,
    issuedOn: notice?.issuedOn ?? null,
    docNumber: notice?.docNumber ?? null,
    consumed,
  };
}

function headParagraphs(blocks: readonly DocumentBlock[]): HeadParagraph[] {
  const head: HeadParagraph[] = [];
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'table' || head.length >= MAX_HEAD_PARAGRAPHS) break;
    if (/^第[一二三四五六七八九十百零〇\d]+章/.test(block.text)) break;
    head.push({ index, text: block.text });
  }
  return head;
}

interface Notice {
  consumed: number[];
  lastIndex: number;
  /** The plan's title as the notice quotes it in 《》. */
  planTitle: string | null;
  issuer: string | null;
  issuedOn: string | null;
  docNumber: string | null;
}

function readNotice(head: readonly HeadParagraph[]): Notice | null {
  const start = head.findIndex((p) => p.text.length <= MAX_TITLE_LENGTH && NOTICE_START.test(compact(p.text)));
  const first = head[start];
  if (!first) return null;
  const headingEnd = noticeHeadingEnd(head, start);
  const heading = head.slice(start, headingEnd + 1).map((p) => p.text.trim()).join('');
  const dateAt = head.findIndex((p, i) => i > headingEnd && dateOf(p.text) !== null);
  const date = head[dateAt];
  const lastAt = date ? skipPublicationNotes(head, dateAt) : closingSentenceAt(head, headingEnd);
  const noticeParagraphs = head.slice(0, lastAt + 1);
  return {
    consumed: noticeParagraphs.map((p) => p.index),
    lastIndex: head[lastAt]?.index ?? first.index,
    planTitle: quotedTitle(heading),
    issuer: issuerOf(head, start, dateAt),
    issuedOn: date ? dateOf(date.text) : null,
    docNumber: noticeParagraphs.map((p) => DOC_NUMBER.exec(compact(p.text))?.[0]).find((n) => n) ?? null,
  };
}

/** The notice heading can wrap over a few paragraphs: `关于印发《…规划` / `（2021—2025年）》的通知`. */
function noticeHeadingEnd(head: readonly HeadParagraph[], start: number): number {
  for (let i = start; i < Math.min(head.length, start + 4); i += 1) {
    if (head[i]?.text.includes('通知')) return i;
  }
  return start;
}

function skipPublicationNotes(head: readonly HeadParagraph[], dateAt: number): number {
  let last = dateAt;
  while (PUBLICATION_NOTE.test(compact(head[last + 1]?.text ?? ''))) last += 1;
  return last;
}

/** Without a date, the notice ends at its "please carry it out" sentence. */
function closingSentenceAt(head: readonly HeadParagraph[], headingEnd: number): number {
  let last = headingEnd;
  for (let i = headingEnd + 1; i < Math.min(head.length, headingEnd + 8); i += 1) {
    if (/印发给你们|贯彻执行|遵照执行|认真执行/.test(head[i]?.text ?? '')) last = i;
  }
  return last;
}

function quotedTitle(heading: string): string | null {
  const open = heading.indexOf('《');
  const close = heading.lastIndexOf('》');
  return open >= 0 && close > open ? heading.slice(open + 1, close).trim() : null;
}

/** The signature above the date, else the organisation named above the notice heading. */
function issuerOf(head: readonly HeadParagraph[], start: number, dateAt: number): string | null {
  const signature = head[dateAt - 1]?.text.trim();
  if (dateAt > start && signature && ORGANISATION.test(signature)) return signature;
  const letterhead = head.slice(0, start).find((p) => ORGANISATION.test(p.text.trim()));
  return letterhead?.text.trim() ?? null;
}

const ARABIC_DATE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** `2022年6月1日` or `二〇二二年六月一日` → `2022-06-01`. */
export function dateOf(text: string): string | null {
  const written = compact(text);
  const arabic = ARABIC_DATE.exec(written);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = CHINESE_DATE.exec(written);
  if (!chinese?.[1]) return null;
  const year = Number([...chinese[1]].map((digit) => parseNumeral(digit) ?? 0).join(''));
  return isoDate(year, parseNumeral(chinese[2] ?? '') ?? 0, parseNumeral(chinese[3] ?? '') ?? 0);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface TitleBlock {
  text: string;
  indexes: number[];
}

/** The first short paragraph naming a plan; a period on the next line (`（2021—2025年）`) belongs to it. */
function findTitle(paragraphs: readonly HeadParagraph[]): TitleBlock | null {
  const at = paragraphs.findIndex((p) => looksLikeTitle(p.text));
  const title = paragraphs[at];
  if (!title) return null;
  const block: TitleBlock = { text: title.text.trim(), indexes: [title.index] };
  // A cover often sets the place on its own line above the subject: `重庆市奉节县` / `科技创新“十四五”规划`.
  const above = paragraphs[at - 1];
  if (above && above.index === title.index - 1 && PLACE_ONLY.test(compact(above.text)) && regionOf(block.text) === null) {
    block.text = compact(above.text) + block.text;
    block.indexes.unshift(above.index);
  }
  const next = paragraphs[at + 1];
  if (next && next.index === title.index + 1 && PERIOD_ONLY.test(compact(next.text)) && parseYearRange(block.text) === null) {
    block.text += compact(next.text);
    block.indexes.push(next.index);
  }
  return block;
}

function looksLikeTitle(text: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= MAX_TITLE_LENGTH &&
    PLAN_WORD.test(trimmed) &&
    !NOT_A_TITLE_START.test(trimmed) &&
    !isHeadingText(trimmed) &&
    !/[。；]$/.test(trimmed)
  );
}

function periodOf(title: string): { start: number; end: number } | null {
  const range = parseYearRange(title);
  if (range && range.end > range.start) return range;
  const fiveYear = Object.entries(FIVE_YEAR_PLANS).find(([name]) => title.includes(name));
  return fiveYear ? { start: fiveYear[1][0], end: fiveYear[1][1] } : null;
}

/** A period written in brackets near the top, e.g. `“十四五”时期（2021-2025年）`. */
function periodInHead(head: readonly HeadParagraph[]): { start: number; end: number } | null {
  for (const paragraph of head) {
    const bracket = /[（(]\s*((?:19|20)\d{2}\s*年?\s*[-—–－~～至到]+\s*(?:19|20)\d{2})\s*年?\s*[)）]/.exec(paragraph.text);
    const range = bracket?.[1] ? parseYearRange(bracket[1]) : null;
    if (range && range.end > range.start) return range;
  }
  return null;
}

const ADMIN_UNIT = /[^省市县区旗\s]{1,10}?(?:自治县|自治州|自治旗|省|市|县|区|旗)/g;
const REGION_PREFIX_END = /“|"|十[三四五]五|科技|国民经济|规划|关于/;

/**
 * The place a title names before its subject: `奉节县科技创新…` → 奉节县; `重庆市石柱县…` → 石柱县 (the
 * county, the most specific unit); `石柱土家族自治县人民政府` → 石柱土家族自治县.
 */
export function regionOf(title: string): string | null {
  const text = compact(title);
  const stop = text.search(REGION_PREFIX_END);
  const prefix = (stop >= 0 ? text.slice(0, stop) : text.slice(0, 16)).replace(/人民政府.*$/, '');
  const units = prefix.match(ADMIN_UNIT);
  return units?.at(-1) ?? null;
}
