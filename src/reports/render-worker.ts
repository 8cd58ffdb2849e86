// Worker-thread entry of the render pool: renders the reports it is sent, one at a time, and answers with the bytes.
import { parentPort } from 'node:worker_threads';
import type { ReportData } from '../domain/reports/model.ts';
import { ensureChartFont } from './chart-renderer.ts';
import { renderReportFiles } from './render.ts';

interface Request {
  id: number;
  data: ReportData;
}

const port = parentPort;
if (port) {
  // Everything rendering needs is loaded by now (this module's imports, the font): the pool may send work.
  ensureChartFont();
  port.postMessage({ ready: true });
  port.on('message', (request: Request) => {
    renderReportFiles(request.data).then(
      (files) => port.postMessage({ id: request.id, docx: files.docx, xlsx: files.xlsx }),
      (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
