// Uploads the signed 三方协议 of a dispatch (a scan: PDF or JPG/PNG pages, or the .docx), or replaces one of its
// files. The file is judged by its content with the attachment rules (domain/reporting/file-type.ts, narrowed to
// AGREEMENT_FILE_TYPES) before anything is written; a refusal names the file. Every write names the dispatch version
// it was made against and moves it on, so two clerks replacing the same scan cannot both win (409); the audit row is
// written in the same transaction.
import type { Database } from '../../db/client.ts';
import { AGREEMENT_FILE_TYPES, MAX_AGREEMENT_FILES } from '../../domain/registers/commissioners.ts';
import { countAgreementFiles, deleteAgreementFile, findAgreementFile, insertAgreementFile } from '../../repositories/agreement-files.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { bumpDispatchVersionIf, findDispatch } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { acceptUpload } from '../accept-upload.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.ts';
import { agreementFilesOf, findReachableDispatch, type DispatchAgreementFiles } from './get-agreement-file.ts';
import { requireAction } from './guards.ts';

export interface UploadAgreementFileInput {
  dispatchId: string;
  /** The dispatch version the clerk saw. */
  version: number;
  fileName: string;
  bytes: Uint8Array;
  /** A file of this dispatch the upload takes the place of; absent = one more file. */
  replacesFileId?: string | null | undefined;
}

export async function uploadAgreementFile(db: Database, access: Access, input: UploadAgreementFileInput): Promise<DispatchAgreementFiles> {
  requireAction(access, 'register.manage');
  const dispatch = await findReachableDispatch(db, access, input.dispatchId);
  const { fileName, fileType, size, sha256 } = acceptUpload(input.fileName, input.bytes, AGREEMENT_FILE_TYPES);
  const replacing = input.replacesFileId ?? null;
  return db.transaction(async (tx) => {
    const key = { id: dispatch.id, countyId: dispatch.countyId };
    if (!(await bumpDispatchVersionIf(tx, { ...key, version: input.version }))) {
      const current = await findDispatch(tx, countyScope(dispatch.countyId), dispatch.id);
      throw new VersionConflictError('commissioner_dispatch', current ? await agreementFilesOf(tx, current) : null);
    }
    let before: { fileId: string; fileName: string; fileType: string; size: number; sha256: string } | null = null;
    if (replacing !== null) {
      const old = await findAgreementFile(tx, countyScope(dispatch.countyId), replacing);
      if (!old || old.dispatchId !== dispatch.id || !(await deleteAgreementFile(tx, { ...key, dispatchId: dispatch.id, id: old.id }))) {
        throw new NotFoundError('dispatch_agreement_file', replacing, '要替换的三方协议文件不存在 / the file to replace was not found');
      }
      before = { fileId: old.id, fileName: old.fileName, fileType: old.fileType, size: old.size, sha256: old.sha256 };
    } else if ((await countAgreementFiles(tx, { countyId: dispatch.countyId, dispatchId: dispatch.id })) >= MAX_AGREEMENT_FILES) {
      throw new ValidationError(`每个派驻最多 ${MAX_AGREEMENT_FILES} 个三方协议文件，请替换或删除后再上传 / at most ${MAX_AGREEMENT_FILES} agreement files per dispatch`);
    }
    const fileId = await insertAgreementFile(tx, {
      countyId: dispatch.countyId,
      dispatchId: dispatch.id,
      fileName,
      fileType,
      sha256,
      bytes: input.bytes,
      uploadedBy: access.actor.name,
    });
    await appendAudit(tx, {
      countyId: dispatch.countyId,
      ...auditActor(access.actor),
      action: before ? 'commissioner.agreement.replace' : 'commissioner.agreement.upload',
      entity: 'commissioner_dispatch',
      entityId: dispatch.id,
      before,
      after: { fileId, fileName, fileType, size, sha256, version: input.version + 1 },
    });
    return agreementFilesOf(tx, { ...key, version: input.version + 1 });
  });
}
