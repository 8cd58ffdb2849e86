// 申请生成报告: checks what can be checked at once (permission, plan in scope, year within the plan) so a bad request
// is answered 400/404 right away, then records a queued job and the audit row in one transaction. The job runs in
// the background (report-job-queue.ts); the page polls it.
import type { Database } from '../db/client.ts';
import { defaultReportYear, type ReportKind } from '../domain/reports/model.ts';
import { appendAudit } from '../repositories/audit.ts';
import { findPlanSummary, listPlans } from '../repositories/plans.ts';
import { findReportJob, insertReportJob, type ReportJobRecord } from '../repositories/report-jobs.ts';
import { auditActor, type Access } from './auth/access.ts';
import { NotFoundError } from './errors.ts';
import { resolveReportYear } from './generate-report.ts';
import { requireAction } from './monitoring/guards.ts';

export type RequestReportInput =
  | { scope: 'plan'; planId: string; kind: ReportKind; year?: number | undefined }
  | { scope: 'municipal'; municipality: string | null; kind: ReportKind; year?: number | undefined };

export async function requestReportJob(db: Database, access: Access, input: RequestReportInput, now: Date = new Date()): Promise<ReportJobRecord> {
  requireAction(access, 'report.generate');
  let job: { countyId: string | null; planId: string | null; municipality: string | null; year: number };
  if (input.scope === 'plan') {
    const plan = await findPlanSummary(db, access.scope, input.planId);
    if (!plan) throw new NotFoundError('plan', input.planId, '规划不存在 / plan not found');
    job = { countyId: plan.countyId, planId: plan.id, municipality: null, year: resolveReportYear(input.kind, plan, input.year, now) };
  } else {
    requireAction(access, 'plan.compare');
    // The job row records one year; without one, the first plan's usual year (counties share the 十四五 period).
    const first = (await listPlans(db, access.scope))[0];
    const year = input.year ?? defaultReportYear(input.kind, first ?? { periodStart: null, periodEnd: null }, now);
    job = { countyId: null, planId: null, municipality: input.municipality, year };
  }
  const id = await db.transaction(async (tx) => {
    const jobId = await insertReportJob(tx, { ...job, scope: input.scope, kind: input.kind, requestedBy: access.actor.name });
    await appendAudit(tx, {
      countyId: job.countyId,
      ...auditActor(access.actor),
      action: 'report.request',
      entity: 'report_job',
      entityId: jobId,
      after: { scope: input.scope, planId: job.planId, municipality: job.municipality, kind: input.kind, year: job.year },
    });
    return jobId;
  });
  const record = await findReportJob(db, access.scope, id);
  if (!record) throw new NotFoundError('report_job', id, '报告任务不存在 / job not found');
  return record;
}
