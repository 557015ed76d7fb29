// Asynchronous batches of phones: submit → worker → completed, with exact credits and result order;
// idempotency, rate limits, cancel and failure refunds, retention with a controllable clock, other accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired, ensurePartitions } from '../../../src/batches/batch-retention.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { onServer } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

let t: TestApp;
beforeAll(async () => {
  // Chunks of 500 phones: the cancel test below processes one chunk of a 1,500-phone batch by hand.
  t = await startTestApp({
    env: { RATE_LIMIT_ASYNC_PER_MINUTE: '1000', RATE_LIMIT_BULK_PER_MINUTE: '1000', BATCH_PHONE_CHUNK: '500' },
  });
});
afterAll(() => t.close());

const submit = (key: string, body: object, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/validate-async',
    headers: { authorization: `Bearer ${key}`, ...headers },
    payload: body,
  });
const status = async (key: string, id: string, query = '') => (await t.api(key, 'GET', `/api/v1/batch/${id}${query}`)).json();
const credits = async (key: string) => (await t.api(key, 'GET', '/api/v1/account')).json().credits_remaining as number;

async function runUntilDone(key: string, id: string, timeoutMs = 60_000) {
  const worker = t.newWorker();
  await worker.start();
  try {
    await waitFor(
      async () => ['completed', 'failed', 'cancelled'].includes((await status(key, id)).status),
      timeoutMs,
      `batch ${id} did not end`,
      50,
    );
  } finally {
    await worker.stop(5000);
  }
  return status(key, id);
}

/** 10,000 distinct, valid-looking French mobile numbers. */
const frenchMobiles = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => `+336${String(10_000_000 + offset + i).slice(-8)}`);

describe('a 10,000-phone batch', () => {
  it('goes from submitted to completed with exact counts, credits and result order', async () => {
    const { api_key } = await t.createAccount(12_000);
    const phones = frenchMobiles(10_000);
    const res = await submit(api_key, { phones, country: 'FR' });
    expect(res.statusCode).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({
      status: 'queued',
      total: 10_000,
      level: 'basic',
      credits_charged: 10_000,
      credits_remaining: 2000,
      webhook_configured: false,
    });
    expect(accepted.batch_id).toMatch(/^bat_[0-9a-f]{32}$/);
    expect(accepted.status_url).toMatch(new RegExp(`/api/v1/batch/${accepted.batch_id}$`));

    const queued = await status(api_key, accepted.batch_id);
    expect(queued).toMatchObject({
      status: 'queued',
      total: 10_000,
      processed: 0,
      progress: 0,
      started_at: null,
      completed_at: null,
      has_webhook: false,
    });
    expect(queued.results).toBeUndefined();

    const done = await runUntilDone(api_key, accepted.batch_id);
    expect(done).toMatchObject({
      status: 'completed',
      total: 10_000,
      processed: 10_000,
      progress: 1,
      credits_refunded: 0,
      error: null,
    });
    expect(Date.parse(done.started_at)).toBeLessThanOrEqual(Date.parse(done.completed_at));
    expect(done.results).toHaveLength(10_000);
    expect(done.results.map((r: any) => r.input)).toEqual(phones);
    expect(done.results.every((r: any) => r.valid && r.line_type === 'mobile')).toBe(true);
    expect(await credits(api_key)).toBe(2000);
    const { rows } = await t.store.db.query<{ n: number; distinct_seq: number }>(
      'select count(*)::int as n, count(distinct s)::int as distinct_seq from batch_results, unnest(seqs) as s where batch_id = $1',
      [accepted.batch_id],
    );
    expect(rows[0]).toEqual({ n: 10_000, distinct_seq: 10_000 });
    // Paging through the results.
    const page = await status(api_key, accepted.batch_id, '?offset=9990&limit=20');
    expect(page.results.map((r: any) => r.input)).toEqual(phones.slice(9990));
    expect(page.next_offset).toBeNull();
    const first = await status(api_key, accepted.batch_id, '?limit=3');
    expect(first.results.map((r: any) => r.input)).toEqual(phones.slice(0, 3));
    expect(first.next_offset).toBe(3);
  });
});

describe('deduplication', () => {
  it('counts and charges distinct items only: phones by their E.164 form, emails ignoring case', async () => {
    const { api_key } = await t.createAccount(10);
    const phones = (await submit(api_key, { phones: ['+33612345678', '+33612345678', '+33 6 12 34 56 78'] })).json();
    expect(phones).toMatchObject({ total: 1, credits_charged: 1 });
    const emails = (
      await submit(api_key, { emails: ['Ann@Example.test', 'Ann@EXAMPLE.TEST', 'ann@example.test', 'bob@example.test'] })
    ).json();
    expect(emails).toMatchObject({ total: 2, credits_charged: 2, credits_remaining: 7 });
  });
});

describe('results as CSV', () => {
  it('streams one row per item in input order, with flattened columns', async () => {
    const { api_key } = await t.createAccount(10);
    const phones = ['+33612345678', '+14155552671', '=cmd|calc', 'garbage, with "quotes"', 'back\\slash {braces} NULL'];
    const id = (await submit(api_key, { phones })).json().batch_id;
    await runUntilDone(api_key, id);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/batch/${id}/results.csv`,
      headers: { authorization: `Bearer ${api_key}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^seq,input,valid,confidence,reason,line_type,carrier,country_iso2,/);
    expect(lines).toHaveLength(6);
    // Stored and read back unchanged, whatever it holds.
    expect(lines[5]?.startsWith('4,back\\slash {braces} NULL,false')).toBe(true);
    expect(lines[1]).toMatch(/^0,\+33612345678,true,verified,,mobile,SFR,FR,FRA,33,France,/);
    expect(lines[3]?.startsWith("2,'=cmd|calc,false")).toBe(true);
    expect(lines[4]?.startsWith('3,"garbage, with ""quotes""",false')).toBe(true);
    const viaAccept = await t.app.inject({
      method: 'GET',
      url: `/api/v1/batch/${id}`,
      headers: { authorization: `Bearer ${api_key}`, accept: 'text/csv' },
    });
    expect(viaAccept.body).toBe(res.body);
  });
});

describe('idempotency', () => {
  it('the same key and body answer the first response and charge once; another body is a 409', async () => {
    const { api_key } = await t.createAccount(100);
    const body = { phones: ['+33612345678', '+33612345679'], country: 'FR' };
    const first = await submit(api_key, body, { 'idempotency-key': 'order-42' });
    const again = await submit(
      api_key,
      { country: 'FR', phones: ['+33612345678', '+33612345679'] },
      { 'idempotency-key': 'order-42' },
    );
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await credits(api_key)).toBe(98);
    const other = await submit(api_key, { phones: ['+33612345670'] }, { 'idempotency-key': 'order-42' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const { rows } = await t.store.db.query<{ n: number }>(
      'select count(*)::int as n from batches b join api_keys k on k.account_id = b.account_id where k.prefix = $1',
      [api_key.slice(0, 12)],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('concurrent requests with one key make one batch', async () => {
    const { api_key } = await t.createAccount(100);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => submit(api_key, { phones: ['+33612345678'] }, { 'idempotency-key': 'same' })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(202));
    expect(new Set(responses.map((r) => r.json().batch_id)).size).toBe(1);
    expect(await credits(api_key)).toBe(99);
  });

  it('a refused request (402) does not use up the key', async () => {
    const { api_key, account_id } = await t.createAccount(1);
    const body = { phones: ['+33612345678', '+33612345679'] };
    expect((await submit(api_key, body, { 'idempotency-key': 'k' })).statusCode).toBe(402);
    await t.admin('POST', `/admin/v1/accounts/${account_id}/credits`, { amount: 5 });
    expect((await submit(api_key, body, { 'idempotency-key': 'k' })).statusCode).toBe(202);
  });
});

describe('rate limits', () => {
  it('refuses past the limit with 429, Retry-After and RateLimit headers, per key', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_ASYNC_PER_MINUTE: '3', RATE_LIMIT_BULK_PER_MINUTE: '2' } });
    try {
      const a = await limited.createAccount(100);
      const b = await limited.createAccount(100);
      const post = (key: string, url: string, body: object) =>
        limited.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}` }, payload: body });
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await post(a.api_key, '/api/v1/validate-async', { phones: ['+33612345678'] }));
      expect(results.map((r) => r.statusCode)).toEqual([202, 202, 202, 429]);
      expect(results[0]?.headers['ratelimit-limit']).toBe('3');
      expect(results[0]?.headers['ratelimit-remaining']).toBe('2');
      const refused = results[3] as (typeof results)[number];
      expect(refused.json().error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(120);
      // Refused requests are not charged and not counted against the key.
      expect((await limited.api(a.api_key, 'GET', '/api/v1/account')).json().credits_remaining).toBe(97);
      // Another key has its own allowance; the bulk endpoint has its own limit.
      expect((await post(b.api_key, '/api/v1/validate-async', { phones: ['+33612345678'] })).statusCode).toBe(202);
      const bulk = [];
      for (let i = 0; i < 3; i++)
        bulk.push((await post(a.api_key, '/api/v1/validate-bulk', { phones: ['+33612345678'] })).statusCode);
      expect(bulk).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('exactly once', () => {
  it('two rounds of one chunk that overlap (a re-run beside the next round) count each item once', async () => {
    const { getBatch, writeResults } = await import('../../../src/batches/batch-repo.js');
    const { api_key } = await t.createAccount(10);
    const id = (await submit(api_key, { phones: ['+33612345671', '+33612345672', '+33612345673'] })).json().batch_id;
    const batch = await getBatch(t.store.db, id);
    if (!batch) throw new Error('no batch');
    const result = (seq: number) => ({ seq, json: JSON.stringify({ input: `item ${seq}` }) });
    const first = await t.store.db.transaction((tx) => writeResults(tx, batch, 0, 0, [result(0), result(1)]));
    expect(first).toMatchObject({ written: 2, batch: { processed: 2, status: 'processing' } });
    // Round 1 computed its items before round 0 committed, so it holds 0 and 1 again, and 2.
    const second = await t.store.db.transaction((tx) => writeResults(tx, batch, 0, 1, [result(0), result(1), result(2)]));
    expect(second).toMatchObject({ written: 1, batch: { processed: 3, status: 'completed' } });
    expect(second.fresh.map((r) => r.seq)).toEqual([2]);
    // And a round written twice counts once.
    const again = await t.store.db.transaction((tx) => writeResults(tx, batch, 0, 1, [result(2)]));
    expect(again).toMatchObject({ written: 0, batch: { processed: 3 } });
    const done = await status(api_key, id);
    expect(done.results.map((r: any) => r.input)).toEqual(['item 0', 'item 1', 'item 2']);
  });
});

describe('cancel and failure', () => {
  it('cancel refunds what was not processed; later chunk work is dropped', async () => {
    const { api_key } = await t.createAccount(2000);
    const id = (await submit(api_key, { phones: frenchMobiles(1500, 50_000) })).json().batch_id;
    // Process the first chunk only, by running its job by hand.
    const handler = t.ctx.jobHandlers.find((h) => h.queue === 'batch-chunk');
    const meta = { id: 'manual', name: 'batch-chunk' as const, data: { batchId: id, chunk: 0 }, retryCount: 0, retryLimit: 0 };
    await handler?.run({ batchId: id, chunk: 0 }, meta, { signal: new AbortController().signal, lastAttempt: false });
    expect((await status(api_key, id)).processed).toBe(500);

    const res = await t.api(api_key, 'POST', `/api/v1/batch/${id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', processed: 500, refunded: 1000, credits_refunded: 1000 });
    expect(await credits(api_key)).toBe(2000 - 1500 + 1000);
    // The remaining jobs run and change nothing.
    const after = await runUntilDone(api_key, id);
    expect(after).toMatchObject({ status: 'cancelled', processed: 500 });
    expect(after.results).toHaveLength(500);
    const again = await t.api(api_key, 'POST', `/api/v1/batch/${id}/cancel`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'batch_not_cancellable']);
    const ledger = (await t.api(api_key, 'GET', '/api/v1/account')).json().ledger;
    expect(ledger[0]).toMatchObject({ kind: 'refund', amount: 1000, reference: id });
  });

  it('a chunk that fails every attempt fails its batch, which is refunded automatically', async () => {
    const failing = await startTestApp({ env: { BATCH_CHUNK_RETRIES: '1', BATCH_CHUNK_RETRY_DELAY_SECONDS: '1' } });
    try {
      const { api_key } = await failing.createAccount(50);
      const id = (
        await failing.app.inject({
          method: 'POST',
          url: '/api/v1/validate-async',
          headers: { authorization: `Bearer ${api_key}` },
          payload: { phones: ['+33612345678', '+33612345679', '+33612345670'] },
        })
      ).json().batch_id;
      // Every attempt to write results fails in the database: a real failure on every attempt.
      await failing.store.db
        .exec(`create function sieve_test_fail() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$;
        create trigger sieve_test_fail before insert on batch_results for each row execute function sieve_test_fail();`);
      const worker = failing.newWorker();
      await worker.start();
      try {
        await waitFor(
          async () => (await failing.api(api_key, 'GET', `/api/v1/batch/${id}`)).json().status === 'failed',
          30_000,
          'batch did not fail',
        );
      } finally {
        await worker.stop(2000);
      }
      const batch = (await failing.api(api_key, 'GET', `/api/v1/batch/${id}`)).json();
      expect(batch).toMatchObject({ status: 'failed', processed: 0, credits_refunded: 3, error: { code: 'processing_failed' } });
      expect((await failing.api(api_key, 'GET', '/api/v1/account')).json().credits_remaining).toBe(50);
    } finally {
      await failing.close();
    }
  });
});

describe('retention', () => {
  it('drops a day of results once it is older than RESULTS_TTL_DAYS, and the batch answers 410', async () => {
    const { api_key } = await t.createAccount(10);
    const id = (await submit(api_key, { phones: ['+33612345678'] })).json().batch_id;
    await runUntilDone(api_key, id);
    const now = Date.now();
    expect(await purgeExpired(t.store.db, now + 29 * 86_400_000, 30)).toMatchObject({ purgedBatches: 0 });
    expect((await t.api(api_key, 'GET', `/api/v1/batch/${id}`)).statusCode).toBe(200);
    const report = await purgeExpired(t.store.db, now + 32 * 86_400_000, 30);
    expect(report.purgedBatches).toBeGreaterThanOrEqual(1);
    expect(report.droppedPartitions).toBeGreaterThanOrEqual(2); // its day's items and results
    const gone = await t.api(api_key, 'GET', `/api/v1/batch/${id}`);
    expect([gone.statusCode, gone.json().error.code]).toEqual([410, 'batch_expired']);
    const { rows } = await t.store.db.query<{ n: number }>('select count(*)::int as n from batch_results where batch_id = $1', [
      id,
    ]);
    expect(rows[0]?.n).toBe(0);
    const listed = (await t.api(api_key, 'GET', '/api/v1/batches')).json();
    expect(listed.data.find((b: any) => b.batch_id === id)?.expired).toBe(true);
    // New days keep getting their partitions.
    const later = now + 40 * 86_400_000;
    const day = new Date(later).toISOString().slice(0, 10).replace(/-/g, '');
    const exists = async () =>
      (await t.store.db.query<{ t: string | null }>('select to_regclass($1)::text as t', [`batch_results_p${day}`])).rows[0]?.t ??
      null;
    expect(await exists()).toBeNull();
    await ensurePartitions(t.store.db, later);
    expect(await exists()).toBe(`batch_results_p${day}`);
  });
});

describe('access and listing', () => {
  it("another account's batch is a 404 everywhere", async () => {
    const owner = await t.createAccount(10);
    const other = await t.createAccount(10);
    const id = (await submit(owner.api_key, { phones: ['+33612345678'] })).json().batch_id;
    for (const [method, url] of [
      ['GET', `/api/v1/batch/${id}`],
      ['GET', `/api/v1/batch/${id}/results.csv`],
      ['POST', `/api/v1/batch/${id}/cancel`],
    ] as const) {
      const res = await t.api(other.api_key, method, url);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'not_found']);
    }
    expect((await t.api(other.api_key, 'GET', '/api/v1/batches')).json().data).toEqual([]);
    expect((await t.api(owner.api_key, 'GET', `/api/v1/batch/bat_${'0'.repeat(32)}`)).statusCode).toBe(404);
  });

  it('lists newest first, by page and by status', async () => {
    const { api_key } = await t.createAccount(10);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await submit(api_key, { phones: [`+3361234567${i}`] })).json().batch_id);
    await t.api(api_key, 'POST', `/api/v1/batch/${ids[1]}/cancel`);
    const page1 = (await t.api(api_key, 'GET', '/api/v1/batches?limit=2')).json();
    expect(page1.data.map((b: any) => b.batch_id)).toEqual([ids[2], ids[1]]);
    const page2 = (await t.api(api_key, 'GET', `/api/v1/batches?limit=2&cursor=${page1.next_cursor}`)).json();
    expect(page2.data.map((b: any) => b.batch_id)).toEqual([ids[0]]);
    const cancelled = (await t.api(api_key, 'GET', '/api/v1/batches?status=cancelled')).json();
    expect(cancelled.data.map((b: any) => b.batch_id)).toEqual([ids[1]]);
  });
});

describe('bad input', () => {
  const tooMany = Array.from({ length: 10_001 }, (_, i) => `+3361${String(i).padStart(7, '0')}`);
  const cases: [string, object, string, string][] = [
    [{}, 'validation_failed', 'body'],
    [{ phones: ['+33612345678'], emails: ['a@b.test'] }, 'validation_failed', 'body'],
    [{ phones: [] }, 'validation_failed', 'body.phones'],
    [{ phones: '10,001 items' }, 'validation_failed', 'body.phones'],
    [{ phones: ['+33612345678', 7] }, 'validation_failed', 'body.phones[1]'],
    [{ phones: ['+33612345678'], webhook_url: 'ftp://example.test/hook' }, 'webhook_url_invalid', 'body.webhook_url'],
    [{ phones: ['+33612345678'], webhook_url: 'not a url' }, 'webhook_url_invalid', 'body.webhook_url'],
    [{ phones: ['+33612345678'], webhook_url: 'http://127.0.0.1:9/hook' }, 'webhook_url_forbidden', 'body.webhook_url'],
    [{ phones: ['+33612345678'], webhook_secret: 's' }, 'validation_failed', 'body.webhook_secret'],
    [{ phones: ['+33612345678'], priority: 'high' }, 'validation_failed', 'body.priority'],
    [{ phones: ['+33612345678'], level: 'hlr' }, 'level_not_supported', 'body.level'],
    [{ phones: ['+33612345678'], level: 'premium' }, 'validation_failed', 'body.level'],
    [{ phones: ['+33612345678'], smtp_check: true }, 'validation_failed', 'body.smtp_check'],
    [{ emails: ['a@b.test'], country: 'FR' }, 'validation_failed', 'body.country'],
  ].map(([body, code, field]) => [JSON.stringify(body).slice(0, 70), body as object, code as string, field as string]);
  it.each(cases)('%s → 422 %s naming %s, nothing charged', async (_name, body, code, field) => {
    const { api_key } = await t.createAccount(20_000);
    const res = await submit(api_key, (body as { phones?: unknown }).phones === '10,001 items' ? { phones: tooMany } : body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details[0].field).toBe(field);
    expect(await credits(api_key)).toBe(20_000);
  });

  it('402 when credits are short, and nothing is written', async () => {
    const { api_key, account_id } = await t.createAccount(2);
    const res = await submit(api_key, { phones: ['+33612345678', '+33612345679', '+33612345670'] });
    expect([res.statusCode, res.json().error.code]).toEqual([402, 'insufficient_credits']);
    const { rows } = await t.store.db.query<{ n: number }>('select count(*)::int as n from batches where account_id = $1', [
      account_id,
    ]);
    expect(rows[0]?.n).toBe(0);
    expect(await credits(api_key)).toBe(2);
  });
});

describe('rate-limit counters are shared by API processes', () => {
  // Needs a server: two processes cannot share the embedded store.
  it.skipIf(!onServer())('two API instances on one database draw from one allowance', async () => {
    const other = await startTestApp({ env: { RATE_LIMIT_BULK_PER_MINUTE: '3' }, shareStoreOf: t });
    const mine = await startTestApp({ env: { RATE_LIMIT_BULK_PER_MINUTE: '3' }, shareStoreOf: t });
    try {
      const { api_key } = await mine.createAccount(100);
      const codes = [];
      for (const app of [mine, other, mine, other])
        codes.push((await app.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678'] })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await other.close();
      await mine.close();
    }
  });

  it('with REDIS_URL the counters live in Redis, shared in the same way', async () => {
    const env = { RATE_LIMIT_BULK_PER_MINUTE: '2', REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const a = await startTestApp({ env });
    // On the server, a second API process on the same database and Redis.
    const b = t.store.url ? await startTestApp({ env, shareStoreOf: a }) : undefined;
    try {
      const { api_key } = await a.createAccount(100);
      const first = await a.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678'] });
      expect(first.statusCode).toBe(200);
      expect(first.headers['ratelimit-remaining']).toBe('1');
      expect((await a.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678'] })).statusCode).toBe(200);
      const third = await a.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678'] });
      expect([third.statusCode, third.json().error.code]).toEqual([429, 'rate_limited']);
      // Nothing about this key is in the database: the counts are in Redis.
      const { rows } = await a.store.db.query<{ n: number }>('select count(*)::int as n from rate_limit_windows');
      expect(rows[0]?.n).toBe(0);
      if (b) {
        // A second process on the same database and Redis sees the same count.
        const keyOnB = (await b.api(api_key, 'POST', '/api/v1/validate-bulk', { phones: ['+33612345678'] })).statusCode;
        expect(keyOnB).toBe(429);
      }
    } finally {
      await b?.close();
      await a.close();
    }
  });
});
