// The worker loop: claims jobs for each registered queue, runs them with bounded concurrency, and sleeps
// until a NOTIFY says new jobs were committed (or the fallback poll interval passes, for due retries).
import { setMaxListeners } from 'node:events';
import type { Db } from '../db/db.js';
import { type Job, type JobQueue, WAKE_CHANNEL } from '../queue/job-queue.js';

export interface JobContext {
  /** Aborted when the process shuts down and the grace period is over: stop and let the job be retried. */
  signal: AbortSignal;
  /** True when this is the last attempt the queue will make. */
  lastAttempt: boolean;
}

export interface JobHandler<T = unknown> {
  queue: string;
  /** Jobs of this queue run at once in this process (defaults to the worker's concurrency). */
  concurrency?: number;
  run(data: T, job: Job<T>, ctx: JobContext): Promise<void>;
}

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface Lane {
  handler: JobHandler;
  concurrency: number;
  inFlight: Set<Promise<void>>;
  /** Set by a wake-up that arrives while the lane is not asleep, so it is not lost. */
  pending: boolean;
  resolveSleep: (() => void) | undefined;
  loop: Promise<void> | undefined;
}

function wake(lane: Lane): void {
  lane.pending = true;
  lane.resolveSleep?.();
}

export interface WorkerOptions {
  concurrency: number;
  pollIntervalMs: number;
}

export class Worker {
  private readonly lanes = new Map<string, Lane>();
  private readonly abort = new AbortController();
  private running = false;
  private unlisten: (() => Promise<void>) | undefined;
  /** Jobs finished (completed or failed) by this process, per queue: for tests and metrics. */
  readonly processed = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly options: WorkerOptions,
    private readonly log: WorkerLog,
  ) {
    // Every running job, and every SMTP connection waiting for a slot, listens to this one signal.
    setMaxListeners(0, this.abort.signal);
  }

  register<T>(handler: JobHandler<T>): void {
    if (this.running) throw new Error('register handlers before start()');
    this.lanes.set(handler.queue, {
      handler: handler as JobHandler,
      concurrency: handler.concurrency ?? this.options.concurrency,
      inFlight: new Set(),
      pending: false,
      resolveSleep: undefined,
      loop: undefined,
    });
  }

  async start(): Promise<void> {
    this.running = true;
    this.unlisten = await this.db.listen(WAKE_CHANNEL, (payload) => {
      if (payload === '') for (const lane of this.lanes.values()) wake(lane);
      else {
        const lane = this.lanes.get(payload);
        if (lane) wake(lane);
      }
    });
    for (const lane of this.lanes.values()) lane.loop = this.runLane(lane);
  }

  private async sleep(lane: Lane): Promise<void> {
    if (!lane.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollIntervalMs);
        function done() {
          clearTimeout(timer);
          lane.resolveSleep = undefined;
          resolve();
        }
        lane.resolveSleep = done;
      });
    }
    lane.pending = false;
  }

  private async runLane(lane: Lane): Promise<void> {
    const name = lane.handler.queue;
    while (this.running) {
      const free = lane.concurrency - lane.inFlight.size;
      let claimed = 0;
      lane.pending = false; // whatever is committed by now, this claim sees
      if (free > 0) {
        try {
          const jobs = await this.queue.fetch(name, free);
          claimed = jobs.length;
          for (const job of jobs) this.track(lane, job);
        } catch (err) {
          this.log.error({ err, queue: name }, 'could not claim jobs');
        }
      }
      // A full claim suggests more are waiting: go again at once if there is room; otherwise wait.
      if (!this.running || claimed === 0 || claimed < free || lane.inFlight.size >= lane.concurrency) {
        await this.sleep(lane);
      }
    }
  }

  private track(lane: Lane, job: Job<unknown>): void {
    const promise = this.execute(lane, job).finally(() => {
      lane.inFlight.delete(promise);
      this.processed.set(job.name, (this.processed.get(job.name) ?? 0) + 1);
      wake(lane); // a slot is free
    });
    lane.inFlight.add(promise);
  }

  private async execute(lane: Lane, job: Job<unknown>): Promise<void> {
    const ctx: JobContext = { signal: this.abort.signal, lastAttempt: job.retryCount >= job.retryLimit };
    try {
      await lane.handler.run(job.data, job, ctx);
    } catch (err) {
      if (this.abort.signal.aborted) {
        // Stopped by a shutdown, not failed: given back without using one of its retries.
        this.log.warn({ queue: job.name, job_id: job.id }, 'job stopped by shutdown; released to run again');
        await this.queue.release(job as Job<object>).catch((releaseErr: unknown) => {
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

  inFlightCount(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.inFlight.size;
    return n;
  }

  /**
   * Stops claiming, waits up to `graceMs` for running jobs to finish, then aborts the rest: an aborted
   * job is recorded as failed and retried by another worker (or this one after a restart).
   */
  async stop(graceMs: number): Promise<void> {
    if (!this.running) return;
    this.running = false;
    for (const lane of this.lanes.values()) wake(lane);
    await Promise.all([...this.lanes.values()].flatMap((l) => (l.loop ? [l.loop] : [])));
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
