// Blocks → ParsedPlan. Every list is read from document structure (tables by their headers, headings by
// their numbering, boxes by `专栏N`); nothing is guessed, so a document without an indicator table or a
// project list yields empty lists and a warning rather than invented rows.
import type { DocumentBlock, ParsedPlan, TableBlock } from './model.ts';
import { readBoxes } from './boxes.ts';
import { readFrontMatter } from './front-matter.ts';
import { readIndicators } from './indicators.ts';
import { readOutline, tableOfContents } from './outline.ts';
import { readProjects } from './projects.ts';
import { WarningSink } from './warnings.ts';

export interface ParseOptions {
  /** Title to use when the document names none (e.g. the file name). */
  fallbackTitle?: string;
}

export function parsePlanBlocks(blocks: DocumentBlock[], options: ParseOptions = {}): ParsedPlan {
  const sink = new WarningSink();
  const front = readFrontMatter(blocks);
  const notBody = new Set([...front.consumed, ...tableOfContents(blocks)]);
  const boxes = readBoxes(blocks, notBody);
  const outline = readOutline(blocks, new Set([...notBody, ...boxes.consumed]));
  const tables = blocks.filter((block): block is TableBlock => block.kind === 'table');
  const indicators = readIndicators(tables, { start: front.periodStart, end: front.periodEnd }, sink);
  const projects = readProjects(tables, sink);

  if (front.title === '') sink.add('title-not-found', '未找到规划标题', null);
  if (indicators.length === 0) sink.add('indicators-not-found', '未找到主要指标表（需含“指标名称”及基期/目标值列）', null);
  if (projects.length === 0) sink.add('projects-not-found', '未找到项目清单（需含“项目名称/任务名称”等列）', null);

  return {
    title: front.title || options.fallbackTitle || '',
    region: front.region,
    periodStart: front.periodStart,
    periodEnd: front.periodEnd,
    issuer: front.issuer,
    issuedOn: front.issuedOn,
    docNumber: front.docNumber,
    outline,
    indicators,
    boxes: boxes.boxes,
    projects,
    warnings: sink.list(),
  };
}
