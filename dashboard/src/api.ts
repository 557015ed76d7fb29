// Every call of the dashboard goes through Sieve's typed SDK (src/sdk), with the session cookie
// (credentials: 'include') and, on writes, the session's CSRF token header. No key is ever kept here.
import { createSieveClient, SieveApiError, unwrap } from '../../src/sdk/client.js';
import type { components, operations } from '../../src/sdk/api.js';

export { SieveApiError, unwrap };
export type { components, operations };

let csrfToken = '';
/** Set after sign-in (and on every reload, from GET /auth/v1/session). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export const client = createSieveClient({
  baseUrl: window.location.origin,
  credentials: 'include',
  retries: 2,
  maxRetryWaitMs: 5_000,
});

client.use({
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** A message for people from whatever a call threw. */
export function errorText(error: unknown): string {
  if (error instanceof SieveApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export type Json<Op extends keyof operations, Status extends number = 200> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer T } }> ? T : never;
