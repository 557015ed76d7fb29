// The job queue: enqueued in the caller's transaction (all or nothing), picked up at once on commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/lib/logger.js';
import { type Job, JobQueue, type QueueDefinition } from '../../../src/queue/job-queue.js';
import { Worker } from '../../../src/worker/worker.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

const queues: QueueDefinition[] = [
  { name: 'test-work', retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
  { name: 'test-slow', retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 },
];
const silent = createLogger('silent');
/** The test's own queues and their payloads. */
type TestJobs = { 'test-work': { widget: string }; 'test-slow': { ms: number; tag: string } };

let store: TestStore;
let queue: JobQueue<TestJobs>;
beforeAll(async () => {
  store = await openTestStore();
  queue = new JobQueue<TestJobs>(store.db, { expireInSeconds: 60, maintenanceIntervalSeconds: 60, onError: () => {} });
  await queue.start(queues);
  await store.db.exec('create table widgets (id text primary key, done boolean not null default false)');
});
afterAll(async () => {
  await queue.stop();
  await store.close();
});

const jobCount = async (name: string, states = ['created', 'retry', 'active', 'completed', 'failed']) =>
  (
    await store.db.query<{ n: number }>('select count(*)::int as n from pgboss.job where name = $1 and state::text = any($2)', [
      name,
      states,
    ])
  ).rows[0]?.n;

describe('job queue', () => {
  it('a transaction that fails after enqueuing leaves neither rows nor a job', async () => {
    const before = await jobCount('test-work');
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query("insert into widgets (id) values ('w-rolled-back')");
        await queue.enqueue(tx, 'test-work', [{ widget: 'w-rolled-back' }]);
        expect(await tx.query("select 1 from widgets where id = 'w-rolled-back'")).toMatchObject({ rowCount: 1 });
        throw new Error('failure after enqueue');
      }),
    ).rejects.toThrow('failure after enqueue');
    expect((await store.db.query("select 1 from widgets where id = 'w-rolled-back'")).rowCount).toBe(0);
    expect(await jobCount('test-work')).toBe(before);
  });

  it('a committed enqueue is there with its rows, and a sleeping worker takes it at once (no poll)', async () => {
    // A poll interval of a minute: only the NOTIFY sent on commit can wake the worker in time.
    const worker = new Worker<TestJobs>(store.db, queue, { concurrency: 2, pollIntervalMs: 60_000 }, silent);
    const seen: string[] = [];
    worker.register({
      queue: 'test-work',
      async run(data) {
        seen.push(data.widget);
        await store.db.query('update widgets set done = true where id = $1', [data.widget]);
      },
    });
    await worker.start();
    try {
      // Let the worker make its first (empty) claim and go to sleep.
      await new Promise((r) => setTimeout(r, 300));
      const enqueuedAt = performance.now();
      await store.db.transaction(async (tx) => {
        await tx.query("insert into widgets (id) values ('w-1'), ('w-2')");
        await queue.enqueue(tx, 'test-work', [{ widget: 'w-1' }, { widget: 'w-2' }]);
      });
      await waitFor(async () => (await store.db.query('select 1 from widgets where done')).rowCount === 2, 10_000);
      console.log(
        `wake-up on ${store.db.kind}: two jobs done ${(performance.now() - enqueuedAt).toFixed(0)} ms after commit (poll interval 60 s)`,
      );
      expect(seen.sort()).toEqual(['w-1', 'w-2']);
      await waitFor(async () => (await jobCount('test-work', ['completed'])) === 2, 5000);
    } finally {
      await worker.stop(1000);
    }
  });

  it('a failing job is retried and its attempts counted; the last attempt is flagged', async () => {
    const worker = new Worker<TestJobs>(store.db, queue, { concurrency: 1, pollIntervalMs: 100 }, silent);
    const attempts: Array<{ retry: number; last: boolean }> = [];
    worker.register({
      queue: 'test-work',
      async run(_data, job: Job<TestJobs, 'test-work'>, ctx) {
        attempts.push({ retry: job.retryCount, last: ctx.lastAttempt });
        throw new Error('always fails');
      },
    });
    await worker.start();
    try {
      await store.db.transaction((tx) => queue.enqueue(tx, 'test-work', [{ widget: 'never' }]));
      await waitFor(() => attempts.length === 3, 15_000);
      await waitFor(async () => (await jobCount('test-work', ['failed'])) === 1, 5000);
      expect(attempts).toEqual([
        { retry: 0, last: false },
        { retry: 1, last: false },
        { retry: 2, last: true },
      ]);
    } finally {
      await worker.stop(1000);
    }
  });

  it('stop() lets a short job finish and releases a long one for retry', async () => {
    const worker = new Worker<TestJobs>(store.db, queue, { concurrency: 2, pollIntervalMs: 100 }, silent);
    const finished: string[] = [];
    const aborted: string[] = [];
    worker.register({
      queue: 'test-slow',
      async run(data, _job, ctx) {
        await new Promise<void>((resolve, reject) => {
          const onAbort = () => {
            clearTimeout(timer);
            aborted.push(data.tag);
            reject(new Error('shutting down'));
          };
          const timer = setTimeout(() => {
            ctx.signal.removeEventListener('abort', onAbort);
            resolve();
          }, data.ms);
          ctx.signal.addEventListener('abort', onAbort, { once: true });
        });
        finished.push(data.tag);
      },
    });
    await worker.start();
    await store.db.transaction((tx) =>
      queue.enqueue(tx, 'test-slow', [
        { ms: 200, tag: 'short' },
        { ms: 60_000, tag: 'long' },
      ]),
    );
    await waitFor(() => worker.inFlightCount() === 2, 10_000);
    await worker.stop(1500);
    expect(finished).toEqual(['short']);
    expect(aborted).toEqual(['long']);
    // Released, not lost and not failed: a fresh copy waits, its retries untouched.
    expect(await jobCount('test-slow', ['completed'])).toBe(2);
    expect(await jobCount('test-slow', ['failed', 'retry'])).toBe(0);
    const { rows } = await store.db.query<{ retry_count: number; data: { tag: string } }>(
      "select retry_count, data from pgboss.job where name = 'test-slow' and state = 'created'",
    );
    expect(rows).toEqual([{ retry_count: 0, data: { ms: 60_000, tag: 'long' } }]);
  });
});
