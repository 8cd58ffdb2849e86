// 提交: the unit hands its report in for review. Every owed indicator needs a figure, and a figure far outside the
// indicator's history needs an explanation (异常说明) first.
import type { Database } from '../../db/client.ts';
import { parsePeriod } from '../../domain/period/period.ts';
import { explanationRequiredMessage } from '../../domain/reporting/outlier.ts';
import { listValuesOfReport } from '../../repositories/indicator-values.ts';
import type { ReportRecord } from '../../repositories/reports.ts';
import { countyScope } from '../../repositories/scope.ts';
import type { Access } from '../auth/access.ts';
import { ValidationError } from '../errors.ts';
import { owedIndicators } from './owed-indicators.ts';
import { outlierOf } from './outliers.ts';
import { transitionReport, type TransitionInput } from './report-transition.ts';

export function submitReport(db: Database, access: Access, input: TransitionInput): Promise<ReportRecord> {
  return transitionReport(db, access, input, 'submit', {
    change: () => ({ reason: null, submittedBy: access.actor.name, submittedAt: new Date() }),
    during: async (tx, report) => {
      const period = parsePeriod(report.period);
      const owed = await owedIndicators(tx, report.countyId, report.unitId, period);
      const values = new Map((await listValuesOfReport(tx, countyScope(report.countyId), report.id)).map((v) => [v.indicatorId, v]));
      const problems: { path: string; message: string }[] = [];
      for (const indicator of owed) {
        const value = values.get(indicator.id);
        const path = `/indicators/${indicator.id}`;
        if (!value) {
          problems.push({ path, message: `“${indicator.row.name}”尚未填报` });
          continue;
        }
        const { verdict } = await outlierOf(tx, indicator, period, value.value);
        if (verdict.outlier && value.explanation === null) {
          problems.push({ path, message: `“${indicator.row.name}”${explanationRequiredMessage(verdict)}` });
        }
      }
      if (values.size === 0 && owed.length === 0) problems.push({ path: '/', message: '报表没有任何数值' });
      if (problems.length > 0) {
        throw new ValidationError(`报表不能提交：${problems.map((p) => p.message).join('；')} / report cannot be submitted`, problems);
      }
      return { values: values.size };
    },
  });
}
