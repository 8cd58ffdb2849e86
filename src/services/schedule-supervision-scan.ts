// The daily 督办 scan inside the server process: at HH:MM China time every day (KECHUANG_SCAN_AT, e.g. 08:30) the
// scan runs over every county as the system. Without the variable nothing is scheduled and the operator runs
// `kechuang supervision scan` from cron instead — either way escalation happens even when nobody opens the page.
import type { Database } from '../db/client.ts';
import { operatorAccess } from './auth/access.ts';
import { scanSupervision, type ScanSummary } from './scan-supervision.ts';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds from `now` until the next HH:MM in China time (UTC+8, no daylight saving). */
export function msUntilChinaTime(hhmm: string, now: Date): number {
  const match = TIME.exec(hhmm.trim());
  if (!match) throw new Error(`KECHUANG_SCAN_AT 须为 HH:MM（如 08:30）/ must be HH:MM: ${hhmm}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const sinceMidnight = china.getUTCHours() * 60 + china.getUTCMinutes() + china.getUTCSeconds() / 60 + china.getUTCMilliseconds() / 60_000;
  const wait = (minutes - sinceMidnight + 24 * 60) % (24 * 60);
  return Math.round((wait === 0 ? 24 * 60 : wait) * 60_000);
}

export interface ScheduledScan {
  stop(): void;
}

export function scheduleSupervisionScan(
  db: Database,
  hhmm: string,
  log: { info(message: string): void; error(message: string): void },
): ScheduledScan {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(run, msUntilChinaTime(hhmm, new Date()));
    timer.unref();
  };
  const run = () => {
    scanSupervision(db, operatorAccess('system:daily-scan'))
      .then((s: ScanSummary) =>
        log.info(`督办扫描 ${s.today}：新下发 ${s.issued}，升级 ${s.escalated}，解除 ${s.resolved}，标记逾期 ${s.markedOverdue}`),
      )
      .catch((error: unknown) => log.error(`督办扫描失败 / supervision scan failed: ${(error as Error).message}`))
      .finally(next);
  };
  next();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
