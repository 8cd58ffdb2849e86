// The "choose a file → dry run (nothing written) → confirm" steps every import screen shares (填报模板 upload,
// 导入新版本): the file's type and size are checked in the browser first, so a wrong file is named at once in
// Chinese; the server's dry run gives the preview; the commit reuses the same file. Errors of either step land in
// `error` as Chinese text.
import { useState } from 'react';
import { errorText } from '../api/client.ts';

export interface DryRunUploadOptions<P> {
  /** File names accepted, e.g. /\.xlsx$/i. */
  accept: RegExp;
  /** Shown when the name does not match. */
  wrongType: string;
  maxBytes: number;
  /** Shown when the file is larger. */
  tooLarge: string;
  /** The server's dry run: reads the file, writes nothing. */
  dryRun: (file: File) => Promise<P>;
}

export function useDryRunUpload<P>(options: DryRunUploadOptions<P>) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setFile(null);
    setPreview(null);
    setError(null);
  }

  async function choose(chosen: File) {
    reset();
    setFile(chosen);
    if (!options.accept.test(chosen.name)) {
      setError(options.wrongType);
      return;
    }
    if (chosen.size > options.maxBytes) {
      setError(options.tooLarge);
      return;
    }
    setBusy('check');
    try {
      setPreview(await options.dryRun(chosen));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(null);
    }
  }

  /** Runs the real import on the chosen file; a failure is shown in `error`. */
  async function commit(run: (file: File) => Promise<void>) {
    if (!file) return;
    setBusy('import');
    try {
      await run(file);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(null);
    }
  }

  return { file, preview, setPreview, busy, error, setError, reset, choose, commit };
}
