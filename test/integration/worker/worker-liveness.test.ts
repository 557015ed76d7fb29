// Worker liveness: the jobs and webhook deliveries of a worker that stopped heartbeating go back at once (and
// without using a retry), a live worker's long job is never expired and taken from it, and on the embedded
// store whatever was left running is put back when the next process starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/lib/logger.js';
import { JobQueue, type QueueDefinition } from '../../../src/queue/job-queue.js';
import { Worker } from '../../../src/worker/worker.js';
import { WorkerLiveness } from '../../../src/worker/worker-liveness.js';
import { onServer, openTestStore, type TestStore } from '../../helpers/store.js';
import { waitFor } from '../../helpers/wait.js';

// A short expiry and a pg-boss maintenance every second: without the heartbeat, a job running for 8 s expires.
const queues: QueueDefinition[] = [{ name: 'test-live', retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 3 }];
type TestJobs = { 'test-live': { tag: string; ms: number } };
const silent = createLogger('silent');
const LIVENESS = { heartbeatSeconds: 1, lostSeconds: 2 };

let store: TestStore;
let queue: JobQueue<TestJobs>;
beforeAll(async () => {
  store = await openTestStore();
  queue = new JobQueue<TestJobs>(store.db, { expireInSeconds: 3, maintenanceIntervalSeconds: 1, onError: () => {} });
  await queue.start(queues);
  await store.db.exec('create table runs (tag text not null, retry integer not null)');
});
afterAll(async () => {
  await queue.stop();
  await store.close();
});

const jobOf = async (tag: string) =>
  (
    await store.db.query<{ state: string; retry_count: number; started_on: Date | null; data: unknown }>(
      "select state::text as state, retry_count, started_on, data from pgboss.job where name = 'test-live' and data->>'tag' = $1",
      [tag],
    )
  ).rows[0];

/** A worker that records each run of a job, and the liveness of its process. */
function liveWorker() {
  const worker = new Worker<TestJobs>(store.db, queue, { concurrency: 2, pollIntervalMs: 200 }, silent);
  worker.register({
    queue: 'test-live',
    async run(data, job) {
      await store.db.query('insert into runs (tag, retry) values ($1, $2)', [data.tag, job.retryCount]);
      await new Promise((r) => setTimeout(r, data.ms));
    },
  });
  const liveness = new WorkerLiveness(store.db, queue, worker, LIVENESS, silent);
  return { worker, liveness };
}

/** Claims the one job due (it is due once its start time has passed). */
async function claim(holder: string) {
  let claimed = 0;
  await waitFor(async () => (claimed += (await queue.fetch('test-live', 1, holder)).length) === 1, 5000, 'nothing to claim');
}

/** A worker process that died an hour ago (its row was not refreshed since). */
async function deadWorker() {
  const dead = 'wrk_00000000000000000000000000dead';
  await store.db.query("insert into workers (id, host, pid, heartbeat_at) values ($1, 'gone', 1, now() - interval '1 hour')", [
    dead,
  ]);
  return dead;
}

/** A job claimed by a worker process that then died. */
async function claimedByDeadWorker(tag: string) {
  const dead = await deadWorker();
  await store.db.transaction((tx) => queue.enqueue(tx, 'test-live', [{ tag, ms: 0 }]));
  await claim(dead);
  expect((await jobOf(tag))?.data).toEqual({ tag, ms: 0 });
  expect((await jobOf(tag))?.state).toBe('active');
  return dead;
}

const runsOf = async (tag: string) =>
  (await store.db.query<{ retry: number }>('select retry from runs where tag = $1', [tag])).rows.map((r) => r.retry);

describe('worker liveness', () => {
  it("a dead worker's job is taken up by a live worker at its next heartbeat, without using a retry", async () => {
    const dead = await claimedByDeadWorker('orphan');
    const { worker, liveness } = liveWorker();
    await liveness.start();
    await worker.start();
    try {
      await waitFor(async () => (await jobOf('orphan'))?.state === 'completed', 20_000, 'orphan not run again');
      expect(await runsOf('orphan')).toEqual([0]);
      expect((await store.db.query('select 1 from workers where id = $1', [dead])).rowCount).toBe(0);
      expect((await store.db.query('select 1 from workers where id = $1', [worker.id])).rowCount).toBe(1);
    } finally {
      await worker.stop(1000);
      await liveness.stop();
    }
    // A stopped worker removes its own row: the others need not wait for it to go stale.
    expect((await store.db.query('select 1 from workers where id = $1', [worker.id])).rowCount).toBe(0);
  });

  it("a live worker's job that runs far beyond its expiry is never taken from it (run once, completed)", async () => {
    const { worker, liveness } = liveWorker();
    await liveness.start();
    await worker.start();
    try {
      await store.db.transaction((tx) => queue.enqueue(tx, 'test-live', [{ tag: 'long', ms: 8000 }]));
      await waitFor(async () => (await jobOf('long'))?.state === 'completed', 30_000, 'long job not completed');
      expect(await runsOf('long')).toEqual([0]);
    } finally {
      await worker.stop(1000);
      await liveness.stop();
    }
  });

  it("a dead worker's webhook delivery becomes due at once (its lease is not waited out)", async () => {
    const dead = await deadWorker();
    await store.db.exec(`
      insert into accounts (id, balance) values ('acc_live', 0);
      insert into webhook_events (id, account_id, type, payload) values ('evt_live', 'acc_live', 'batch.completed', '{}');`);
    await store.db.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, url, host, schedule, status, attempts, locked_until, claimed_by)
       values ('msg_live', 'acc_live', 'evt_live', 'batch.completed', 'endpoint', 'http://hooks.test/', 'hooks.test', '{1}',
               'sending', 1, now() + interval '1 hour', $1)`,
      [dead],
    );
    const { worker, liveness } = liveWorker();
    await liveness.start();
    try {
      const due = async () =>
        (await store.db.query("select 1 from webhook_deliveries where id = 'msg_live' and locked_until < now()")).rowCount === 1;
      await waitFor(due, 10_000, 'delivery not made due');
    } finally {
      await liveness.stop();
      await worker.stop(0);
    }
  });
});

describe.skipIf(onServer())('the embedded store at start', () => {
  it('puts back every job left running, whoever held it', async () => {
    await store.db.transaction((tx) => queue.enqueue(tx, 'test-live', [{ tag: 'left-running', ms: 0 }]));
    // Claimed by this very process's previous life: its row is fresh, as if it had died a moment ago.
    await claim('wrk_00000000000000000000000000prev');
    await store.db.query("insert into workers (id, host, pid) values ('wrk_00000000000000000000000000prev', 'here', 1)");
    expect((await jobOf('left-running'))?.state).toBe('active');
    const { worker, liveness } = liveWorker();
    await liveness.start();
    try {
      const job = await jobOf('left-running');
      expect(job?.state).toBe('retry');
      expect(job?.started_on).toBeNull();
      await worker.start();
      await waitFor(async () => (await jobOf('left-running'))?.state === 'completed', 20_000, 'job left running not run');
      expect(await runsOf('left-running')).toEqual([0]);
    } finally {
      await worker.stop(1000);
      await liveness.stop();
    }
  });
});
