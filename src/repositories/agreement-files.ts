// The signed 三方协议 files of 特派员 dispatches: bytes live in the database, listing never loads them. Rows are
// written with the dispatch's county (the service found the dispatch inside the scope first).
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { dispatchAgreementFiles } from '../db/schema/index.ts';
import type { FileType } from '../domain/reporting/file-type.ts';
import { countyFilter, type TenantScope } from './scope.ts';

export interface AgreementFileRecord {
  id: string;
  dispatchId: string;
  fileName: string;
  fileType: FileType;
  size: number;
  sha256: string;
  uploadedBy: string;
  /** When this file was uploaded (a replacement is a new upload). */
  uploadedAt: string;
}

const columns = {
  id: dispatchAgreementFiles.id,
  dispatchId: dispatchAgreementFiles.dispatchId,
  fileName: dispatchAgreementFiles.fileName,
  fileType: dispatchAgreementFiles.fileType,
  size: dispatchAgreementFiles.size,
  sha256: dispatchAgreementFiles.sha256,
  uploadedBy: dispatchAgreementFiles.uploadedBy,
  createdAt: dispatchAgreementFiles.createdAt,
};

function record({ createdAt, ...row }: Omit<AgreementFileRecord, 'uploadedAt'> & { createdAt: Date }): AgreementFileRecord {
  return { ...row, uploadedAt: createdAt.toISOString() };
}

/** The files of the given dispatches, oldest first (the order they were uploaded in). */
export async function listAgreementFiles(exec: Executor, scope: TenantScope, dispatchIds: readonly string[]): Promise<AgreementFileRecord[]> {
  if (dispatchIds.length === 0) return [];
  const rows = await exec
    .select(columns)
    .from(dispatchAgreementFiles)
    .where(and(inArray(dispatchAgreementFiles.dispatchId, [...dispatchIds]), countyFilter(dispatchAgreementFiles.countyId, scope)))
    .orderBy(asc(dispatchAgreementFiles.createdAt), asc(dispatchAgreementFiles.id));
  return rows.map(record);
}

export async function countAgreementFiles(exec: Executor, key: { countyId: string; dispatchId: string }): Promise<number> {
  const rows = await exec
    .select({ n: count() })
    .from(dispatchAgreementFiles)
    .where(and(eq(dispatchAgreementFiles.countyId, key.countyId), eq(dispatchAgreementFiles.dispatchId, key.dispatchId)));
  return rows[0]?.n ?? 0;
}

export async function findAgreementFile(exec: Executor, scope: TenantScope, id: string): Promise<AgreementFileRecord | null> {
  const rows = await exec
    .select(columns)
    .from(dispatchAgreementFiles)
    .where(and(eq(dispatchAgreementFiles.id, id), countyFilter(dispatchAgreementFiles.countyId, scope)));
  const row = rows[0];
  return row ? record(row) : null;
}

export async function findAgreementFileContent(
  exec: Executor,
  scope: TenantScope,
  id: string,
): Promise<(AgreementFileRecord & { bytes: Uint8Array }) | null> {
  const rows = await exec
    .select({ ...columns, bytes: dispatchAgreementFiles.bytes })
    .from(dispatchAgreementFiles)
    .where(and(eq(dispatchAgreementFiles.id, id), countyFilter(dispatchAgreementFiles.countyId, scope)));
  const row = rows[0];
  if (!row) return null;
  const { bytes, ...rest } = row;
  return { ...record(rest), bytes };
}

export interface NewAgreementFile {
  countyId: string;
  dispatchId: string;
  fileName: string;
  fileType: FileType;
  sha256: string;
  bytes: Uint8Array;
  uploadedBy: string;
}

export async function insertAgreementFile(exec: Executor, input: NewAgreementFile): Promise<string> {
  const id = randomUUID();
  await exec.insert(dispatchAgreementFiles).values({ id, ...input, size: input.bytes.length });
  return id;
}

/** Deletes one file of one dispatch; false when it is not (or no longer) there. */
export async function deleteAgreementFile(exec: Executor, key: { id: string; countyId: string; dispatchId: string }): Promise<boolean> {
  const rows = await exec
    .delete(dispatchAgreementFiles)
    .where(
      and(
        eq(dispatchAgreementFiles.id, key.id),
        eq(dispatchAgreementFiles.countyId, key.countyId),
        eq(dispatchAgreementFiles.dispatchId, key.dispatchId),
      ),
    )
    .returning({ id: dispatchAgreementFiles.id });
  return rows.length > 0;
}
