// Helpers for the register tests: accesses of each role without a login, and an import workbook built with ExcelJS.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Role } from '../../src/domain/access.ts';
import { IMPORT_COLUMNS, type CellValue } from '../../src/domain/registers/enterprise-import.ts';
import { principalAccess, type Access } from '../../src/services/auth/access.ts';

export function accessAs(role: Role, countyId: string | null, extra: { enterpriseId?: string; username?: string } = {}): Access {
  return principalAccess(
    {
      userId: randomUUID(),
      username: extra.username ?? `${role}-clerk`,
      displayName: role,
      role,
      countyId,
      unitId: null,
      enterpriseId: extra.enterpriseId ?? null,
      mustChangePassword: false,
    },
    '127.0.0.1',
  );
}

/** An import workbook: the template header and one row per object (keys as in IMPORT_COLUMNS). */
export async function importWorkbook(rows: Record<string, CellValue>[], header: string[] = IMPORT_COLUMNS.map((c) => c.header)): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(header);
  for (const values of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => values[c.key] ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const USCC = {
  a: '91350100M000100Y43',
  b: '91110000600037341L',
  c: '91500101MA5U3G1D4T',
};
