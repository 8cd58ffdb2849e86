// Photos and PDFs (also xlsx/docx) on a task report, checked by content (magic bytes) and size with the same rules
// as indicator evidence (domain/reporting/file-type.ts), stored in the database. Only while the report is editable.
import type { Database } from '../db/client.ts';
import { isEditable, WorkflowError } from '../domain/reporting/workflow.ts';
import { appendAudit } from '../repositories/audit.ts';
import { countAttachments, findAttachmentBytes, insertAttachment, type AttachmentInfo } from '../repositories/task-reports.ts';
import { acceptUpload } from './accept-upload.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { reportForUnitAction } from './save-task-report.ts';
import { ownUnit } from './task-access.ts';

export const MAX_ATTACHMENTS_PER_REPORT = 20;

export async function addTaskReportAttachment(
  db: Database,
  access: Access,
  input: { reportId: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentInfo> {
  const { fileName, fileType, sha256 } = acceptUpload(input.fileName, input.bytes);
  return db.transaction(async (tx) => {
    const report = await reportForUnitAction(tx, access, input.reportId);
    if (!isEditable(report.state)) throw new WorkflowError(report.state, 'enter');
    if ((await countAttachments(tx, report.countyId, report.id)) >= MAX_ATTACHMENTS_PER_REPORT) {
      throw new ValidationError(`每份报告最多 ${MAX_ATTACHMENTS_PER_REPORT} 个附件 / too many attachments`);
    }
    const info = await insertAttachment(tx, {
      countyId: report.countyId,
      reportId: report.id,
      fileName,
      fileType,
      bytes: input.bytes,
      sha256,
      uploadedBy: access.actor.name,
    });
    await appendAudit(tx, { countyId: report.countyId, ...auditActor(access.actor), action: 'task-report.attach', entity: 'task_report', entityId: report.id, after: info });
    return info;
  });
}

export async function getTaskReportAttachment(db: Database, access: Access, attachmentId: string): Promise<AttachmentInfo & { bytes: Uint8Array }> {
  const found = await findAttachmentBytes(db, access.scope, attachmentId);
  if (!found) throw new NotFoundError('task_report_attachment', attachmentId, '附件不存在 / attachment not found');
  const own = ownUnit(access);
  if (own !== null) {
    const report = await reportForUnitAction(db, access, found.reportId).catch(() => null);
    if (!report) throw new NotFoundError('task_report_attachment', attachmentId, '附件不存在 / attachment not found');
  }
  return found;
}
