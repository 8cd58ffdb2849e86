// Indicator tables as .xlsx: the plan's 主要指标完成情况 table (the 中期评估 columns) and the municipal comparison.
// Both go through one writer, so every exported table looks alike.
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import { formatPercent } from '../../domain/progress/status.ts';
import { formatPlain } from '../../domain/progress/target-kind.ts';
import type { Access } from '../auth/access.ts';
import { compareCounties } from './compare-counties.ts';
import { getPlanStatus } from './get-plan-status.ts';
import type { IndicatorStatusItem } from './indicator-status.ts';

type Cell = string | number | null;

export interface IndicatorTable {
  title: string;
  sheetName: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

export async function writeTableWorkbook(table: IndicatorTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '科创规划监测与服务平台';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, table.columns.length);
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  table.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function percent(share: number | null): string {
  return share === null ? '—' : `${formatPercent(share)}%`;
}

function current(item: Pick<IndicatorStatusItem, 'current'>): string {
  return item.current === null ? '—' : `${formatPlain(item.current.value)}（${item.current.periodLabel}）`;
}

function forecastText(item: IndicatorStatusItem): string {
  return item.forecast.possible ? item.forecast.summary : item.forecast.reason;
}

export async function exportPlanStatus(
  db: Database,
  access: Access,
  input: { planId: string; period?: string | undefined },
): Promise<{ fileName: string; bytes: Buffer }> {
  const status = await getPlanStatus(db, access, input);
  const bytes = await writeTableWorkbook({
    title: `${status.planTitle} 主要指标完成情况（截至${status.periodLabel}）`,
    sheetName: '主要指标完成情况',
    columns: [
      { header: '序号', width: 6 },
      { header: '指标', width: 36 },
      { header: '单位', width: 10 },
      { header: '属性', width: 8 },
      { header: '基期值', width: 12 },
      { header: '目标值', width: 12 },
      { header: '当前值（数据年份）', width: 22 },
      { header: '完成进度', width: 10 },
      { header: '序时进度', width: 10 },
      { header: '评价', width: 14 },
      { header: '说明', width: 50 },
      { header: '预测', width: 50 },
      { header: '责任单位', width: 16 },
    ],
    rows: status.indicators.map((i) => [
      i.seq,
      i.name,
      i.unit,
      i.attribute,
      i.baseline?.text ?? '',
      i.target?.text ?? '',
      current(i),
      percent(i.completion),
      percent(i.schedule),
      i.status,
      i.explanation,
      forecastText(i),
      i.responsibleUnitName,
    ]),
  });
  return { fileName: `${status.countyName}_主要指标完成情况_${status.period}.xlsx`, bytes };
}

export async function exportComparison(
  db: Database,
  access: Access,
  input: { period?: string | undefined; countyIds?: readonly string[] | undefined },
): Promise<{ fileName: string; bytes: Buffer }> {
  const comparison = await compareCounties(db, access, input);
  const bytes = await writeTableWorkbook({
    title: `各区县主要指标完成情况对比（截至${comparison.periodLabel}）`,
    sheetName: '区县对比',
    columns: [
      { header: '指标', width: 36 },
      { header: '单位', width: 10 },
      ...comparison.counties.map((c) => ({ header: c.countyName, width: 26 })),
    ],
    rows: comparison.rows.map((r) => [
      r.name,
      r.unit,
      ...r.cells.map((cell) => (cell === null ? '（无此指标）' : `${cell.status}；完成 ${percent(cell.completion)}；${current(cell)}`)),
    ]),
  });
  return { fileName: `区县指标对比_${comparison.period}.xlsx`, bytes };
}
