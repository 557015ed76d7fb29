// Endpoint formats and their settings through the API: extra headers (write-only, masked, never logged), the
// signature header, retry schedule and timeout overrides, the checks each format makes, PATCH, and the HTTPS rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
let strict: TestApp;
let key: string;
const URL = 'http://127.0.0.1:9/hook';
const SECRET_VALUE = 'Bearer lookup-receiver-token-7f3a9c';

beforeAll(async () => {
  t = await startTestApp({ env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8' } });
  strict = await startTestApp({ env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8', WEBHOOK_REQUIRE_HTTPS: 'true' } });
  key = (await t.createAccount(10)).api_key;
});
afterAll(async () => {
  await t.close();
  await strict.close();
});

const create = (body: object, app = t, apiKey = key) => app.api(apiKey, 'POST', '/api/v1/webhooks/endpoints', body);

describe('endpoint settings', () => {
  it('a lookup endpoint keeps its extra headers write-only: the create answer shows them, reads mask them, logs never have them', async () => {
    const res = await create({
      url: URL,
      event_types: ['validation.completed', 'batch.item.completed'],
      format: 'lookup',
      headers: { Authorization: SECRET_VALUE, 'User-Agent': 'LoopServer' },
      retry_schedule: ['30s', '5m', 7],
      timeout_seconds: 5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      format: 'lookup',
      headers: { Authorization: SECRET_VALUE, 'User-Agent': 'LoopServer' },
      retry_schedule: [30, 300, 7],
      timeout_seconds: 5,
      signature_header: null,
    });
    const id = created.endpoint_id as string;
    const one = await t.api(key, 'GET', `/api/v1/webhooks/endpoints/${id}`);
    expect(one.json().headers).toEqual({ Authorization: '********', 'User-Agent': '********' });
    const list = await t.api(key, 'GET', '/api/v1/webhooks/endpoints');
    expect(list.body).not.toContain('lookup-receiver-token');
    const patched = await t.api(key, 'PATCH', `/api/v1/webhooks/endpoints/${id}`, { description: 'renamed' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      description: 'renamed',
      headers: { Authorization: '********' },
      retry_schedule: [30, 300, 7],
    });
    expect(patched.body).not.toContain('lookup-receiver-token');
    expect(t.logs.join('\n')).not.toContain('lookup-receiver-token');
  });

  it('refuses headers Sieve or the format sets, bad names and values, and more than ten', async () => {
    const bad = async (format: string, headers: Record<string, string>, field: string, extra: object = {}) => {
      const res = await create({ url: URL, event_types: ['batch.completed'], format, headers, ...extra });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
      expect(JSON.stringify(res.json().error)).toContain(field);
      expect(res.body).not.toContain('sekrit-value');
    };
    await bad('standard', { Host: 'sekrit-value' }, 'body.headers.Host');
    await bad('standard', { 'Content-Type': 'text/plain' }, 'body.headers.Content-Type');
    await bad('standard', { 'Webhook-Signature': 'sekrit-value' }, 'body.headers.Webhook-Signature');
    await bad('verification', { 'X-Webhook-Signature': 'sekrit-value' }, 'body.headers.X-Webhook-Signature');
    await bad('standard', { 'Bad Name': 'x' }, 'body.headers.Bad Name');
    await bad('standard', { 'X-Line': 'sekrit-value\r\nX-Injected: 1' }, 'body.headers.X-Line');
    const res = await create({
      url: URL,
      event_types: ['batch.completed'],
      format: 'events',
      signature_header: 'X-Khaleeji-Signature',
      headers: { 'x-khaleeji-signature': 'sekrit-value' },
    });
    expect(res.statusCode).toBe(422); // the events format's own signature header (rejected before the https rule)
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`X-H${i}`, 'v']));
    expect((await create({ url: URL, event_types: ['batch.completed'], headers: eleven })).statusCode).toBe(422);
  });

  it('each format takes only the event types it sends, and signature_header only for events', async () => {
    const lookup = await create({ url: URL, event_types: ['batch.completed'], format: 'lookup' });
    expect(lookup.statusCode).toBe(422);
    expect(lookup.json().error.message).toContain('lookup format does not send batch.completed');
    const verification = await create({ url: URL, event_types: ['usage.threshold'], format: 'verification' });
    expect(verification.statusCode).toBe(422);
    const sig = await create({ url: URL, event_types: ['batch.completed'], signature_header: 'X-Sig' });
    expect(sig.statusCode).toBe(422);
    expect(sig.json().error.details[0].field).toBe('body.signature_header');
    const schedule = await create({ url: URL, event_types: ['batch.completed'], retry_schedule: ['25h'] });
    expect(schedule.statusCode).toBe(422);
    expect(schedule.json().error.details[0].field).toBe('body.retry_schedule[0]');
    const many = await create({
      url: URL,
      event_types: ['batch.completed'],
      retry_schedule: Array.from({ length: 31 }, () => '1s'),
    });
    expect(many.statusCode).toBe(422);
    expect((await create({ url: URL, event_types: ['batch.completed'], timeout_seconds: 31 })).statusCode).toBe(422);
  });

  it('events and verification need https:// unless WEBHOOK_ALLOW_HTTP; WEBHOOK_REQUIRE_HTTPS refuses http:// for all', async () => {
    for (const format of ['events', 'verification']) {
      const res = await create({ url: URL, event_types: ['batch.completed'], format });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'webhook_url_insecure', details: [{ field: 'body.url' }] });
    }
    const standard = await create({ url: URL, event_types: ['batch.completed'] });
    expect(standard.statusCode).toBe(201);
    // A change of format is checked too.
    const toEvents = await t.api(key, 'PATCH', `/api/v1/webhooks/endpoints/${standard.json().endpoint_id}`, { format: 'events' });
    expect(toEvents.statusCode).toBe(422);
    expect(toEvents.json().error.code).toBe('webhook_url_insecure');
    const strictKey = (await strict.createAccount(10)).api_key;
    const refused = await create({ url: URL, event_types: ['batch.completed'] }, strict, strictKey);
    expect(refused.json().error.code).toBe('webhook_url_insecure');
    const batch = await strict.api(strictKey, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'], webhook_url: URL });
    expect(batch.statusCode).toBe(422);
    expect(batch.json().error).toMatchObject({ code: 'webhook_url_insecure', details: [{ field: 'body.webhook_url' }] });
  });

  it('PATCH changes the format, headers, schedule and timeout; null puts the defaults back', async () => {
    const allowed = await startTestApp({ env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true' } });
    try {
      const k = (await allowed.createAccount(10)).api_key;
      const res = await create({ url: URL, event_types: ['batch.completed'], headers: { 'X-Token': 'one' } }, allowed, k);
      const id = res.json().endpoint_id as string;
      const patch = (body: object) => allowed.api(k, 'PATCH', `/api/v1/webhooks/endpoints/${id}`, body);
      const events = await patch({
        format: 'events',
        signature_header: 'X-Khaleeji-Signature',
        retry_schedule: ['1m'],
        timeout_seconds: 30,
      });
      expect(events.statusCode, events.body).toBe(200);
      expect(events.json()).toMatchObject({
        format: 'events',
        signature_header: 'X-Khaleeji-Signature',
        retry_schedule: [60],
        timeout_seconds: 30,
        headers: { 'X-Token': '********' },
      });
      const reset = await patch({ headers: null, retry_schedule: null, timeout_seconds: null, signature_header: null });
      expect(reset.json()).toMatchObject({
        headers: {},
        retry_schedule: null,
        timeout_seconds: null,
        signature_header: 'X-Signature',
      });
      // Back to standard: the events format's signature header goes with it.
      expect((await patch({ format: 'standard' })).json()).toMatchObject({ format: 'standard', signature_header: null });
      expect((await patch({})).statusCode).toBe(422);
      expect(
        (await allowed.api(k, 'PATCH', '/api/v1/webhooks/endpoints/we_00000000000000000000000000000000', { description: 'x' }))
          .statusCode,
      ).toBe(404);
    } finally {
      await allowed.close();
    }
  });
});
