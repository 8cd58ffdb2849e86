// Serves the browser app. The React app (web/, built into web/dist by `npm run build:web`, which `npm start` runs
// first) is served as static files, and every other non-API GET answers its index.html so client-side routes
// (/dashboard, /indicators/…) survive a reload or a bookmark. Hashed assets are cached for a year; index.html never.
// Without a build (a test run that skipped it) the plain fallback page in src/http/public/ is served at /.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

const here = dirname(fileURLToPath(import.meta.url));
const publicDir = join(here, '..', 'public');
export const webDistDir = join(here, '..', '..', '..', 'web', 'dist');

export interface PageOptions {
  /** Where the built web app is (default web/dist); tests may point elsewhere. */
  distDir?: string;
}

export const pageRoutes: FastifyPluginAsync<PageOptions> = async (app, options) => {
  const distDir = options.distDir ?? webDistDir;
  const spaIndex = join(distDir, 'index.html');
  if (!existsSync(spaIndex)) {
    const indexHtml = readFileSync(join(publicDir, 'index.html'), 'utf8');
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(indexHtml));
    return;
  }

  const indexHtml = readFileSync(spaIndex, 'utf8');
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: false,
    wildcard: true,
    // .vite/manifest.json is for the bench, not for browsers.
    allowedPath: (pathName) => !pathName.startsWith('/.vite'),
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.get('/', { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      path !== '/api' &&
      // A missing asset (an old hashed file after a redeploy) is a real 404, not the app.
      !path.startsWith('/assets/') &&
      !/\.[a-z0-9]{1,8}$/i.test(path);
    if (wantsPage) return sendIndex(reply);
    return reply.status(404).send({ error: 'not-found', message: `未找到 ${path} / not found` });
  });
};
