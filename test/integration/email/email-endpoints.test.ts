// Emails through the API: POST /validate, /validate-bulk (the email bulk and batch API's envelope, with the real concurrency)
// and asynchronous email batches (grouped by domain, greylisted addresses looked at again within the batch),
// against a local DNS server and local mail servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mxHost, startEmailWorld, type EmailWorld } from '../../helpers/email-world.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { waitFor } from '../../helpers/wait.js';

const MX_A = '127.0.0.41';
const MX_B = '127.0.0.42';

let world: EmailWorld;
let t: TestApp;

beforeAll(async () => {
  const zone = {
    ...mxHost('shop.test', MX_A),
    ...mxHost('grey.test', MX_B),
    'anything.test': { MX: [{ exchange: 'mx.grey.test', priority: 10 }] },
    // Only the batch test uses it: its MX look-ups are the batch's own.
    'later.test': { MX: [{ exchange: 'mx.grey.test', priority: 10 }] },
  };
  world = await startEmailWorld(zone, {
    [MX_A]: { mailboxes: ['ann@shop.test', 'bob@shop.test', 'info@shop.test', 'Case@shop.test'] },
    [MX_B]: {
      rcpt(address, { attempt }) {
        if (address.endsWith('@anything.test')) return 'accept';
        // Greylisting: the first attempt for an address is deferred, the next one accepted.
        if (address.startsWith('slow'))
          return attempt === 0 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : 'accept';
        return { code: 550, message: '5.1.1 No such user' };
      },
    },
  });
  t = await startTestApp({
    env: {
      ...world.env,
      SMTP_RETRY_AFTER_SECONDS: '1',
      GREYLIST_MAX_DELAY_SECONDS: '1',
      RATE_LIMIT_BULK_PER_MINUTE: '1000',
    },
  });
});
afterAll(async () => {
  await t?.close();
  await world?.close();
});

const peer = (address: string) => world.peers.at(address);

const credits = async (key: string) => (await t.api(key, 'GET', '/api/v1/account')).json().credits_remaining as number;

describe('POST /api/v1/validate (email)', () => {
  it('an existing mailbox is deliverable, with the SMTP evidence and the verification steps; one credit', async () => {
    const { api_key } = await t.createAccount(3);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', { email: 'ann@shop.test' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: 'ann@shop.test',
      valid: true,
      status: 'deliverable',
      reason: 'ok',
      mx: { host: 'mx.shop.test', address: MX_A },
      smtp: { code: 250 },
      verification_steps: [
        { step: 'syntax', status: 'completed' },
        { step: 'domain', status: 'completed' },
        { step: 'smtp', status: 'completed' },
      ],
    });
    expect(res.headers['x-credits-remaining']).toBe('2');
  });

  it('an unknown mailbox is undeliverable even for a role address; a bad address is a 200 with invalid_syntax, free', async () => {
    const { api_key } = await t.createAccount(3);
    expect((await t.api(api_key, 'POST', '/api/v1/validate', { email: 'nobody@grey.test' })).json()).toMatchObject({
      valid: false,
      status: 'undeliverable',
      reason: 'mailbox_not_found',
    });
    const bad = await t.api(api_key, 'POST', '/api/v1/validate', { email: 'not an address' });
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ valid: false, reason: 'invalid_syntax' });
    // Garbage is free: only the real address was charged.
    expect(bad.headers['x-credits-charged']).toBe('0');
    expect(await credits(api_key)).toBe(2);
  });

  it('smtp_check: false checks syntax and domain only; use_cache: true says when a result came from the cache', async () => {
    const { api_key } = await t.createAccount(5);
    const before = peer(MX_A).connections;
    const quick = (await t.api(api_key, 'POST', '/api/v1/validate', { email: 'bob@shop.test', smtp_check: false })).json();
    expect(quick.verification_steps).toContainEqual({ step: 'smtp', status: 'skipped' });
    expect(peer(MX_A).connections).toBe(before);
    const first = (await t.api(api_key, 'POST', '/api/v1/validate', { email: 'info@shop.test' })).json();
    const second = (await t.api(api_key, 'POST', '/api/v1/validate', { email: 'info@shop.test', use_cache: true })).json();
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.status).toBe(first.status);
  });

  it.each([
    [{ email: 42 }, 'body.email'],
    [{ email: 'a@b.test', smtp_check: 'yes' }, 'body.smtp_check'],
    [{ email: 'a@b.test', use_cache: 1 }, 'body.use_cache'],
    [{ email: 'a@b.test', phone: '+33612345678' }, 'body'],
    [{ email: 'a@b.test', country: 'FR' }, 'body.country'],
  ])('422 for %j naming %s', async (body, field) => {
    const { api_key } = await t.createAccount(1);
    const res = await t.api(api_key, 'POST', '/api/v1/validate', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].field).toBe(field);
    expect(await credits(api_key)).toBe(1);
  });
});

describe('POST /api/v1/validate-bulk (emails)', () => {
  it('deduplicates ignoring case, answers with the envelope of the email bulk and batch API with the real concurrency, in order', async () => {
    const { api_key } = await t.createAccount(10);
    const emails = ['ann@shop.test', 'Ann@SHOP.TEST', 'Case@shop.test', 'nobody@grey.test', 'x@anything.test', 'ann@shop.test'];
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', { emails, use_cache: false });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ batch_size: 6, processed: 4, credits_charged: 4, credits_remaining: 6 });
    expect(body.concurrency).toBeGreaterThanOrEqual(1);
    // One result per address, whatever its case: the first spelling seen.
    expect(body.results.map((r: any) => r.email)).toEqual([
      'ann@shop.test',
      'Case@shop.test',
      'nobody@grey.test',
      'x@anything.test',
    ]);
    // The test server, like most, matches mailboxes without regard to case.
    expect(body.results.map((r: any) => r.status)).toEqual(['deliverable', 'deliverable', 'undeliverable', 'risky']);
    expect(body.results[3].reason).toBe('catch_all');
  });

  it.each([
    [{ emails: [] }, 'body.emails'],
    [{ emails: ['a@b.test', null] }, 'body.emails[1]'],
    [{ emails: Array.from({ length: 201 }, (_, i) => `u${i}@shop.test`) }, 'body.emails'],
    [{ emails: ['a@b.test'], smtp_check: 'false' }, 'body.smtp_check'],
  ])('422 %#', async (body, field) => {
    const { api_key } = await t.createAccount(500);
    const res = await t.api(api_key, 'POST', '/api/v1/validate-bulk', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].field).toBe(field);
    expect(await credits(api_key)).toBe(500);
  });
});

describe('email batches', () => {
  it('group addresses by domain across the batch and look again at greylisted ones before settling', async () => {
    const { api_key } = await t.createAccount(100);
    // Interleaved domains: a job per domain group, whatever the order of the list.
    const emails = [
      'ann@shop.test',
      'slow1@later.test',
      'bob@shop.test',
      'slow2@later.test',
      'nobody@later.test',
      'ghost@shop.test',
    ];
    const accepted = await t.api(api_key, 'POST', '/api/v1/validate-async', { emails });
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json().batch_id;
    const worker = t.newWorker();
    await worker.start();
    try {
      await waitFor(
        async () => (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().status === 'completed',
        30_000,
        'email batch did not complete',
        100,
      );
    } finally {
      await worker.stop(2000);
    }
    const done = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
    expect(done).toMatchObject({ status: 'completed', total: 6, processed: 6, waiting: null });
    expect(done.results.map((r: any) => r.email)).toEqual(emails);
    expect(done.results.map((r: any) => r.status)).toEqual([
      'deliverable',
      'deliverable', // greylisted at first, accepted in the next round
      'deliverable',
      'deliverable',
      'undeliverable',
      'undeliverable',
    ]);
    // One MX look-up for later.test, asked by nothing before this batch, for all three of its addresses,
    // across both rounds (the second is answered by the worker's domain cache).
    expect(world.dns.count('later.test', 'MX')).toBe(1);
    // The three addresses of one domain make one chunk (a batch_items row per chunk).
    const { rows } = await t.store.db.query<{ chunks: number }>(
      'select count(*)::int as chunks from batch_items where batch_id = $1',
      [id],
    );
    expect(rows[0]?.chunks).toBe(1);
  });
});
