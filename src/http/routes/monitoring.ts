// 指标监测 API (JSON): status tables, the municipal comparison, one indicator's series, indicator settings (and 沿用上一规划设置), a unit's
// outstanding reports and report form, entering figures, the report workflow, the official source, spot checks.
// Thin: Zod in and out, the caller's Access from the session, one service call. Files: monitoring-files.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adoptSettingsBodySchema,
  adoptSettingsSchema,
  compareQuerySchema,
  configureIndicatorBodySchema,
  countyComparisonSchema,
  drawSpotCheckBodySchema,
  enterValueBodySchema,
  indicatorParamsSchema,
  indicatorSeriesSchema,
  indicatorSettingSchema,
  officialBodySchema,
  outstandingQuerySchema,
  outstandingReportSchema,
  periodQuerySchema,
  planStatusParamsSchema,
  planStatusSchema,
  reasonBodySchema,
  recordSpotCheckBodySchema,
  reportParamsSchema,
  reportRecordSchema,
  reportSheetSchema,
  spotCheckDrawSchema,
  spotCheckParamsSchema,
  spotCheckSchema,
  transitionBodySchema,
  unitPeriodParamsSchema,
  valueParamsSchema,
  valueRecordSchema,
} from '../../contracts/monitoring.ts';
import { adoptPreviousPlanSettings } from '../../services/monitoring/adopt-previous-plan-settings.ts';
import { approveReport } from '../../services/monitoring/approve-report.ts';
import { chooseOfficialValue } from '../../services/monitoring/choose-official-value.ts';
import { compareCounties } from '../../services/monitoring/compare-counties.ts';
import { configureIndicator } from '../../services/monitoring/configure-indicator.ts';
import { drawSpotCheck } from '../../services/monitoring/draw-spot-check.ts';
import { enterValue } from '../../services/monitoring/enter-value.ts';
import { getIndicatorSeries } from '../../services/monitoring/get-indicator-series.ts';
import { getPlanStatus } from '../../services/monitoring/get-plan-status.ts';
import { getReport } from '../../services/monitoring/get-report.ts';
import { listOutstandingReports } from '../../services/monitoring/list-outstanding-reports.ts';
import { listSpotCheckBatch, recordSpotCheck } from '../../services/monitoring/record-spot-check.ts';
import { reopenReport } from '../../services/monitoring/reopen-report.ts';
import { returnReport } from '../../services/monitoring/return-report.ts';
import { submitReport } from '../../services/monitoring/submit-report.ts';
import { accessOf } from '../plugins/auth.ts';

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/monitoring/plans/:planId/status',
    {
      config: { access: 'monitoring.read' },
      schema: { params: planStatusParamsSchema, querystring: periodQuerySchema, response: { 200: planStatusSchema } },
    },
    async (request) => getPlanStatus(db, accessOf(request), { planId: request.params.planId, period: request.query.period }),
  );

  app.get(
    '/monitoring/comparison',
    { config: { access: 'plan.compare' }, schema: { querystring: compareQuerySchema, response: { 200: countyComparisonSchema } } },
    async (request) =>
      compareCounties(db, accessOf(request), {
        period: request.query.period,
        countyIds: request.query.counties?.split(',').filter((id) => id !== ''),
      }),
  );

  app.get(
    '/monitoring/indicators/:indicatorId/series',
    {
      config: { access: 'monitoring.read' },
      schema: { params: indicatorParamsSchema, querystring: periodQuerySchema, response: { 200: indicatorSeriesSchema } },
    },
    async (request) =>
      getIndicatorSeries(db, accessOf(request), { indicatorId: request.params.indicatorId, period: request.query.period }),
  );

  app.put(
    '/monitoring/indicators/:indicatorId/settings',
    {
      config: { access: 'indicator.configure' },
      schema: { params: indicatorParamsSchema, body: configureIndicatorBodySchema, response: { 200: indicatorSettingSchema } },
    },
    async (request) => configureIndicator(db, accessOf(request), { indicatorId: request.params.indicatorId, ...request.body }),
  );

  // 沿用上一规划设置: { commit: false } is the dry-run proposal (a POST all the same: the same body commits).
  app.post(
    '/monitoring/plans/:planId/adopt-settings',
    {
      config: { access: 'indicator.configure' },
      schema: { params: planStatusParamsSchema, body: adoptSettingsBodySchema, response: { 200: adoptSettingsSchema } },
    },
    async (request) => adoptPreviousPlanSettings(db, accessOf(request), { planId: request.params.planId, commit: request.body.commit }),
  );

  app.get(
    '/monitoring/outstanding',
    {
      config: { access: 'monitoring.read' },
      schema: { querystring: outstandingQuerySchema, response: { 200: z.object({ reports: z.array(outstandingReportSchema) }) } },
    },
    async (request) => ({ reports: await listOutstandingReports(db, accessOf(request), { unitId: request.query.unitId }) }),
  );

  app.get(
    '/monitoring/units/:unitId/reports/:period',
    { config: { access: 'monitoring.read' }, schema: { params: unitPeriodParamsSchema, response: { 200: reportSheetSchema } } },
    async (request) => getReport(db, accessOf(request), request.params),
  );

  app.post(
    '/monitoring/values',
    { config: { access: 'value.enter' }, schema: { body: enterValueBodySchema, response: { 200: valueRecordSchema } } },
    async (request) => enterValue(db, accessOf(request), request.body),
  );

  app.post(
    '/monitoring/values/:valueId/official',
    {
      config: { access: 'value.review' },
      schema: { params: valueParamsSchema, body: officialBodySchema, response: { 200: valueRecordSchema } },
    },
    async (request) => chooseOfficialValue(db, accessOf(request), { valueId: request.params.valueId, ...request.body }),
  );

  const transition = { params: reportParamsSchema, response: { 200: reportRecordSchema } };
  app.post(
    '/monitoring/reports/:reportId/submit',
    { config: { access: 'value.submit' }, schema: { ...transition, body: transitionBodySchema } },
    async (request) => submitReport(db, accessOf(request), { reportId: request.params.reportId, ...request.body }),
  );
  app.post(
    '/monitoring/reports/:reportId/return',
    { config: { access: 'value.review' }, schema: { ...transition, body: reasonBodySchema } },
    async (request) => returnReport(db, accessOf(request), { reportId: request.params.reportId, ...request.body }),
  );
  app.post(
    '/monitoring/reports/:reportId/approve',
    { config: { access: 'value.review' }, schema: { ...transition, body: transitionBodySchema } },
    async (request) => approveReport(db, accessOf(request), { reportId: request.params.reportId, ...request.body }),
  );
  app.post(
    '/monitoring/reports/:reportId/reopen',
    { config: { access: 'value.reopen' }, schema: { ...transition, body: reasonBodySchema } },
    async (request) => reopenReport(db, accessOf(request), { reportId: request.params.reportId, ...request.body }),
  );

  app.post(
    '/monitoring/spot-checks',
    { config: { access: 'value.spotcheck' }, schema: { body: drawSpotCheckBodySchema, response: { 200: spotCheckDrawSchema } } },
    async (request) => drawSpotCheck(db, accessOf(request), request.body),
  );
  app.get(
    '/monitoring/spot-checks',
    {
      config: { access: 'value.spotcheck' },
      schema: {
        querystring: z.strictObject({ batchId: z.uuid().optional() }),
        response: { 200: z.object({ checks: z.array(spotCheckSchema) }) },
      },
    },
    async (request) => ({ checks: await listSpotCheckBatch(db, accessOf(request), request.query.batchId) }),
  );
  app.post(
    '/monitoring/spot-checks/:spotCheckId',
    {
      config: { access: 'value.spotcheck' },
      schema: { params: spotCheckParamsSchema, body: recordSpotCheckBodySchema, response: { 200: spotCheckSchema } },
    },
    async (request) => recordSpotCheck(db, accessOf(request), { spotCheckId: request.params.spotCheckId, ...request.body }),
  );
};
