// The enterprise import workbook: the template (built from IMPORT_COLUMNS, so it matches the parser) and the reading
// of an uploaded file into plain cell values. Content is checked by its bytes (an .xlsx is a ZIP with
// xl/workbook.xml), never by its name.
import ExcelJS from 'exceljs';
import { detectFileType } from '../../domain/reporting/file-type.ts';
import { ENTERPRISE_SIZES, IMPORT_COLUMNS, type CellValue } from '../../domain/registers/enterprise-import.ts';
import { ValidationError } from '../errors.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export async function buildEnterpriseTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  const sheet = workbook.addWorksheet('企业名录');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Text format for the code column: Excel must not turn a code into a number or scientific notation.
  sheet.getColumn(2).numFmt = '@';
  const sizeColumn = IMPORT_COLUMNS.findIndex((c) => c.key === 'size') + 1;
  for (let r = 2; r <= 2000; r += 1) {
    sheet.getCell(r, sizeColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${ENTERPRISE_SIZES.join(',')}"`] };
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 24 },
    { header: '说明', key: 'note', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  const notes: [string, string][] = [
    ['企业名称、统一社会信用代码', '必填。统一社会信用代码18位，按GB 32100-2015校验第18位校验码。'],
    ['数据年度', '填写了任一年度数据（职工总数及以后各列）时必填，四位年份。同一企业同一年度只能一行。'],
    ['金额', '单位万元，可含两位以上小数；净利润、净资产可为负数。'],
    ['人数、知识产权、成果转化', '整数，不能为负；科技人员、研发人员不能多于职工总数。'],
    ['导入规则', '任一单元格有误则整个文件不导入，并逐格列出错误（如“第5行 B列：统一社会信用代码校验位错误”）。已在库的企业按统一社会信用代码更新。'],
  ];
  for (const [col, note] of notes) help.addRow({ col, note });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}

export interface SheetCells {
  header: CellValue[];
  rows: { row: number; cells: CellValue[] }[];
}

export async function readEnterpriseWorkbook(bytes: Uint8Array): Promise<SheetCells> {
  if (bytes.length === 0) throw new ValidationError('文件为空 / empty file');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ValidationError('文件过大（上限 10 MB）/ file too large (limit 10 MB)');
  if (detectFileType(bytes) !== 'xlsx') throw new ValidationError('请上传 Excel 工作簿（.xlsx），可先下载导入模板 / please upload an .xlsx workbook');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('无法读取该 Excel 文件，文件可能已损坏 / the workbook cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError('工作簿中没有工作表 / no worksheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new ValidationError(`行数过多（上限 ${MAX_IMPORT_ROWS} 行）/ too many rows`);
  const width = IMPORT_COLUMNS.length;
  const read = (r: number) => Array.from({ length: width }, (_, i) => plain(sheet.getRow(r).getCell(i + 1).value));
  const rows: SheetCells['rows'] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) rows.push({ row: r, cells: read(r) });
  return { header: read(1), rows };
}
