// Sends one webhook request to a customer's server, and connects only where the SSRF rules allow.
//
// Every send checks the URL again (form, one DNS resolution, every address through the guard), then
// connects to one of the checked addresses through a pinned connector: undici never resolves the name
// itself. Connections are pooled per (checked address, port, host, scheme), so a keep-alive connection is
// reused only for the address it was opened to. Addresses are tried in order (IPv4 first) while a
// connection cannot be made; once a request may have been sent, there is no second try here (retrying is
// the outbox's decision).
//
// Redirects are not followed (a 3xx is an answer like any other), proxies from the environment are not
// used (undici's Pool does not read HTTP_PROXY), one deadline covers the whole send, and at most
// `MAX_RESPONSE_BYTES` of the answer are read before the connection is dropped. Header values are never
// logged or put in a message: they carry signatures. The sender owns the defaults of the content type and
// user agent; a caller's own value wins.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type * as Undici from 'undici';
import type { Pool } from 'undici';
import { lazyModule } from '../lib/lazy-module.js';
import type { AddressGuard } from '../net/address-guard.js';
import type { DnsClient } from '../net/dns-client.js';
import { createPinnedConnector, PinnedConnectError } from '../net/pinned-connector.js';
import {
  checkWebhookUrlForm,
  resolveWebhookTarget,
  type WebhookAddress,
  type WebhookRefusalReason,
  type WebhookTarget,
  type WebhookUrlProblem,
} from '../net/webhook-target.js';

/** The User-Agent of a delivery whose caller set none. */
export const DEFAULT_USER_AGENT = 'Sieve-Webhooks/1.0';
/** Bytes of an answer kept (and read). */
const MAX_RESPONSE_BYTES = 1024;

export type RefusalCode = 'webhook_url_forbidden' | 'webhook_url_invalid' | 'webhook_url_unresolvable';
export type SendErrorCode = 'timeout' | 'connection_refused' | 'connection_reset' | 'tls_error' | 'network_error';

export type SendOutcome =
  | {
      kind: 'response';
      status: number;
      headers: Record<string, string>;
      /** The first `MAX_RESPONSE_BYTES` (1 KB) of the answer, as UTF-8 (a character cut in half is left out). */
      bodyPrefix: string;
      durationMs: number;
      /** The checked address the request went to. */
      address: string;
    }
  | {
      kind: 'refused';
      code: RefusalCode;
      message: string;
      /** What was wrong: the URL's form (`userinfo`, `scheme`...) or the address (`loopback`, `private`...). */
      reason?: WebhookUrlProblem | WebhookRefusalReason | 'pin_mismatch';
      durationMs: number;
    }
  | { kind: 'error'; code: SendErrorCode; message: string; durationMs: number };

export interface WebhookRequest {
  headers: Record<string, string>;
  /** The JSON body, or a function giving it piece by piece (called again if another address is tried). */
  body: string | (() => AsyncIterable<string | Buffer>);
  /** Byte length of a streamed body; without it the body is sent chunked. */
  contentLength?: number;
  /** This request's deadline (its format's or endpoint's); the sender's `timeoutMs` otherwise. */
  timeoutMs?: number;
  /** Close the connection after this request (`Connection: close`) rather than keeping it for the next. */
  closeConnection?: boolean;
}

export interface WebhookSenderOptions {
  guard: AddressGuard;
  dns: DnsClient;
  /** Deadline of one send: resolving, connecting, sending, the answer's headers and its capped body. */
  timeoutMs: number;
  /** User-Agent sent when the caller's headers have none; default `DEFAULT_USER_AGENT`. */
  userAgentDefault?: string;
  /** Extra certificate authorities to trust (PEM), for receivers with a private CA. */
  ca?: string | Buffer | (string | Buffer)[];
  /** Connections open at once to one checked address of one host; default 64. */
  connectionsPerTarget?: number;
}

export interface WebhookSender {
  send(url: string, request: WebhookRequest): Promise<SendOutcome>;
  /** Lets requests in flight finish, then closes every connection. */
  close(): Promise<void>;
}

// Headers the sender owns: the Host comes from the URL, framing from the body, hop-by-hop ones are undici's.
const OWN_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'proxy-connection',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EHOSTDOWN']);
const RESETS = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const POOL_IDLE_MS = 60_000;
// undici is loaded with the first delivery, not at start-up (60 ms of it).
const undici = lazyModule<typeof Undici>('undici');
const SWEEP_EVERY_MS = 10_000;

interface PoolEntry {
  pool: Pool;
  active: number;
  lastUsed: number;
}

type Attempt =
  | { kind: 'done'; outcome: SendOutcome }
  // The connection could not be made: nothing was sent, so the next address may be tried.
  | { kind: 'not_connected'; outcome: SendOutcome };

function isTlsError(code: string, message: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO' ||
    /certificate|ssl|tls/i.test(message)
  );
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** Response headers as one string each (repeated headers joined with ", "). */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const userAgent = options.userAgentDefault ?? DEFAULT_USER_AGENT;
  const timeoutMs = options.timeoutMs;
  // A third of the deadline for one connection attempt, so an address that swallows packets leaves time
  // for the next one (5 s of the default 15 s).
  const connectTimeoutMs = Math.min(timeoutMs, Math.max(1000, Math.round(timeoutMs / 3)));
  const pools = new Map<string, PoolEntry>();
  // Errors raised by the connector: the request was not sent when undici reports one of these.
  const connectErrors = new WeakSet<object>();
  let lastSweep = Date.now();
  let closed = false;

  function poolFor(target: WebhookTarget, address: WebhookAddress): PoolEntry {
    const secure = target.url.protocol === 'https:';
    const key = `${target.url.protocol}//${address.address}|${target.port}|${target.host}`;
    let entry = pools.get(key);
    if (entry) return entry;
    const connector = createPinnedConnector(
      { address: address.address, port: target.port, secure, servername: target.hostIsIp ? null : target.host },
      { timeoutMs: connectTimeoutMs, ...(options.ca ? { ca: options.ca } : {}) },
    );
    // The origin only gives undici the Host header (and the scheme); the connector decides where to go.
    const pool = new (undici().Pool)(`${target.url.protocol}//${target.url.host}`, {
      connections: options.connectionsPerTarget ?? 64,
      connect: (connectOptions, callback) =>
        connector(connectOptions, (err, socket) => {
          if (err) {
            connectErrors.add(err);
            callback(err, null);
          } else {
            callback(null, socket);
          }
        }),
      // Each send's own deadline (up to 30 s) cuts it short; these only catch what that would not.
      headersTimeout: Math.max(timeoutMs, 30_000),
      bodyTimeout: Math.max(timeoutMs, 30_000),
    });
    entry = { pool, active: 0, lastUsed: Date.now() };
    pools.set(key, entry);
    return entry;
  }

  // Closes pools nobody used for a while, so a stream of distinct customer hosts does not pile them up.
  function sweep(now: number) {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const [key, entry] of pools) {
      if (entry.active === 0 && now - entry.lastUsed > POOL_IDLE_MS) {
        pools.delete(key);
        void entry.pool.close().catch(() => undefined);
      }
    }
  }

  function buildHeaders(request: WebhookRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      const lower = name.toLowerCase();
      if (!OWN_HEADERS.has(lower)) headers[lower] = value;
    }
    headers['content-type'] ??= 'application/json';
    headers['user-agent'] ??= userAgent;
    if (typeof request.body !== 'string' && request.contentLength !== undefined) {
      headers['content-length'] = String(request.contentLength);
    }
    return headers;
  }

  async function readPrefix(body: Readable): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    // Leaving the loop early destroys the stream, and undici then drops the connection: the rest of a
    // large answer is never read.
    for await (const chunk of body) {
      const piece = chunk as Buffer;
      const room = MAX_RESPONSE_BYTES - size;
      chunks.push(piece.length > room ? piece.subarray(0, room) : piece);
      size += Math.min(piece.length, room);
      if (size >= MAX_RESPONSE_BYTES) break;
    }
    return new StringDecoder('utf8').write(Buffer.concat(chunks));
  }

  async function attempt(
    target: WebhookTarget,
    address: WebhookAddress,
    request: WebhookRequest,
    headers: Record<string, string>,
    signal: AbortSignal,
    elapsed: () => number,
  ): Promise<Attempt> {
    const entry = poolFor(target, address);
    entry.active++;
    let bodyError: unknown = null;
    const source = request.body;
    let body: string | Readable;
    if (typeof source === 'string') {
      body = source;
    } else {
      const pieces = source();
      body = Readable.from(
        (async function* () {
          try {
            for await (const piece of pieces) yield piece;
          } catch (err) {
            bodyError = err;
            throw err;
          }
        })(),
        { objectMode: false },
      );
    }
    try {
      const response = await entry.pool.request({
        path: `${target.url.pathname}${target.url.search}`,
        method: 'POST',
        headers,
        body,
        signal,
        ...(request.closeConnection ? { reset: true } : {}),
      });
      const bodyPrefix = await readPrefix(response.body);
      return {
        kind: 'done',
        outcome: {
          kind: 'response',
          status: response.statusCode,
          headers: flatHeaders(response.headers),
          bodyPrefix,
          durationMs: elapsed(),
          address: address.address,
        },
      };
    } catch (err) {
      if (bodyError !== null) throw bodyError; // the caller's body failed: its problem, not the receiver's
      if (typeof body !== 'string') body.destroy();
      return classify(err, signal.aborted, address, elapsed, request.timeoutMs ?? timeoutMs);
    } finally {
      entry.active--;
      entry.lastUsed = Date.now();
    }
  }

  function classify(
    err: unknown,
    timedOut: boolean,
    address: WebhookAddress,
    elapsed: () => number,
    deadlineMs: number,
  ): Attempt {
    const code = errorCode(err);
    if (code === 'UND_ERR_INVALID_ARG') throw err as Error; // a header the caller built is malformed
    const message = err instanceof Error ? err.message : String(err);
    const notConnected = typeof err === 'object' && err !== null && connectErrors.has(err);
    const error = (errCode: SendErrorCode, text: string): Attempt => ({
      kind: notConnected && !timedOut ? 'not_connected' : 'done',
      outcome: { kind: 'error', code: errCode, message: text, durationMs: elapsed() },
    });
    if (timedOut) return error('timeout', `no complete answer within ${deadlineMs} ms`);
    if (err instanceof PinnedConnectError && err.code === 'pin_mismatch') {
      return {
        kind: 'done',
        outcome: { kind: 'refused', code: 'webhook_url_forbidden', message, reason: 'pin_mismatch', durationMs: elapsed() },
      };
    }
    if (err instanceof PinnedConnectError || TIMEOUTS.has(code)) return error('timeout', message);
    if (code === 'ECONNREFUSED') return error('connection_refused', `${address.address} refused the connection`);
    if (CONNECT_FAILURES.has(code)) return error('network_error', message);
    if (isTlsError(code, message)) {
      const text = `TLS with the receiver failed (its certificate must be valid for the host and trusted by the system roots or NODE_EXTRA_CA_CERTS): ${message}`;
      return { kind: 'done', outcome: { kind: 'error', code: 'tls_error', message: text, durationMs: elapsed() } };
    }
    if (RESETS.has(code)) return error('connection_reset', message);
    return error('network_error', message);
  }

  async function send(url: string, request: WebhookRequest): Promise<SendOutcome> {
    if (closed) throw new Error('the webhook sender is closed');
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    sweep(Date.now());

    const form = checkWebhookUrlForm(url);
    if (!form.ok) return { kind: 'refused', code: form.code, message: form.message, reason: form.reason, durationMs: elapsed() };

    const deadlineMs = request.timeoutMs ?? timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('webhook deadline reached')), deadlineMs);
    try {
      const verdict = await untilAborted(
        resolveWebhookTarget(form.url, { guard: options.guard, dns: options.dns }),
        controller.signal,
      );
      if (verdict === 'aborted') {
        return {
          kind: 'error',
          code: 'timeout',
          message: `resolving ${form.url.hostname} took longer than ${deadlineMs} ms`,
          durationMs: elapsed(),
        };
      }
      if (!verdict.ok) {
        const reason = verdict.code === 'webhook_url_forbidden' ? { reason: verdict.reason } : {};
        return { kind: 'refused', code: verdict.code, message: verdict.message, ...reason, durationMs: elapsed() };
      }

      const headers = buildHeaders(request);
      const { addresses } = verdict.target;
      let last: SendOutcome | null = null;
      for (const address of addresses) {
        const result = await attempt(verdict.target, address, request, headers, controller.signal, elapsed);
        if (result.kind === 'done' || controller.signal.aborted) return result.outcome;
        last = result.outcome;
      }
      return last as SendOutcome;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    send,
    async close() {
      closed = true;
      const entries = [...pools.values()];
      pools.clear();
      await Promise.all(entries.map((entry) => entry.pool.close().catch(() => undefined)));
    },
  };
}

/** The promise's value, or 'aborted' as soon as the signal fires (the promise is left to settle alone). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise<T | 'aborted'>((resolve, reject) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err as Error);
      },
    );
  });
}
