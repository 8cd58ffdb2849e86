// ReportData → the two files of a report: the Word document (公文 layout, charts embedded) and its Excel annex.
// The charts are drawn, then the Word file and the annex are written.
import { buildReportDocument } from '../domain/reports/document.ts';
import { reportFileStem, type ReportData } from '../domain/reports/model.ts';
import { renderCharts } from '../reports/chart-renderer.ts';
import { writeReportDocx } from '../reports/docx-writer.ts';
import { writeReportXlsx } from '../reports/xlsx-writer.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';

export interface ReportFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface RenderedReport {
  stem: string;
  docx: ReportFile;
  xlsx: ReportFile;
}

export async function renderReport(data: ReportData, onStep?: (label: string) => void): Promise<RenderedReport> {
  const document = buildReportDocument(data);
  const charts = document.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : []));
  onStep?.('绘制图表');
  const [images, xlsx] = await Promise.all([renderCharts(charts), writeReportXlsx(data)]);
  onStep?.('生成 Word 文档');
  const docx = await writeReportDocx(document, images);
  const stem = reportFileStem(data);
  return {
    stem,
    docx: { fileName: `${stem}.docx`, contentType: DOCX_TYPE, bytes: docx },
    xlsx: { fileName: `${stem}（附件）.xlsx`, contentType: XLSX_TYPE, bytes: xlsx },
  };
}
