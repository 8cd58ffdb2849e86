// 企业库 picker for the register forms (certificates, 特派员 dispatches, technology contracts). A county's register can
// hold more enterprises than one list call returns (at most 500), so the picker asks the server as the person types
// (name or 统一社会信用代码, debounced) instead of filtering a first page in the browser. The chosen enterprise is
// fetched by id when the form sets it (editing a record), so its name shows even when no search result holds it.
// Used inside a Form.Item, which passes id (so the label names it), value and onChange.
import { Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client.ts';
import { fetchEnterprise, fetchEnterprises, type Enterprise } from '../../api/registers.ts';
import { useAsync } from '../../lib/useAsync.ts';

/** Wait this long after the last keystroke before asking the server, so typing a name costs one request. */
const SEARCH_DELAY_MS = 300;
/** Results per search: enough to scan by eye; more typing narrows the rest. */
const PICKER_LIMIT = 50;
/** The list route refuses search text longer than this (enterpriseQuery in src/contracts/registers.ts). */
const MAX_QUERY_LENGTH = 60;
const SEARCH_HINT = '输入企业名称或统一社会信用代码搜索';

/** The form's enterprise as last looked up: the record, or null when the server no longer shows it. */
interface Selected {
  id: string;
  enterprise: Enterprise | null;
}

export function EnterpriseSelect({
  id,
  value,
  onChange,
  onPick,
  allowClear = false,
  withUscc = false,
  placeholder = SEARCH_HINT,
  emptyText = '企业库中没有匹配的企业',
}: {
  id?: string | undefined;
  value?: string | null | undefined;
  onChange?: ((id: string | undefined) => void) | undefined;
  /** The chosen enterprise itself, for forms that fill other fields from it. */
  onPick?: ((enterprise: Enterprise | undefined) => void) | undefined;
  allowClear?: boolean;
  /** Show the 统一社会信用代码 beside the name (the search matches it either way). */
  withUscc?: boolean;
  placeholder?: string | undefined;
  emptyText?: string;
}) {
  const current = value ?? undefined;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const typed = text.trim().slice(0, MAX_QUERY_LENGTH);
  useEffect(() => {
    if (typed === query) return;
    const timer = setTimeout(() => setQuery(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, query]);

  const results = useAsync(() => fetchEnterprises(query, PICKER_LIMIT), [query]);
  const found = results.data?.enterprises ?? [];
  const total = results.data?.total ?? 0;
  const searching = typed !== query || results.loading;

  const [selected, setSelected] = useState<Selected | undefined>(undefined);
  useEffect(() => {
    // A pick already recorded its enterprise; only a value set from outside (an edited record) is looked up.
    if (current === undefined || selected?.id === current) return;
    let live = true;
    fetchEnterprise(current).then(
      (enterprise) => live && setSelected({ id: current, enterprise }),
      () => live && setSelected({ id: current, enterprise: null }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const labelOf = (e: Enterprise) => (withUscc ? `${e.name}（${e.uscc}）` : e.name);
  const options = found.map((e) => ({ value: e.id, label: labelOf(e) }));
  // The selector shows an option's label for the value: keep the chosen enterprise among the options while nothing
  // is typed (while typing, the selector shows the text and the list only what matches it).
  if (current !== undefined && typed === '' && !found.some((e) => e.id === current)) {
    const known = selected?.id === current ? selected.enterprise : undefined;
    options.unshift({ value: current, label: known ? labelOf(known) : known === null ? '（企业库中找不到该企业）' : '正在加载…' });
  }

  const hint = total > found.length ? `共 ${total} 家匹配，仅显示前 ${found.length} 家，请输入更多文字缩小范围` : SEARCH_HINT;
  return (
    <Select
      id={id}
      value={current}
      onChange={(next: string | undefined) => {
        const enterprise = next === undefined ? undefined : (found.find((e) => e.id === next) ?? (selected?.id === next ? (selected.enterprise ?? undefined) : undefined));
        if (next !== undefined) setSelected({ id: next, enterprise: enterprise ?? null });
        onChange?.(next);
        onPick?.(enterprise);
      }}
      onOpenChange={(open) => {
        // The next opening starts from the whole register again, not from the last search.
        if (!open) {
          setText('');
          setQuery('');
        }
      }}
      allowClear={allowClear}
      showSearch={{ filterOption: false, searchValue: text, onSearch: setText }}
      loading={searching}
      placeholder={placeholder}
      notFoundContent={
        searching ? (
          <Space>
            <Spin size="small" />
            正在搜索…
          </Space>
        ) : results.error ? (
          `企业搜索失败：${errorText(results.error)}`
        ) : (
          emptyText
        )
      }
      popupRender={(menu) => (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }} data-testid="enterprise-select-hint">
            {hint}
          </Typography.Text>
          {menu}
        </>
      )}
      options={options}
    />
  );
}
