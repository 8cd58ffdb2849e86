// Export a table to .xlsx in the browser. ExcelJS is large, so it is loaded only when someone clicks 导出.
import { saveBlob } from '../api/client.ts';

export type Cell = string | number | null;

export interface SheetSpec {
  sheetName: string;
  headers: string[];
  rows: Cell[][];
  /** A line above the header (e.g. the plan and period the table is for). */
  caption?: string;
}

export async function exportXlsx(fileName: string, sheets: SheetSpec[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName));
    let headerRow = 1;
    if (spec.caption) {
      sheet.addRow([spec.caption]).font = { bold: true, size: 12 };
      headerRow = 2;
    }
    const header = sheet.addRow(spec.headers);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    for (const row of spec.rows) sheet.addRow(row.map((cell) => (cell === null ? '' : cell)));
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
    spec.headers.forEach((title, index) => {
      const widest = Math.max(
        displayWidth(title),
        ...spec.rows.slice(0, 500).map((row) => displayWidth(String(row[index] ?? ''))),
      );
      sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`,
  );
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

/** Chinese characters take two columns in Excel. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

/** Today as 2024-03-05, for file names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
