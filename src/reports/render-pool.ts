// Rendering off the main thread for the municipal batch. On embedded PGlite the database runs on the main thread
// too, so drawing charts and packing files in workers lets the next counties' data be read meanwhile: the batch
// uses every core. If the worker cannot start (no tsx loader), rendering falls back to the main thread.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
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
  /** How many reports the workers rendered (the rest were rendered on the main thread). */
  readonly offThread: number;
  /** Resolves once every worker is ready or has failed to start (true when at least one is ready). */
  whenReady(): Promise<boolean>;
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

/** Reports a ready worker may hold (one rendering, one waiting), so it never idles while the main thread works. */
const WORKER_DEPTH = 2;

/**
 * `size` worker threads (default: one per core beside the main thread, which renders too), started at once. A worker takes several seconds to load its
 * modules and fonts, and rendering (charts, Word, Excel) costs about three times reading a county's data, so a
 * report goes to a ready worker with room, and otherwise is rendered right here: the main thread renders while the
 * workers start, and whenever they are all busy.
 */
export function createRenderPool(size = Math.max(1, Math.min(4, availableParallelism() - 1))): RenderPool {
  const slots = Array.from({ length: size }, () => createRenderSlot());
  for (const slot of slots) slot.warm();
  return {
    render(data) {
      let best: RenderSlot | undefined;
      for (const slot of slots) {
        if (slot.ready && slot.inFlight < WORKER_DEPTH && (best === undefined || slot.inFlight < best.inFlight)) best = slot;
      }
      return best === undefined ? renderReportFiles(data) : best.render(data);
    },
    get offThread() {
      return slots.reduce((sum, slot) => sum + slot.offThread, 0);
    },
    async whenReady() {
      const ready = await Promise.all(slots.map((slot) => slot.whenReady()));
      return ready.some(Boolean);
    },
    async close() {
      await Promise.all(slots.map((slot) => slot.close()));
    },
  };
}

interface RenderSlot extends RenderPool {
  readonly inFlight: number;
  /** The worker has loaded everything and said so. */
  readonly ready: boolean;
  /** Starts the worker now rather than on the first report. */
  warm(): void;
}

function createRenderSlot(): RenderSlot {
  const bootstrap = workerBootstrap();
  let worker: Worker | null = null;
  let broken = bootstrap === null;
  let offThread = 0;
  let ready = false;
  // Settled once: true when the worker says it is ready, false when it cannot start or dies first.
  let settleReady: (ready: boolean) => void = () => undefined;
  const readyOnce = new Promise<boolean>((resolve) => {
    settleReady = resolve;
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (files: RenderedFiles) => void; reject: (error: Error) => void; data: ReportData }>();

  const failAll = (reason: string) => {
    broken = true;
    settleReady(false);
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
    worker.on('message', (answer: Answer | { ready: true }) => {
      if ('ready' in answer) {
        ready = true;
        settleReady(true);
        return;
      }
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
      ready = false;
      settleReady(false);
      if (pending.size > 0) failAll(`render worker exited with ${code}`);
    });
    return worker;
  };

  return {
    get inFlight() {
      return pending.size;
    },
    get ready() {
      return ready && !broken;
    },
    warm() {
      if (start() === null) settleReady(false);
    },
    whenReady() {
      return readyOnce;
    },
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
      ready = false;
      settleReady(false);
      if (w) await w.terminate();
    },
  };
}
