// Each outside contract's webhook receiver, written as the contract's documentation writes it, against real
// deliveries of its format: per-lookup callbacks (reads body.contact, checks its own Authorization header),
// account events (verifyWebhookSignature(JSON.stringify(req.body), ...) verbatim), verification-task webhooks
// (tells data.job from data.stats + data.jobs, checks `sha256=`). Then each format's retry classes, the
// schedule overrides, and the secrecy of extra header values.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { type HttpReceiver, type ReceivedRequest, type ReceiverAnswer, startHttpReceiver } from '../../helpers/http-receiver.js';
import { sendUpload } from '../../helpers/uploads.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
let receiver: HttpReceiver;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = 'Bearer 9c1f-lookup-receiver-secret';

beforeAll(async () => {
  receiver = await startHttpReceiver();
  t = await startTestApp({
    env: {
      WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
      // Loopback receivers speak plain HTTP; the TLS test has its own CA.
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_RETRY_SCHEDULE: '1s,1s',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      RATE_LIMIT_ASYNC_PER_MINUTE: '1000',
    },
  });
  await t.newWorker().start();
  await t.startDispatcher();
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

/** Answers requests to `path` with `answer` (others keep the receiver's 200). */
const routesOf = new Map<string, (r: ReceivedRequest) => ReceiverAnswer>();
beforeAll(() => receiver.fallback((r) => routesOf.get(r.url)?.(r) ?? {}));
const at = (path: string) => receiver.requests.filter((r) => r.url === path);
const json = (r: ReceivedRequest) => JSON.parse(r.body.toString('utf8'));

async function endpoint(key: string, body: object) {
  const res = await t.api(key, 'POST', '/api/v1/webhooks/endpoints', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { endpoint_id: string; secret: string };
}

/** The deliveries of an endpoint once `count` of them are succeeded or failed. */
async function settled(key: string, query: string, count: number) {
  let found: any[] = [];
  await waitFor(
    async () => {
      found = (await t.api(key, 'GET', `/api/v1/webhooks/deliveries?${query}`))
        .json()
        .data.filter((d: any) => ['succeeded', 'failed'].includes(d.status));
      return found.length >= count;
    },
    30_000,
    `${count} deliveries not settled (${query})`,
    50,
  );
  return found;
}

describe('per-lookup callbacks (format lookup)', () => {
  /** The receiver as the per-lookup callbacks documentation has it: 200 at once, Authorization checked, webhook_id deduplicates. */
  function lookupReceiver(path: string) {
    const contacts: string[] = [];
    const seen = new Set<string>();
    routesOf.set(path, (req) => {
      if (req.headers.authorization !== TOKEN) return { status: 401 };
      const body = json(req);
      if (!seen.has(body.webhook_id)) {
        seen.add(body.webhook_id);
        contacts.push(body.contact);
      }
      return { status: 200 };
    });
    return contacts;
  }

  it('an endpoint gets each validation.completed as a top-level {contact, request_id, webhook_id, result_v1}, with its Authorization', async () => {
    const { api_key } = await t.createAccount(100);
    const contacts = lookupReceiver('/lookup-endpoint');
    const hook = await endpoint(api_key, {
      url: `${receiver.url}/lookup-endpoint`,
      event_types: ['validation.completed'],
      format: 'lookup',
      headers: { Authorization: TOKEN, 'User-Agent': 'LoopServer' },
    });
    expect((await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+1 (415) 555-2671' })).statusCode).toBe(200);
    const bulk = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { emails: ['Not An Address', 'ALSO@@bad'] });
    expect(bulk.statusCode).toBe(200);
    await settled(api_key, `endpoint_id=${hook.endpoint_id}`, 3);
    expect(contacts.sort()).toEqual(['+14155552671', 'also@@bad', 'not an address']);
    const requests = at('/lookup-endpoint');
    const bodies = requests.map(json);
    for (const [i, body] of bodies.entries()) {
      expect(Object.keys(body).slice(0, 4)).toEqual(['contact', 'request_id', 'webhook_id', 'result_v1']);
      expect(body.webhook_id).toMatch(UUID);
      expect(requests[i]?.headers).toMatchObject({
        'user-agent': 'LoopServer',
        connection: 'close',
        'content-type': 'application/json',
      });
    }
    expect(new Set(bodies.map((b) => b.request_id)).size).toBe(3); // one per looked-up item
    const phone = bodies.find((b) => b.contact === '+14155552671');
    expect(phone.result_v1).toMatchObject({ format: { e164: '+14155552671' }, country: { iso2: 'US' } });
    expect(requests[0]?.headers['webhook-signature']).toBeUndefined();
  });

  it('/validate with webhook_url and webhook_headers sends the one lookup there; a retry keeps its webhook_id', async () => {
    const { api_key } = await t.createAccount(100);
    const contacts = lookupReceiver('/lookup-once');
    const inner = routesOf.get('/lookup-once') as (r: ReceivedRequest) => ReceiverAnswer;
    let calls = 0;
    routesOf.set('/lookup-once', (r) => (++calls === 1 ? { status: 201 } : inner(r))); // only a 200 is a success
    const res = await t.api(api_key, 'POST', '/api/v1/validate', {
      phone: '+33612345678',
      webhook_url: `${receiver.url}/lookup-once`,
      webhook_headers: { Authorization: TOKEN },
    });
    expect(res.statusCode, res.body).toBe(200);
    await waitFor(() => contacts.length === 1, 20_000, 'no accepted lookup callback');
    const [first, second] = at('/lookup-once').map(json);
    expect(first).toEqual(second);
    expect(first.contact).toBe('+33612345678');
    expect(first.result_v1.carrier).toHaveProperty('number_type');
    const [delivery] = await settled(api_key, 'status=succeeded', 1);
    expect(delivery).toMatchObject({ kind: 'callback', event_type: 'validation.completed', attempts: 2 });
    expect(delivery.attempt_log.map((a: any) => a.status_code)).toEqual([201, 200]);
  });

  it('validate-async with webhook_format lookup POSTs each item as it is checked, and nothing at the end', async () => {
    const { api_key } = await t.createAccount(100);
    const contacts = lookupReceiver('/lookup-batch');
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', {
      phones: ['+33612345678', '+14155552671', 'garbage'],
      webhook_url: `${receiver.url}/lookup-batch`,
      webhook_format: 'lookup',
      webhook_headers: { Authorization: TOKEN },
    });
    expect(res.statusCode, res.body).toBe(202);
    const batchId = res.json().batch_id as string;
    await settled(api_key, `batch_id=${batchId}`, 3);
    expect(contacts.sort()).toEqual(['+14155552671', '+33612345678', 'garbage']);
    const bodies = at('/lookup-batch').map(json);
    expect(bodies.every((b) => b.batch_id === batchId)).toBe(true);
    expect(new Set(bodies.map((b) => b.request_id)).size).toBe(3);
    const batch = (await t.api(api_key, 'GET', `/api/v1/batch/${batchId}`)).json();
    expect(batch.webhook_sent_at).toBeNull(); // per-item callbacks; no completion body in this format
  });
});

describe('account events (format events)', () => {
  // The account events documentation's snippet, verbatim.
  function verifyWebhookSignature(payload: string, signature: string, secret: string): boolean {
    const expectedSignature = crypto.createHmac('sha256', secret).update(payload).digest('hex');
    return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expectedSignature));
  }

  it("validation.completed and batch events verify with the documented snippet, in the endpoint's signature_header", async () => {
    const { api_key } = await t.createAccount(100);
    const verdicts: boolean[] = [];
    const events: any[] = [];
    let secret = '';
    routesOf.set('/events', (raw) => {
      // express.json() has parsed the body; the handler re-serialises it, as documented.
      const req = { headers: raw.headers, body: json(raw) };
      const signature = req.headers['x-khaleeji-signature'] as string;
      const isValid = verifyWebhookSignature(JSON.stringify(req.body), signature, secret);
      verdicts.push(isValid);
      if (!isValid) return { status: 401, body: JSON.stringify({ error: 'Invalid signature' }) };
      events.push(req.body);
      return { status: 200, body: JSON.stringify({ received: true }) };
    });
    const hook = await endpoint(api_key, {
      url: `${receiver.url}/events`,
      event_types: ['validation.completed', 'batch.completed'],
      format: 'events',
      signature_header: 'X-Khaleeji-Signature',
    });
    secret = hook.secret;
    await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678', '+1234'] });
    await t.api(api_key, 'POST', '/api/v1/validate', { email: 'Someone@@example.test' });
    await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+14155552671'] });
    await settled(api_key, `endpoint_id=${hook.endpoint_id}`, 4);
    expect(verdicts).toEqual([true, true, true, true]);
    const validations = events.filter((e) => e.type === 'validation.completed');
    expect(validations).toHaveLength(3);
    for (const e of events) {
      expect(e.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(typeof e.created).toBe('number');
    }
    const phones = validations.filter((e) => e.data.api === 'phone-validation');
    expect(phones).toHaveLength(2);
    expect(phones[0].data.request_id).toBe(phones[1].data.request_id); // one call, one request id
    expect(phones.map((e) => e.data.result.deliverability).sort()).toEqual(['DELIVERABLE', 'UNDELIVERABLE']);
    const email = validations.find((e) => e.data.api === 'email-validation');
    expect(email.data.result).toMatchObject({ is_valid: false, deliverability: 'UNDELIVERABLE' });
    expect(events.find((e) => e.type === 'batch.completed')?.data.status).toBe('completed');
    // Without the signature_header chosen, it is X-Signature; a tampered body does not verify.
    const [raw] = at('/events');
    const tampered = JSON.stringify({ ...json(raw as ReceivedRequest), type: 'batch.failed' });
    expect(verifyWebhookSignature(tampered, raw?.headers['x-khaleeji-signature'] as string, secret)).toBe(false);
  });
});

describe('verification-task webhooks (format verification)', () => {
  /** The documented receiver: sha256= over the raw body; data.job per email, data.stats + data.jobs at the end. */
  function verificationReceiver(path: string, secret: string) {
    const perItem: any[] = [];
    const completions: any[] = [];
    routesOf.set(path, (req) => {
      const expected = `sha256=${crypto.createHmac('sha256', secret).update(req.body).digest('hex')}`;
      const given = req.headers['x-webhook-signature'] ?? '';
      if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
        return { status: 401 };
      }
      const payload = json(req);
      if (payload.data.job) perItem.push({ payload, headers: req.headers });
      else if (payload.data.stats && payload.data.jobs) completions.push({ payload, headers: req.headers });
      return { status: 204 };
    });
    return { perItem, completions };
  }

  it('a batch with webhook_format verification sends data.job per item and data.stats + data.jobs at the end', async () => {
    const { api_key, account_id } = await t.createAccount(100);
    const seen = verificationReceiver('/verify', 'task-secret');
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', {
      emails: ['not an address', 'also@@bad'],
      webhook_url: `${receiver.url}/verify`,
      webhook_format: 'verification',
      webhook_secret: 'task-secret',
    });
    expect(res.statusCode, res.body).toBe(202);
    const batchId = res.json().batch_id as string;
    await waitFor(() => seen.perItem.length === 2 && seen.completions.length === 1, 20_000, 'verification webhooks missing');
    for (const { payload, headers } of [...seen.perItem, ...seen.completions]) {
      expect(payload).toMatchObject({ event_type: 'email_verification_completed', task_id: batchId });
      expect(payload.data).toMatchObject({ id: batchId, user_id: account_id, source: 'api' });
      expect(headers['user-agent']).toBe('EmailVerification/1.0');
      expect(headers['x-webhook-id']).toMatch(UUID);
      expect(Number(headers['x-webhook-timestamp'])).toBeGreaterThan(1.7e9);
    }
    const jobs = seen.perItem.map((p) => p.payload.data.job);
    expect(jobs.map((j) => j.email_address).sort()).toEqual(['also@@bad', 'not an address']);
    expect(jobs[0]).toMatchObject({ status: 'skipped', skipped: true, email: { status: 'invalid' } });
    expect(jobs[0].email.id).toMatch(UUID);
    const done = seen.completions[0].payload.data;
    expect(done.stats).toEqual({ total: 2, pending: 0, processing: 0, completed: 2, failed: 0 });
    expect(done.jobs.map((j: any) => j.email_address)).toEqual(['not an address', 'also@@bad']);
    const ids = [...seen.perItem, ...seen.completions].map((p) => p.headers['x-webhook-id']);
    expect(new Set(ids).size).toBe(3); // a new id per delivery
  });

  it('an upload with webhook_format verification says source "upload"', async () => {
    const { api_key } = await t.createAccount(100);
    const seen = verificationReceiver('/verify-upload', 'upload-secret');
    const res = await sendUpload(t, api_key, 'phone\n+33612345678\n+14155552671\n', {
      query: { webhook_url: `${receiver.url}/verify-upload`, webhook_format: 'verification', webhook_secret: 'upload-secret' },
    });
    expect(res.statusCode, res.body).toBe(202);
    await waitFor(() => seen.perItem.length === 2 && seen.completions.length === 1, 20_000, 'verification webhooks missing');
    expect(seen.completions[0].payload.data).toMatchObject({ source: 'upload', stats: { total: 2, completed: 2 } });
    expect(seen.perItem.every((p) => p.payload.data.source === 'upload')).toBe(true);
  });

  it('a verification endpoint gets phone items as job.phone and the task completion', async () => {
    const { api_key } = await t.createAccount(100);
    const hookSecretHolder = { secret: '' };
    const hook = await endpoint(api_key, {
      url: `${receiver.url}/verify-endpoint`,
      event_types: ['batch.item.completed', 'batch.completed'],
      format: 'verification',
    });
    hookSecretHolder.secret = hook.secret;
    const seen = verificationReceiver('/verify-endpoint', hook.secret);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678', '+14155552671'] });
    const batchId = res.json().batch_id as string;
    await waitFor(() => seen.perItem.length === 2 && seen.completions.length === 1, 20_000, 'verification webhooks missing');
    expect(seen.perItem[0].payload.event_type).toBe('phone_verification_completed');
    expect(seen.perItem.map((p) => p.payload.data.job.phone.number).sort()).toEqual(['+14155552671', '+33612345678']);
    expect(seen.completions[0].payload).toMatchObject({ task_id: batchId, data: { stats: { total: 2, completed: 2 } } });
  });
});

describe('retry classes, schedules and overrides', () => {
  /** Makes an endpoint of `format` at `path` whose receiver answers `status` always; returns its deliveries once settled. */
  async function answeredWith(format: string, status: number, extra: object = {}) {
    const { api_key } = await t.createAccount(100);
    const path = `/classes-${format}-${status}-${crypto.randomUUID()}`;
    routesOf.set(path, () => ({ status }));
    const eventTypes = format === 'verification' ? ['batch.item.completed'] : ['validation.completed'];
    const hook = await endpoint(api_key, { url: `${receiver.url}${path}`, event_types: eventTypes, format, ...extra });
    if (format === 'verification') await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] });
    else await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' });
    const [delivery] = await settled(api_key, `endpoint_id=${hook.endpoint_id}`, 1);
    return delivery;
  }

  it('500 is retried for lookup, events and standard, not for verification; 503 is retried for all', async () => {
    const [lookup500, events500, standard500, verification500, verification400] = await Promise.all([
      answeredWith('lookup', 500),
      answeredWith('events', 500),
      answeredWith('standard', 500),
      answeredWith('verification', 500),
      answeredWith('verification', 400),
    ]);
    // WEBHOOK_RETRY_SCHEDULE=1s,1s: three attempts, then failed.
    for (const d of [lookup500, events500, standard500]) expect(d).toMatchObject({ status: 'failed', attempts: 3 });
    expect(verification500).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 500 });
    expect(verification400).toMatchObject({ status: 'failed', attempts: 1 });
    const all503 = await Promise.all(['lookup', 'events', 'standard', 'verification'].map((f) => answeredWith(f, 503)));
    for (const d of all503) expect(d).toMatchObject({ status: 'failed', attempts: 3, last_status_code: 503 });
  });

  it('a 201 is a failure for lookup only', async () => {
    const results = await Promise.all(['lookup', 'events', 'standard', 'verification'].map((f) => answeredWith(f, 201)));
    expect(results.map((d) => [d.status, d.attempts])).toEqual([
      ['failed', 3],
      ['succeeded', 1],
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
  });

  it("an endpoint's retry_schedule wins over WEBHOOK_RETRY_SCHEDULE, and its timeout_seconds over the format's", async () => {
    const d = await answeredWith('events', 500, { retry_schedule: ['1s'] });
    expect(d).toMatchObject({ status: 'failed', attempts: 2 });
    const { api_key } = await t.createAccount(100);
    routesOf.set('/slow', () => ({ delayMs: 2500 }));
    const hook = await endpoint(api_key, {
      url: `${receiver.url}/slow`,
      event_types: ['validation.completed'],
      timeout_seconds: 1,
      retry_schedule: [],
    });
    await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' });
    const [slow] = await settled(api_key, `endpoint_id=${hook.endpoint_id}`, 1);
    expect(slow).toMatchObject({ status: 'failed', attempts: 1 });
    expect(slow.last_error).toMatch(/^timeout: no complete answer within 1000 ms/);
  });
});

describe('extra headers stay secret', () => {
  it('values arrive at the receiver and never show in a read, the delivery log, an error or a log line', async () => {
    const { api_key } = await t.createAccount(100);
    const value = 'Bearer top-secret-4e1d2a';
    routesOf.set('/secret', (r) => ({ status: r.headers['x-api-token'] === value ? 500 : 200 }));
    const hook = await endpoint(api_key, {
      url: `${receiver.url}/secret`,
      event_types: ['validation.completed'],
      headers: { 'X-Api-Token': value },
      retry_schedule: [],
    });
    await t.api(api_key, 'POST', '/api/v1/validate', {
      phone: '+33612345678',
      webhook_url: `${receiver.url}/secret`,
      webhook_headers: { 'X-Api-Token': value },
    });
    const settledOnes = await settled(api_key, 'status=failed', 1);
    expect(at('/secret').every((r) => r.headers['x-api-token'] === value)).toBe(true);
    const reads = [
      await t.api(api_key, 'GET', `/api/v1/webhooks/endpoints/${hook.endpoint_id}`),
      await t.api(api_key, 'GET', '/api/v1/webhooks/endpoints'),
      await t.api(api_key, 'GET', '/api/v1/webhooks/deliveries'),
      await t.api(api_key, 'PATCH', `/api/v1/webhooks/endpoints/${hook.endpoint_id}`, { headers: { 'X-Api-Token': 'x y' } }),
      await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints', {
        url: `${receiver.url}/secret`,
        event_types: ['validation.completed'],
        headers: { 'X-Api-Token': `${value}\n` },
      }),
    ];
    for (const read of reads) expect(read.body).not.toContain('top-secret');
    expect(JSON.stringify(settledOnes)).not.toContain('top-secret');
    expect(t.logs.join('\n')).not.toContain('top-secret');
  });
});

describe('test events (POST /webhooks/endpoints/{id}/test)', () => {
  it('sends a real delivery in the endpoint format and answers with its attempt', async () => {
    const { api_key } = await t.createAccount(10);
    routesOf.set('/test-lookup', (r) => (r.headers.authorization === TOKEN ? { status: 200, body: 'thanks' } : { status: 401 }));
    const lookupHook = await endpoint(api_key, {
      url: `${receiver.url}/test-lookup`,
      event_types: ['validation.completed'],
      format: 'lookup',
      headers: { Authorization: TOKEN },
    });
    const sent = await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${lookupHook.endpoint_id}/test`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'succeeded',
      attempt: { status_code: 200, error: null, response_body: 'thanks' },
    });
    const [arrived] = at('/test-lookup').map(json);
    expect(arrived).toMatchObject({ contact: '+14155552671', result_v1: { format: { e164: '+14155552671' } } });
    expect(arrived.webhook_id).toMatch(UUID);
    const logged = (await t.api(api_key, 'GET', `/api/v1/webhooks/deliveries/${sent.json().delivery_id}`)).json();
    expect(logged).toMatchObject({ status: 'succeeded', attempts: 1, attempt_log: [{ trigger: 'manual', status_code: 200 }] });

    routesOf.set('/test-verify', () => ({ status: 500, body: 'boom' }));
    const verifyHook = await endpoint(api_key, {
      url: `${receiver.url}/test-verify`,
      event_types: ['batch.completed'],
      format: 'verification',
    });
    const failed = (await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${verifyHook.endpoint_id}/test`)).json();
    expect(failed).toMatchObject({
      status: 'failed',
      event_type: 'batch.item.completed',
      attempt: { status_code: 500, response_body: 'boom' },
    });
    const task = json(at('/test-verify')[0] as ReceivedRequest);
    expect(task).toMatchObject({
      event_type: 'phone_verification_completed',
      data: { job: { phone: { number: '+14155552671' } } },
    });
    const expected = `sha256=${crypto
      .createHmac('sha256', verifyHook.secret)
      .update((at('/test-verify')[0] as ReceivedRequest).body)
      .digest('hex')}`;
    expect(at('/test-verify')[0]?.headers['x-webhook-signature']).toBe(expected);

    const closed = await endpoint(api_key, { url: 'http://127.0.0.1:9/nobody', event_types: ['validation.completed'] });
    const refused = (await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${closed.endpoint_id}/test`)).json();
    expect(refused).toMatchObject({ status: 'failed', attempt: { status_code: null } });
    expect(refused.attempt.error).toMatch(/^connection_refused: /);
    // Not retried: the delivery stays failed.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.api(api_key, 'GET', `/api/v1/webhooks/deliveries/${refused.delivery_id}`)).json()).toMatchObject({
      status: 'failed',
      attempts: 1,
    });
    expect((await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints/we_00000000000000000000000000000000/test')).statusCode).toBe(
      404,
    );
  });
});

describe('the SDK checks each format', () => {
  it('verifies real deliveries of every format and refuses tampered ones', async () => {
    const sdk = await import('../../../src/sdk/webhooks.js');
    const { api_key } = await t.createAccount(10);
    const made: Record<string, { secret: string; path: string }> = {};
    for (const format of ['standard', 'events', 'verification', 'lookup']) {
      const path = `/sdk-${format}`;
      const hook = await endpoint(api_key, {
        url: `${receiver.url}${path}`,
        event_types: [format === 'verification' ? 'batch.completed' : 'validation.completed'],
        format,
        ...(format === 'lookup' ? { headers: { Authorization: TOKEN } } : {}),
      });
      made[format] = { secret: hook.secret, path };
      const sent = await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${hook.endpoint_id}/test`);
      expect(sent.json().status).toBe('succeeded');
    }
    const req = (f: string) => at(made[f]?.path as string)[0] as ReceivedRequest;
    const secret = (f: string) => made[f]?.secret as string;
    const check = (f: 'standard' | 'events' | 'verification' | 'lookup', body: Buffer | string, extra: object = {}) =>
      sdk.verifyWebhook({ format: f, body, headers: req(f).headers, secret: secret(f), ...extra });
    for (const f of ['standard', 'events', 'verification'] as const) {
      expect(await check(f, req(f).body)).toEqual({ ok: true });
      expect(await check(f, `${req(f).body}x`)).toMatchObject({ ok: false });
    }
    expect(await check('verification', req('verification').body, { secret: 'wrong' })).toMatchObject({ ok: false });
    expect(await check('lookup', req('lookup').body, { expectedHeaders: { Authorization: TOKEN } })).toEqual({ ok: true });
    expect(await check('lookup', req('lookup').body, { expectedHeaders: { Authorization: `${TOKEN}x` } })).toMatchObject({
      ok: false,
    });
  });
});
