// The in-process queue that runs report jobs one at a time in the background of the web server, so a request only
// records the job and answers at once. One at a time: a report keeps both cores busy (charts on the thread pool),
// and a municipal batch already works on several counties at once.
import type { Database } from '../db/client.ts';
import { failStaleReportJobs } from '../repositories/report-jobs.ts';
import type { Access } from './auth/access.ts';
import { runReportJob } from './run-report-job.ts';

export interface ReportJobQueue {
  enqueue(jobId: string, access: Access): void;
  /** Resolves when every job enqueued so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

/** A job without a heartbeat for this long was cut off by a restart. */
export const STALE_JOB_MS = 10 * 60_000;

export function createReportJobQueue(db: Database): ReportJobQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    enqueue(jobId, access) {
      tail = tail.then(() => runReportJob(db, access, jobId)).catch(() => undefined);
    },
    idle() {
      return tail;
    },
  };
}

/** At start: jobs a previous process left queued or running are failed with the reason, never left spinning. */
export async function failInterruptedReportJobs(db: Database, now: Date = new Date()): Promise<number> {
  return failStaleReportJobs(db, new Date(now.getTime() - STALE_JOB_MS), '服务重启，报告生成被中断，请重新生成 / interrupted by a restart');
}
