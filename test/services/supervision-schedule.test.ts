// The daily 督办 scan as the server runs it: the scheduler on a fake clock (runs at HH:MM, one at a time, survives a
// failing scan, catch-up at start only when the last run was missed), and the server start wiring it by default —
// a catch-up scan that writes its audit rows, then the 08:30 run the next day — without waiting a day.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import type { ScanSummary } from '../../src/services/scan-supervision.ts';
import {
  CATCH_UP_DELAY_MS,
  scheduleSupervisionScan,
  systemClock,
  type ScanLog,
  type SchedulerClock,
} from '../../src/services/schedule-supervision-scan.ts';
import { startServer } from '../../src/start-server.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { importSeeds } from './monitoring-fixtures.ts';

interface FakeTimer {
  id: number;
  at: number;
  run: () => void;
}

/** A clock whose timers fire only when the test moves time on. */
class FakeClock implements SchedulerClock {
  private timers: FakeTimer[] = [];
  private nextId = 1;
  constructor(public time: number) {}
  now(): Date {
    return new Date(this.time);
  }
  setTimeout(run: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.time + ms, run };
    this.timers.push(timer);
    return timer.id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** When the armed timers fire, earliest first (China time as ISO). */
  pending(): string[] {
    return [...this.timers].sort((a, b) => a.at - b.at).map((t) => new Date(t.at).toISOString());
  }
  /** Moves to the earliest timer and fires it; then lets the promises it started settle. */
  async fireNext(): Promise<void> {
    const timer = [...this.timers].sort((a, b) => a.at - b.at)[0];
    if (!timer) throw new Error('no timer armed');
    this.timers = this.timers.filter((t) => t !== timer);
    this.time = timer.at;
    timer.run();
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

const china = (local: string) => new Date(`${local}+08:00`).getTime();
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();

function summary(today: string): ScanSummary {
  return { today, counties: 1, items: 0, issued: 0, escalated: 0, resolved: 0, markedOverdue: 0, mails: { sent: 0, failed: 0 }, newOrders: [] };
}

function logOf(): { log: ScanLog; info: string[]; errors: string[] } {
  const info: string[] = [];
  const errors: string[] = [];
  return { log: { info: (m) => info.push(m), error: (m) => errors.push(m) }, info, errors };
}

// The database is not touched when scan and lastScan are given.
const noDatabase = null as never;

describe('the scheduler on a fake clock', () => {
  it('arms 08:30 China time and the catch-up check; with a recent scan no catch-up runs', async () => {
    const clock = new FakeClock(china('2025-03-10T23:50:00'));
    let scans = 0;
    const { log } = logOf();
    const scheduled = scheduleSupervisionScan(noDatabase, {
      at: '08:30',
      log,
      clock,
      scan: async () => {
        scans += 1;
        return summary('2025-03-11');
      },
      lastScan: async () => new Date(china('2025-03-10T08:30:02')),
    });
    expect(scheduled.nextRunAt()?.toISOString()).toBe(iso('2025-03-11T08:30:00'));
    expect(clock.pending()).toEqual([new Date(china('2025-03-10T23:50:00') + CATCH_UP_DELAY_MS).toISOString(), iso('2025-03-11T08:30:00')]);
    await clock.fireNext(); // catch-up check: today's 08:30 run happened
    expect(scans).toBe(0);
    await clock.fireNext(); // 08:30 the next day, across midnight
    expect(scans).toBe(1);
    expect(clock.pending()).toEqual([iso('2025-03-12T08:30:00')]);
    scheduled.stop();
    expect(clock.pending()).toEqual([]);
    expect(scheduled.nextRunAt()).toBeNull();
  });

  it('a failing scan is logged and the schedule goes on the next day', async () => {
    const clock = new FakeClock(china('2025-03-10T08:00:00'));
    const { log, errors, info } = logOf();
    let calls = 0;
    const scheduled = scheduleSupervisionScan(noDatabase, {
      at: '08:30',
      log,
      clock,
      catchUpDelayMs: 10 * 60 * 60_000, // after the first run, so it is not in the way
      scan: async () => {
        calls += 1;
        if (calls === 1) throw new Error('数据库连接中断');
        return summary('2025-03-11');
      },
      lastScan: async () => new Date(),
    });
    await clock.fireNext(); // 08:30 on 03-10: fails
    expect(errors).toEqual(['督办扫描失败，将于下次定时重试 / supervision scan failed, retrying at the next run: 数据库连接中断']);
    expect(scheduled.nextRunAt()?.toISOString()).toBe(iso('2025-03-11T08:30:00'));
    await clock.fireNext(); // the catch-up check (recent scan: nothing)
    await clock.fireNext(); // 08:30 on 03-11: works
    expect(calls).toBe(2);
    expect(info.at(-1)).toContain('督办扫描（每日定时）2025-03-11');
    scheduled.stop();
  });

  it('never runs two scans at once: the daily run due during the catch-up scan is skipped, not doubled', async () => {
    const clock = new FakeClock(china('2025-03-10T08:29:00'));
    const { log, info } = logOf();
    let release: (() => void) | null = null;
    let calls = 0;
    const scheduled = scheduleSupervisionScan(noDatabase, {
      at: '08:30',
      log,
      clock,
      catchUpDelayMs: 1_000,
      scan: () => {
        calls += 1;
        return new Promise<ScanSummary>((resolve) => {
          release = () => resolve(summary('2025-03-10'));
        });
      },
      lastScan: async () => null, // never scanned: catch up
    });
    await clock.fireNext(); // 08:29:01 catch-up starts and hangs
    expect(calls).toBe(1);
    await clock.fireNext(); // 08:30 daily run while the catch-up is still going
    expect(calls).toBe(1);
    expect(info).toContain('督办扫描仍在进行，跳过本次（每日定时）/ scan still running, skipped');
    // The next day is armed only once the running scan ends, and the app's close waits for it.
    let idle = false;
    void scheduled.idle().then(() => (idle = true));
    await settle();
    expect(idle).toBe(false);
    (release as (() => void) | null)?.();
    await settle();
    expect(idle).toBe(true);
    expect(clock.pending()).toEqual([iso('2025-03-11T08:30:00')]);
    scheduled.stop();
  });

  it('real timers are unref’d: an armed scan never keeps a process alive', () => {
    const handle = systemClock.setTimeout(() => undefined, 60_000) as NodeJS.Timeout;
    expect(handle.hasRef()).toBe(false);
    systemClock.clearTimeout(handle);
  });
});

describe('the server starts the daily scan by default', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importSeeds(database.db);
  });
  afterAll(async () => database.dispose());

  const scanRows = (day: string) =>
    database.db
      .select({ countyId: auditLog.countyId, actor: auditLog.actor, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'supervision_scan'), eq(auditLog.entityId, day)));

  it('without KECHUANG_SCAN_AT: catch-up shortly after start (never scanned), then 08:30 every day', async () => {
    const clock = new FakeClock(china('2025-03-10T09:00:00'));
    const printed: string[] = [];
    const server = await startServer({ env: { KECHUANG_NO_SAMPLE: '1' }, database, listen: false, scanClock: clock, print: (l) => printed.push(l), printError: (l) => printed.push(l) });
    try {
      expect(server.app.supervisionScan?.nextRunAt()?.toISOString()).toBe(iso('2025-03-11T08:30:00'));
      expect(printed).toContain('每日督办扫描：每天 08:30（北京时间），下次 2025-03-11 08:30');
      expect(clock.pending()).toEqual([new Date(china('2025-03-10T09:00:00') + CATCH_UP_DELAY_MS).toISOString(), iso('2025-03-11T08:30:00')]);
      expect(await scanRows('2025-03-10')).toEqual([]);

      await clock.fireNext(); // the catch-up check: no county was ever scanned
      await server.app.supervisionScan?.idle();
      const caughtUp = await scanRows('2025-03-10');
      expect(caughtUp).toHaveLength(2); // 奉节县, 石柱县
      expect(caughtUp.every((r) => r.actor === 'system:daily-scan')).toBe(true);
      expect(printed.some((l) => l.startsWith('督办扫描（启动补扫）2025-03-10'))).toBe(true);

      await clock.fireNext(); // 08:30 on 03-11
      await server.app.supervisionScan?.idle();
      expect(await scanRows('2025-03-11')).toHaveLength(2);
      expect(clock.pending()).toEqual([iso('2025-03-12T08:30:00')]);
    } finally {
      await server.close();
    }
    // Closing stops the timers.
    expect(clock.pending()).toEqual([]);
  });

  it('a second start the same day finds the scan done and does not catch up; KECHUANG_SCAN_AT moves or disables it', async () => {
    // The audit rows were written at the real time, after the fake 08:30 of any day in 2025: no catch-up is due.
    const clock = new FakeClock(china('2025-03-11T10:00:00'));
    const moved = await startServer({ env: { KECHUANG_SCAN_AT: '7:05' }, database, listen: false, scanClock: clock, print: () => undefined });
    try {
      expect(moved.app.supervisionScan?.nextRunAt()?.toISOString()).toBe(iso('2025-03-12T07:05:00'));
      await clock.fireNext(); // catch-up check
      await moved.app.supervisionScan?.idle();
      expect(await scanRows('2025-03-11')).toHaveLength(2); // still only the 08:30 run of the first test
    } finally {
      await moved.close();
    }

    const offClock = new FakeClock(china('2025-03-11T10:00:00'));
    const printed: string[] = [];
    const off = await startServer({ env: { KECHUANG_SCAN_AT: 'off' }, database, listen: false, scanClock: offClock, print: (l) => printed.push(l) });
    try {
      expect(off.app.supervisionScan).toBeNull();
      expect(offClock.pending()).toEqual([]);
      expect(printed).toContain('每日督办扫描：已关闭（KECHUANG_SCAN_AT=off），请用 cron 运行 npx kechuang supervision scan');
    } finally {
      await off.close();
    }

    await expect(startServer({ env: { KECHUANG_SCAN_AT: '8点半' }, database, listen: false, print: () => undefined })).rejects.toThrow('KECHUANG_SCAN_AT 须为 HH:MM');
  });
});
