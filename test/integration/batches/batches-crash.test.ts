// Crash safety with real processes: a worker killed with SIGKILL in the middle of a batch loses nothing;
// the batch finishes (after a restart on the embedded store, by other workers on the server) with exactly
// one result per item and one charge. On the server, two workers share the rest of the batch.
import { describe, expect, it, vi } from 'vitest';
import { type SieveProcess, sieveProcesses } from '../../helpers/process.js';
import { onServer, openTestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

// Real processes: a first embedded start runs initdb, which a busy machine slows down many times over.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

const ADMIN_TOKEN = 'crash-test-admin-token-0123';
// Small chunks make the batch long enough to kill a worker in the middle of it; short expiry and
// maintenance make the abandoned chunk come back quickly.
const FAST_RECOVERY = {
  ADMIN_TOKEN,
  BATCH_PHONE_CHUNK: '100',
  JOB_EXPIRE_SECONDS: '3',
  QUEUE_MAINTENANCE_SECONDS: '1',
  WORKER_POLL_INTERVAL_MS: '200',
  WORKER_CONCURRENCY: '2',
};

const { start, tempDir } = sieveProcesses(FAST_RECOVERY);

async function call(url: string, method: string, pathName: string, key: string, body?: unknown) {
  const res = await fetch(`${url}${pathName}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const phones = Array.from({ length: 10_000 }, (_, i) => `+336${String(20_000_000 + i)}`);

async function submitBatch(url: string) {
  const account = (await call(url, 'POST', '/admin/v1/accounts', ADMIN_TOKEN, { credits: 10_000 })).body;
  const accepted = await call(url, 'POST', '/api/v1/validate-async', account.api_key, { phones });
  expect(accepted.status).toBe(202);
  return { key: account.api_key as string, accountId: account.account_id as string, batchId: accepted.body.batch_id as string };
}

/** Waits for the batch to make progress, then SIGKILLs `victim`; returns the progress last seen. */
async function killMidway(url: string, key: string, batchId: string, victim: SieveProcess) {
  let processed = 0;
  await waitFor(
    async () => {
      processed = (await call(url, 'GET', `/api/v1/batch/${batchId}?limit=1`, key)).body.processed;
      return processed > 0;
    },
    60_000,
    'no progress',
    10,
  );
  victim.proc.kill('SIGKILL');
  await victim.exited;
  return processed;
}

async function expectExactlyOnce(url: string, key: string, batchId: string) {
  await waitFor(
    async () => (await call(url, 'GET', `/api/v1/batch/${batchId}?limit=1`, key)).body.status === 'completed',
    90_000,
    'batch did not complete',
    100,
  );
  const done = (await call(url, 'GET', `/api/v1/batch/${batchId}`, key)).body;
  expect(done).toMatchObject({
    status: 'completed',
    total: 10_000,
    processed: 10_000,
    credits_charged: 10_000,
    credits_refunded: 0,
  });
  expect(done.results.map((r: { input: string }) => r.input)).toEqual(phones);
  const account = (await call(url, 'GET', '/api/v1/account?limit=200', key)).body;
  expect(account.credits_remaining).toBe(0);
  expect(account.ledger.filter((e: { reference: string }) => e.reference === batchId)).toEqual([
    expect.objectContaining({ kind: 'debit', amount: -10_000 }),
  ]);
}

describe.skipIf(onServer())('embedded store', () => {
  it('kill -9 mid-batch, restart: the batch completes, every item once, one charge', async () => {
    const dataDir = tempDir();
    const first = await start(['start'], { DATA_DIR: dataDir });
    const url1 = first.url as string;
    const { key, batchId } = await submitBatch(url1);
    const processedAtKill = await killMidway(url1, key, batchId, first);
    expect(processedAtKill).toBeLessThan(10_000);
    const second = await start(['start'], { DATA_DIR: dataDir });
    await expectExactlyOnce(second.url as string, key, batchId);
    expect(await second.stop()).toBe(0);
  });
});

describe.skipIf(!onServer())('PostgreSQL server', () => {
  it('kill -9 of a worker mid-batch; two other workers share the rest: no lost item, no duplicate, one charge', async () => {
    const store = await openTestStore();
    try {
      const env = { DATABASE_URL: store.url as string };
      const api = await start(['serve'], env);
      const url = api.url as string;
      const victim = await start(['worker'], env);
      const { key, batchId } = await submitBatch(url);
      const processedAtKill = await killMidway(url, key, batchId, victim);
      expect(processedAtKill).toBeLessThan(10_000);
      const [w1, w2] = await Promise.all([start(['worker'], env), start(['worker'], env)]);
      await expectExactlyOnce(url, key, batchId);
      const chunksBy = (p: SieveProcess) =>
        p
          .output()
          .split('\n')
          .filter((l) => l.includes('"chunk done"') && l.includes(batchId)).length;
      console.log(
        `chunks: killed worker ${chunksBy(victim)}, then ${chunksBy(w1)} and ${chunksBy(w2)}; processed at the kill: ${processedAtKill}`,
      );
      expect(chunksBy(w1)).toBeGreaterThan(0);
      expect(chunksBy(w2)).toBeGreaterThan(0);
      const { rows } = await store.db.query<{ n: number; d: number }>(
        'select count(*)::int as n, count(distinct s)::int as d from batch_results, unnest(seqs) as s where batch_id = $1',
        [batchId],
      );
      expect(rows[0]).toEqual({ n: 10_000, d: 10_000 });
      expect(await Promise.all([api.stop(), w1.stop(), w2.stop()])).toEqual([0, 0, 0]);
    } finally {
      await store.close();
    }
  });
});
