// The job worker: a work loop per registered queue claims jobs and runs them with bounded concurrency, and
// sleeps until a NOTIFY says new jobs were committed (or the poll interval passes, for due retries).
import { setMaxListeners } from 'node:events';
import type { Db } from '../db/db.js';
import type { Logger } from '../lib/logger.js';
import { newId } from '../lib/ids.js';
import { WorkLoop } from '../lib/work-loop.js';
import { type Job, type JobQueue, type PayloadMap, WAKE_CHANNEL } from '../queue/job-queue.js';
import type { AnyJobHandler, JobContext, JobHandler } from '../queue/job-handler.js';
import type { JobPayloads } from '../queue/jobs.js';

export type { AnyJobHandler, JobContext, JobHandler };

interface Lane<M extends PayloadMap> {
  handler: AnyJobHandler<M>;
  concurrency: number;
  inFlight: Set<Promise<void>>;
  /** The jobs being run, by id. */
  running: Map<string, Job<M, keyof M & string>>;
  loop: WorkLoop;
}

export interface WorkerOptions {
  concurrency: number;
  pollIntervalMs: number;
}

export class Worker<M extends PayloadMap = JobPayloads> {
  /** This process's id in the workers table (src/worker/worker-liveness.ts); its claims carry it. */
  readonly id = newId('wrk');
  private readonly lanes = new Map<string, Lane<M>>();
  private readonly abort = new AbortController();
  private running = false;
  private unlisten: (() => Promise<void>) | undefined;
  /** Jobs finished (completed or failed) by this process, per queue: for tests and metrics. */
  readonly processed = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue<M>,
    private readonly options: WorkerOptions,
    private readonly log: Logger,
  ) {
    // Every running job, and every SMTP connection waiting for a slot, listens to this one signal.
    setMaxListeners(0, this.abort.signal);
  }

  register(handler: AnyJobHandler<M>): void {
    if (this.running) throw new Error('register handlers before start()');
    const lane: Lane<M> = {
      handler,
      concurrency: handler.concurrency ?? this.options.concurrency,
      inFlight: new Set(),
      running: new Map(),
      loop: new WorkLoop({
        name: `queue ${handler.queue}`,
        pollIntervalMs: this.options.pollIntervalMs,
        log: this.log,
        step: () => this.claim(lane),
      }),
    };
    this.lanes.set(handler.queue, lane);
  }

  async start(): Promise<void> {
    this.running = true;
    this.unlisten = await this.db.listen(WAKE_CHANNEL, (payload) => {
      if (payload === '') for (const lane of this.lanes.values()) lane.loop.wake();
      else this.lanes.get(payload)?.loop.wake();
    });
    for (const lane of this.lanes.values()) lane.loop.start();
  }

  private async claim(lane: Lane<M>) {
    const free = lane.concurrency - lane.inFlight.size;
    if (free <= 0 || !this.running) return {};
    const jobs = await this.queue.fetch(lane.handler.queue, free, this.id);
    for (const job of jobs) this.track(lane, job);
    // A full claim suggests more are waiting: go again at once if there is still room.
    return { again: jobs.length === free && lane.inFlight.size < lane.concurrency };
  }

  private track(lane: Lane<M>, job: Job<M, keyof M & string>): void {
    lane.running.set(job.id, job);
    const promise = this.execute(lane, job).finally(() => {
      lane.inFlight.delete(promise);
      lane.running.delete(job.id);
      this.processed.set(job.name, (this.processed.get(job.name) ?? 0) + 1);
      lane.loop.wake(); // a slot is free
    });
    lane.inFlight.add(promise);
  }

  private async execute(lane: Lane<M>, job: Job<M, keyof M & string>): Promise<void> {
    const ctx: JobContext = { signal: this.abort.signal, lastAttempt: job.retryCount >= job.retryLimit };
    const handler = lane.handler as JobHandler<keyof M & string, M>;
    try {
      await handler.run(job.data, job, ctx);
    } catch (err) {
      if (this.abort.signal.aborted) {
        // Stopped by a shutdown, not failed: given back without using one of its retries.
        this.log.warn({ queue: job.name, job_id: job.id }, 'job stopped by shutdown; released to run again');
        await this.queue.release(job).catch((releaseErr: unknown) => {
          this.log.error({ err: releaseErr, job_id: job.id }, 'could not release a job; it will run again when it expires');
        });
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.log.error({ err, queue: job.name, job_id: job.id, attempt: job.retryCount + 1 }, 'job failed');
      await this.queue.fail(job.name, job.id, { message }).catch((failErr: unknown) => {
        // The job stays claimed; it expires and is retried.
        this.log.error({ err: failErr, job_id: job.id }, 'could not record a job failure');
      });
      return;
    }
    await this.queue.complete(job.name, job.id).catch((err: unknown) => {
      this.log.error({ err, job_id: job.id }, 'could not record a job completion; it will run again when it expires');
    });
  }

  /** The jobs this process is running (claimed, not yet completed, failed or released). */
  runningJobs(): { name: string; id: string }[] {
    const out: { name: string; id: string }[] = [];
    for (const lane of this.lanes.values()) for (const job of lane.running.values()) out.push({ name: job.name, id: job.id });
    return out;
  }

  inFlightCount(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.inFlight.size;
    return n;
  }

  /**
   * Stops claiming, waits up to `graceMs` for running jobs to finish, then aborts the rest: an aborted
   * job is given back to the queue and runs again (elsewhere, or here after a restart).
   */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await Promise.all([...this.lanes.values()].map((l) => l.loop.stop()));
    const all = () => Promise.all([...this.lanes.values()].flatMap((l) => [...l.inFlight]));
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      all().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.log.warn({ in_flight: this.inFlightCount() }, 'grace period over: releasing running jobs for retry');
      this.abort.abort();
      await all();
    }
    await this.unlisten?.();
  }
}
