// Every table in the app: sort and filter on each column, a search box over all columns, and 导出 Excel of what
// is shown (after search, filters and sort). Columns give a plain `value` used for all four, and may render richer.
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table } from 'antd';
import type { ColumnType, TableProps } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { errorText } from '../api/client.ts';
import { exportXlsx, today, type Cell } from '../lib/xlsx.ts';

export interface Column<T> {
  key: string;
  title: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  /** Offer a filter of the column's distinct values (default: only for short text columns chosen by the caller). */
  filter?: boolean;
  sort?: boolean;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  ellipsis?: boolean;
  fixed?: 'left' | 'right';
  /** Leave out of the export (action buttons). */
  noExport?: boolean;
  exportValue?: (row: T) => Cell;
}

export interface DataTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** File name (without .xlsx) and sheet name of the export. */
  exportName: string;
  exportCaption?: string;
  title?: ReactNode;
  extra?: ReactNode;
  emptyText?: ReactNode;
  searchPlaceholder?: string;
  pageSize?: number | false;
  rowClassName?: (row: T) => string;
  onRowClick?: (row: T) => void;
  summary?: (rows: readonly T[]) => ReactNode;
  size?: 'small' | 'middle';
  loading?: boolean;
  testId?: string;
  scrollX?: number | string;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { rows, columns, rowKey } = props;
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<readonly T[] | null>(null);
  const [exporting, setExporting] = useState(false);

  const searched = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return rows;
    return rows.filter((row) => columns.some((c) => String(c.value(row) ?? '').toLowerCase().includes(q)));
  }, [rows, columns, query]);

  const antColumns = useMemo<ColumnType<T>[]>(
    () =>
      columns.map((c) => {
        const column: ColumnType<T> = {
          key: c.key,
          title: c.title,
          render: (_: unknown, row: T) => (c.render ? c.render(row) : (c.value(row) ?? '—')),
        };
        if (c.width !== undefined) column.width = c.width;
        if (c.align) column.align = c.align;
        if (c.ellipsis) column.ellipsis = true;
        if (c.fixed) column.fixed = c.fixed;
        if (c.sort !== false) column.sorter = (a: T, b: T) => compare(c.value(a), c.value(b));
        if (c.filter) {
          const values = [...new Set(rows.map((r) => String(c.value(r) ?? '（空）')))].sort(collator.compare);
          column.filters = values.map((v) => ({ text: v, value: v }));
          column.filterSearch = values.length > 8;
          column.onFilter = (value, row) => String(c.value(row) ?? '（空）') === value;
        }
        return column;
      }),
    [columns, rows],
  );

  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, _sorter, extra) => {
    setShown(extra.currentDataSource);
  };

  const visible = shown && shown.every((row) => searched.includes(row)) && shown.length <= searched.length ? shown : searched;

  async function exportShown() {
    setExporting(true);
    try {
      const exported = columns.filter((c) => !c.noExport);
      await exportXlsx(`${props.exportName}-${today()}`, [
        {
          sheetName: props.exportName,
          headers: exported.map((c) => c.title),
          rows: visible.map((row) => exported.map((c) => (c.exportValue ? c.exportValue(row) : c.value(row)))),
          ...(props.exportCaption ? { caption: props.exportCaption } : {}),
        },
      ]);
      message.success(`已导出 ${visible.length} 行`);
    } catch (error) {
      message.error(`导出失败：${errorText(error)}`);
    } finally {
      setExporting(false);
    }
  }

  const pageSize = props.pageSize === undefined ? 20 : props.pageSize;
  return (
    <div className="data-table" data-testid={props.testId}>
      <div className="data-table-toolbar">
        <div className="data-table-title">{props.title}</div>
        <Space wrap>
          {props.extra}
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={props.searchPlaceholder ?? '搜索'}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setShown(null);
            }}
            style={{ width: 200 }}
            aria-label="搜索表格"
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportShown} disabled={visible.length === 0}>
            导出 Excel
          </Button>
        </Space>
      </div>
      <Table<T>
        rowKey={rowKey}
        columns={antColumns}
        dataSource={searched}
        size={props.size ?? 'middle'}
        loading={props.loading ?? false}
        onChange={onChange}
        scroll={props.scrollX === undefined ? undefined : { x: props.scrollX }}
        pagination={
          pageSize === false || searched.length <= pageSize
            ? false
            : { pageSize, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }
        }
        locale={{ emptyText: props.emptyText ?? (query ? '没有符合搜索条件的记录' : '暂无数据') }}
        {...(props.rowClassName ? { rowClassName: (row: T) => props.rowClassName?.(row) ?? '' } : {})}
        {...(props.onRowClick
          ? { onRow: (row: T) => ({ onClick: () => props.onRowClick?.(row), className: 'clickable-row' }) }
          : {})}
        {...(props.summary ? { summary: props.summary } : {})}
      />
    </div>
  );
}
