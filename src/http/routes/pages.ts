// Serves the browser page. Until the React app (web/) is built this is a plain page listing the plans.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

export const pageRoutes: FastifyPluginAsync = async (app) => {
  const indexHtml = readFileSync(join(publicDir, 'index.html'), 'utf8');
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(indexHtml));
};
