// How the server hands out the built web app (src/http/routes/pages.ts): the SPA's index for every page address,
// hashed assets cached for a year, a missing asset or API address a real 404 — never the app in its place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { webDistDir } from '../../src/http/routes/pages.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { browserSuiteBlocker } from './support.ts';

const built = browserSuiteBlocker() !== 'web/dist not built (npm run build:web)';

describe.skipIf(!built)('serving the built web app', () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildApp({ database: db });
  });
  afterAll(async () => {
    await app.close();
    await db.dispose();
  });

  it.each(['/', '/dashboard', '/indicators/3f0c1d2e-0000-4000-8000-000000000000', '/reporting/x/2025?plan=1'])(
    'answers the app for page address %s, never cached, under the CSP',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('serves hashed assets for a year and the icon', async () => {
    const manifest = JSON.parse(readFileSync(join(webDistDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)?.file ?? '';
    const asset = await app.inject({ method: 'GET', url: `/${entry}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ method: 'GET', url: '/favicon.svg' })).statusCode).toBe(200);
  });

  it('answers 404 (not the app) for a missing asset, the build manifest and unknown API addresses', async () => {
    for (const url of ['/assets/index-gone.js', '/.vite/manifest.json', '/missing.png']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('<div id="root">');
    }
    const api = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect([401, 404]).toContain(api.statusCode);
    expect(api.headers['content-type']).toContain('application/json');
  });
});
