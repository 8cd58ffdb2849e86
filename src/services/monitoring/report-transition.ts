// One step of the report workflow (提交 / 退回 / 通过 / 重新打开): scope and version checks, the state machine, the
// step's own checks and side effects, the update and its audit row — all in one transaction.
import type { Database, Transaction } from '../../db/client.ts';
import type { Action } from '../../domain/access.ts';
import { nextReportState, type ReportAction } from '../../domain/reporting/workflow.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findReport, updateReport, type ReportChange, type ReportRecord } from '../../repositories/reports.ts';
import { countyScope } from '../../repositories/scope.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { NotFoundError, VersionConflictError } from '../errors.ts';
import { mayReadUnit, requireAction, requireOwnUnit } from './guards.ts';

export interface TransitionInput {
  reportId: string;
  /** The report version the caller saw; a stale one answers 409 with the current report. */
  expectedVersion: number;
}

const PERMISSION: Readonly<Record<Exclude<ReportAction, 'enter'>, Action>> = {
  submit: 'value.submit',
  return: 'value.review',
  approve: 'value.review',
  reopen: 'value.reopen',
};

export async function transitionReport(
  db: Database,
  access: Access,
  input: TransitionInput,
  action: Exclude<ReportAction, 'enter'>,
  step: {
    /** Checks of the request itself (a reason given), run once the caller is known to hold the right. */
    validate?: () => void;
    change: (report: ReportRecord) => ReportChange;
    /** Checks and side effects inside the transaction, before the state changes; returns extra audit detail. */
    during?: (tx: Transaction, report: ReportRecord) => Promise<Record<string, unknown>>;
  },
): Promise<ReportRecord> {
  requireAction(access, PERMISSION[action]);
  step.validate?.();
  const report = await findReport(db, access.scope, input.reportId);
  if (!report || !mayReadUnit(access, report.unitId)) {
    throw new NotFoundError('report', input.reportId, '报表不存在 / report not found');
  }
  if (action === 'submit') requireOwnUnit(access, report.unitId);
  if (report.version !== input.expectedVersion) throw new VersionConflictError('report', report);
  const state = nextReportState(report.state, action);
  return db.transaction(async (tx) => {
    const detail = step.during ? await step.during(tx, report) : {};
    const change = { ...step.change(report), state };
    if (!(await updateReport(tx, report, input.expectedVersion, change))) {
      throw new VersionConflictError('report', await findReport(tx, countyScope(report.countyId), report.id));
    }
    await appendAudit(tx, {
      countyId: report.countyId,
      ...auditActor(access.actor),
      action: `report.${action}`,
      entity: 'report',
      entityId: report.id,
      before: { state: report.state, version: report.version },
      after: { state, reason: change.reason ?? null, ...detail },
    });
    const updated = await findReport(tx, countyScope(report.countyId), report.id);
    if (!updated) throw new Error('report vanished inside its transaction');
    return updated;
  });
}
