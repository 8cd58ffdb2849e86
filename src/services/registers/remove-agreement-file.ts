// Removes one file of a dispatch's signed 三方协议 (a wrong scan, a page uploaded twice). Named against the dispatch
// version like an upload (409 when it moved); the audit row keeps what was removed (name, size, sha256), written in
// the same transaction.
import type { Database } from '../../db/client.ts';
import { deleteAgreementFile, findAgreementFile } from '../../repositories/agreement-files.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { bumpDispatchVersionIf, findDispatch } from '../../repositories/commissioners.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { agreementFilesOf, findReachableDispatch, type DispatchAgreementFiles } from './get-agreement-file.ts';
import { requireAction } from './guards.ts';

export async function removeAgreementFile(db: Database, access: Access, input: { fileId: string; version: number }): Promise<DispatchAgreementFiles> {
  requireAction(access, 'register.manage');
  const notFound = () => new NotFoundError('dispatch_agreement_file', input.fileId, '三方协议文件不存在 / agreement file not found');
  const file = await findAgreementFile(db, access.scope, input.fileId);
  if (!file) throw notFound();
  const dispatch = await findReachableDispatch(db, access, file.dispatchId);
  return db.transaction(async (tx) => {
    const key = { id: dispatch.id, countyId: dispatch.countyId };
    if (!(await bumpDispatchVersionIf(tx, { ...key, version: input.version }))) {
      const current = await findDispatch(tx, countyScope(dispatch.countyId), dispatch.id);
      throw new VersionConflictError('commissioner_dispatch', current ? await agreementFilesOf(tx, current) : null);
    }
    if (!(await deleteAgreementFile(tx, { id: file.id, countyId: dispatch.countyId, dispatchId: dispatch.id }))) throw notFound();
    await appendAudit(tx, {
      countyId: dispatch.countyId,
      ...auditActor(access.actor),
      action: 'commissioner.agreement.remove',
      entity: 'commissioner_dispatch',
      entityId: dispatch.id,
      before: { fileId: file.id, fileName: file.fileName, fileType: file.fileType, size: file.size, sha256: file.sha256 },
      after: { version: input.version + 1 },
    });
    return agreementFilesOf(tx, { ...key, version: input.version + 1 });
  });
}
