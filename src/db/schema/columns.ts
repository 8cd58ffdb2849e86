// Column shapes several rooms' tables share.
import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';
import type { FileType } from '../../domain/reporting/file-type.ts';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// PGlite hands bytea back as Uint8Array, node-postgres as Buffer (a Uint8Array too): one type for both.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * A file kept in the database (attachments, photos, agreements): the name as uploaded, the type read from its
 * bytes, size and sha256 for the audit log, and who uploaded it. In the database so backups and county isolation
 * cover files like every other row.
 */
export const uploadedFileColumns = () => ({
  fileName: text('file_name').notNull(),
  fileType: text('file_type').$type<FileType>().notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
});
