// The job queue: pg-boss 10 on the same database as everything else, reached through our own Db so that
// a job can be enqueued inside the transaction that writes the rows it refers to.
// pg-boss 10 only polls; Sieve wakes its workers itself with a NOTIFY sent in that same transaction,
// which PostgreSQL delivers only if the transaction commits.
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../db/db.js';
import type { JobPayloads, QueueDefinition } from './jobs.js';

export type { QueueDefinition };

export const WAKE_CHANNEL = 'sieve_jobs';
export const BOSS_SCHEMA = 'pgboss';
const INSTALL_LOCK = 7_413_203; // arbitrary, constant: "sieve queue install"

/** A map from queue name to the payload type of its jobs. */
export type PayloadMap = { [queue: string]: object };

/** A claimed job of queue `Q`. */
export interface Job<M extends PayloadMap, Q extends keyof M & string> {
  id: string;
  name: Q;
  data: M[Q];
  retryCount: number;
  retryLimit: number;
}

export interface QueueOptions {
  expireInSeconds: number;
  maintenanceIntervalSeconds: number;
  onError: (err: Error) => void;
}

/** pg-boss's `db` option: single statements with parameters, or several without (its own migrations). */
function bossDb(target: Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      return values && values.length > 0 ? target.query(text, values) : target.exec(text);
    },
  };
}

/** The queue, typed by the payloads of its queues (Sieve's own: JobPayloads). */
export class JobQueue<M extends PayloadMap = JobPayloads> {
  readonly boss: PgBoss;
  private readonly definitions = new Map<string, QueueDefinition>();
  /** Completions waiting to be written together, per queue. */
  private readonly completions = new Map<string, { ids: string[]; waiters: { resolve(): void; reject(err: unknown): void }[] }>();

  constructor(
    private readonly db: Db,
    private readonly options: QueueOptions,
  ) {
    this.boss = new PgBoss({
      db: bossDb(db),
      schema: BOSS_SCHEMA,
      supervise: true,
      schedule: false,
      migrate: true,
      expireInSeconds: options.expireInSeconds,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    });
    this.boss.on('error', (err: Error) => options.onError(err));
  }

  /** Installs or upgrades pg-boss's schema and makes sure every queue exists with the given settings. */
  async start(definitions: QueueDefinition[]): Promise<void> {
    // Neither pg-boss's first install nor its queue creation (a table per queue) is safe when two processes
    // run them at once (a stale catalog, lock order): processes starting together take turns.
    await this.db.withLock(INSTALL_LOCK, async () => {
      await this.boss.start();
      await this.ensureQueues(definitions);
    });
  }

  private async ensureQueues(definitions: QueueDefinition[]): Promise<void> {
    // Dead-letter queues first: a queue's foreign key points at its dead-letter queue.
    const ordered = [...definitions].sort((a, b) => Number(Boolean(a.deadLetter)) - Number(Boolean(b.deadLetter)));
    for (const def of ordered) {
      this.definitions.set(def.name, def);
      const options = {
        name: def.name,
        retryLimit: def.retryLimit,
        retryDelay: def.retryDelay,
        retryBackoff: def.retryBackoff,
        expireInSeconds: def.expireInSeconds ?? this.options.expireInSeconds,
        ...(def.deadLetter ? { deadLetter: def.deadLetter } : {}),
      };
      const existing = await this.boss.getQueue(def.name);
      if (existing) {
        await this.boss.updateQueue(def.name, options);
        continue;
      }
      await this.boss.createQueue(def.name, options);
    }
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: false, close: false, wait: true, timeout: 1000 });
  }

  /**
   * Enqueues one job per payload on `tx` (the caller's transaction) and wakes the workers when it commits.
   * Payloads carry ids, never the data itself.
   */
  async enqueue<Q extends keyof M & string>(
    tx: Queryable,
    name: Q,
    payloads: M[Q][],
    options: { startAfter?: Date } = {},
  ): Promise<void> {
    if (payloads.length === 0) return;
    if (!this.definitions.has(name)) throw new Error(`unknown queue ${name}`);
    await this.boss.insert(
      payloads.map((data) => ({ name, data, ...(options.startAfter ? { startAfter: options.startAfter } : {}) })),
      { db: bossDb(tx) },
    );
    await tx.query('select pg_notify($1, $2)', [WAKE_CHANNEL, name]);
  }

  /**
   * Claims up to `batchSize` jobs that are due for worker `holder` (its id in the workers table): the jobs and
   * the claims (job_claims) are written in one transaction, so a job is never held by nobody. Without a holder
   * (tests' bare workers) only pg-boss's expiry gives back a job whose worker vanished.
   */
  async fetch<Q extends keyof M & string>(name: Q, batchSize: number, holder?: string): Promise<Job<M, Q>[]> {
    type Fetched = PgBoss.JobWithMetadata<M[Q]>[];
    const jobs = holder
      ? await this.db.transaction(async (tx) => {
          const fetched = (await this.boss.fetch<M[Q]>(name, { batchSize, includeMetadata: true, db: bossDb(tx) })) as Fetched;
          if (fetched.length > 0) {
            // clock_timestamp(): when the claim was written, not when a slow transaction began.
            await tx.query(
              `insert into job_claims (job_id, queue, worker_id, claimed_at)
               select unnest($1::uuid[]), $2, $3, clock_timestamp()
               on conflict (job_id) do update set queue = excluded.queue, worker_id = excluded.worker_id, claimed_at = excluded.claimed_at`,
              [fetched.map((j) => j.id), name, holder],
            );
          }
          return fetched;
        })
      : ((await this.boss.fetch<M[Q]>(name, { batchSize, includeMetadata: true })) as Fetched);
    return (jobs ?? []).map((j) => ({
      id: j.id,
      name,
      data: j.data,
      retryCount: j.retryCount,
      retryLimit: j.retryLimit,
    }));
  }

  /**
   * Marks a job done. Jobs that finish together (they often do: they share one thread) are marked in one
   * statement: one completion per job would cost a query each.
   */
  complete(name: keyof M & string, id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let pending = this.completions.get(name);
      if (!pending) {
        pending = { ids: [], waiters: [] };
        this.completions.set(name, pending);
        setImmediate(() => {
          this.completions.delete(name);
          const { ids, waiters } = pending as { ids: string[]; waiters: { resolve(): void; reject(err: unknown): void }[] };
          this.boss.complete(name, ids).then(
            () => waiters.forEach((w) => w.resolve()),
            (err: unknown) => waiters.forEach((w) => w.reject(err)),
          );
        });
      }
      pending.ids.push(id);
      pending.waiters.push({ resolve, reject });
    });
  }

  /**
   * Gives back a job that was stopped by a shutdown, without using one of its retries: it is marked done
   * and a copy is queued, in one transaction, so it runs again (elsewhere, or here after the restart).
   */
  async release<Q extends keyof M & string>(job: Job<M, Q>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.enqueue(tx, job.name, [job.data]);
      await this.boss.complete(job.name, job.id, { released: true }, { db: bossDb(tx) });
    });
  }

  async fail(name: keyof M & string, id: string, error: { message: string }): Promise<void> {
    await this.boss.fail(name, id, { message: error.message });
  }

  /**
   * Puts back in the queue the jobs of claims that match `where` (SQL on job_claims `c`, parameters from $1),
   * as due now and without using one of their retries (pg-boss counts a retry when it fetches a job that has
   * started before: `started_on` is cleared). The claims are removed. Returns how many jobs went back.
   */
  private async putBack(where: string, params: unknown[]): Promise<number> {
    const { rowCount } = await this.db.query(
      `with released as (
         delete from job_claims c where ${where} returning c.job_id, c.queue
       )
       update ${BOSS_SCHEMA}.job j set state = 'retry', start_after = now(), started_on = null
       from released where j.name = released.queue and j.id = released.job_id and j.state = 'active'`,
      params,
    );
    return rowCount;
  }

  /** Jobs held by workers that are gone (no row in the workers table) go back to the queue. */
  releaseOrphans(): Promise<number> {
    return this.putBack('not exists (select 1 from workers w where w.id = c.worker_id)', []);
  }

  /**
   * Jobs `holder` claimed more than `graceSeconds` ago but is not running (`running`): their completion or failure
   * could not be written (the store was away). They go back to the queue: their results were written once, so
   * the next run finds them done and only completes the job.
   */
  releaseNotRunning(holder: string, running: { name: string; id: string }[], graceSeconds: number): Promise<number> {
    return this.putBack(
      `c.worker_id = $1 and not (c.job_id = any($2::uuid[])) and c.claimed_at < clock_timestamp() - make_interval(secs => $3)`,
      [holder, running.map((j) => j.id), graceSeconds],
    );
  }

  /**
   * Every running job goes back to the queue (the embedded store at start: the one process that could hold a
   * job is this one, just started, so every job still marked as running was held by a process that died).
   */
  async releaseAll(): Promise<number> {
    const { rowCount } = await this.db.query(
      `update ${BOSS_SCHEMA}.job set state = 'retry', start_after = now(), started_on = null where state = 'active'`,
    );
    await this.db.query('delete from job_claims');
    return rowCount;
  }

  /**
   * Marks `running` jobs as alive (a live worker's heartbeat): pg-boss's expiry counts from `started_on`, so a long
   * job of a live worker (a chunk waiting out greylisting) is never expired and taken from it.
   */
  async keepAlive(running: { name: string; id: string }[]): Promise<void> {
    if (running.length === 0) return;
    await this.db.query(
      `update ${BOSS_SCHEMA}.job j set started_on = now()
       from unnest($1::text[], $2::uuid[]) as r(name, id)
       where j.name = r.name and j.id = r.id and j.state = 'active'`,
      [running.map((j) => j.name), running.map((j) => j.id)],
    );
  }

  /** Wakes every worker's loops (jobs were put back). */
  async wakeWorkers(): Promise<void> {
    await this.db.query('select pg_notify($1, $2)', [WAKE_CHANNEL, '']);
  }

  /** Jobs waiting or running, per queue (for /metrics and the operator). */
  async depth(): Promise<Record<string, { queued: number; active: number }>> {
    const { rows } = await this.db.query<{ name: string; state: string; n: number }>(
      `select name, state::text as state, count(*)::int as n from ${BOSS_SCHEMA}.job
       where state in ('created', 'retry', 'active') group by name, state`,
    );
    const out: Record<string, { queued: number; active: number }> = {};
    for (const name of this.definitions.keys()) out[name] = { queued: 0, active: 0 };
    for (const row of rows) {
      out[row.name] ??= { queued: 0, active: 0 };
      const entry = out[row.name] as { queued: number; active: number };
      if (row.state === 'active') entry.active += row.n;
      else entry.queued += row.n;
    }
    return out;
  }
}
