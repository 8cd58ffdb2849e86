// 考核排名 as an .xlsx workbook: one row per unit with the four rates, the weighted score and the rank.
import ExcelJS from 'exceljs';
import type { Database } from '../db/client.ts';
import { ASSESSMENT_COMPONENT_LABELS, ASSESSMENT_COMPONENTS } from '../domain/supervision/assessment.ts';
import type { Access } from './auth/access.ts';
import { assessUnits } from './assess-units.ts';

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
    `权重：${ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]} ${assessment.weights[c]}`).join('，')}（无数据的项不计入，其余权重按比例折算）`,
  ]);
  const header = sheet.addRow(['排名', '单位', '类型', ...ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]}（%）`), ...ASSESSMENT_COMPONENTS.map((c) => `${ASSESSMENT_COMPONENT_LABELS[c]}（达标/应计）`), '综合得分']);
  header.font = { bold: true };
  for (const row of assessment.rows) {
    sheet.addRow([
      row.rank ?? '—',
      row.unitName,
      row.unitKind,
      ...ASSESSMENT_COMPONENTS.map((c) => (row.rates[c] === null ? '—' : Math.round((row.rates[c] ?? 0) * 1000) / 10)),
      ...ASSESSMENT_COMPONENTS.map((c) => `${row.counts[c].good}/${row.counts[c].total}`),
      row.score ?? '—',
    ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 22 : 14;
  });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, fileName: `考核排名-${assessment.countyName}-${assessment.year}.xlsx` };
}
