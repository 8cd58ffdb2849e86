// 填报模板: a unit's reporting sheet for one period. Labels are locked under sheet protection, only the value and
// note cells are open; the value column accepts numbers only; the indicator id sits in a hidden column and the
// template's identity (unit, period, report version) in a hidden cell, so the upload knows exactly what it fills.
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import {
  FIRST_DATA_ROW,
  formatTemplateIdentity,
  HEADER_ROW,
  INFO_ROW,
  TEMPLATE_COLUMNS,
  TEMPLATE_MARKER,
  TEMPLATE_SHEET_NAME,
  TITLE_ROW,
} from '../../domain/reporting/template-sheet.ts';
import { REPORT_STATE_LABELS } from '../../domain/reporting/workflow.ts';
import type { Access } from '../auth/access.ts';
import { getReport } from './get-report.ts';

const OPEN_COLUMNS = [
  TEMPLATE_COLUMNS.value,
  TEMPLATE_COLUMNS.unit,
  TEMPLATE_COLUMNS.caliber,
  TEMPLATE_COLUMNS.comment,
  TEMPLATE_COLUMNS.explanation,
];

export async function downloadReportTemplate(
  db: Database,
  access: Access,
  input: { unitId: string; period: string },
): Promise<{ fileName: string; bytes: Buffer }> {
  const sheetData = await getReport(db, access, input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAME);
  const columns = Object.values(TEMPLATE_COLUMNS);
  sheet.columns = columns.map((c) => ({ key: c.letter, width: c.width }));

  const lastVisible = TEMPLATE_COLUMNS.explanation.letter;
  sheet.mergeCells(`A${TITLE_ROW}:${lastVisible}${TITLE_ROW}`);
  sheet.getCell(`A${TITLE_ROW}`).value = `${sheetData.unit.countyName}${sheetData.unit.name} ${sheetData.periodLabel} 指标数据填报表`;
  sheet.getCell(`A${TITLE_ROW}`).font = { bold: true, size: 14 };
  sheet.mergeCells(`A${INFO_ROW}:${lastVisible}${INFO_ROW}`);
  const state = sheetData.report ? REPORT_STATE_LABELS[sheetData.report.state] : '未填报';
  sheet.getCell(`A${INFO_ROW}`).value =
    `填报单位：${sheetData.unit.name}　报告期：${sheetData.periodLabel}（${sheetData.period}）　截止日期：${sheetData.dueDate}　状态：${state}` +
    '　说明：只填写“本期数值”等白色单元格，不要增删行列';
  sheet.getCell(`${TEMPLATE_COLUMNS.code.letter}${TITLE_ROW}`).value = TEMPLATE_MARKER;
  sheet.getCell(`${TEMPLATE_COLUMNS.code.letter}${INFO_ROW}`).value = formatTemplateIdentity({
    unitId: sheetData.unit.id,
    period: sheetData.period,
    reportVersion: sheetData.report?.version ?? 0,
  });

  const header = sheet.getRow(HEADER_ROW);
  for (const c of columns) header.getCell(c.letter).value = c.header;
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

  sheetData.items.forEach((item, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    const value = item.value;
    row.getCell(TEMPLATE_COLUMNS.seq.letter).value = item.indicator.row.seq;
    row.getCell(TEMPLATE_COLUMNS.name.letter).value = item.indicator.row.name;
    row.getCell(TEMPLATE_COLUMNS.value.letter).value = value?.value ?? null;
    row.getCell(TEMPLATE_COLUMNS.unit.letter).value = value?.measureUnit ?? item.expectedUnit ?? '';
    row.getCell(TEMPLATE_COLUMNS.caliber.letter).value = value?.caliberNote ?? '';
    row.getCell(TEMPLATE_COLUMNS.comment.letter).value = value?.comment ?? '';
    row.getCell(TEMPLATE_COLUMNS.explanation.letter).value = value?.explanation ?? '';
    row.getCell(TEMPLATE_COLUMNS.code.letter).value = item.indicator.id;
    for (const c of OPEN_COLUMNS) {
      const cell = row.getCell(c.letter);
      cell.protection = { locked: false };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
    }
    row.getCell(TEMPLATE_COLUMNS.value.letter).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [-1e15, 1e15],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '数值无效',
      error: '本期数值只能填写数字（单位请写在“计量单位”列）',
    };
  });
  sheet.getColumn(TEMPLATE_COLUMNS.code.letter).hidden = true;
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  // No password: protection stops slips (typing over a label), it is not a secret; the upload re-checks everything.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const fileName = `${sheetData.unit.name}_${sheetData.period}_指标填报表.xlsx`;
  return { fileName, bytes };
}
