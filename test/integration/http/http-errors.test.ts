// Every error class of the API, by real HTTP requests, in the one envelope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await startTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
  key = (await t.createAccount(5)).api_key;
});
afterAll(() => t.close());

function expectError(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.request_id).toBe(res.headers['x-request-id']);
  return body;
}

describe('error envelope', () => {
  it('400 invalid_json for a malformed body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/accounts',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      payload: '{"credits": 1,',
    });
    expectError(res, 400, 'invalid_json');
  });

  it('400 invalid_json for an empty JSON body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/v1/accounts',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      payload: '',
    });
    expectError(res, 400, 'invalid_json');
  });

  it('401 for a missing key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/account' });
    expectError(res, 401, 'missing_api_key');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('404 route_not_found for an unknown route, with or without a key', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/nowhere' }), 404, 'route_not_found');
    expectError(await t.api(key, 'GET', '/api/v1/nowhere'), 404, 'route_not_found');
  });

  it('413 payload_too_large past BODY_LIMIT_BYTES', async () => {
    const res = await t.admin('POST', '/admin/v1/accounts', { name: 'x'.repeat(5000), credits: 1 });
    expectError(res, 413, 'payload_too_large');
  });

  it('415 unsupported_media_type for a body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/admin/v1/accounts',
        headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': type },
        payload: 'credits=1',
      });
      expectError(res, 415, 'unsupported_media_type');
    }
  });

  it('422 validation_failed naming the field', async () => {
    let body = expectError(await t.admin('POST', '/admin/v1/accounts', { credits: -1 }), 422, 'validation_failed');
    expect(body.error.message).toContain('body.credits');
    expect(body.error.details[0].field).toBe('body.credits');

    body = expectError(await t.admin('POST', '/admin/v1/accounts', { credits: 1, colour: 'red' }), 422, 'validation_failed');
    expect(body.error.details[0]).toEqual({ field: 'body.colour', message: 'is not a known field' });

    body = expectError(await t.admin('POST', '/admin/v1/accounts', { credits: '10' }), 422, 'validation_failed');
    expect(body.error.details[0].field).toBe('body.credits');

    body = expectError(await t.api(key, 'GET', '/api/v1/account?limit=0'), 422, 'validation_failed');
    expect(body.error.details[0].field).toBe('query.limit');

    body = expectError(await t.admin('GET', '/admin/v1/accounts/not-an-id'), 422, 'validation_failed');
    expect(body.error.details[0].field).toBe('params.account_id');
  });

  it('a NUL character, an out-of-range cursor: 422, never a 500', async () => {
    const body = expectError(
      await t.admin('POST', '/admin/v1/accounts', { name: 'bad\u0000name', credits: 1 }),
      422,
      'validation_failed',
    );
    expect(body.error.message).toContain('NUL');
    expectError(await t.api(key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678\u0000'] }), 422, 'validation_failed');
    expectError(await t.api(key, 'GET', '/api/v1/account?cursor=100000000000000000000'), 422, 'validation_failed');
    // Nothing was charged for the refused batch.
    expect((await t.api(key, 'GET', '/api/v1/account')).json().credits_remaining).toBe(5);
  });

  it('a client X-Request-Id is echoed when it is safe, replaced when it is not', async () => {
    let res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
    res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('500 internal_error hides the cause from the client and logs it', async () => {
    const extra = await startTestApp();
    const k = (await extra.createAccount(1)).api_key;
    await extra.store.db.close(); // the store goes away under the app
    const res = await extra.api(k, 'GET', '/api/v1/account');
    const body = expectError(res, 500, 'internal_error');
    expect(res.body).not.toMatch(/pglite|postgres|closed|stack|Error:/i);
    expect(body.error.message).toContain('request_id');
    const logged = extra.logs.find((l) => l.includes(body.request_id) && l.includes('"level":50'));
    expect(logged).toBeDefined();
    await extra.app.close();
    await extra.ctx.queue.stop().catch(() => {});
    await extra.store.close().catch(() => {});
  });
});

describe('operational endpoints', () => {
  it('/healthz and /readyz', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('/readyz is 503 when a migration is missing', async () => {
    await t.store.db.query('delete from sieve_migrations where version = 1');
    try {
      const res = await t.app.inject({ method: 'GET', url: '/readyz' });
      expectError(res, 503, 'service_unavailable');
    } finally {
      await t.store.db.query("insert into sieve_migrations (version, name) values (1, 'accounts')");
    }
  });

  it('/metrics exposes request counts by route, latency and queue depth', async () => {
    await t.api(key, 'GET', '/api/v1/account');
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/sieve_http_requests_total\{route="\/api\/v1\/account",method="GET",status="200"\} \d+/);
    expect(res.body).toContain('sieve_http_request_duration_seconds_bucket');
    expect(res.body).toContain('# TYPE sieve_queue_jobs gauge');
    expect(res.body).toMatch(/sieve_queue_jobs\{queue="batch-chunk",state="queued"\} \d+/);
    expect(res.body).toMatch(/sieve_webhook_deliveries\{status="pending"\} 0\n/);
    // One delivery waiting: the gauge counts it.
    const { account_id } = await t.createAccount(1);
    await t.store.db.query(
      "insert into webhook_events (id, account_id, type, payload) values ('evt_metrics', $1, 'batch.completed', '{}')",
      [account_id],
    );
    await t.store.db.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, url, host, schedule)
       values ('msg_metrics', $1, 'evt_metrics', 'batch.completed', 'callback', 'https://hooks.example.test/x', 'hooks.example.test', '{2}')`,
      [account_id],
    );
    const again = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(again.body).toMatch(/sieve_webhook_deliveries\{status="pending"\} 1\n/);
    expect(again.body).toMatch(/sieve_webhook_deliveries\{status="sending"\} 0\n/);
  });

  it('/metrics requires the bearer METRICS_TOKEN when it is set', async () => {
    const token = 'metrics-token-0123456789';
    const closed = await startTestApp({ env: { METRICS_TOKEN: token } });
    try {
      const get = (headers: Record<string, string> = {}) => closed.app.inject({ method: 'GET', url: '/metrics', headers });
      let res = await get();
      expectError(res, 401, 'missing_metrics_token');
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expectError(await get({ authorization: 'Bearer wrong-token-0123456789' }), 401, 'invalid_metrics_token');
      expectError(await get({ authorization: `Bearer ${ADMIN_TOKEN}` }), 401, 'invalid_metrics_token');
      expectError(await get({ authorization: token }), 401, 'invalid_metrics_token');
      res = await get({ authorization: `Bearer ${token}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('sieve_http_requests_total');
      // The token is a secret: never in the logs.
      expect(closed.logs.join('\n')).not.toContain(token);
    } finally {
      await closed.close();
    }
  });

  it('/openapi.json describes the routes and /docs serves a page', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/account', '/admin/v1/accounts']));
    expect(spec.paths['/admin/v1/accounts'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
