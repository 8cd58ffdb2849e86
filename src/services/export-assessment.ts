// 考核排名 as an .xlsx workbook: one row per unit with the four rates, the 报送 breakdown (按时 / 迟报 / 未报 as
// separate columns, so a sheet can sum and sort them), the weighted score and the rank; a second sheet lists each
// late or missing report, for the follow-up.
import ExcelJS from 'exceljs';
import type { Database } from '../db/client.ts';
import {
  ASSESSMENT_COMPONENT_LABELS,
  ASSESSMENT_COMPONENTS,
  REPORT_TIMELINESS_LABELS,
  TASK_REPORT_FREQUENCY_LABELS,
} from '../domain/supervision/assessment.ts';
import type { Access } from './auth/access.ts';
import { assessUnits } from './assess-units.ts';

/** Header of the breakdown columns, in order (tests read the file back by these). */
export const REPORT_BREAKDOWN_HEADERS = ['报送按时（份）', '报送迟报（份）', '报送未报（份）'] as const;

export async function exportAssessment(
  db: Database,
  access: Access,
  input: { year: number; countyId?: string | undefined },
  now: Date = new Date(),
): Promise<{ bytes: Buffer; fileName: string }> {
  const assessment = await assessUnits(db, access, input, now);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  const sheet = workbook.addWorksheet(`${assessment.year}年考核`);
  sheet.addRow([`${assessment.countyName} ${assessment.year} 年度部门、乡镇考核排名`]).font = { bold: true, size: 14 };
  sheet.addRow([
    `权重：${ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]} ${assessment.weights[c]}`).join('，')}（无数据的项不计入，其余权重按比例折算）；` +
      `任务进展${TASK_REPORT_FREQUENCY_LABELS[assessment.taskReportFrequency]}；迟报、未报均计为未按时`,
  ]);
  const header = sheet.addRow([
    '排名',
    '单位',
    '类型',
    ...ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]}（%）`),
    ...ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]}（达标/应计）`),
    ...REPORT_BREAKDOWN_HEADERS,
    '综合得分',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of assessment.rows) {
    sheet.addRow([
      row.rank ?? '—',
      row.unitName,
      row.unitKind,
      ...ASSESSMENT_COMPONENTS.map((c) => (row.rates[c] === null ? '—' : Math.round((row.rates[c] ?? 0) * 1000) / 10)),
      ...ASSESSMENT_COMPONENTS.map((c) => `${row.counts[c].good}/${row.counts[c].total}`),
      row.reportBreakdown.onTime,
      row.reportBreakdown.late,
      row.reportBreakdown.missing,
      row.score ?? '—',
    ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 22 : 14;
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];

  const details = workbook.addWorksheet('迟报未报明细');
  details.addRow([`${assessment.countyName} ${assessment.year} 年度迟报、未报明细`]).font = { bold: true, size: 14 };
  const detailHeader = details.addRow(['单位', '类型', '报送内容', '期间', '应报日期', '报送日期', '情况']);
  detailHeader.font = { bold: true };
  for (const row of assessment.rows) {
    for (const report of row.overdueReports) {
      details.addRow([
        row.unitName,
        report.kind === 'task' ? '任务进展' : '指标数据',
        report.name,
        report.periodLabel,
        report.dueOn,
        report.submittedOn ?? '未报',
        REPORT_TIMELINESS_LABELS[report.timeliness],
      ]);
    }
  }
  [22, 10, 40, 16, 12, 12, 8].forEach((width, index) => {
    details.getColumn(index + 1).width = width;
  });
  details.views = [{ state: 'frozen', ySplit: 2 }];

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, fileName: `考核排名-${assessment.countyName}-${assessment.year}.xlsx` };
}
