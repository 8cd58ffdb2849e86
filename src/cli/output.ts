// Shared CLI plumbing: JSON vs human output, progress bars on a TTY, and one-line errors (exit 1 refused, 2 failed).
import cliProgress from 'cli-progress';
import { PlanDocumentError } from '../domain/plan/model.ts';
import { PeriodParseError } from '../domain/period/period.ts';
import { HolidayFileError } from '../domain/supervision/holidays/index.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../services/errors.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A progress bar on an interactive terminal; silent otherwise (pipes, --json, CI logs). */
export function createProgress(total: number, enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) {
    return { update: (_value: number, _label: string) => {}, stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {label}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (value: number, label: string) => bar.update(value, { label }),
    stop: () => bar.stop(),
  };
}

/** What a failed command tells its caller: a stable code, one readable line, and for some errors more detail. */
export interface CliError {
  error: string;
  message: string;
  details?: { path: string; message: string }[];
  /** The record as it is now, for a stale write (409), so a script can retry from it. */
  current?: unknown;
}

/** Exit code of a refusal the services raise on purpose (not found, forbidden, invalid, stale, workflow). */
export const EXIT_REFUSED = 1;
/** Exit code of anything unexpected (a bug, the database unreachable): still one line unless KECHUANG_DEBUG is set. */
export const EXIT_FAILED = 2;

function hasStatus(error: Error): error is Error & { statusCode: number; code?: unknown } {
  return typeof (error as { statusCode?: unknown }).statusCode === 'number';
}

/**
 * The known errors, mapped as the HTTP error handler maps them: the services' classes, the domain's typed refusals,
 * and any error carrying a 4xx `statusCode` (forbidden, conflict, workflow, locked …). null: not a refusal.
 */
export function describeCliError(error: unknown): CliError | null {
  if (!(error instanceof Error)) return null;
  if (error instanceof NotFoundError) return { error: 'not-found', message: error.message };
  if (error instanceof VersionConflictError) return { error: 'version-conflict', message: error.message, current: error.current };
  if (error instanceof ValidationError) {
    return error.details.length > 0 ? { error: 'validation', message: error.message, details: error.details } : { error: 'validation', message: error.message };
  }
  if (error instanceof PlanDocumentError) return { error: error.code, message: error.message };
  if (error instanceof PeriodParseError || error instanceof HolidayFileError) return { error: 'validation', message: error.message };
  if (hasStatus(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return { error: typeof error.code === 'string' ? error.code : 'refused', message: error.message };
  }
  return null;
}

function debugging(): boolean {
  const flag = process.env.KECHUANG_DEBUG;
  return flag !== undefined && flag !== '' && flag !== '0';
}

/**
 * Runs a command body. A refusal prints one line (`错误 / error: …`, or with --json one JSON object) on stderr and
 * exits 1; anything else prints one line too and exits 2. Stacks only with KECHUANG_DEBUG=1: an operator running
 * cron jobs needs the reason, not Node internals. --json is read from argv so every command gets it, including
 * commands whose options do not declare it.
 */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const known = describeCliError(error);
    const failure: CliError = known ?? {
      error: 'internal',
      message: `内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}`,
    };
    if (process.argv.includes('--json')) {
      process.stderr.write(`${JSON.stringify(failure)}\n`);
    } else {
      const detail = failure.details?.map((d) => `${d.path} ${d.message}`).join('；');
      const hint = known || debugging() ? '' : '（设置 KECHUANG_DEBUG=1 查看详情 / set KECHUANG_DEBUG=1 for the stack）';
      process.stderr.write(`错误 / error: ${failure.message}${detail && !failure.message.includes(detail) ? `（${detail}）` : ''}${hint}\n`);
    }
    if (debugging() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = known ? EXIT_REFUSED : EXIT_FAILED;
  }
}

export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}
