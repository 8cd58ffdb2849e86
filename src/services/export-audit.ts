// The audit log as an .xlsx workbook (same filters and county scope as the search), for inspections and archives.
import ExcelJS from 'exceljs';
import type { Database } from '../db/client.ts';
import { isRole, ROLE_LABELS } from '../domain/access.ts';
import { searchAudit as searchAuditRows } from '../repositories/audit.ts';
import type { Access } from './auth/access.ts';
import { AUDIT_EXPORT_MAX, toQuery, type AuditFilter } from './search-audit.ts';

export async function exportAudit(db: Database, access: Access, filter: AuditFilter): Promise<{ bytes: Buffer; rowCount: number; truncated: boolean }> {
  const { rows, total } = await searchAuditRows(db, access.scope, toQuery(filter, AUDIT_EXPORT_MAX, 0));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  const sheet = workbook.addWorksheet('审计日志');
  sheet.columns = [
    { header: '时间', key: 'at', width: 22 },
    { header: '区县', key: 'county', width: 12 },
    { header: '操作人', key: 'actor', width: 16 },
    { header: '角色', key: 'role', width: 16 },
    { header: '单位', key: 'unit', width: 16 },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '操作', key: 'action', width: 22 },
    { header: '对象', key: 'entity', width: 16 },
    { header: '对象编号', key: 'entityId', width: 38 },
    { header: '修改前', key: 'before', width: 60 },
    { header: '修改后', key: 'after', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow({
      at: chinaTime(row.at),
      county: row.countyName ?? '（市级/系统）',
      actor: row.actor,
      role: row.role && isRole(row.role) ? ROLE_LABELS[row.role] : (row.role ?? ''),
      unit: row.unitName ?? '',
      ip: row.ip ?? '',
      action: row.action,
      entity: row.entity,
      entityId: row.entityId ?? '',
      before: json(row.before),
      after: json(row.after),
    });
  }
  const truncated = total > rows.length;
  if (truncated) sheet.addRow({ at: `（仅导出最新 ${rows.length} 条，共 ${total} 条，请缩小时间范围）` });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, rowCount: rows.length, truncated };
}

function json(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  // An Excel cell holds at most 32 767 characters.
  return text.length > 32_000 ? `${text.slice(0, 32_000)}…` : text;
}

function chinaTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return shifted.toISOString().replace('T', ' ').slice(0, 19);
}
