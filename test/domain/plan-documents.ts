// Builds small plan documents for the parser tests, as Word's text export and as a real .docx, from one
// description: a string is a paragraph, a string[][] is a table (rows of cells; "\n" separates a cell's
// paragraphs).
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

export type DocPart = string | string[][];

/** Word's text export: a cell per line with a leading TAB, its next paragraphs without it, a blank line per row. */
export function toExportText(parts: readonly DocPart[]): string {
  const lines: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      lines.push(part);
      continue;
    }
    for (const row of part) {
      for (const cell of row) {
        const [first = '', ...rest] = cell.split('\n');
        lines.push(`\t${first}`, ...rest);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

export async function toDocx(parts: readonly DocPart[]): Promise<Uint8Array> {
  const children = parts.map((part) =>
    typeof part === 'string'
      ? new Paragraph(part)
      : new Table({
          rows: part.map(
            (row) =>
              new TableRow({
                children: row.map((cell) => new TableCell({ children: cell.split('\n').map((text) => new Paragraph(text)) })),
              }),
          ),
        }),
  );
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buffer);
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** 奉节's column order: 序号, 指标名称, 2020年 完成值, 2025年 目标值, 指标属性. */
export const FENGJIE_ORDER_TABLE: string[][] = [
  ['序号', '指标名称', '2020年 完成值', '2025年  目标值', '指标属性'],
  ['1', '全社会研发经费占地区生产总值的比重（%）', '0.4', '1', '预期性'],
  ['2', '数字经济增加值占地区生产总值比重达到%', '1.5', '10', '预期性'],
  ['3', '科技型企业数量（个）', '【201】', '【240】', '预期性'],
  ['4', '森林覆盖率（%）', '63.04', '≥65', '约束性'],
  ['5', '单位GDP能耗（吨标准煤/万元）', '0.5', '≤0.45', '约束性'],
  ['6', '规模以上工业企业有研发活动的企业占比', '－', '40.0', '预期性'],
];

/** The same indicators in 石柱's order: 序号, 指标名称, 指标属性, 2020年指标值, 2025年目标值, 年均. */
export const SHIZHU_ORDER_TABLE: string[][] = [
  ['序号', '指标名称', '指标\n属性', '2020年\n指标值', '2025年\n目标值', '年均'],
  ...FENGJIE_ORDER_TABLE.slice(1).map(([seq = '', name = '', base = '', target = '', attribute = '']) => [
    seq,
    name,
    attribute,
    base,
    target,
    '',
  ]),
];
