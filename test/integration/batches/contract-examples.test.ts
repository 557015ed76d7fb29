// The asynchronous examples of the phone batch API and of the email bulk and batch API, sent as written, answered field for field.
// The only change: webhook URLs point at .test names (delivery is tested with local receivers elsewhere).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { startDnsServer, type TestDnsServer } from '../../helpers/dns-server.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
let dns: TestDnsServer;
beforeAll(async () => {
  // The webhook URLs' names are answered by the test's DNS server (no delivery is made in this file).
  dns = await startDnsServer({ 'your-app.test': { A: ['127.0.0.1'] }, 'yourapp.test': { A: ['127.0.0.1'] } });
  t = await startTestApp({
    env: { PUBLIC_URL: 'https://sieve.example.test', DNS_SERVERS: dns.address, WEBHOOK_ALLOWED_CIDRS: '127.0.0.0/8' },
  });
});
afterAll(async () => {
  await t.close();
  await dns.close();
});

async function finish(key: string, id: string) {
  const worker = t.newWorker();
  await worker.start();
  try {
    await waitFor(async () => (await t.api(key, 'GET', `/api/v1/batch/${id}`)).json().status === 'completed', 30_000);
  } finally {
    await worker.stop(2000);
  }
  return (await t.api(key, 'GET', `/api/v1/batch/${id}`)).json();
}

describe('the phone batch API: async batch', () => {
  it('accepts the documented request body and answers its 202 and status fields', async () => {
    const { api_key } = await t.createAccount(10_000);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', {
      phones: ['+33612345678', '+14155552671', '0712345678'],
      country: 'FR',
      level: 'basic',
      webhook_url: 'https://your-app.test/webhooks/batch',
      webhook_secret: 'shared-secret-for-hmac',
    });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(
      ['batch_id', 'status', 'total', 'level', 'credits_charged', 'credits_remaining', 'webhook_configured', 'status_url'].sort(),
    );
    expect(body).toMatchObject({
      status: 'queued',
      total: 3,
      level: 'basic',
      credits_charged: 3,
      credits_remaining: 9997,
      webhook_configured: true,
    });
    expect(body.status_url).toBe(`https://sieve.example.test/api/v1/batch/${body.batch_id}`);

    const done = await finish(api_key, body.batch_id);
    for (const field of [
      'batch_id',
      'status',
      'total',
      'processed',
      'progress',
      'created_at',
      'started_at',
      'completed_at',
      'results',
    ]) {
      expect(done, field).toHaveProperty(field);
    }
    expect(done).toMatchObject({ status: 'completed', total: 3, processed: 3, progress: 1, has_webhook: true });
    expect(done.results[0]).toMatchObject({
      input: '+33612345678',
      valid: true,
      confidence: 'verified',
      line_type: 'mobile',
      carrier: 'SFR',
      country: { iso2: 'FR', code: 33 },
    });
    expect(done.results[1]).toMatchObject({
      input: '+14155552671',
      valid: true,
      confidence: 'likely',
      line_type: 'fixed_line_or_mobile',
    });
    // Read as French, as the document says; Google's metadata has no 07 1x range, so not valid (see docs).
    expect(done.results[2]).toMatchObject({ input: '0712345678', country: { iso2: 'FR', code: 33 } });
    expect(done.results[2].format.e164).toBe('+33712345678');
    expect(JSON.stringify(done)).not.toContain('shared-secret-for-hmac');
  });
});

describe('the email bulk and batch API: async batch', () => {
  it('accepts the documented request body (without SMTP here) and answers its fields', async () => {
    const { api_key } = await t.createAccount(2500);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-async', {
      emails: ['alice@example.test', 'bob@example.test'],
      webhook_url: 'https://yourapp.test/hook',
      webhook_secret: 'your-shared-secret',
    });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ status: 'queued', total: 2, credits_remaining: 2498, webhook_configured: true });
    expect(body.batch_id).toMatch(/^bat_[0-9a-f]{32}$/);
    const polled = (await t.api(api_key, 'GET', `/api/v1/batch/${body.batch_id}`)).json();
    expect(polled).toMatchObject({
      batch_id: body.batch_id,
      status: 'queued',
      total: 2,
      processed: 0,
      progress: 0,
      has_webhook: true,
      completed_at: null,
    });
  });
});
