// What a batch shows while some of its items wait for a later round (greylisted addresses): how many, why and
// when they are tried next, in GET /api/v1/batch/{id} and in the batch list; nothing once they are settled or
// the batch ends. Against a local DNS server and local mail servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { mxHost, startEmailWorld, type EmailWorld } from '../../helpers/email-world.js';
import { waitFor } from '../../helpers/wait.js';

const MX_SHOP = '127.0.0.81';
const MX_GREY = '127.0.0.82';

let world: EmailWorld;
let t: TestApp;

beforeAll(async () => {
  world = await startEmailWorld(
    { ...mxHost('shop.test', MX_SHOP), ...mxHost('grey.test', MX_GREY) },
    {
      [MX_SHOP]: { mailboxes: ['ann@shop.test'] },
      // Greylisting that never lets go within the test: every attempt is deferred.
      [MX_GREY]: { rcpt: () => ({ code: 451, message: '4.7.1 Greylisted, try again later' }) },
    },
  );
  t = await startTestApp({
    env: { ...world.env, SMTP_RETRY_AFTER_SECONDS: '600', GREYLIST_MAX_DELAY_SECONDS: '600', GREYLIST_ROUNDS: '3' },
  });
});
afterAll(async () => {
  await t?.close();
  await world?.close();
});

describe('waiting items in the batch status', () => {
  it('greylisted addresses show as waiting, with the reason and the next attempt, until the batch ends', async () => {
    const { api_key } = await t.createAccount(10);
    const emails = ['ann@shop.test', 'slow1@grey.test', 'slow2@grey.test', 'slow3@grey.test'];
    const submitted = await t.api(api_key, 'POST', '/api/v1/validate-async', { emails });
    expect(submitted.statusCode).toBe(202);
    const id = submitted.json().batch_id;
    expect((await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().waiting).toBeNull();

    const before = Date.now();
    const worker = t.newWorker();
    await worker.start();
    try {
      await waitFor(
        async () => {
          const status = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
          return status.processed === 1 && status.waiting !== null;
        },
        30_000,
        'the greylisted addresses were not shown as waiting',
        100,
      );
      const status = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
      expect(status).toMatchObject({ status: 'processing', processed: 1, total: 4 });
      expect(status.waiting).toMatchObject({ items: 3, reason: 'greylisted' });
      // The next round is scheduled SMTP_RETRY_AFTER_SECONDS later (capped by GREYLIST_MAX_DELAY_SECONDS).
      const next = Date.parse(status.waiting.next_attempt_at);
      expect(next).toBeGreaterThanOrEqual(before + 599_000);
      expect(next).toBeLessThanOrEqual(Date.now() + 601_000);

      const listed = (await t.api(api_key, 'GET', '/api/v1/batches')).json().data.find((b: any) => b.batch_id === id);
      expect(listed.waiting).toEqual(status.waiting);

      // Cancelled: nothing waits any more.
      const cancelled = await t.api(api_key, 'POST', `/api/v1/batch/${id}/cancel`);
      expect(cancelled.statusCode).toBe(200);
      expect(cancelled.json().waiting).toBeNull();
      expect((await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().waiting).toBeNull();
    } finally {
      await worker.stop(2000);
    }
  });

  it('a batch with nothing to retry never shows anything waiting', async () => {
    const { api_key } = await t.createAccount(10);
    const submitted = await t.api(api_key, 'POST', '/api/v1/validate-async', { emails: ['ann@shop.test', 'bob@shop.test'] });
    const id = submitted.json().batch_id;
    const worker = t.newWorker();
    await worker.start();
    try {
      await waitFor(
        async () => (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().status === 'completed',
        30_000,
        'the batch did not complete',
        100,
      );
    } finally {
      await worker.stop(2000);
    }
    const done = (await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
    expect(done.waiting).toBeNull();
    const { rows } = await t.store.db.query<{ waiting: object }>('select waiting from batches where id = $1', [id]);
    expect(rows[0]?.waiting).toEqual({});
  });
});
