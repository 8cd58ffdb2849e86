// Shared CLI plumbing: JSON vs human output, progress bars on a TTY, and one-line errors with exit code 1.
import cliProgress from 'cli-progress';
import { PlanDocumentError } from '../domain/plan/model.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';

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

/** Runs a command body; expected errors print one clear line and exit 1, nothing else is printed. */
export async function runCommand(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof PlanDocumentError || error instanceof NotFoundError || error instanceof ValidationError) {
      process.stderr.write(`错误 / error: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

export function cliActor(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}
