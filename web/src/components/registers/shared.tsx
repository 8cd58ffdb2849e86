// Pieces every register entry form shares: the save error (a 409 told as "someone else changed it"), and the
// conversions between the date pickers and the API's YYYY-MM-DD strings.
import { Alert } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SaveError } from '../../lib/form-errors.ts';

export function SaveErrorAlert({ error }: { error: SaveError | null }) {
  if (!error) return null;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={error.conflict ? 'warning' : 'error'}
      showIcon
      title={error.conflict ? '此记录已被他人修改' : '未保存'}
      description={error.message}
      role="alert"
      data-testid="save-error"
    />
  );
}

/** The picker's day as the API writes it; undefined when empty (the schema then names the field). */
export function isoDay(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

export function pickerDay(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** Empty text → null, so optional columns are cleared rather than stored as "". */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
