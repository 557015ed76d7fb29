// What a queue's jobs are run by: the domain module that owns a queue exports a handler, and a worker
// process runs it (src/worker).
import type { Job, PayloadMap } from './job-queue.js';
import type { JobPayloads } from './jobs.js';

export interface JobContext {
  /** Aborted when the process shuts down and the grace period is over: stop and let the job be retried. */
  signal: AbortSignal;
  /** True when this is the last attempt the queue will make. */
  lastAttempt: boolean;
}

/** Runs the jobs of queue `Q`. */
export interface JobHandler<Q extends keyof M & string, M extends PayloadMap = JobPayloads> {
  queue: Q;
  /** Jobs of this queue run at once in this process (defaults to the worker's concurrency). */
  concurrency?: number;
  run(data: M[Q], job: Job<M, Q>, ctx: JobContext): Promise<void>;
}

/** A handler of any one of the queues of `M`. */
export type AnyJobHandler<M extends PayloadMap = JobPayloads> = { [Q in keyof M & string]: JobHandler<Q, M> }[keyof M & string];
