// The typed client of Sieve's API: openapi-fetch over the types generated from docs/openapi.json
// (src/sdk/api.d.ts), with the bearer credential set once and 429/503 answers retried as the server asks
// (Retry-After). Used by the CLI, the dashboard and the tests. Runs in Node and in browsers (no Node imports).
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './api.js';

export type { components, paths };
export type SieveClient = Client<paths>;
export type ErrorBody = components['schemas']['ErrorResponse'];

export interface SieveClientOptions {
  /** Where Sieve answers, such as http://127.0.0.1:8080 (no trailing path). */
  baseUrl: string;
  /** An API key (sv_live_…) or the operator token; sent as `Authorization: Bearer …`. */
  token?: string;
  /** Retries of a 429 or 503 answer (default 3; 0 for requests with a large streamed body, which a retry buffers). */
  retries?: number;
  /** The longest wait before a retry; an answer asking for longer is returned as it is (default 30 s). */
  maxRetryWaitMs?: number;
  /** Cookies and CSRF in the browser: extra headers for every request. */
  headers?: Record<string, string>;
  /** Credentials mode of browser requests (the dashboard's session cookie). */
  credentials?: 'include' | 'omit' | 'same-origin';
  fetch?: typeof fetch;
}

const RETRIED = new Set([429, 503]);

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A fetch that sends a 429 or 503 answer's request again after the wait the server asked for. */
export function retryingFetch(base: typeof fetch, retries: number, maxWaitMs: number): (request: Request) => Promise<Response> {
  return async (request: Request) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      const response = await base(last ? request : request.clone());
      if (!RETRIED.has(response.status) || last) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? Math.min(500 * 2 ** attempt, maxWaitMs);
      if (wait > maxWaitMs) return response;
      await response.body?.cancel();
      await sleep(wait, request.signal);
    }
  };
}

export function createSieveClient(options: SieveClientOptions): SieveClient {
  const base = options.fetch ?? globalThis.fetch;
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: retryingFetch(base, options.retries ?? 3, options.maxRetryWaitMs ?? 30_000),
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return client;
}

/** An error answer of the API, with its stable code. */
export class SieveApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'SieveApiError';
  }
}

/**
 * The data of an openapi-fetch result, or a SieveApiError for an error answer: for code that prefers
 * exceptions (`const batch = unwrap(await client.GET(...))`).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as Partial<ErrorBody> | undefined;
    const code = body?.error?.code ?? `http_${result.response.status}`;
    const message = body?.error?.message ?? `${result.response.status} ${result.response.statusText}`;
    throw new SieveApiError(result.response.status, code, message, body?.request_id, body?.error?.details ?? []);
  }
  return result.data as T;
}
