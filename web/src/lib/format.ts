// Numbers the Chinese way: thousands separators as in 统计公报, money in 万元 (亿元 above 1 亿), shares as percentages
// with one decimal, dates as 2024年3月5日.

const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const DASH = '—';

/** A plain figure: 12,345.67 (at most two decimals). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return plain.format(value);
}

/** A figure with its unit: "38.5 %", "1,200 家". */
export function formatWithUnit(value: number | null | undefined, unit: string | null | undefined): string {
  const text = formatNumber(value);
  if (text === DASH || !unit) return text;
  return `${text} ${unit}`;
}

/** An amount in 万元: "1,234.5 万元"; from 1 亿 upward "1.23 亿元". */
export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  if (Math.abs(value) >= 10_000) return `${plain.format(Math.round(value / 100) / 100)} 亿元`;
  return `${plain.format(value)} 万元`;
}

/** A share (0.385) as "38.5%". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH;
  return `${oneDecimal.format(Math.round(share * 1000) / 10)}%`;
}

/** A gap in shares (−0.22) as "−22.0 个百分点". */
export function formatPoints(gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return DASH;
  const points = Math.round(gap * 1000) / 10;
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${oneDecimal.format(Math.abs(points))} 个百分点`;
}

/** An ISO instant as 2024年3月5日 14:05 in China time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日 ${get('hour')}:${get('minute')}`;
}

/** A date (YYYY-MM-DD or ISO) as 2024年3月5日. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** Period code → label: 2023 → 2023年, 2023H1 → 2023年上半年, 2023Q2 → 2023年第二季度, 2023M07 → 2023年7月. */
export function periodLabel(code: string): string {
  const m = /^(\d{4})(?:([HQM])(\d{1,2}))?$/i.exec(code.trim());
  if (!m) return code;
  const year = m[1];
  const kind = m[2]?.toUpperCase();
  const n = Number(m[3]);
  if (!kind) return `${year}年`;
  if (kind === 'H') return `${year}年${n === 1 ? '上半年' : '下半年'}`;
  if (kind === 'Q') return `${year}年第${['一', '二', '三', '四'][n - 1] ?? n}季度`;
  return `${year}年${n}月`;
}
