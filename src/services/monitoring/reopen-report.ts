// 重新打开: the bureau unlocks an approved report for correction, with a reason. Its figures stop being official
// until the report is approved again — only reviewed figures count.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { clearReportOfficial } from '../../repositories/indicator-values.ts';
import type { ReportRecord } from '../../repositories/reports.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { requiredReason } from './guards.ts';
import { transitionReport, type TransitionInput } from './report-transition.ts';

export function reopenReport(db: Database, access: Access, input: TransitionInput & { reason: string }): Promise<ReportRecord> {
  const reason = input.reason.trim();
  return transitionReport(db, access, input, 'reopen', {
    validate: () => requiredReason(input.reason, '重新打开'),
    change: () => ({ reason, reviewedBy: access.actor.name, reviewedAt: new Date() }),
    during: async (tx, report) => {
      const cleared = await clearReportOfficial(tx, report);
      for (const id of cleared) {
        await appendAudit(tx, {
          countyId: report.countyId,
          ...auditActor(access.actor),
          action: 'value.official',
          entity: 'indicator_value',
          entityId: id,
          before: { isOfficial: true },
          after: { isOfficial: false, reason: `报表重新打开：${reason}` },
        });
      }
      return { officialValuesCleared: cleared.length };
    },
  });
}
