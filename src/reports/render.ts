// ReportData → the bytes of the Word file and the Excel annex: the whole rendering pipeline, no database. Runs on
// the main thread for one report, or in a worker thread for the municipal batch (render-pool.ts).
import { buildReportDocument } from '../domain/reports/document.ts';
import type { ReportData } from '../domain/reports/model.ts';
import { renderCharts } from './chart-renderer.ts';
import { writeReportDocx } from './docx-writer.ts';
import { writeReportXlsx } from './xlsx-writer.ts';

export interface RenderedFiles {
  docx: Buffer;
  xlsx: Buffer;
}

export async function renderReportFiles(data: ReportData, onStep?: (label: string) => void): Promise<RenderedFiles> {
  const document = buildReportDocument(data);
  onStep?.('绘制图表');
  const images = await renderCharts(document.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
  onStep?.('生成 Word 文档');
  const docx = await writeReportDocx(document, images);
  onStep?.('生成 Excel 附件');
  const xlsx = await writeReportXlsx(data);
  return { docx, xlsx };
}
