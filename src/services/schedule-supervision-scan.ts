// The daily 督办 scan inside the server process, on by default: every day at 08:30 China time (KECHUANG_SCAN_AT=HH:MM
// moves it, `off` disables it for a site that runs `kechuang supervision scan` from cron), plus once shortly after
// start when the run that should have happened last did not (the server was down at 08:30). Colours, escalation and
// 督办单 then move by themselves even when nobody opens the page.
//
// The decisions (parse the setting, when is the next run, is a catch-up due) are pure functions below; the scheduler
// only arms timers. Timers are unref'd: they never keep a process (a test run, a CLI command) alive on their own.
import type { Database } from '../db/client.ts';
import { lastScanOfEveryCounty } from '../repositories/supervision.ts';
import { operatorAccess } from './auth/access.ts';
import { scanSupervision, type ScanSummary } from './scan-supervision.ts';

export const DEFAULT_SCAN_AT = '08:30';
/** The catch-up check waits this long after start, so seed import and the first requests are not slowed by it. */
export const CATCH_UP_DELAY_MS = 60_000;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 24 * 3_600_000;
/** China has no daylight saving: Asia/Shanghai is UTC+8 all year, so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

function minutesOf(hhmm: string): number {
  const match = TIME.exec(hhmm.trim());
  if (!match) throw new Error(`KECHUANG_SCAN_AT 须为 HH:MM（如 08:30）或 off / must be HH:MM or off: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** KECHUANG_SCAN_AT → the daily time (HH:MM, zero-padded), or null for `off`. Unset or empty: 08:30. */
export function scanAtFromEnv(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return DEFAULT_SCAN_AT;
  if (trimmed.toLowerCase() === 'off') return null;
  const minutes = minutesOf(trimmed);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first HH:MM China time strictly after `now`. */
export function nextScanAt(hhmm: string, now: Date): Date {
  const minutes = minutesOf(hhmm);
  const chinaMidnight = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  const today = chinaMidnight + minutes * 60_000;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

/** A moment as China wall-clock time, `YYYY-MM-DD HH:MM`, for log lines. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Milliseconds from `now` until the next HH:MM in China time (exactly HH:MM now: a day). */
export function msUntilChinaTime(hhmm: string, now: Date): number {
  return nextScanAt(hhmm, now).getTime() - now.getTime();
}

/** The most recent HH:MM China time at or before `now`: the run that should have happened last. */
export function previousScanAt(hhmm: string, now: Date): Date {
  return new Date(nextScanAt(hhmm, now).getTime() - DAY_MS);
}

/**
 * A catch-up scan is due at start when no scan ever ran, or the last one is older than the run that should have
 * happened last (the server was down at HH:MM). A scan older than a day is always due.
 */
export function catchUpDue(lastScan: Date | null, hhmm: string, now: Date): boolean {
  return lastScan === null || lastScan.getTime() < previousScanAt(hhmm, now).getTime();
}

/** The clock and timers the scheduler uses; tests pass a fake one to move through days at once. */
export interface SchedulerClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ScanLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ScanScheduleOptions {
  /** HH:MM China time. */
  at: string;
  log: ScanLog;
  clock?: SchedulerClock | undefined;
  catchUpDelayMs?: number | undefined;
  /** The scan itself; default scanSupervision over every county as the system. */
  scan?: (() => Promise<ScanSummary>) | undefined;
  /** When every county was last scanned (null: some never); default from the audit log. */
  lastScan?: (() => Promise<Date | null>) | undefined;
}

export interface ScheduledScan {
  /** When the next daily run is armed for; null once stopped. */
  nextRunAt(): Date | null;
  /** Resolves when no scan is running (app close waits for it before the database closes). */
  idle(): Promise<void>;
  stop(): void;
}

export function scheduleSupervisionScan(db: Database, options: ScanScheduleOptions): ScheduledScan {
  const clock = options.clock ?? systemClock;
  const { at, log } = options;
  const scan = options.scan ?? (() => scanSupervision(db, operatorAccess('system:daily-scan'), { now: clock.now() }));
  const lastScan = options.lastScan ?? (() => lastScanOfEveryCounty(db));
  let stopped = false;
  let dailyTimer: unknown = null;
  let catchUpTimer: unknown = null;
  let nextRun: Date | null = null;
  let running: Promise<void> | null = null;
  // The catch-up check reads the audit log before it decides to scan; idle() waits for it too.
  let checking: Promise<void> | null = null;

  // One scan at a time: a daily run falling due while the catch-up scan is still going waits for the next day
  // rather than scanning the same day twice in parallel (the partial unique index would hold, but mails would not).
  const runScan = (why: string): Promise<void> => {
    if (running) {
      log.info(`督办扫描仍在进行，跳过本次（${why}）/ scan still running, skipped`);
      return running;
    }
    running = scan()
      .then((s) =>
        log.info(`督办扫描（${why}）${s.today}：新下发 ${s.issued}，升级 ${s.escalated}，解除 ${s.resolved}，标记逾期 ${s.markedOverdue}`),
      )
      .catch((error: unknown) =>
        // A failing scan (database briefly away, a bad row) must not end the schedule: log it, try again tomorrow.
        log.error(`督办扫描失败，将于下次定时重试 / supervision scan failed, retrying at the next run: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  const armDaily = (from: Date) => {
    if (stopped) return;
    nextRun = nextScanAt(at, from);
    dailyTimer = clock.setTimeout(() => {
      void runScan('每日定时').finally(() => {
        // Armed from a minute on, so a timer that fires a hair early cannot schedule the same HH:MM again.
        const now = clock.now();
        armDaily(new Date(Math.max(now.getTime(), (nextRun?.getTime() ?? 0) + 60_000)));
      });
    }, Math.max(0, nextRun.getTime() - clock.now().getTime()));
  };

  armDaily(clock.now());
  catchUpTimer = clock.setTimeout(() => {
    catchUpTimer = null;
    if (stopped) return;
    checking = lastScan()
      .then((last) => (catchUpDue(last, at, clock.now()) ? runScan('启动补扫') : undefined))
      .catch((error: unknown) => log.error(`督办补扫检查失败 / catch-up check failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        checking = null;
      });
  }, options.catchUpDelayMs ?? CATCH_UP_DELAY_MS);

  return {
    nextRunAt: () => nextRun,
    async idle() {
      while (checking !== null || running !== null) await (checking ?? running);
    },
    stop() {
      stopped = true;
      nextRun = null;
      if (dailyTimer !== null) clock.clearTimeout(dailyTimer);
      if (catchUpTimer !== null) clock.clearTimeout(catchUpTimer);
    },
  };
}
