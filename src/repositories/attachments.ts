// Attachments (统计表, 证明材料) of values: bytes live in the database. Listing never loads the bytes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { valueAttachments } from '../db/schema/index.ts';
import type { AttachmentKind, FileType } from '../domain/reporting/file-type.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface AttachmentRecord {
  id: string;
  countyId: string;
  valueId: string;
  kind: AttachmentKind;
  fileName: string;
  fileType: FileType;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
}

const columns = {
  id: valueAttachments.id,
  countyId: valueAttachments.countyId,
  valueId: valueAttachments.valueId,
  kind: valueAttachments.kind,
  fileName: valueAttachments.fileName,
  fileType: valueAttachments.fileType,
  size: valueAttachments.size,
  sha256: valueAttachments.sha256,
  uploadedBy: valueAttachments.uploadedBy,
  createdAt: valueAttachments.createdAt,
};

export async function listAttachments(exec: Executor, scope: TenantScope, valueId: string): Promise<AttachmentRecord[]> {
  const rows = await exec
    .select(columns)
    .from(valueAttachments)
    .where(and(eq(valueAttachments.valueId, valueId), countyFilter(valueAttachments.countyId, scope)))
    .orderBy(asc(valueAttachments.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function findAttachmentContent(
  exec: Executor,
  scope: TenantScope,
  attachmentId: string,
): Promise<(AttachmentRecord & { bytes: Uint8Array }) | null> {
  const rows = await exec
    .select({ ...columns, bytes: valueAttachments.bytes })
    .from(valueAttachments)
    .where(and(eq(valueAttachments.id, attachmentId), countyFilter(valueAttachments.countyId, scope)));
  const row = rows[0];
  return row ? { ...row, createdAt: row.createdAt.toISOString() } : null;
}

export interface NewAttachment {
  countyId: string;
  valueId: string;
  kind: AttachmentKind;
  fileName: string;
  fileType: FileType;
  sha256: string;
  bytes: Uint8Array;
  uploadedBy: string;
}

export async function insertAttachment(exec: Executor, input: NewAttachment): Promise<string> {
  const id = randomUUID();
  await exec.insert(valueAttachments).values({ id, ...input, size: input.bytes.length });
  return id;
}
