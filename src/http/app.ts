// The Fastify application as a plugin-composed instance. server.ts only listens; tests use app.inject.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/client.ts';
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from '../services/auth/options.ts';
import { errorHandler } from './error-handler.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerSecurityHeaders } from './plugins/security.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { monitoringFileRoutes } from './routes/monitoring-files.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { planEditRoutes } from './routes/plan-edits.ts';
import { unitRoutes } from './routes/units.ts';
import { userRoutes } from './routes/users.ts';
import { planRoutes } from './routes/plans.ts';
import { planVersionRoutes } from './routes/plan-versions.ts';
import { pageRoutes } from './routes/pages.ts';
import { reportRoutes } from './routes/reports.ts';
import { assessmentRoutes } from './routes/assessment.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { projectRoutes } from './routes/projects.ts';
import { supervisionRoutes } from './routes/supervision.ts';
import { taskRoutes } from './routes/tasks.ts';
import { scheduleSupervisionScan, type ScanScheduleOptions, type ScheduledScan } from '../services/schedule-supervision-scan.ts';
import { commissionerRoutes } from './routes/commissioners.ts';
import { countyRoutes } from './routes/counties.ts';
import { enterpriseRoutes } from './routes/enterprises.ts';
import { platformRoutes } from './routes/platforms.ts';
import { registerBindingRoutes } from './routes/register-bindings.ts';
import { rulePackRoutes } from './routes/rule-packs.ts';
import { techContractRoutes } from './routes/tech-contracts.ts';
import { createReportJobQueue } from '../services/report-job-queue.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
  /** Lockout, session length, login rate limit (defaults: DEFAULT_AUTH_OPTIONS; server.ts reads the environment). */
  auth?: Partial<AuthOptions>;
  /**
   * Behind a reverse proxy (nginx terminating HTTPS): the proxy's address or `true`, so request.ip (audit, login
   * rate limit) is the client's and cookies get `Secure` when the client used HTTPS. Off by default: then a client
   * cannot forge its address with X-Forwarded-For.
   */
  trustProxy?: boolean | string;
  /**
   * The daily 督办 scan (schedule-supervision-scan.ts). None unless given: tests and embedders get no timers and no
   * background writes; the server (start-server.ts) passes it from KECHUANG_SCAN_AT, on by default.
   */
  supervisionScan?: Omit<ScanScheduleOptions, 'log'> & { log?: ScanScheduleOptions['log'] | undefined } | null | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    /** The daily 督办 scan, when the app runs one. */
    supervisionScan: ScheduledScan | null;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 60 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('database', options.database);
  // Security headers and the sign-in checks come first: they must see every route registered after them.
  await registerSecurityHeaders(app);
  await app.register(authPlugin, { options: { ...DEFAULT_AUTH_OPTIONS, ...options.auth } });

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(unitRoutes, { prefix: '/api' });
  await app.register(countyRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(planEditRoutes, { prefix: '/api' });
  await app.register(planRoutes, { prefix: '/api' });
  await app.register(planVersionRoutes, { prefix: '/api' });
  await app.register(monitoringRoutes, { prefix: '/api' });
  await app.register(monitoringFileRoutes, { prefix: '/api' });
  // Report jobs run in the background; closing the app waits for the running one so the database stays open for it.
  app.decorate('reportJobQueue', createReportJobQueue(options.database.db));
  app.addHook('onClose', () => app.reportJobQueue.idle());
  await app.register(reportRoutes, { prefix: '/api' });
  await app.register(taskRoutes, { prefix: '/api' });
  await app.register(projectRoutes, { prefix: '/api' });
  await app.register(supervisionRoutes, { prefix: '/api' });
  await app.register(notificationRoutes, { prefix: '/api' });
  await app.register(assessmentRoutes, { prefix: '/api' });
  const scanOptions = options.supervisionScan;
  const scan = scanOptions ? scheduleSupervisionScan(options.database.db, { ...scanOptions, log: scanOptions.log ?? { info: (m) => app.log.info(m), error: (m) => app.log.error(m) } }) : null;
  app.decorate('supervisionScan', scan);
  if (scan) {
    // Stop the timers, then let a running scan finish before the database closes under it.
    app.addHook('onClose', async () => {
      scan.stop();
      await scan.idle();
    });
  }
  // 登记系统 (issue 6)
  await app.register(enterpriseRoutes, { prefix: '/api' });
  await app.register(platformRoutes, { prefix: '/api' });
  await app.register(commissionerRoutes, { prefix: '/api' });
  await app.register(techContractRoutes, { prefix: '/api' });
  await app.register(rulePackRoutes, { prefix: '/api' });
  await app.register(registerBindingRoutes, { prefix: '/api' });
  await app.register(pageRoutes);
  return app;
}
