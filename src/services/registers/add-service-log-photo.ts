// A photo of a service visit: JPG or PNG only (checked by content), at most 20 MB, stored in the database.
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { checkAttachment } from '../../domain/reporting/file-type.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findPhoto, insertPhoto, listServiceLogs } from '../../repositories/commissioners.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { requireAction } from './guards.ts';

export async function addServiceLogPhoto(db: Database, access: Access, input: { logId: string; fileName: string; bytes: Uint8Array }) {
  requireAction(access, 'register.manage');
  const [log] = await listServiceLogs(db, access.scope, { logId: input.logId });
  if (!log) throw new NotFoundError('commissioner_service_log', input.logId, '服务记录不存在 / service log not found');
  const checked = checkAttachment(input.fileName, input.bytes);
  if (!checked.ok) throw new ValidationError(checked.message);
  if (checked.fileType !== 'jpg' && checked.fileType !== 'png') throw new ValidationError('照片仅支持 JPG、PNG / photos must be jpg or png');
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const id = await insertPhoto(tx, {
      countyId: log.countyId,
      logId: log.id,
      fileName: input.fileName,
      fileType: checked.fileType,
      size: input.bytes.length,
      sha256,
      bytes: input.bytes,
      uploadedBy: access.actor.name,
    });
    await appendAudit(tx, { countyId: log.countyId, ...auditActor(access.actor), action: 'commissioner.service.photo', entity: 'service_log_photo', entityId: id, after: { logId: log.id, fileName: input.fileName, size: input.bytes.length, sha256 } });
    return { id, fileName: input.fileName, size: input.bytes.length };
  });
}

export async function getServiceLogPhoto(db: Database, access: Access, photoId: string) {
  requireAction(access, 'register.county');
  const photo = await findPhoto(db, access.scope, photoId);
  if (!photo) throw new NotFoundError('service_log_photo', photoId, '照片不存在 / photo not found');
  return { fileName: photo.fileName, mime: photo.fileType === 'png' ? 'image/png' : 'image/jpeg', bytes: photo.bytes };
}
