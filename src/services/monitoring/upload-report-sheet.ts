// Upload of a filled 填报模板. Dry run: every row checked, a preview of what would change and every error, cell by
// cell, in Chinese. Commit: only when every row is valid, then all rows in ONE transaction that first claims the
// report at the version the template was made from — a stale template, or a second upload racing the first, gets a
// 409 and writes nothing.
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import { parsePeriod } from '../../domain/period/period.ts';
import { detectFileType } from '../../domain/reporting/file-type.ts';
import { explanationRequiredMessage } from '../../domain/reporting/outlier.ts';
import {
  cellError,
  FIRST_DATA_ROW,
  INFO_ROW,
  parseTemplateIdentity,
  TEMPLATE_COLUMNS,
  TEMPLATE_MARKER,
  TEMPLATE_SHEET_NAME,
  TITLE_ROW,
  validateSheetRows,
  type CellError,
  type SheetRow,
  type TemplateIdentity,
} from '../../domain/reporting/template-sheet.ts';
import { isEditable, REPORT_STATE_LABELS } from '../../domain/reporting/workflow.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findReportOfUnit, insertReport } from '../../repositories/reports.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { ValidationError, VersionConflictError } from '../errors.ts';
import { getReport, type ReportSheet } from './get-report.ts';
import { requireAction, requireOwnUnit } from './guards.ts';
import { outlierOf } from './outliers.ts';
import { claimReport, saveValue, valueProblems } from './value-writes.ts';

export interface SheetPreviewRow {
  row: number;
  indicatorId: string;
  name: string;
  value: number;
  measureUnit: string | null;
  caliberNote: string | null;
  comment: string | null;
  explanation: string | null;
  /** The figure stored now, if any. */
  storedValue: number | null;
  change: 'new' | 'changed' | 'unchanged';
  /** An outlier still without explanation: the upload may go in, but the report cannot be submitted like this. */
  warning: string | null;
}

export interface SheetUploadResult {
  committed: boolean;
  unitId: string;
  unitName: string;
  period: string;
  periodLabel: string;
  rows: SheetPreviewRow[];
  skipped: number[];
  errors: CellError[];
}

/** Raised on commit when any row is invalid; `details` carries every cell error. */
export class SheetRejectedError extends ValidationError {
  constructor(readonly errors: CellError[]) {
    super(
      `上传未写入：共 ${errors.length} 处错误，请改正后重新上传 / upload rejected, nothing written`,
      errors.map((e) => ({ path: `/rows/${e.row}${e.column === null ? '' : `/${e.column}`}`, message: e.message })),
    );
    this.name = 'SheetRejectedError';
  }
}

export async function uploadReportSheet(
  db: Database,
  access: Access,
  input: { bytes: Uint8Array; commit: boolean },
): Promise<SheetUploadResult> {
  requireAction(access, 'value.enter');
  const sheet = await readTemplate(input.bytes);
  const identity = templateIdentity(sheet);
  const data = await getReport(db, access, { unitId: identity.unitId, period: identity.period });
  requireOwnUnit(access, data.unit.id);
  if (data.report && !isEditable(data.report.state)) {
    throw new ValidationError(
      `报表${REPORT_STATE_LABELS[data.report.state]}，不能再上传 / the report is ${data.report.state} and locked`,
    );
  }
  if ((data.report?.version ?? 0) !== identity.reportVersion) {
    throw new VersionConflictError('report', data.report);
  }
  const { rows, skipped, errors } = await checkRows(db, data, readRows(sheet));
  const result: SheetUploadResult = {
    committed: false,
    unitId: data.unit.id,
    unitName: data.unit.name,
    period: data.period,
    periodLabel: data.periodLabel,
    rows,
    skipped,
    errors,
  };
  if (!input.commit) return result;
  if (errors.length > 0) throw new SheetRejectedError(errors);
  await commitRows(db, access, data, identity, rows);
  return { ...result, committed: true };
}

async function readTemplate(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const notOurs = () =>
    new ValidationError('文件不是本平台下载的填报模板（.xlsx），请先下载模板再填写 / not a reporting template downloaded from the platform');
  if (detectFileType(bytes) !== 'xlsx') {
    throw new ValidationError('文件不是有效的 Excel 工作簿（.xlsx）/ not an .xlsx workbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ValidationError('Excel 文件已损坏，无法读取 / the workbook cannot be read');
  }
  const sheet = workbook.getWorksheet(TEMPLATE_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet || cellText(sheet.getCell(`${TEMPLATE_COLUMNS.code.letter}${TITLE_ROW}`).value) !== TEMPLATE_MARKER) throw notOurs();
  return sheet;
}

function templateIdentity(sheet: ExcelJS.Worksheet): TemplateIdentity {
  const identity = parseTemplateIdentity(cellText(sheet.getCell(`${TEMPLATE_COLUMNS.code.letter}${INFO_ROW}`).value) ?? '');
  if (!identity) throw new ValidationError('模板标识缺失或被修改，请重新下载模板 / template identity missing');
  return identity;
}

function readRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const text = (column: keyof typeof TEMPLATE_COLUMNS) => cellText(row.getCell(TEMPLATE_COLUMNS[column].letter).value);
    const raw = row.getCell(TEMPLATE_COLUMNS.value.letter).value;
    rows.push({
      row: r,
      code: text('code'),
      value: typeof raw === 'number' ? raw : cellText(raw),
      unit: text('unit'),
      caliber: text('caliber'),
      comment: text('comment'),
      explanation: text('explanation'),
    });
  }
  return rows;
}

/** A cell as text (or its number as text); null when empty. Formulas count by their cached result. */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || result === null ? null : String(result);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function checkRows(
  db: Database,
  data: ReportSheet,
  sheetRows: SheetRow[],
): Promise<{ rows: SheetPreviewRow[]; skipped: number[]; errors: CellError[] }> {
  const items = new Map(data.items.map((i) => [i.indicator.id, i]));
  const validation = validateSheetRows(
    sheetRows,
    data.items.map((i) => ({ id: i.indicator.id, name: i.indicator.row.name })),
  );
  const errors = [...validation.errors];
  const rows: SheetPreviewRow[] = [];
  const period = parsePeriod(data.period);
  for (const parsed of validation.rows) {
    const item = items.get(parsed.indicatorId);
    if (!item) continue;
    const problems = valueProblems(item.indicator, period, 'unit', { value: parsed.value, measureUnit: parsed.unit });
    for (const problem of problems) {
      errors.push(cellError(parsed.row, problem.path === '/measureUnit' ? 'unit' : 'value', problem.message));
    }
    const { verdict } = await outlierOf(db, item.indicator, period, parsed.value);
    const stored = item.value;
    const fields = {
      value: parsed.value,
      measureUnit: parsed.unit,
      caliberNote: parsed.caliber,
      comment: parsed.comment,
      explanation: parsed.explanation,
    };
    const same =
      stored !== null &&
      stored.value === fields.value &&
      stored.measureUnit === fields.measureUnit &&
      stored.caliberNote === fields.caliberNote &&
      stored.comment === fields.comment &&
      stored.explanation === fields.explanation;
    rows.push({
      row: parsed.row,
      indicatorId: parsed.indicatorId,
      name: item.indicator.row.name,
      ...fields,
      storedValue: stored?.value ?? null,
      change: stored === null ? 'new' : same ? 'unchanged' : 'changed',
      warning: verdict.outlier && parsed.explanation === null ? explanationRequiredMessage(verdict) : null,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, skipped: validation.skipped, errors };
}

async function commitRows(
  db: Database,
  access: Access,
  data: ReportSheet,
  identity: TemplateIdentity,
  rows: SheetPreviewRow[],
): Promise<void> {
  const countyId = data.unit.countyId;
  const period = parsePeriod(data.period);
  const items = new Map(data.items.map((i) => [i.indicator.id, i]));
  await db.transaction(async (tx) => {
    const scope = countyScope(countyId);
    // Claim the report first, at the template's version: a racing upload blocks here, then finds the version moved.
    if (identity.reportVersion === 0 && (await insertReport(tx, { countyId, unitId: data.unit.id, period: data.period })) === null) {
      throw new VersionConflictError('report', await findReportOfUnit(tx, scope, data.unit.id, data.period));
    }
    const report = await findReportOfUnit(tx, scope, data.unit.id, data.period);
    if (!report) throw new Error('report not found inside its transaction');
    await claimReport(tx, report, identity.reportVersion === 0 ? report.version : identity.reportVersion);
    for (const row of rows) {
      const item = items.get(row.indicatorId);
      if (!item || row.change === 'unchanged') continue;
      const { value, measureUnit, caliberNote, comment, explanation } = row;
      await saveValue(tx, access, {
        indicator: item.indicator,
        period,
        source: 'unit',
        report,
        fields: { value, measureUnit, caliberNote, comment, explanation },
        expectedVersion: 'latest',
      });
    }
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: 'report.upload',
      entity: 'report',
      entityId: report.id,
      after: { period: data.period, rows: rows.length, changed: rows.filter((r) => r.change !== 'unchanged').length },
    });
  });
}
