// The dashboard: the static files `npm ci` builds into dist/dashboard (the `prepare` script), served at
// /dashboard with every unknown path under it answered by index.html (the page routes in the browser).
// `/` redirects there. Hashed assets are cached for good; index.html is revalidated every time.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.js';

export const DASHBOARD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/dashboard');

/** Only what Sieve serves itself: no script, style, font or image from anywhere else. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sieve</title></head><body><main>' +
  '<h1>The dashboard is not built</h1><p>Run <code>npm run build:dashboard</code> (npm ci does it), then reload.</p>' +
  '</main></body></html>';

export async function installDashboard(app: App, dir = DASHBOARD_DIR): Promise<void> {
  const indexFile = path.join(dir, 'index.html');
  const built = existsSync(indexFile);
  const index = built ? readFileSync(indexFile, 'utf8') : NOT_BUILT;

  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/dashboard/', 302));

  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    // A missing asset is a 404, not the page (a stale index.html would otherwise load HTML as a script).
    if (request.url.startsWith('/dashboard/assets/')) return reply.callNotFound();
    return reply
      .code(built ? 200 : 503)
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(index);
  };

  app.get('/dashboard', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/dashboard/', 302));
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/dashboard/',
      decorateReply: false,
      wildcard: false,
      index: false,
      setHeaders(res, file) {
        res.header('x-content-type-options', 'nosniff');
        if (file.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.get('/dashboard/', { schema: { hide: true } }, sendIndex);
  app.get('/dashboard/*', { schema: { hide: true } }, sendIndex);
}
