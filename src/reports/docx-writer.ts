// ReportDocument → .docx with the `docx` package, in 公文 layout (see gongwen.ts for every measure). The writer only
// formats: every string it prints comes from the document model, which comes from ReportData.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  HighlightColor,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Align, ReportBlock, ReportDocument, TableColumn } from '../domain/reports/document.ts';
import { CHAR, FONTS, LINE_PITCH, PAGE, SIZE, TEXT_WIDTH, fontTableXml } from './gongwen.ts';

/** A chart drawn to PNG, keyed by ChartSpec id in the images map. */
export interface ChartImage {
  png: Uint8Array;
  /** Pixel size of the drawing (before any zoom): the aspect ratio is kept. */
  width: number;
  height: number;
}

/** Chinese text gets the eastAsia font; `hint` makes Word use it for ambiguous characters such as “ ” too. */
function fonts(eastAsia: string, latin: string = FONTS.latin) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
}

const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const TITLE_PITCH = 700;

/**
 * A long title is broken before the report name ("…规划" / "中期评估报告"), the way titles are set by hand: words
 * stay whole and the lines balance.
 */
export function titleLines(title: string): string[] {
  if ([...title].length <= 20) return [title];
  const match = /(\d{4}年度监测报告|中期评估报告|总结评估报告)$/.exec(title);
  if (!match || match.index === 0) return [title];
  return [title.slice(0, match.index), match[0]];
}

const exactLines = (twips: number = LINE_PITCH) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

const STYLE = {
  body: 'KcBody',
  heading1: 'Heading1',
  heading2: 'Heading2',
  title: 'Title',
  tableText: 'KcTableText',
  caption: 'KcCaption',
  placeholder: 'KcPlaceholder',
  note: 'KcNote',
} as const;

function styles() {
  return {
    default: {
      document: {
        run: { font: fonts(FONTS.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: exactLines(), alignment: AlignmentType.JUSTIFIED },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: '公文正文',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLine: 2 * CHAR }, spacing: exactLines(), alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: fonts(FONTS.title, FONTS.title), size: SIZE.title, bold: false, color: '000000' },
        // A 二号 title on the 28.95 pt body pitch would clip: 35 pt per title line, one blank body line after.
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: TITLE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: LINE_PITCH } },
      },
      {
        id: STYLE.heading1,
        name: 'heading 1',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: fonts(FONTS.heading1, FONTS.heading1), size: SIZE.body, bold: false, color: '000000' },
        paragraph: { indent: { firstLine: 2 * CHAR }, spacing: exactLines(), keepNext: true, outlineLevel: 0 },
      },
      {
        id: STYLE.heading2,
        name: 'heading 2',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: fonts(FONTS.heading2, FONTS.heading2), size: SIZE.body, bold: false, color: '000000' },
        paragraph: { indent: { firstLine: 2 * CHAR }, spacing: exactLines(), keepNext: true, outlineLevel: 1 },
      },
      {
        id: STYLE.tableText,
        name: '表格文字',
        basedOn: 'Normal',
        run: { size: SIZE.table },
        paragraph: { spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      {
        id: STYLE.caption,
        name: '图表标题',
        basedOn: 'Normal',
        run: { font: fonts(FONTS.heading1, FONTS.heading1), size: SIZE.caption },
        paragraph: { alignment: AlignmentType.CENTER, spacing: exactLines(), keepNext: true },
      },
      {
        id: STYLE.placeholder,
        name: '待填写',
        basedOn: STYLE.body,
        run: { font: fonts(FONTS.heading2, FONTS.heading2) },
      },
      {
        id: STYLE.note,
        name: '生成说明',
        basedOn: 'Normal',
        run: { font: fonts(FONTS.heading2, FONTS.heading2), size: SIZE.note, color: '555555' },
        paragraph: { spacing: { line: 400, lineRule: LineRuleType.EXACT, before: LINE_PITCH, after: 0 } },
      },
    ],
  };
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  // GB/T 9704 7.5: "— 1 —" in 四号 半角宋体 with 一字线 either side; odd pages right, even pages left, 空一字.
  const run = { font: fonts(FONTS.pageNumber, FONTS.pageNumber), size: SIZE.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ ...run, text: '— ' }), new TextRun({ ...run, children: [PageNumber.CURRENT] }), new TextRun({ ...run, text: ' —' })],
      }),
    ],
  });
}

/** The lines of a cell: its own line breaks, and a break before `breakBefore` (never at the very start). */
function cellLines(text: string, breakBefore: string | undefined): string[] {
  const lines = text.split('\n');
  if (breakBefore === undefined) return lines;
  return lines.flatMap((line) => {
    const at = line.indexOf(breakBefore);
    return at > 0 ? [line.slice(0, at), line.slice(at)] : [line];
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(columns: readonly TableColumn[], rows: readonly string[][]): Table {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  // Scale to the exact text width so a table never pokes into the margin.
  const widths = columns.map((c) => Math.round((c.width * TEXT_WIDTH) / total));
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      width: { size: widths[column] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 50, right: 50, top: 40, bottom: 40 },
      children: cellLines(text, header ? undefined : columns[column]?.breakBefore).map(
        (line) =>
          new Paragraph({
            style: STYLE.tableText,
            alignment: header ? AlignmentType.CENTER : ALIGN[columns[column]?.align ?? 'left'],
            children: [new TextRun(header ? { text: line, font: fonts(FONTS.heading1, FONTS.heading1) } : { text: line })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        height: { value: 480, rule: HeightRule.ATLEAST },
        children: columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            height: { value: 400, rule: HeightRule.ATLEAST },
            children: row.map((text, i) => cell(text, i, false)),
          }),
      ),
    ],
  });
}

/** Width of the chart picture in pixels at 96 dpi: the full 156 mm text width. */
const IMAGE_WIDTH_PX = Math.round((156 / 25.4) * 96);

function blockElements(block: ReportBlock, images: ReadonlyMap<string, ChartImage>): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ style: block.level === 1 ? STYLE.heading1 : STYLE.heading2, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ style: STYLE.body, children: [new TextRun(block.text)] })];
    case 'placeholder':
      return [
        new Paragraph({
          style: STYLE.placeholder,
          children: [new TextRun({ text: block.text, highlight: HighlightColor.YELLOW } satisfies IRunOptions)],
        }),
      ];
    case 'table':
      return [
        new Paragraph({ style: STYLE.caption, children: [new TextRun(block.caption)] }),
        table(block.columns, block.rows),
        // A blank grid line after the table keeps the next paragraph off its bottom border.
        new Paragraph({ style: STYLE.body, children: [] }),
      ];
    case 'chart': {
      const image = images.get(block.chart.id);
      if (!image) return [new Paragraph({ style: STYLE.body, children: [new TextRun(`（图表未生成：${block.caption}）`)] })];
      const height = Math.round((IMAGE_WIDTH_PX * image.height) / image.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          // An exact 28.95 pt line would crop the picture to one line: the picture's paragraph sizes to it.
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
          children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: IMAGE_WIDTH_PX, height } })],
        }),
        new Paragraph({ style: STYLE.caption, children: [new TextRun(block.caption)] }),
      ];
    }
    case 'attachments':
      // GB/T 9704 7.3.6: 正文下空一行左空二字 "附件：1. …", later names aligned under the first.
      return [
        new Paragraph({ style: STYLE.body, children: [] }),
        ...block.items.map(
          (item, i) =>
            new Paragraph({
              style: STYLE.body,
              indent: i === 0 ? { firstLine: 2 * CHAR } : { left: 5 * CHAR, firstLine: 0 },
              children: [new TextRun(`${i === 0 ? '附件：' : ''}${i + 1}. ${item}`)],
            }),
        ),
      ];
    case 'signature': {
      // GB/T 9704 7.3.5.2 (不加盖印章): 空一行右空二字署名，下一行成文日期，首字比署名首字右移二字.
      const dateWidth = [...block.date].reduce((w, ch) => w + (/[0-9]/.test(ch) ? CHAR / 2 : CHAR), 0);
      const nameWidth = [...block.authority].length * CHAR;
      const dateRight = Math.max(2 * CHAR, 2 * CHAR + nameWidth - 2 * CHAR - dateWidth);
      // Kept with the generation note below, so the signature never ends a page with the note alone on the next.
      return [
        new Paragraph({ style: STYLE.body, keepNext: true, children: [] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: { right: 2 * CHAR }, children: [new TextRun(block.authority)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: { right: dateRight }, children: [new TextRun(block.date)] }),
      ];
    }
    case 'note':
      return [new Paragraph({ style: STYLE.note, children: [new TextRun(block.text)] })];
  }
}

export async function writeReportDocx(doc: ReportDocument, images: ReadonlyMap<string, ChartImage>): Promise<Buffer> {
  const document = new Document({
    creator: '科创规划监测与服务平台',
    title: doc.title,
    description: '由科创规划监测与服务平台依据数据库生成的报告初稿',
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
            },
            pageNumbers: { start: 1 },
          },
          // No snapping grid: the exact 28.95 pt line spacing of every body paragraph already gives 22 lines a page,
          // and a snapping grid (lines / linesAndChars) makes LibreOffice and WPS stretch table rows to the body
          // pitch and spread characters over the line. The pitch is still recorded for Word's 文档网格 dialog.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          new Paragraph({
            style: STYLE.title,
            children: titleLines(doc.title).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
          }),
          ...doc.blocks.flatMap((block) => blockElements(block, images)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
