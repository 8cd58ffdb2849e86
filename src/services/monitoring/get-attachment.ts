// Download of one attachment, with its bytes; a unit reporter only sees their own unit's evidence.
import type { Database } from '../../db/client.ts';
import { FILE_TYPE_MIME } from '../../domain/reporting/file-type.ts';
import { findAttachmentContent, listAttachments, type AttachmentRecord } from '../../repositories/attachments.ts';
import { findValue } from '../../repositories/indicator-values.ts';
import type { Access } from '../auth/access.ts';
import { NotFoundError } from '../errors.ts';
import { mayReadUnit, requireAction } from './guards.ts';

export async function getAttachment(
  db: Database,
  access: Access,
  attachmentId: string,
): Promise<AttachmentRecord & { bytes: Uint8Array; contentType: string }> {
  requireAction(access, 'monitoring.read');
  const attachment = await findAttachmentContent(db, access.scope, attachmentId);
  const value = attachment ? await findValue(db, access.scope, attachment.valueId) : null;
  if (!attachment || !value || !mayReadUnit(access, value.unitId)) {
    throw new NotFoundError('value_attachment', attachmentId, '附件不存在 / attachment not found');
  }
  return { ...attachment, contentType: FILE_TYPE_MIME[attachment.fileType] };
}

export async function listValueAttachments(db: Database, access: Access, valueId: string): Promise<AttachmentRecord[]> {
  requireAction(access, 'monitoring.read');
  const value = await findValue(db, access.scope, valueId);
  if (!value || !mayReadUnit(access, value.unitId)) throw new NotFoundError('indicator_value', valueId, '数据不存在 / value not found');
  return listAttachments(db, access.scope, valueId);
}
