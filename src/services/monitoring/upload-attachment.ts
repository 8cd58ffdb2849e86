// Evidence on a figure (统计表, 证明材料): ≤ 20 MB, pdf/jpg/png/xlsx/docx by content, stored in the database.
// A unit attaches while its report is still editable; the bureau may attach at any time (e.g. during a spot check).
import type { Database } from '../../db/client.ts';
import { can } from '../../domain/access.ts';
import type { AttachmentKind } from '../../domain/reporting/file-type.ts';
import { isEditable } from '../../domain/reporting/workflow.ts';
import { insertAttachment, listAttachments, type AttachmentRecord } from '../../repositories/attachments.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findValue } from '../../repositories/indicator-values.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { acceptUpload } from '../accept-upload.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { mayReadUnit, requireAction } from './guards.ts';

export interface UploadAttachmentInput {
  valueId: string;
  kind: AttachmentKind;
  fileName: string;
  bytes: Uint8Array;
}

export async function uploadAttachment(db: Database, access: Access, input: UploadAttachmentInput): Promise<AttachmentRecord> {
  requireAction(access, 'value.enter');
  const value = await findValue(db, access.scope, input.valueId);
  if (!value || !mayReadUnit(access, value.unitId)) {
    throw new NotFoundError('indicator_value', input.valueId, '数据不存在 / value not found');
  }
  const bureau = access.user === null || can(access.user.role, 'value.review');
  if (!bureau && value.reportState !== null && !isEditable(value.reportState)) {
    throw new ForbiddenError('报表已提交或已通过，不能再添加附件 / the report is locked', 'report-locked');
  }
  const { fileName, fileType, size, sha256 } = acceptUpload(input.fileName, input.bytes);
  const id = await db.transaction(async (tx) => {
    const attachmentId = await insertAttachment(tx, {
      countyId: value.countyId,
      valueId: value.id,
      kind: input.kind,
      fileName,
      fileType,
      sha256,
      bytes: input.bytes,
      uploadedBy: access.actor.name,
    });
    await appendAudit(tx, {
      countyId: value.countyId,
      ...auditActor(access.actor),
      action: 'attachment.upload',
      entity: 'value_attachment',
      entityId: attachmentId,
      after: { valueId: value.id, kind: input.kind, fileName, fileType, size, sha256 },
    });
    return attachmentId;
  });
  const stored = (await listAttachments(db, countyScope(value.countyId), value.id)).find((a) => a.id === id);
  if (!stored) throw new Error('attachment vanished');
  return stored;
}
