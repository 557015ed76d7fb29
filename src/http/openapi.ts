// The OpenAPI document of a Sieve built with the default settings: what is committed as docs/openapi.json
// (CI fails when the served document drifts from it, so that every API change shows in review).
import { parseConfig } from '../config.js';
import { createContext } from '../context.js';
import { openEmbedded } from '../db/embedded.js';
import { createLogger } from '../lib/logger.js';
import { buildApp } from './app.js';

export const OPENAPI_SNAPSHOT = new URL('../../docs/openapi.json', import.meta.url);

/** The document as committed: two-space JSON and a final newline. */
export const openApiText = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** Builds the app on a throw-away in-memory store with default settings and returns its document. */
export async function defaultOpenApiDocument(): Promise<unknown> {
  const db = await openEmbedded({});
  const ctx = await createContext(parseConfig({ LOG_LEVEL: 'silent' }), { log: createLogger('silent'), db });
  try {
    const app = await buildApp(ctx);
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return doc;
  } finally {
    await ctx.close();
  }
}
