// The signed 三方协议 files of a 特派员 dispatch (src/http/routes/commissioners.ts). A file goes up as its raw bytes
// (the server judges the content); every write names the dispatch version and answers the files as they now stand.
import type { agreementFileSchema, dispatchAgreementFilesSchema } from '@contracts/registers.ts';
import type { z } from 'zod';
import { api, qs } from './client.ts';

export type AgreementFile = z.infer<typeof agreementFileSchema>;
export type DispatchAgreementFiles = z.infer<typeof dispatchAgreementFilesSchema>;

/** One more file, or — with `replaces` — a new file in place of that one. */
export const uploadAgreementFile = (dispatchId: string, version: number, file: File, replaces?: string) =>
  api.upload<DispatchAgreementFiles>(
    `/api/dispatches/${dispatchId}/agreement-files${qs({ fileName: file.name, version, replaces })}`,
    file,
    file.type || 'application/octet-stream',
  );

export const removeAgreementFile = (fileId: string, version: number) =>
  api.del<DispatchAgreementFiles>(`/api/dispatch-agreement-files/${fileId}${qs({ version })}`);

/** Same-origin GET: the session cookie goes along, and the server names the download (content-disposition). */
export const agreementFileUrl = (fileId: string) => `/api/dispatch-agreement-files/${fileId}`;
