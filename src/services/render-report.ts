// ReportData → the two files of a report: the Word document (公文 layout, charts embedded) and its Excel annex, named
// after the report. The rendering itself is src/reports/render.ts (also run in a worker for the municipal batch).
import { reportFileStem, type ReportData } from '../domain/reports/model.ts';
import { renderReportFiles, type RenderedFiles } from '../reports/render.ts';

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

/** Names the rendered bytes: 《…》中期评估报告（2023年）.docx and its （附件）.xlsx. */
export function reportFiles(data: ReportData, files: RenderedFiles): RenderedReport {
  const stem = reportFileStem(data);
  return {
    stem,
    docx: { fileName: `${stem}.docx`, contentType: DOCX_TYPE, bytes: files.docx },
    xlsx: { fileName: `${stem}（附件）.xlsx`, contentType: XLSX_TYPE, bytes: files.xlsx },
  };
}

export async function renderReport(data: ReportData, onStep?: (label: string) => void): Promise<RenderedReport> {
  return reportFiles(data, await renderReportFiles(data, onStep));
}
