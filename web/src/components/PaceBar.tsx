// A completion bar with the 序时进度 marker on it: the fill is 完成进度, the red line where the plan should be by now.
import { formatShare } from '../lib/format.ts';

export function PaceBar({ done, time, colour = '#1d4e89', compact = false }: { done: number | null; time: number | null; colour?: string; compact?: boolean }) {
  const clamp = (v: number) => Math.max(0, Math.min(1, v));
  return (
    <div
      className="pace-bar"
      style={compact ? { margin: '4px 0', height: 8 } : undefined}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={done === null ? undefined : Math.round(done * 100)}
      aria-label={`完成进度 ${formatShare(done)}，序时进度 ${formatShare(time)}`}
    >
      {done !== null && <div className="pace-bar-fill" style={{ width: `${clamp(done) * 100}%`, background: colour }} />}
      {time !== null && (
        <div className="pace-marker" style={{ left: `${clamp(time) * 100}%`, ...(compact ? { top: -3, bottom: -3 } : {}) }}>
          {!compact && <span>序时进度 {formatShare(time)}</span>}
        </div>
      )}
    </div>
  );
}
