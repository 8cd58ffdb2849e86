// Counts per status in the official colours; a tile is a toggle that filters the table below it.
import { STATUS_COLOURS, STATUS_OUTCOMES, type StatusOutcome } from '@domain/progress/status.ts';

export function StatusTiles({
  counts,
  selected,
  onSelect,
}: {
  counts: Partial<Record<StatusOutcome, number>>;
  selected: StatusOutcome | null;
  onSelect: (status: StatusOutcome | null) => void;
}) {
  return (
    <div className="status-tiles" data-testid="status-tiles">
      {STATUS_OUTCOMES.map((status) => (
        <button
          type="button"
          key={status}
          className="status-tile"
          style={{ background: STATUS_COLOURS[status] }}
          aria-pressed={selected === status}
          data-status={status}
          onClick={() => onSelect(selected === status ? null : status)}
          title={selected === status ? '再次点击显示全部指标' : `只看“${status}”的指标`}
        >
          <span className="status-tile-count">{counts[status] ?? 0}</span>
          <span className="status-tile-label">{status}</span>
        </button>
      ))}
    </div>
  );
}

/** Behind pace first: a binding miss, then 滞后, then the ones no verdict could be given, then on/ahead of pace. */
export const STATUS_SEVERITY: Record<StatusOutcome, number> = {
  约束性未达标: 0,
  滞后: 1,
  无法评价: 2,
  无数据: 3,
  基本符合预期: 4,
  快于预期: 5,
  提前实现: 6,
};

export function countStatuses(rows: { status: StatusOutcome }[]): Partial<Record<StatusOutcome, number>> {
  const counts: Partial<Record<StatusOutcome, number>> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}
