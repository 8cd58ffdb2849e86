// Security headers for every answer (@fastify/helmet). The Content-Security-Policy fits a Vite-built React SPA on
// the same origin: scripts and data only from this origin, no framing, no plugins. Inline styles stay allowed
// because React UI libraries inject <style> at run time; inline scripts do not (Vite emits external modules).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const placeholderPage = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'index.html');

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(placeholderPage)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // No upgrade-insecure-requests: county offices often run the platform over plain HTTP on the LAN, where
        // upgrading would break every asset request.
      },
    },
    // A county LAN install may be served over plain HTTP; HSTS is only honoured over HTTPS anyway.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    referrerPolicy: { policy: 'same-origin' },
  });
}

/**
 * The placeholder page served until the React build exists has one inline script; allowing exactly its hash keeps
 * `script-src` free of 'unsafe-inline'. Computed at start, so an edited page stays allowed; a Vite build has no
 * inline scripts and this returns nothing for it.
 */
function inlineScriptHashes(htmlFile: string): string[] {
  if (!existsSync(htmlFile)) return [];
  const html = readFileSync(htmlFile, 'utf8');
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = match[1] ?? '';
    if (body.trim().length > 0) hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return hashes;
}
