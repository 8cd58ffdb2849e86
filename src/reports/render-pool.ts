// Rendering off the main thread for the municipal batch. On embedded PGlite the database runs on the main thread
// too, so drawing charts and packing files in a worker lets the next county's data be read meanwhile: the batch
// uses both cores. If the worker cannot start (no tsx loader), rendering falls back to the main thread.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportData } from '../domain/reports/model.ts';
import { renderReportFiles, type RenderedFiles } from './render.ts';

interface Answer {
  id: number;
  docx?: Uint8Array;
  xlsx?: Uint8Array;
  error?: string;
}

export interface RenderPool {
  render(data: ReportData): Promise<RenderedFiles>;
  /** How many reports the worker rendered (the rest fell back to the main thread). */
  readonly offThread: number;
  close(): Promise<void>;
}

/**
 * The worker's bootstrap: register tsx's ESM hooks in the worker itself, then import the TypeScript entry. (Passing
 * `--import tsx` in execArgv is not enough on Node 20: the entry module loads before the hooks are in place.)
 */
function workerBootstrap(): string | null {
  try {
    const api = join(dirname(createRequire(import.meta.url).resolve('tsx')), 'esm', 'api', 'index.mjs');
    if (!existsSync(api)) return null;
    const entry = new URL('./render-worker.ts', import.meta.url).href;
    return `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  } catch {
    return null;
  }
}

export function createRenderPool(): RenderPool {
  const bootstrap = workerBootstrap();
  let worker: Worker | null = null;
  let broken = bootstrap === null;
  let offThread = 0;
  let nextId = 0;
  const pending = new Map<number, { resolve: (files: RenderedFiles) => void; reject: (error: Error) => void; data: ReportData }>();

  const failAll = (reason: string) => {
    broken = true;
    // Whatever was in flight is rendered here instead: the batch never loses a county to a worker problem.
    for (const [id, job] of pending) {
      pending.delete(id);
      renderReportFiles(job.data).then(job.resolve, job.reject);
    }
    void reason;
  };

  const start = (): Worker | null => {
    if (broken || bootstrap === null) return null;
    if (worker) return worker;
    try {
      worker = new Worker(bootstrap, { eval: true });
    } catch {
      broken = true;
      return null;
    }
    worker.on('message', (answer: Answer) => {
      const job = pending.get(answer.id);
      if (!job) return;
      pending.delete(answer.id);
      if (answer.error !== undefined || !answer.docx || !answer.xlsx) {
        job.reject(new Error(answer.error ?? 'render worker answered without files'));
        return;
      }
      offThread += 1;
      job.resolve({ docx: Buffer.from(answer.docx), xlsx: Buffer.from(answer.xlsx) });
    });
    worker.on('error', (error) => failAll(error.message));
    worker.on('exit', (code) => {
      worker = null;
      if (pending.size > 0) failAll(`render worker exited with ${code}`);
    });
    return worker;
  };

  return {
    render(data) {
      const w = start();
      if (!w) return renderReportFiles(data);
      const id = nextId++;
      return new Promise<RenderedFiles>((resolve, reject) => {
        pending.set(id, { resolve, reject, data });
        w.postMessage({ id, data });
      });
    },
    get offThread() {
      return offThread;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
