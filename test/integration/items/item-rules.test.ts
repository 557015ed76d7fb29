// The same two rules at every endpoint (validate, validate-bulk, validate-async, uploads): items are the same
// when they mean the same (a number's E.164 form with the request's country, an address ignoring case): one
// result and one credit; garbage (no number, no address at all) is answered with its reason and costs nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { batchEnded, credits, resultsCsv, sendUpload } from '../../helpers/uploads.js';
import type { Worker } from '../../../src/worker/worker.js';

let t: TestApp;
let worker: Worker;
beforeAll(async () => {
  t = await startTestApp({
    env: { RATE_LIMIT_ASYNC_PER_MINUTE: '1000', RATE_LIMIT_UPLOADS_PER_MINUTE: '1000', RATE_LIMIT_BULK_PER_MINUTE: '1000' },
  });
  worker = t.newWorker();
  await worker.start();
});
afterAll(async () => {
  await worker.stop(2000);
  await t.close();
});

const SPELLINGS = ['+33612345678', '+33 6 12 34 56 78', '0612345678'];
const JUNK = ['hello', 'n/a', '---'];

describe('phones', () => {
  it('validate: each spelling costs one credit (there is one item per call); junk costs none', async () => {
    const { api_key } = await t.createAccount(10);
    for (const phone of SPELLINGS) {
      const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone, country: 'FR' });
      expect([res.json().format.e164, res.headers['x-credits-charged']]).toEqual(['+33612345678', '1']);
    }
    for (const phone of JUNK) {
      const res = await t.api(api_key, 'POST', '/api/v1/validate', { phone });
      expect([res.json().reason, res.headers['x-credits-charged']]).toEqual(['not_a_number', '0']);
    }
    expect(await credits(t, api_key)).toBe(7);
  });

  it('validate-bulk: three spellings and junk are one result and one credit, plus free answers for the junk', async () => {
    const { api_key } = await t.createAccount(10);
    const body = (
      await t.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: [...SPELLINGS, ...JUNK], country: 'FR' })
    ).json();
    expect(body).toMatchObject({ batch_size: 6, processed: 4, credits_charged: 1, credits_remaining: 9 });
    expect(body.results.map((r: any) => [r.input, r.reason])).toEqual([
      ['+33612345678', null],
      ['hello', 'not_a_number'],
      ['n/a', 'not_a_number'],
      ['---', 'not_a_number'],
    ]);
  });

  it('validate-async: the same, and the junk is answered at once', async () => {
    const { api_key } = await t.createAccount(10);
    const accepted = (
      await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: [...JUNK, ...SPELLINGS, '+14155552671'], country: 'FR' })
    ).json();
    expect(accepted).toMatchObject({ status: 'queued', total: 5, credits_charged: 2, credits_remaining: 8 });
    const done = await batchEnded(t, api_key, accepted.batch_id);
    expect(done).toMatchObject({ status: 'completed', total: 5, processed: 5, credits_refunded: 0 });
    const all = (await t.api(api_key, 'GET', `/api/v1/batch/${accepted.batch_id}`)).json();
    expect(all.results.map((r: any) => r.input)).toEqual([...JUNK, '+33612345678', '+14155552671']);
    expect(all.results.map((r: any) => r.reason)).toEqual(['not_a_number', 'not_a_number', 'not_a_number', null, null]);
    // The clean list of an API batch.
    const clean = (await resultsCsv(t, api_key, accepted.batch_id, '?status=valid')).body.trimEnd().split('\r\n');
    expect(clean.slice(1).map((l) => l.split(',')[1])).toEqual(['+33612345678', '+14155552671']);
  });

  it('validate-async of junk alone: completed at once, free, with its answers', async () => {
    const { api_key } = await t.createAccount(1);
    const accepted = (await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: JUNK })).json();
    expect(accepted).toMatchObject({ status: 'completed', total: 3, credits_charged: 0, credits_remaining: 1 });
    const all = (await t.api(api_key, 'GET', `/api/v1/batch/${accepted.batch_id}`)).json();
    expect(all).toMatchObject({ status: 'completed', processed: 3, progress: 1 });
    expect(all.results.map((r: any) => r.input)).toEqual(JUNK);
  });

  it('a cancelled validate-async batch refunds only what was charged and not checked', async () => {
    await worker.stop(2000);
    try {
      const { api_key } = await t.createAccount(10);
      const accepted = (await t.api(api_key, 'POST', '/api/v1/validate-async', { phones: [...JUNK, '+33612345678'] })).json();
      expect(accepted).toMatchObject({ total: 4, credits_charged: 1 });
      const cancelled = (await t.api(api_key, 'POST', `/api/v1/batch/${accepted.batch_id}/cancel`)).json();
      expect(cancelled).toMatchObject({ status: 'cancelled', processed: 3, refunded: 1 });
      expect(await credits(t, api_key)).toBe(10);
    } finally {
      worker = t.newWorker();
      await worker.start();
    }
  });

  it('uploads: the duplicates and the junk rows are free, every row keeps its verdict', async () => {
    const { api_key } = await t.createAccount(10);
    const file = `phone\n${[...SPELLINGS, ...JUNK].join('\n')}\n`;
    const res = (await sendUpload(t, api_key, file, { query: { country: 'FR' } })).json();
    expect(res).toMatchObject({ total: 1, credits_charged: 1, upload: { rows: 6, distinct: 1, duplicates: 2, malformed: 3 } });
    await batchEnded(t, api_key, res.batch_id);
    const rows = (await resultsCsv(t, api_key, res.batch_id)).body.trimEnd().split('\r\n').slice(1);
    expect(rows.map((l) => l.split(',').slice(1, 3))).toEqual([
      ['valid', ''],
      ['duplicate', 'duplicate of row 1'],
      ['duplicate', 'duplicate of row 1'],
      ['malformed', 'not_a_number'],
      ['malformed', 'not_a_number'],
      ['malformed', 'not_a_number'],
    ]);
  });
});

describe('emails (garbage only: no DNS needed)', () => {
  it('validate, validate-bulk, validate-async and uploads answer invalid_syntax for free', async () => {
    const { api_key } = await t.createAccount(3);
    const single = await t.api(api_key, 'POST', '/api/v1/validate', { email: 'no at sign' });
    expect([single.json().reason, single.headers['x-credits-charged']]).toEqual(['invalid_syntax', '0']);
    const bulk = (await t.api(api_key, 'POST', '/api/v1/validate-bulk', { emails: ['a', 'b@', 'a'] })).json();
    expect(bulk).toMatchObject({ processed: 2, credits_charged: 0 });
    const batch = (await t.api(api_key, 'POST', '/api/v1/validate-async', { emails: ['x', 'y@@z'] })).json();
    expect(batch).toMatchObject({ status: 'completed', total: 2, credits_charged: 0 });
    const all = (await t.api(api_key, 'GET', `/api/v1/batch/${batch.batch_id}`)).json();
    expect(all.results.map((r: any) => [r.email, r.status, r.reason])).toEqual([
      ['x', 'undeliverable', 'invalid_syntax'],
      ['y@@z', 'undeliverable', 'invalid_syntax'],
    ]);
    const up = (await sendUpload(t, api_key, 'email\nnope\nstill nope\n', { query: { kind: 'email', column: 'email' } })).json();
    expect(up).toMatchObject({ status: 'completed', total: 0, credits_charged: 0, upload: { malformed: 2 } });
    expect(await credits(t, api_key)).toBe(3);
  });
});
