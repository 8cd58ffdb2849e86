// A photo of a service visit: JPG or PNG only (checked by content), at most 20 MB, stored in the database.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findPhoto, insertPhoto, listServiceLogs } from '../../repositories/commissioners.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { acceptUpload } from '../accept-upload.ts';
import { NotFoundError } from '../errors.ts';
import { requireAction } from './guards.ts';

const PHOTO_TYPES = ['jpg', 'png'] as const;

export async function addServiceLogPhoto(db: Database, access: Access, input: { logId: string; fileName: string; bytes: Uint8Array }) {
  requireAction(access, 'register.manage');
  const [log] = await listServiceLogs(db, access.scope, { logId: input.logId });
  if (!log) throw new NotFoundError('commissioner_service_log', input.logId, '服务记录不存在 / service log not found');
  const { fileName, fileType, size, sha256 } = acceptUpload(input.fileName, input.bytes, PHOTO_TYPES);
  return db.transaction(async (tx) => {
    const id = await insertPhoto(tx, {
      countyId: log.countyId,
      logId: log.id,
      fileName,
      fileType,
      size,
      sha256,
      bytes: input.bytes,
      uploadedBy: access.actor.name,
    });
    await appendAudit(tx, { countyId: log.countyId, ...auditActor(access.actor), action: 'commissioner.service.photo', entity: 'service_log_photo', entityId: id, after: { logId: log.id, fileName, size, sha256 } });
    return { id, fileName, size };
  });
}

export async function getServiceLogPhoto(db: Database, access: Access, photoId: string) {
  requireAction(access, 'register.county');
  const photo = await findPhoto(db, access.scope, photoId);
  if (!photo) throw new NotFoundError('service_log_photo', photoId, '照片不存在 / photo not found');
  return { fileName: photo.fileName, mime: photo.fileType === 'png' ? 'image/png' : 'image/jpeg', bytes: photo.bytes };
}
