// 企业库 picker for the register forms (certificates, 特派员 dispatches, technology contracts): loads the county's
// enterprises when it appears and searches them by name (and 信用代码 where shown). Used inside a Form.Item, which
// passes id (so the label names it), value and onChange.
import { Select } from 'antd';
import { fetchEnterprises, type Enterprise } from '../../api/registers.ts';
import { useAsync } from '../../lib/useAsync.ts';

export function EnterpriseSelect({
  id,
  value,
  onChange,
  onPick,
  allowClear = false,
  withUscc = false,
  placeholder,
  emptyText = '企业库中没有匹配的企业',
}: {
  id?: string | undefined;
  value?: string | null | undefined;
  onChange?: ((id: string | undefined) => void) | undefined;
  /** The chosen enterprise itself, for forms that fill other fields from it. */
  onPick?: ((enterprise: Enterprise | undefined) => void) | undefined;
  allowClear?: boolean;
  /** Show the 统一社会信用代码 beside the name (and search it). */
  withUscc?: boolean;
  placeholder?: string | undefined;
  emptyText?: string;
}) {
  const enterprises = useAsync(() => fetchEnterprises(''), []);
  const list = enterprises.data?.enterprises ?? [];
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(id: string | undefined) => {
        onChange?.(id);
        onPick?.(list.find((e) => e.id === id));
      }}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      loading={enterprises.loading}
      placeholder={placeholder}
      notFoundContent={enterprises.loading ? '正在加载…' : emptyText}
      options={list.map((e) => ({ value: e.id, label: withUscc ? `${e.name}（${e.uscc}）` : e.name }))}
    />
  );
}
