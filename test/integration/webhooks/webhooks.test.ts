// Webhook delivery against real local receivers: batch callbacks verified by the batch APIs' own published snippets (Node,
// Python, PHP) and by the standardwebhooks library; retries, failure and manual retry, 410, timeouts,
// Retry-After, redirects; account endpoints, per-item events, usage thresholds, rotation, recovery.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { credit } from '../../../src/accounts/credits.js';
import { newId } from '../../../src/lib/ids.js';
import { runMaintenance } from '../../../src/worker/maintenance.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { type HttpReceiver, type ReceivedRequest, startHttpReceiver } from '../../helpers/http-receiver.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
let receiver: HttpReceiver;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sieve-hooks-'));

beforeAll(async () => {
  receiver = await startHttpReceiver();
  t = await startTestApp({
    env: {
      WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
      WEBHOOK_RETRY_SCHEDULE: '1s,1s',
      WEBHOOK_TIMEOUT_MS: '1500',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      RATE_LIMIT_ASYNC_PER_MINUTE: '1000',
    },
  });
  const worker = t.newWorker();
  await worker.start();
  await t.startDispatcher();
});
afterAll(async () => {
  await t.close();
  await receiver.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function submit(key: string, body: object) {
  const res = await t.api(key, 'POST', '/api/v1/validate-async', body);
  expect(res.statusCode).toBe(202);
  return res.json().batch_id as string;
}

const deliveries = async (key: string, query = '') =>
  (await t.api(key, 'GET', `/api/v1/webhooks/deliveries${query}`)).json().data as any[];

async function deliveryOf(key: string, batchId: string, status: string) {
  let found: any;
  await waitFor(
    async () => {
      found = (await deliveries(key, `?batch_id=${batchId}`)).find((d) => d.kind === 'callback' && d.status === status);
      return found !== undefined;
    },
    20_000,
    `no ${status} callback for ${batchId}`,
    50,
  );
  return found;
}

const requestsFor = (id: string) =>
  receiver.requests.filter(
    (r) => r.headers['x-phonevalidation-batch-id'] === id || r.headers['x-emailvalidation-batch-id'] === id,
  );

/** The phone batch API's Node.js verification snippet, as published. */
function phoneBatchNodeVerify(rawBody: Buffer, signatureHeader: string, secret: string): boolean {
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return crypto.timingSafeEqual(Buffer.from(signatureHeader), Buffer.from(expected));
}

/** The email bulk and batch API's Python snippet: exit 0 when the signature verifies. */
function emailBatchPythonVerify(request: ReceivedRequest, secret: string, header: string): boolean {
  const file = path.join(tmp, `${crypto.randomUUID()}.body`);
  fs.writeFileSync(file, request.body);
  const script = `
import hmac, hashlib, sys
raw = open(sys.argv[1], 'rb').read()
expected = 'sha256=' + hmac.new(sys.argv[2].encode(), raw, hashlib.sha256).hexdigest()
sys.exit(0 if hmac.compare_digest(expected, sys.argv[3]) else 1)`;
  try {
    execFileSync('python3', ['-c', script, file, secret, request.headers[header] ?? '']);
    return true;
  } catch {
    return false;
  }
}

const hasPhp = (() => {
  try {
    execFileSync('php', ['-v']);
    return true;
  } catch {
    return false;
  }
})();

/** The email bulk and batch API's PHP snippet (hash_hmac + hash_equals), with the raw body on stdin. */
function emailBatchPhpVerify(request: ReceivedRequest, secret: string, header: string): boolean {
  const script = `$raw = file_get_contents('php://stdin'); $sig = $argv[2];
$expect = 'sha256=' . hash_hmac('sha256', $raw, $argv[1]);
exit(hash_equals($expect, $sig) ? 0 : 1);`;
  try {
    execFileSync('php', ['-r', script, secret, request.headers[header] ?? ''], { input: request.body });
    return true;
  } catch {
    return false;
  }
}

describe('batch callbacks (the phone batch API, the email bulk and batch API)', () => {
  it('a phone batch POSTs its GET payload with the headers of the phone batch API; every published snippet and standardwebhooks verify it', async () => {
    const { api_key } = await t.createAccount(100);
    const secret = 'shared-secret-for-hmac';
    const id = await submit(api_key, {
      phones: ['+33612345678', '+14155552671'],
      webhook_url: `${receiver.url}/hook`,
      webhook_secret: secret,
    });
    const delivery = await deliveryOf(api_key, id, 'succeeded');
    const [request] = requestsFor(id);
    if (!request) throw new Error('no callback');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hook');
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'PhoneValidationAPI-Webhook/1.0',
      'x-phonevalidation-batch-id': id,
      'x-phonevalidation-event': 'batch.completed',
      'x-webhook-id': delivery.delivery_id,
      'webhook-id': delivery.delivery_id,
    });
    expect(request.headers['x-webhook-timestamp']).toBe(request.headers['webhook-timestamp']);
    const signature = request.headers['x-phonevalidation-signature'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);

    // The body is what GET /api/v1/batch/{id} answers (as it stood when the batch ended).
    const body = JSON.parse(request.body.toString('utf8'));
    const polled = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
    expect({ ...body, webhook_sent_at: polled.webhook_sent_at, webhook_status_code: polled.webhook_status_code }).toEqual(polled);
    expect(body).toMatchObject({ batch_id: id, status: 'completed', processed: 2, webhook_sent_at: null });
    expect(body.results.map((r: any) => r.input)).toEqual(['+33612345678', '+14155552671']);
    expect(polled.webhook_status_code).toBe(200);
    expect(polled.webhook_sent_at).not.toBeNull();

    expect(phoneBatchNodeVerify(request.body, signature, secret)).toBe(true);
    expect(emailBatchPythonVerify(request, secret, 'x-phonevalidation-signature')).toBe(true);
    if (hasPhp) expect(emailBatchPhpVerify(request, secret, 'x-phonevalidation-signature')).toBe(true);
    const wh = new Webhook(secret, { format: 'raw' });
    expect(wh.verify(request.body.toString('utf8'), request.headers)).toMatchObject({ batch_id: id });

    // A tampered body fails all of them.
    const tampered = Buffer.from(request.body.toString('utf8').replace('"completed"', '"complete"'));
    expect(phoneBatchNodeVerify(tampered, signature, secret)).toBe(false);
    expect(emailBatchPythonVerify({ ...request, body: tampered }, secret, 'x-phonevalidation-signature')).toBe(false);
    if (hasPhp) expect(emailBatchPhpVerify({ ...request, body: tampered }, secret, 'x-phonevalidation-signature')).toBe(false);
    expect(() => wh.verify(tampered.toString('utf8'), request.headers)).toThrow();
    // A delivery replayed ten minutes later fails the Standard Webhooks timestamp check.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 10 * 60_000);
      expect(() => wh.verify(request.body.toString('utf8'), request.headers)).toThrow(/timestamp/i);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an email batch uses the headers of the email bulk and batch API', async () => {
    const { api_key } = await t.createAccount(10);
    const id = await submit(api_key, {
      emails: ['not an address', 'also@@bad'],
      webhook_url: `${receiver.url}/email`,
      webhook_secret: 'your-shared-secret',
    });
    await deliveryOf(api_key, id, 'succeeded');
    const [request] = requestsFor(id);
    expect(request?.headers).toMatchObject({
      'user-agent': 'EmailValidationAPI-Webhook/1.0',
      'x-emailvalidation-event': 'batch.completed',
      'x-emailvalidation-batch-id': id,
    });
    expect(emailBatchPythonVerify(request as ReceivedRequest, 'your-shared-secret', 'x-emailvalidation-signature')).toBe(true);
    if (hasPhp)
      expect(emailBatchPhpVerify(request as ReceivedRequest, 'your-shared-secret', 'x-emailvalidation-signature')).toBe(true);
    const body = JSON.parse((request as ReceivedRequest).body.toString('utf8'));
    expect(body).toMatchObject({ batch_id: id, status: 'completed', processed: 2 });
    expect(body.results.map((r: any) => r.reason)).toEqual(['invalid_syntax', 'invalid_syntax']);
  });

  it('without a webhook_secret the callback carries ids and timestamps but no signature', async () => {
    const { api_key } = await t.createAccount(10);
    const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${receiver.url}/unsigned` });
    await deliveryOf(api_key, id, 'succeeded');
    const [request] = requestsFor(id);
    expect(request?.headers['x-phonevalidation-signature']).toBeUndefined();
    expect(request?.headers['webhook-signature']).toBeUndefined();
    expect(request?.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
  });
});

describe('retries', () => {
  it('500 twice then 200: delivered on the third attempt, with the same ids', async () => {
    const { api_key } = await t.createAccount(10);
    receiver.queue({ status: 500 }, { status: 500 });
    const id = await submit(api_key, {
      phones: ['+33612345678'],
      webhook_url: `${receiver.url}/flaky`,
      webhook_secret: 's3cret',
    });
    const delivery = await deliveryOf(api_key, id, 'succeeded');
    expect(delivery.attempts).toBe(3);
    expect(delivery.attempt_log.map((a: any) => a.status_code)).toEqual([500, 500, 200]);
    const seen = requestsFor(id);
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.delivery_id]));
    expect(new Set(seen.map((r) => r.headers['x-webhook-id']))).toEqual(new Set([delivery.delivery_id]));
    // Same body every time, so the `sha256=` body signature is the same; each attempt is signed with its own timestamp.
    expect(new Set(seen.map((r) => r.bodySha256)).size).toBe(1);
    expect(new Set(seen.map((r) => r.headers['x-phonevalidation-signature'])).size).toBe(1);
    for (const r of seen)
      expect(new Webhook('s3cret', { format: 'raw' }).verify(r.body.toString('utf8'), r.headers)).toBeTruthy();
  });

  it('500 forever: failed after the schedule, the batch stays completed; a manual retry succeeds once the receiver recovers', async () => {
    const failing = await startHttpReceiver({ fallback: { status: 500, body: 'down for maintenance' } });
    try {
      const { api_key } = await t.createAccount(10);
      const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${failing.url}/x` });
      const failed = await deliveryOf(api_key, id, 'failed');
      expect(failed.attempts).toBe(3); // the first attempt and the two of WEBHOOK_RETRY_SCHEDULE
      expect(failed.attempt_log.every((a: any) => a.trigger === 'scheduled' && a.status_code === 500)).toBe(true);
      expect(failed.attempt_log[0].response_body).toBe('down for maintenance');
      const batch = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
      expect(batch).toMatchObject({ status: 'completed', webhook_status_code: 500 });
      expect(batch.results).toHaveLength(1);

      failing.fallback({ status: 200 });
      const retried = await t.api(api_key, 'POST', `/api/v1/webhooks/deliveries/${failed.delivery_id}/retry`);
      expect(retried.statusCode).toBe(202);
      const ok = await deliveryOf(api_key, id, 'succeeded');
      expect(ok.attempts).toBe(4);
      expect(ok.attempt_log[3]).toMatchObject({ trigger: 'manual', status_code: 200 });
      expect((await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().webhook_status_code).toBe(200);
      const again = await t.api(api_key, 'POST', `/api/v1/webhooks/deliveries/${failed.delivery_id}/retry`);
      expect(again.statusCode).toBe(202); // a succeeded delivery can be sent again on purpose
    } finally {
      await failing.close();
    }
  });

  it('a receiver slower than WEBHOOK_TIMEOUT_MS is a timeout, retried', async () => {
    const slow = await startHttpReceiver({ fallback: { hang: true } });
    try {
      const { api_key } = await t.createAccount(10);
      const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${slow.url}/slow` });
      const failed = await deliveryOf(api_key, id, 'failed');
      expect(failed.attempt_log.map((a: any) => a.error?.split(':')[0])).toEqual(['timeout', 'timeout', 'timeout']);
      expect(failed.attempt_log.every((a: any) => a.status_code === null)).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('Retry-After is honoured: the next attempt is scheduled no sooner than the receiver asked', async () => {
    const busy = await startHttpReceiver();
    try {
      busy.queue({ status: 503, retryAfter: 3 });
      const { api_key } = await t.createAccount(10);
      const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${busy.url}/busy` });
      let pending: any;
      await waitFor(async () => {
        pending = (await deliveries(api_key, `?batch_id=${id}`)).find((d) => d.attempts === 1 && d.status === 'pending');
        return pending !== undefined;
      }, 10_000);
      const first = pending.attempt_log[0];
      expect(first.status_code).toBe(503);
      // Scheduled 3 s after the first attempt (the schedule alone said 1 s ± 20 %).
      expect(Date.parse(pending.next_attempt_at) - Date.parse(first.started_at)).toBeGreaterThanOrEqual(2900);
      const done = await deliveryOf(api_key, id, 'succeeded');
      expect(done.attempts).toBe(2);
    } finally {
      await busy.close();
    }
  });

  it('a redirect is not followed: it counts as a failed attempt and the other URL gets nothing', async () => {
    const target = await startHttpReceiver();
    const redirecting = await startHttpReceiver({ fallback: { redirectTo: `${target.url}/elsewhere` } });
    try {
      const { api_key } = await t.createAccount(10);
      const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${redirecting.url}/moved` });
      const failed = await deliveryOf(api_key, id, 'failed');
      expect(failed.attempt_log.map((a: any) => a.status_code)).toEqual([302, 302, 302]);
      expect(target.connections()).toBe(0);
    } finally {
      await redirecting.close();
      await target.close();
    }
  });
});

describe('account endpoints (account events)', () => {
  async function endpoint(key: string, eventTypes: string[], url = `${receiver.url}/events`) {
    const res = await t.api(key, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: eventTypes, description: 'test' });
    expect(res.statusCode).toBe(201);
    return res.json();
  }
  const eventsTo = (pathName: string) =>
    receiver.requests.filter((r) => r.url === pathName).map((r) => ({ request: r, event: JSON.parse(r.body.toString('utf8')) }));

  it('the secret is shown once; events come in the {id, type, created, data} envelope, signed for standardwebhooks', async () => {
    const { api_key } = await t.createAccount(100);
    const created = await endpoint(api_key, ['batch.started', 'batch.completed'], `${receiver.url}/ep1`);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const listed = await t.api(api_key, 'GET', '/api/v1/webhooks/endpoints');
    expect(listed.body).not.toContain(created.secret);
    expect(listed.json().data[0]).toMatchObject({
      endpoint_id: created.endpoint_id,
      event_types: ['batch.started', 'batch.completed'],
      enabled: true,
    });

    const id = await submit(api_key, { phones: ['+33612345678', '+33612345679'] });
    await waitFor(() => eventsTo('/ep1').length === 2, 20_000, 'batch events not delivered');
    const events = eventsTo('/ep1').map((e) => e.event);
    expect(events.map((e) => e.type).sort()).toEqual(['batch.completed', 'batch.started']);
    for (const { request, event } of eventsTo('/ep1')) {
      expect(event.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(typeof event.created).toBe('number');
      expect(event.data.batch_id).toBe(id);
      expect(new Webhook(created.secret).verify(request.body.toString('utf8'), request.headers)).toEqual(event);
      // The verification-task webhooks' header: HMAC of the body keyed with the secret as shown.
      expect(request.headers['x-webhook-signature']).toBe(
        `sha256=${crypto.createHmac('sha256', created.secret).update(request.body).digest('hex')}`,
      );
    }
    const completed = events.find((e) => e.type === 'batch.completed');
    expect(completed.data).toMatchObject({ status: 'completed', total: 2, processed: 2 });
    expect(completed.data.status_url).toContain(`/api/v1/batch/${id}`);
  });

  it('per-item events fire exactly once per item, for endpoints that opted in (verification-task webhooks and per-lookup callbacks shapes)', async () => {
    const { api_key } = await t.createAccount(100);
    await endpoint(api_key, ['batch.item.completed'], `${receiver.url}/items`);
    await endpoint(api_key, ['batch.completed'], `${receiver.url}/no-items`);
    const phones = ['+33612345678', '+14155552671', 'junk'];
    const id = await submit(api_key, { phones });
    await waitFor(
      () => eventsTo('/items').length === 3 && eventsTo('/no-items').length === 1,
      20_000,
      'item events not delivered',
    );
    // Nothing more arrives afterwards.
    await new Promise((r) => setTimeout(r, 300));
    const items = eventsTo('/items').map((e) => e.event);
    expect(items).toHaveLength(3);
    expect(items.every((e) => e.type === 'batch.item.completed' && e.data.batch_id === id)).toBe(true);
    expect(items.map((e) => e.data.seq).sort()).toEqual([0, 1, 2]);
    const fr = items.find((e) => e.data.seq === 0).data;
    expect(fr).toMatchObject({
      contact: '+33612345678',
      result_v1: { carrier: { carrier: 'SFR', number_type: 'mobile' }, country: { iso2: 'FR', iso3: 'FRA' } },
    });
    expect(fr.result.valid).toBe(true);

    const emails = await submit(api_key, { emails: ['bad address'] });
    await waitFor(() => eventsTo('/items').some((e) => e.event.data.batch_id === emails), 20_000);
    const job = eventsTo('/items').find((e) => e.event.data.batch_id === emails)?.event.data.job;
    expect(job).toMatchObject({ email_address: 'bad address', status: 'completed', email: { status: 'invalid' } });
  });

  it('usage.threshold fires once per crossing of 80, 90 and 100 % of the credits granted', async () => {
    const { api_key, account_id } = await t.createAccount(100);
    await endpoint(api_key, ['usage.threshold'], `${receiver.url}/usage-${account_id}`);
    const spend = async (n: number) => {
      const phones = Array.from(
        { length: n },
        (_, i) => `+3361${String(Date.now() % 100000).padStart(5, '0')}${String(i).padStart(2, '0')}`,
      );
      expect((await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones })).statusCode).toBe(200);
    };
    const crossings = () => eventsTo(`/usage-${account_id}`).map((e) => e.event.data.threshold);
    await spend(79);
    await spend(1); // 80 %
    await waitFor(() => crossings().length === 1, 10_000);
    await t.api(api_key, 'POST', '/api/v1/validate', { phone: '+33612345678' }); // 81 %: nothing new
    await spend(14); // 95 %: crosses 90
    await waitFor(() => crossings().length === 2, 10_000);
    await submit(api_key, { phones: ['+33600000001', '+33600000002', '+33600000003', '+33600000004', '+33600000005'] }); // 100 %
    await waitFor(() => crossings().length === 3, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(crossings()).toEqual([80, 90, 100]);
    const last = eventsTo(`/usage-${account_id}`).at(-1)?.event.data;
    expect(last).toMatchObject({ threshold: 100, used_percent: 100, credits_remaining: 0, allowance: 100 });
    // A refund brings credits back without re-arming the thresholds: spending them again tells nothing new.
    await t.store.db.transaction((tx) => credit(tx, account_id, 'refund', 30, 'test refund', null));
    await spend(15); // from 70 % to 85 % used
    await new Promise((r) => setTimeout(r, 300));
    expect(crossings()).toEqual([80, 90, 100]);
    // A grant sets a new allowance (the balance after it) and re-arms them.
    await t.admin('POST', `/admin/v1/accounts/${account_id}/credits`, { amount: 5 }); // balance 20 = the allowance
    await spend(16); // 80 % of 20
    await waitFor(() => crossings().length === 4, 10_000);
    expect(crossings().at(-1)).toBe(80);
  });

  it('410 Gone disables the endpoint and stops its deliveries; it can be enabled again', async () => {
    const gone = await startHttpReceiver({ fallback: { status: 410 } });
    try {
      const { api_key } = await t.createAccount(10);
      const ep = await endpoint(api_key, ['batch.completed'], `${gone.url}/gone`);
      await submit(api_key, { phones: ['+33612345678'] });
      let failed: any;
      await waitFor(async () => {
        failed = (await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}`)).find((d) => d.status === 'failed');
        return failed !== undefined;
      }, 10_000);
      expect(failed.attempts).toBe(1);
      const shown = (await t.api(api_key, 'GET', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).json();
      expect(shown).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('410') });
      // While disabled, no new deliveries are made for it.
      await submit(api_key, { phones: ['+33612345679'] });
      await new Promise((r) => setTimeout(r, 500));
      expect(await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}`)).toHaveLength(1);
      const enabled = (await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${ep.endpoint_id}/enable`)).json();
      expect(enabled.enabled).toBe(true);
    } finally {
      await gone.close();
    }
  });

  it('rotation: the new secret is shown once and both secrets sign during the grace period', async () => {
    const { api_key } = await t.createAccount(10);
    const ep = await endpoint(api_key, ['batch.completed'], `${receiver.url}/rotated`);
    const rotated = (await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${ep.endpoint_id}/rotate-secret`, {})).json();
    expect(rotated.secret).not.toBe(ep.secret);
    expect(Date.parse(rotated.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600_000);
    await submit(api_key, { phones: ['+33612345678'] });
    await waitFor(() => eventsTo('/rotated').length === 1, 10_000);
    const { request } = eventsTo('/rotated')[0] as { request: ReceivedRequest };
    expect(request.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(request.body.toString('utf8'), request.headers)).toBeTruthy();
    expect(new Webhook(ep.secret).verify(request.body.toString('utf8'), request.headers)).toBeTruthy();
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another key of 24 bytes!').toString('base64')}`).verify(
        request.body.toString('utf8'),
        request.headers,
      ),
    ).toThrow();
  });

  it('recover resends every failed delivery of an endpoint since a time; deletion cancels what is pending', async () => {
    const flaky = await startHttpReceiver({ fallback: { status: 500 } });
    try {
      const { api_key } = await t.createAccount(10);
      const ep = await endpoint(api_key, ['batch.completed'], `${flaky.url}/recover`);
      const since = new Date().toISOString();
      await submit(api_key, { phones: ['+33612345678'] });
      await submit(api_key, { phones: ['+33612345679'] });
      await waitFor(async () => (await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}&status=failed`)).length === 2, 20_000);
      flaky.fallback({ status: 204 });
      const recovered = await t.api(api_key, 'POST', `/api/v1/webhooks/endpoints/${ep.endpoint_id}/recover`, { since });
      expect(recovered.json()).toEqual({ endpoint_id: ep.endpoint_id, recovered: 2 });
      await waitFor(
        async () => (await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}&status=succeeded`)).length === 2,
        10_000,
      );
      expect((await t.api(api_key, 'DELETE', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).statusCode).toBe(200);
      expect((await t.api(api_key, 'GET', '/api/v1/webhooks/endpoints')).json().data).toEqual([]);
    } finally {
      await flaky.close();
    }
  });

  it('refuses endpoints and batch webhooks that point at forbidden addresses, and bad event types', async () => {
    const strict = await startTestApp({ env: {} });
    try {
      const { api_key } = await strict.createAccount(10);
      for (const url of [
        'http://127.0.0.1:1/x',
        'http://[::1]/x',
        'http://169.254.169.254/latest',
        'http://10.0.0.1/',
        'http://2130706433/',
      ]) {
        const res = await strict.api(api_key, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['batch.completed'] });
        expect([res.statusCode, res.json().error.code], url).toEqual([422, 'webhook_url_forbidden']);
        const batch = await strict.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'], webhook_url: url });
        expect([batch.statusCode, batch.json().error.code], url).toEqual([422, 'webhook_url_forbidden']);
      }
      const bad = await strict.api(api_key, 'POST', '/api/v1/webhooks/endpoints', {
        url: 'https://x.test/',
        event_types: ['batch.exploded'],
      });
      expect(bad.statusCode).toBe(422);
      expect((await strict.api(api_key, 'GET', '/api/v1/account')).json().credits_remaining).toBe(10);
    } finally {
      await strict.close();
    }
  });

  it('a deleted endpoint: its deliveries are cancelled, never sent as anything else, and cannot be retried', async () => {
    const parked = await startHttpReceiver({ fallback: { status: 500 } });
    try {
      const { api_key } = await t.createAccount(10);
      const other = await t.createAccount(10);
      const ep = (
        await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints', {
          url: `${parked.url}/parked`,
          event_types: ['batch.completed'],
        })
      ).json();
      await submit(api_key, { phones: ['+33612345678'] });
      let delivery: any;
      await waitFor(async () => {
        delivery = (await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}`))[0];
        // The first attempt has been answered (not only claimed: its request could still be on its way).
        return delivery?.attempt_log?.length >= 1;
      }, 10_000);
      // Another account's delete is a 404 and changes nothing.
      expect((await t.api(other.api_key, 'DELETE', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).statusCode).toBe(404);
      expect((await t.api(api_key, 'GET', `/api/v1/webhooks/deliveries/${delivery.delivery_id}`)).json().status).not.toBe(
        'cancelled',
      );
      expect((await t.api(api_key, 'DELETE', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).statusCode).toBe(200);
      const after = (await t.api(api_key, 'GET', `/api/v1/webhooks/deliveries/${delivery.delivery_id}`)).json();
      expect(after).toMatchObject({ status: 'cancelled', kind: 'endpoint', endpoint_id: null });
      const retry = await t.api(api_key, 'POST', `/api/v1/webhooks/deliveries/${delivery.delivery_id}/retry`);
      expect([retry.statusCode, retry.json().error.code]).toEqual([409, 'delivery_not_retryable']);
      const seen = parked.requests.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(parked.requests.length).toBe(seen);
      expect(receiver.requests.some((r) => r.headers['webhook-id'] === delivery.delivery_id)).toBe(false);
    } finally {
      await parked.close();
    }
  });

  it("another account's endpoints and deliveries are not found", async () => {
    const a = await t.createAccount(10);
    const b = await t.createAccount(10);
    const ep = await endpoint(a.api_key, ['batch.completed'], `${receiver.url}/mine`);
    expect((await t.api(b.api_key, 'GET', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).statusCode).toBe(404);
    expect((await t.api(b.api_key, 'DELETE', `/api/v1/webhooks/endpoints/${ep.endpoint_id}`)).statusCode).toBe(404);
    expect((await t.api(b.api_key, 'POST', `/api/v1/webhooks/endpoints/${ep.endpoint_id}/rotate-secret`, {})).statusCode).toBe(
      404,
    );
    expect((await t.api(b.api_key, 'POST', `/api/v1/webhooks/endpoints/${ep.endpoint_id}/enable`)).statusCode).toBe(404);
    const id = await submit(a.api_key, { phones: ['+33612345678'] });
    await waitFor(async () => (await deliveries(a.api_key, `?batch_id=${id}`)).length > 0, 10_000);
    const [delivery] = await deliveries(a.api_key, `?batch_id=${id}`);
    expect((await t.api(b.api_key, 'GET', `/api/v1/webhooks/deliveries/${delivery.delivery_id}`)).statusCode).toBe(404);
    expect((await t.api(b.api_key, 'POST', `/api/v1/webhooks/deliveries/${delivery.delivery_id}/retry`)).statusCode).toBe(404);
    expect(await deliveries(b.api_key)).toEqual([]);
  });
});

describe('scale and safety', () => {
  it("a slow receiver does not hold up another host's deliveries (per-host cap)", async () => {
    const capped = await startTestApp({
      env: {
        WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8',
        WEBHOOK_MAX_PER_HOST: '2',
        WEBHOOK_CONCURRENCY: '4',
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_POLL_INTERVAL_MS: '50',
      },
    });
    const slow = await startHttpReceiver({ host: '127.0.0.2', fallback: { delayMs: 3000 } });
    const fast = await startHttpReceiver({ host: '127.0.0.3' });
    try {
      const { api_key } = await capped.createAccount(100);
      const hook = (url: string) =>
        capped.api(api_key, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['batch.item.completed'] });
      expect((await hook(`${slow.url}/slow`)).statusCode).toBe(201);
      const phones = Array.from({ length: 8 }, (_, i) => `+3361234560${i}`);
      const worker = capped.newWorker();
      await worker.start();
      await capped.startDispatcher();
      await capped.api(api_key, 'POST', '/api/v1/validate-async', { phones });
      await waitFor(() => slow.openConnections() === 2, 10_000, 'slow receiver not reached');
      // Now a second host gets events while the slow one holds its two slots with six more waiting.
      expect((await hook(`${fast.url}/fast`)).statusCode).toBe(201);
      await capped.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33698765432', '+33698765431'] });
      await waitFor(() => fast.requests.length === 2, 10_000, 'the fast receiver waited behind the slow one');
      expect(slow.requests.length + slow.openConnections()).toBeLessThanOrEqual(4);
      expect(slow.openConnections()).toBeLessThanOrEqual(2);
      await worker.stop(1000);
    } finally {
      await capped.close();
      await slow.close();
      await fast.close();
    }
  });

  it('a 10,000-result batch callback arrives whole, as the GET body, streamed with its length', async () => {
    const { api_key } = await t.createAccount(10_000);
    const phones = Array.from({ length: 10_000 }, (_, i) => `+336${String(30_000_000 + i)}`);
    const id = await submit(api_key, { phones, webhook_url: `${receiver.url}/big`, webhook_secret: 'big-secret' });
    await deliveryOf(api_key, id, 'succeeded');
    const [request] = requestsFor(id);
    if (!request) throw new Error('no callback');
    expect(Number(request.headers['content-length'])).toBe(request.bodyLength);
    expect(phoneBatchNodeVerify(request.body, request.headers['x-phonevalidation-signature'] as string, 'big-secret')).toBe(true);
    const body = JSON.parse(request.body.toString('utf8'));
    expect(body.results).toHaveLength(10_000);
    expect(body.results.map((r: any) => r.input)).toEqual(phones);
  });

  it('a delivery claimed by a worker that died is sent again when its claim expires, with the same id', async () => {
    const { api_key } = await t.createAccount(10);
    const lost = await startHttpReceiver();
    try {
      lost.queue({ status: 200 });
      const ep = (
        await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints', { url: `${lost.url}/lost`, event_types: ['batch.completed'] })
      ).json();
      await submit(api_key, { phones: ['+33612345678'] });
      let delivery: any;
      await waitFor(async () => {
        delivery = (await deliveries(api_key, `?endpoint_id=${ep.endpoint_id}`))[0];
        return delivery?.status === 'succeeded';
      }, 10_000);
      // Play a worker that claimed it again and died: it stays 'sending' until its lease runs out.
      await t.store.db.query(
        "update webhook_deliveries set status = 'sending', locked_until = now() + interval '1 second', attempts = attempts + 1 where id = $1",
        [delivery.delivery_id],
      );
      await waitFor(() => lost.requests.length === 2, 10_000, 'the abandoned claim was not taken again');
      expect(lost.requests.map((r) => r.headers['webhook-id'])).toEqual([delivery.delivery_id, delivery.delivery_id]);
    } finally {
      await lost.close();
    }
  });

  it('retention removes events, deliveries and attempts older than RESULTS_TTL_DAYS, and keeps what is still being sent', async () => {
    const { api_key, account_id } = await t.createAccount(10);
    const id = await submit(api_key, { phones: ['+33612345678'], webhook_url: `${receiver.url}/old` });
    const sent = await deliveryOf(api_key, id, 'succeeded');
    // An event as old as that one, whose delivery is still pending (due tomorrow, so it is not sent here).
    const keptEvent = newId('evt');
    const kept = newId('msg');
    await t.store.db.transaction(async (tx) => {
      await tx.query(
        "insert into webhook_events (id, account_id, type, batch_id, payload) values ($1, $2, 'batch.completed', $3, null)",
        [keptEvent, account_id, id],
      );
      await tx.query(
        `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, batch_id, url, host, schedule, next_attempt_at)
         values ($1, $2, $3, 'batch.completed', 'callback', $4, $5, '127.0.0.1', '{1}', now() + interval '1 day')`,
        [kept, account_id, keptEvent, id, `${receiver.url}/old`],
      );
    });
    const deliveryIds = async () =>
      (
        await t.store.db.query<{ id: string }>('select id from webhook_deliveries where account_id = $1 order by id', [
          account_id,
        ])
      ).rows.map((r) => r.id);
    const attemptsOf = async (deliveryId: string) =>
      (
        await t.store.db.query<{ n: number }>('select count(*)::int as n from webhook_attempts where delivery_id = $1', [
          deliveryId,
        ])
      ).rows[0]?.n;
    const events = async () =>
      (await t.store.db.query<{ id: string }>('select id from webhook_events where account_id = $1', [account_id])).rows.map(
        (r) => r.id,
      );
    expect(await deliveryIds()).toEqual([sent.delivery_id, kept].sort());
    expect(await events()).toHaveLength(2);
    expect(await attemptsOf(sent.delivery_id)).toBeGreaterThanOrEqual(1);
    await runMaintenance(t.ctx, Date.now() + 10 * 86_400_000);
    expect(await deliveryIds()).toEqual([sent.delivery_id, kept].sort());
    await runMaintenance(t.ctx, Date.now() + 31 * 86_400_000);
    // The sent delivery went with its event and its attempts; the pending one and its event stay.
    expect(await deliveryIds()).toEqual([kept]);
    expect(await attemptsOf(sent.delivery_id)).toBe(0);
    expect(await events()).toEqual([keptEvent]);
  });
});
