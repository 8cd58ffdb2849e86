// Enterprise bulk import: per-cell Chinese errors, pure row validation (the service adds the transaction).
import { describe, expect, it } from 'vitest';
import { columnLetter, IMPORT_COLUMNS, parseEnterpriseRows, type CellValue } from '../../src/domain/registers/enterprise-import.ts';

const header: CellValue[] = IMPORT_COLUMNS.map((c) => c.header);
const col = (key: string) => IMPORT_COLUMNS.findIndex((c) => c.key === key);

function row(values: Record<string, CellValue>): CellValue[] {
  const cells: CellValue[] = IMPORT_COLUMNS.map(() => null);
  for (const [key, value] of Object.entries(values)) cells[col(key)] = value;
  return cells;
}

const good = { name: '奉节甲科技有限公司', uscc: '91350100M000100Y43', town: '永安街道', industry: '制造业', size: '小型', establishedOn: '2015-06-30', year: 2024, employees: 120, techStaff: 30, salesRevenue: '1,200.5', rdExpense: 80 };

describe('enterprise import rows', () => {
  it('letters columns like Excel', () => {
    expect([0, 1, 25, 26, 27].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
    expect(IMPORT_COLUMNS[1]?.header).toBe('统一社会信用代码'); // column B, as the example error names it
  });

  it('parses a good row: numbers with thousands separators, dates as text or Date', () => {
    const parsed = parseEnterpriseRows(header, [
      { row: 2, cells: row(good) },
      { row: 3, cells: row({ ...good, uscc: '91110000600037341L', establishedOn: new Date('2019-01-02T00:00:00Z'), year: '2024' }) },
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ row: 2, uscc: '91350100M000100Y43', size: '小型', establishedOn: '2015-06-30', year: 2024 });
    expect(parsed.rows[0]?.figures).toMatchObject({ employees: 120, techStaff: 30, salesRevenue: 1200.5, rdExpense: 80, ipClass1: null });
    expect(parsed.rows[1]?.establishedOn).toBe('2019-01-02');
  });

  it('reports every bad cell as 第N行 X列：message', () => {
    const parsed = parseEnterpriseRows(header, [
      { row: 2, cells: row(good) },
      { row: 3, cells: [] }, // blank row: skipped
      { row: 4, cells: row({ ...good, uscc: '91110000600037341L', employees: '一百二十' }) },
      { row: 5, cells: row({ ...good, uscc: '91350100M000100Y44' }) },
      { row: 6, cells: row({ ...good, name: '', uscc: '91350100M000100Y43', size: '特大型', techStaff: 200, ipClass1: 1.5 }) },
      { row: 7, cells: row({ ...good, uscc: '91110000600037341L', year: 24, establishedOn: '2015-02-30' }) },
      { row: 8, cells: row({ name: '乙公司', uscc: '91110000600037341L', salesRevenue: 100 }) },
    ]);
    expect(parsed.errors.map((e) => e.text)).toEqual([
      '第4行 H列：职工总数应为数字',
      '第5行 B列：统一社会信用代码校验位错误',
      '第6行 A列：企业名称不能为空',
      '第6行 E列：企业规模应为大型、中型、小型、微型之一',
      '第6行 V列：Ⅰ类知识产权（项）应为整数',
      '第6行 I列：科技人员不能多于职工总数',
      '第6行 B列：与第2行重复（同一企业同一年度只能有一行）',
      '第7行 F列：成立日期格式不正确（如 2015-06-30）',
      '第7行 G列：数据年度应为四位年份（如 2024）',
      '第8行 G列：填写了年度数据，须填写数据年度',
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
  });

  it('refuses a workbook whose header is not the template', () => {
    const wrong = [...header];
    wrong[1] = '信用代码';
    const parsed = parseEnterpriseRows(wrong, [{ row: 2, cells: row(good) }]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => e.text)).toEqual(['第1行 B列：表头应为“统一社会信用代码”，实为“信用代码”（请使用导入模板）']);
  });

  it('an enterprise-only row (no figures, no year) is accepted', () => {
    const parsed = parseEnterpriseRows(header, [{ row: 2, cells: row({ name: '丙公司', uscc: '91350100M000100Y43' }) }]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ year: null, figures: {} });
  });

  it('negative amounts are refused except 净利润 and 净资产', () => {
    const parsed = parseEnterpriseRows(header, [{ row: 2, cells: row({ ...good, netProfit: -50, netAssets: -10, costs: -1 }) }]);
    expect(parsed.errors.map((e) => e.text)).toEqual(['第2行 N列：成本费用（万元）不能为负数']);
  });
});
