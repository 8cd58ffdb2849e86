// The Fastify application as a plugin-composed instance. server.ts only listens; tests use app.inject.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/client.ts';
import { errorHandler } from './error-handler.ts';
import { healthRoutes } from './routes/health.ts';
import { planRoutes } from './routes/plans.ts';
import { pageRoutes } from './routes/pages.ts';

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 60 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('database', options.database);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(planRoutes, { prefix: '/api' });
  await app.register(pageRoutes);
  return app;
}
