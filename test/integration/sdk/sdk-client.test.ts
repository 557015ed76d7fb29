// The SDK against a real Sieve on a real port: typed calls with the key, errors with their codes, 429 and 503
// retried as Retry-After asks (a local server that refuses first), and waitForBatch following a batch to its end.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadResultsCsv, waitForBatch } from '../../../src/sdk/batches.js';
import { createSieveClient, retryAfterMs, SieveApiError, unwrap } from '../../../src/sdk/client.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await t.newWorker().start();
});
afterAll(() => t.close());

/** A local server that answers `refusals` times with `status` and Retry-After, then 200; counts requests. */
async function refusingServer(status: number, refusals: number, retryAfter: string) {
  const seen: { method: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', body });
      if (seen.length <= refusals) {
        res.writeHead(status, { 'retry-after': retryAfter, 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' }, request_id: 'req_x' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'ok' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the SDK', () => {
  it('calls the API with the key and gives typed data; an error is a SieveApiError with its code', async () => {
    const { api_key } = await t.createAccount(3);
    const client = createSieveClient({ baseUrl, token: api_key });
    const result = unwrap(await client.POST('/api/v1/validate', { body: { phone: '+33612345678' } }));
    expect(result).toMatchObject({ valid: true });
    const account = unwrap(await client.GET('/api/v1/account', { params: { query: { limit: 5 } } }));
    expect(account.credits_remaining).toBe(2);
    const bad = createSieveClient({ baseUrl, token: 'sv_live_' + 'x'.repeat(32) });
    const err = await Promise.resolve()
      .then(async () => unwrap(await bad.GET('/api/v1/account', { params: { query: { limit: 1 } } })))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SieveApiError);
    expect([(err as SieveApiError).status, (err as SieveApiError).code]).toEqual([401, 'invalid_api_key']);
  });

  it('retries 429 and 503 as Retry-After asks, body and all, and gives up past the wait it accepts', async () => {
    for (const status of [429, 503]) {
      const server = await refusingServer(status, 2, '1');
      try {
        const client = createSieveClient({ baseUrl: server.url, token: 'k', retries: 3 });
        const res = await client.POST('/api/v1/validate', { body: { phone: '+33612345678' } });
        expect(res.response.status).toBe(200);
        expect(server.seen.length).toBe(3);
        expect(new Set(server.seen.map((s) => s.body))).toEqual(new Set([JSON.stringify({ phone: '+33612345678' })]));
      } finally {
        await server.close();
      }
    }
    const patient = await refusingServer(429, 5, '3600');
    try {
      const client = createSieveClient({ baseUrl: patient.url, token: 'k', maxRetryWaitMs: 2000 });
      const res = await client.GET('/healthz');
      expect([res.response.status, patient.seen.length]).toEqual([429, 1]);
    } finally {
      await patient.close();
    }
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(retryAfterMs('soon')).toBeNull();
  });

  it('waitForBatch follows a batch to its end, and the results download as CSV', async () => {
    const { api_key } = await t.createAccount(100);
    const client = createSieveClient({ baseUrl, token: api_key });
    const phones = Array.from({ length: 40 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`);
    const accepted = unwrap(await client.POST('/api/v1/validate-async', { body: { phones } }));
    const seen: string[] = [];
    const done = await waitForBatch(client, accepted.batch_id, { intervalMs: 50, onProgress: (s) => seen.push(s.status) });
    expect(done).toMatchObject({ status: 'completed', processed: 40, total: 40 });
    expect(done).not.toHaveProperty('results');
    expect(seen.at(-1)).toBe('completed');
    const csv = await new Response(await downloadResultsCsv(client, accepted.batch_id)).text();
    expect(csv.trim().split('\n')).toHaveLength(41);
  });
});
