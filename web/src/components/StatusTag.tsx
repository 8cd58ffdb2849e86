import { STATUS_COLOURS, type StatusOutcome } from '@domain/progress/status.ts';
import { REPORT_STATE_LABELS, type ReportState } from '@domain/reporting/workflow.ts';
import { Tag } from 'antd';

export function StatusTag({ status }: { status: StatusOutcome }) {
  return (
    <Tag color={STATUS_COLOURS[status]} className="status-tag" data-status={status}>
      {status}
    </Tag>
  );
}

const REPORT_STATE_COLOURS: Record<ReportState | 'missing', string> = {
  missing: 'default',
  draft: 'processing',
  submitted: 'gold',
  returned: 'red',
  approved: 'green',
};

export function ReportStateTag({ state }: { state: ReportState | 'missing' }) {
  return (
    <Tag color={REPORT_STATE_COLOURS[state]} data-state={state}>
      {state === 'missing' ? '未填报' : REPORT_STATE_LABELS[state]}
    </Tag>
  );
}
