// Worker liveness in the store. Each worker process keeps its row in `workers` fresh (a heartbeat), and every
// heartbeat also sweeps: workers not heard from for `lostSeconds` are deleted, and what they held (pg-boss jobs
// through job_claims, webhook deliveries through their `claimed_by`) is put back at once and the others woken.
// A live worker's jobs are never taken from it, however long they run: the heartbeat keeps them alive.
// On the embedded store the one process holds the store's lock, so whatever is marked running at start was
// held by a process that died: it is all put back before the worker starts.
import os from 'node:os';
import type { Db } from '../db/db.js';
import type { Logger } from '../lib/logger.js';
import { WorkLoop } from '../lib/work-loop.js';
import type { JobQueue, PayloadMap } from '../queue/job-queue.js';
import { releaseOrphanDeliveries, wakeDispatchers } from '../webhooks/webhook-deliveries.js';

export interface LivenessOptions {
  heartbeatSeconds: number;
  lostSeconds: number;
}

/** What the heartbeat needs of the process's job worker. */
export interface HeldJobs {
  readonly id: string;
  runningJobs(): { name: string; id: string }[];
}

/** What the heartbeat does with the queue (any queue catalogue). */
export type LivenessQueue = Pick<
  JobQueue<PayloadMap>,
  'releaseAll' | 'releaseOrphans' | 'releaseNotRunning' | 'keepAlive' | 'wakeWorkers'
>;

/** A job claimed this long ago that the worker no longer runs had its outcome lost: it is put back. */
const LOST_OUTCOME_GRACE_SECONDS = 30;

export class WorkerLiveness {
  private readonly loop: WorkLoop;
  private readonly lostSeconds: number;

  constructor(
    private readonly db: Db,
    private readonly queue: LivenessQueue,
    private readonly worker: HeldJobs,
    options: LivenessOptions,
    private readonly log: Logger,
  ) {
    this.lostSeconds = Math.max(options.lostSeconds, options.heartbeatSeconds * 2);
    this.loop = new WorkLoop({
      name: 'worker heartbeat',
      pollIntervalMs: options.heartbeatSeconds * 1000,
      maxBackoffMs: options.heartbeatSeconds * 1000,
      log,
      step: () => this.beat(),
    });
  }

  /** Registers this worker (and, on the embedded store, puts back everything left running); then heartbeats. */
  async start(): Promise<void> {
    if (this.db.kind === 'embedded') {
      await this.db.query('delete from workers');
      const jobs = await this.queue.releaseAll();
      const deliveries = await releaseOrphanDeliveries(this.db, { everyHolder: true });
      if (jobs + deliveries > 0) this.log.info({ jobs, deliveries }, 'work left running by the previous process put back');
    }
    await this.heartbeat();
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    // Gone at once rather than after lostSeconds: whatever this process still holds is put back by the others.
    await this.db.query('delete from workers where id = $1', [this.worker.id]).catch(() => {});
  }

  private async heartbeat(): Promise<void> {
    await this.db.query(
      `insert into workers (id, host, pid) values ($1, $2, $3)
       on conflict (id) do update set heartbeat_at = now()`,
      [this.worker.id, os.hostname(), process.pid],
    );
  }

  /** One heartbeat and one sweep. */
  private async beat(): Promise<void> {
    await this.heartbeat();
    const running = this.worker.runningJobs();
    await this.queue.keepAlive(running);
    const gone = await this.db.query<{ id: string }>(
      'delete from workers where heartbeat_at < now() - make_interval(secs => $1) returning id',
      [this.lostSeconds],
    );
    const jobs = await this.queue.releaseOrphans();
    const deliveries = await releaseOrphanDeliveries(this.db);
    const lost = await this.queue.releaseNotRunning(this.worker.id, running, LOST_OUTCOME_GRACE_SECONDS);
    if (jobs + lost > 0) await this.queue.wakeWorkers();
    if (deliveries > 0) await wakeDispatchers(this.db, deliveries);
    if (gone.rowCount + jobs + deliveries + lost > 0) {
      this.log.warn(
        { workers_gone: gone.rows.map((r) => r.id), jobs, deliveries, jobs_with_lost_outcome: lost },
        'work of stopped workers put back in the queue',
      );
    }
  }
}
