// 退回: the reviewer sends a submitted report back to the unit; the reason is required and shown to the unit.
import type { Database } from '../../db/client.ts';
import type { ReportRecord } from '../../repositories/reports.ts';
import type { Access } from '../auth/access.ts';
import { requiredReason } from './guards.ts';
import { transitionReport, type TransitionInput } from './report-transition.ts';

export function returnReport(db: Database, access: Access, input: TransitionInput & { reason: string }): Promise<ReportRecord> {
  const reason = input.reason.trim();
  return transitionReport(db, access, input, 'return', {
    validate: () => requiredReason(input.reason, '退回'),
    change: () => ({ reason, reviewedBy: access.actor.name, reviewedAt: new Date() }),
  });
}
