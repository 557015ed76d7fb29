// The SDK's verifyWebhook against real deliveries of every format, received by a local receiver: account
// endpoints (standard, events), a batch's own callback (batch), and an upload's per-item callbacks with the
// webhook options uploads take (lookup with an Authorization header; verification, signed). Tampered bodies fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../src/sdk/webhooks.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { type HttpReceiver, type ReceivedRequest, startHttpReceiver } from '../../helpers/http-receiver.js';
import { batchEnded, sendUpload } from '../../helpers/uploads.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
let receiver: HttpReceiver;
beforeAll(async () => {
  receiver = await startHttpReceiver();
  t = await startTestApp({
    env: { WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_POLL_INTERVAL_MS: '100' },
  });
  await t.newWorker().start();
  await t.startDispatcher();
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const at = (path: string) => receiver.requests.filter((r) => r.url === path);
const arrived = (path: string, count: number) =>
  waitFor(() => at(path).length >= count, 30_000, `${count} deliveries at ${path}`);
const json = (r: ReceivedRequest) => JSON.parse(r.body.toString('utf8'));

async function checkAll(requests: ReceivedRequest[], input: Omit<Parameters<typeof verifyWebhook>[0], 'body' | 'headers'>) {
  for (const r of requests) {
    expect(await verifyWebhook({ ...input, body: r.body, headers: r.headers })).toEqual({ ok: true });
    const tampered = Buffer.concat([r.body, Buffer.from(' ')]);
    if (input.format !== 'lookup') {
      expect(await verifyWebhook({ ...input, body: tampered, headers: r.headers })).toMatchObject({ ok: false });
    }
  }
}

describe('verifyWebhook on real deliveries', () => {
  it('standard and events endpoints', async () => {
    const { api_key } = await t.createAccount(10);
    const standard = (
      await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints', {
        url: `${receiver.url}/standard`,
        event_types: ['batch.completed'],
      })
    ).json();
    const events = (
      await t.api(api_key, 'POST', '/api/v1/webhooks/endpoints', {
        url: `${receiver.url}/events`,
        event_types: ['batch.completed'],
        format: 'events',
      })
    ).json();
    expect(standard.secret).toMatch(/^whsec_/);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: ['+33612345678'] });
    expect(res.statusCode, res.body).toBe(202);
    await arrived('/standard', 1);
    await arrived('/events', 1);
    await checkAll(at('/standard'), { format: 'standard', secret: standard.secret });
    await checkAll(at('/events'), { format: 'events', secret: events.secret });
    expect(
      await verifyWebhook({
        format: 'standard',
        body: at('/standard')[0]!.body,
        headers: at('/standard')[0]!.headers,
        secret: events.secret,
      }),
    ).toMatchObject({
      ok: false,
    });
  });

  it("a batch's own callback (batch format, webhook_secret)", async () => {
    const { api_key } = await t.createAccount(10);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', {
      emails: ['someone@example.invalid'],
      smtp_check: false,
      webhook_url: `${receiver.url}/batch`,
      webhook_secret: 'batch-secret-1',
    });
    expect(res.statusCode, res.body).toBe(202);
    await arrived('/batch', 1);
    await checkAll(at('/batch'), { format: 'batch', secret: 'batch-secret-1' });
  });

  it('an upload with webhook_format lookup and webhook_headers: one call per item, with the header', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await sendUpload(t, api_key, 'name,phone\nA,+33612345678\nB,+14155552671\nC,+33 6 12 34 56 78\n', {
      query: {
        webhook_url: `${receiver.url}/upload-lookup`,
        webhook_format: 'lookup',
        webhook_headers: JSON.stringify({ Authorization: 'Bearer receiver-token-7' }),
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    await batchEnded(t, api_key, res.json().batch_id);
    await arrived('/upload-lookup', 2);
    const requests = at('/upload-lookup');
    expect(requests.map((r) => json(r).contact).sort()).toEqual(['+14155552671', '+33612345678']);
    await checkAll(requests, { format: 'lookup', expectedHeaders: { Authorization: 'Bearer receiver-token-7' } });
    expect(
      await verifyWebhook({
        format: 'lookup',
        body: requests[0]!.body,
        headers: requests[0]!.headers,
        expectedHeaders: { Authorization: 'Bearer other' },
      }),
    ).toMatchObject({
      ok: false,
    });
    // The header value is write-only: the batch and its deliveries never show it.
    const deliveries = await t.api(api_key, 'GET', `/api/v1/webhooks/deliveries?batch_id=${res.json().batch_id}`);
    expect(deliveries.body).not.toContain('receiver-token-7');
  });

  it('an upload with webhook_format verification: data.job per item, data.stats at the end, signed', async () => {
    const { api_key } = await t.createAccount(10);
    const res = await sendUpload(t, api_key, 'email\nann@example.invalid\nbob@example.invalid\n', {
      query: {
        smtp_check: false,
        webhook_url: `${receiver.url}/upload-verification`,
        webhook_format: 'verification',
        webhook_secret: 'task-secret-3',
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    await batchEnded(t, api_key, res.json().batch_id);
    await arrived('/upload-verification', 3);
    const bodies = at('/upload-verification').map(json);
    expect(bodies.filter((b) => b.data.job).length).toBe(2);
    expect(bodies.find((b) => b.data.stats)?.data).toMatchObject({ source: 'upload', stats: { total: 2 } });
    await checkAll(at('/upload-verification'), { format: 'verification', secret: 'task-secret-3' });
  });

  it('refuses upload webhook options that cannot work, before reading the file', async () => {
    const { api_key } = await t.createAccount(10);
    const noUrl = await sendUpload(t, api_key, 'phone\n+33612345678\n', { query: { webhook_format: 'lookup' } });
    expect([noUrl.statusCode, noUrl.json().error.details[0].field]).toEqual([422, 'query.webhook_format']);
    const badJson = await sendUpload(t, api_key, 'phone\n+33612345678\n', {
      query: { webhook_url: `${receiver.url}/x`, webhook_headers: '{"Authorization": 5}' },
    });
    expect([badJson.statusCode, badJson.json().error.details[0].field]).toEqual([422, 'query.webhook_headers']);
    const refused = await sendUpload(t, api_key, 'phone\n+33612345678\n', {
      query: { webhook_url: `${receiver.url}/x`, webhook_headers: JSON.stringify({ Host: 'evil.test' }) },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].field).toBe('query.webhook_headers.Host');
  });
});
