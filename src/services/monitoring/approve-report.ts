// 审核通过: the report locks, and each of its figures becomes the official one for its period unless the bureau has
// already chosen another source there.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { markReportValuesOfficial } from '../../repositories/indicator-values.ts';
import type { ReportRecord } from '../../repositories/reports.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { transitionReport, type TransitionInput } from './report-transition.ts';

const APPROVAL_REASON = '责任单位报表审核通过';

export function approveReport(db: Database, access: Access, input: TransitionInput): Promise<ReportRecord> {
  return transitionReport(db, access, input, 'approve', {
    change: () => ({ reason: null, reviewedBy: access.actor.name, reviewedAt: new Date() }),
    during: async (tx, report) => {
      const marked = await markReportValuesOfficial(tx, report, APPROVAL_REASON);
      for (const id of marked) {
        await appendAudit(tx, {
          countyId: report.countyId,
          ...auditActor(access.actor),
          action: 'value.official',
          entity: 'indicator_value',
          entityId: id,
          before: { isOfficial: false },
          after: { isOfficial: true, reason: APPROVAL_REASON },
        });
      }
      return { officialValues: marked.length };
    },
  });
}
