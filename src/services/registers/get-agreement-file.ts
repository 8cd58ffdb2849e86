// Reading the signed 三方协议 of a dispatch: the list (name, size, who uploaded it and when) and one file's bytes. The
// county sees the files of its own dispatches; an enterprise account only those of dispatches to its own enterprise
// (it is a party to that agreement and to no other). Anything else is "not found", never "forbidden", so ids of
// another county or enterprise reveal nothing.
import type { Executor } from '../../db/client.ts';
import { FILE_TYPE_MIME } from '../../domain/reporting/file-type.ts';
import { findAgreementFileContent, listAgreementFiles, type AgreementFileRecord } from '../../repositories/agreement-files.ts';
import { findDispatch, type DispatchRecord } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { onlyEnterprise, requireAction } from './guards.ts';

/** A dispatch's files with the dispatch version every write to them must name (409 when it moved). */
export interface DispatchAgreementFiles {
  dispatchId: string;
  version: number;
  files: AgreementFileRecord[];
}

export function mayReadAgreement(access: Access, dispatch: Pick<DispatchRecord, 'enterpriseId'>): boolean {
  const own = onlyEnterprise(access);
  return own === null || dispatch.enterpriseId === own;
}

export async function findReachableDispatch(exec: Executor, access: Access, dispatchId: string): Promise<DispatchRecord> {
  const dispatch = await findDispatch(exec, access.scope, dispatchId);
  if (!dispatch || !mayReadAgreement(access, dispatch)) throw new NotFoundError('commissioner_dispatch', dispatchId, '派驻记录不存在 / dispatch not found');
  return dispatch;
}

/** The files as they stand, read in the dispatch's own county (the caller found the dispatch in its scope). */
export async function agreementFilesOf(exec: Executor, dispatch: Pick<DispatchRecord, 'id' | 'countyId' | 'version'>): Promise<DispatchAgreementFiles> {
  return { dispatchId: dispatch.id, version: dispatch.version, files: await listAgreementFiles(exec, countyScope(dispatch.countyId), [dispatch.id]) };
}

export async function listDispatchAgreementFiles(exec: Executor, access: Access, dispatchId: string): Promise<DispatchAgreementFiles> {
  requireAction(access, 'register.read');
  return agreementFilesOf(exec, await findReachableDispatch(exec, access, dispatchId));
}

export async function getAgreementFile(
  exec: Executor,
  access: Access,
  fileId: string,
): Promise<AgreementFileRecord & { bytes: Uint8Array; contentType: string }> {
  requireAction(access, 'register.read');
  const file = await findAgreementFileContent(exec, access.scope, fileId);
  const dispatch = file ? await findDispatch(exec, access.scope, file.dispatchId) : null;
  if (!file || !dispatch || !mayReadAgreement(access, dispatch)) {
    throw new NotFoundError('dispatch_agreement_file', fileId, '三方协议文件不存在 / agreement file not found');
  }
  return { ...file, contentType: FILE_TYPE_MIME[file.fileType] };
}
