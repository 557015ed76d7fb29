// The jobs that do a batch's work. A chunk job checks the items of its chunk that have no result yet and
// writes their results; running it twice (a worker died, a job expired) writes each result once. Results
// computed after a batch was cancelled or failed are dropped. Greylisted addresses get more rounds later.
import { setMaxListeners } from 'node:events';
import type { Db } from '../db/db.js';
import type { Logger } from '../lib/logger.js';
import type { PhoneChecks } from '../phone/phone-pool.js';
import type { JobQueue } from '../queue/job-queue.js';
import { CHUNK_FAILED_QUEUE, CHUNK_QUEUE } from '../queue/jobs.js';
import type { JobHandler } from '../queue/job-handler.js';
import { endBatch } from './batch-cancel.js';
import type { BatchHooks } from './batch-hooks.js';
import type { BatchCancelWatch } from './batch-cancel-watch.js';
import { type ChunkWait, getBatch, isActive, markStarted, pendingItems, writeResults } from './batch-repo.js';

/** What the worker needs of the email engine. */
export interface EmailChecker {
  validateMany(
    emails: string[],
    options: { smtpCheck: boolean; useCache: boolean; signal?: AbortSignal; background?: boolean },
  ): Promise<{ results: Array<{ retry_after: number | null; reason?: string }>; concurrency: number }>;
}

export interface BatchWorkerDeps {
  db: Db;
  queue: JobQueue;
  email: EmailChecker;
  /** Phone checks (on worker threads); an item's own country (an upload's country column) comes before the batch's. */
  phones: PhoneChecks;
  log: Logger;
  /** Extra rounds for greylisted addresses, and the longest wait before one. */
  greylist: { rounds: number; maxDelaySeconds: number };
  hooks?: BatchHooks;
  /** Stops a chunk's SMTP probes when its batch ends elsewhere (cancelled, failed). */
  cancels?: BatchCancelWatch;
}

/** Rounds beyond GREYLIST_ROUNDS for addresses whose mail server paused us (throttled): its pauses end. */
const THROTTLED_ROUNDS = 20;
/** The longest wait before such a round (the longest pause). */
const THROTTLED_MAX_DELAY_SECONDS = 900;

export function chunkHandler(deps: BatchWorkerDeps): JobHandler<typeof CHUNK_QUEUE> {
  const { db, queue } = deps;
  return {
    queue: CHUNK_QUEUE,
    async run(job, _meta, ctx) {
      const round = job.round ?? 0;
      const batch = await getBatch(db, job.batchId);
      if (!batch || batch.purged_at || !isActive(batch.status)) return;
      if (batch.status === 'queued') {
        await db.transaction(async (tx) => {
          const started = await markStarted(tx, batch.id);
          if (started) await deps.hooks?.onStarted?.(tx, started);
        });
      }
      const items = await pendingItems(db, batch, job.chunk);
      if (items.length === 0) return;

      let settled: { seq: number; json: string }[];
      let retry: number[] = [];
      let retryAfter = 0;
      let throttled = false;
      const reasons = new Map<string, number>();
      if (batch.kind === 'phone') {
        const { json } = await deps.phones.many(
          items.map((item) => ({ input: item.input, country: item.country ?? batch.options.country })),
          ctx.signal,
        );
        settled = items.map((item, i) => ({ seq: item.seq, json: json[i] as string }));
      } else {
        // Watched from here: a cancel (in any process) aborts the probes below at once.
        const watch = await deps.cancels?.watch(batch.id);
        let results: Array<{ retry_after: number | null }>;
        try {
          // The batch may have ended between the first look and the watch.
          if (watch && !isActive((await getBatch(db, batch.id))?.status ?? 'cancelled')) return;
          const signal = watch ? AbortSignal.any([ctx.signal, watch.signal]) : ctx.signal;
          // Every SMTP session of the chunk listens to it: far more than the default 10 listeners, and no leak.
          setMaxListeners(0, signal);
          ({ results } = await deps.email
            .validateMany(
              items.map((i) => i.input),
              // Behind the sync checks someone is waiting on, in the process's SMTP queues.
              { smtpCheck: batch.options.smtp_check ?? true, useCache: true, signal, background: true },
            )
            .catch((err: unknown) => {
              if (watch?.signal.aborted && !ctx.signal.aborted) return { results: [] };
              throw err;
            }));
          if (ctx.signal.aborted) throw new Error('stopped: the worker is shutting down');
          if (watch?.signal.aborted) {
            deps.log.info({ batch_id: batch.id, chunk: job.chunk }, 'batch ended while its chunk ran: probes stopped');
            return;
          }
        } finally {
          watch?.release();
        }
        settled = [];
        items.forEach((item, i) => {
          const result = results[i] as { retry_after: number | null; reason?: string };
          const paused = result.reason === 'throttled';
          if (result.retry_after !== null && round < deps.greylist.rounds + (paused ? THROTTLED_ROUNDS : 0)) {
            retry.push(item.seq);
            retryAfter = Math.max(retryAfter, result.retry_after);
            throttled ||= paused;
            const reason = result.reason ?? 'greylisted';
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          } else {
            settled.push({ seq: item.seq, json: JSON.stringify(result) });
          }
        });
      }

      await db.transaction(async (tx) => {
        const current = await getBatch(tx, batch.id, { forUpdate: true });
        if (!current || !isActive(current.status)) {
          retry = [];
          return; // cancelled or failed while we worked: these results are not wanted (nor paid for)
        }
        // The next round, and what the batch's status shows of it until then.
        const maxDelay = throttled
          ? Math.max(deps.greylist.maxDelaySeconds, THROTTLED_MAX_DELAY_SECONDS)
          : deps.greylist.maxDelaySeconds;
        const delay = Math.min(Math.max(retryAfter, 1), maxDelay);
        const nextAttempt = new Date(Date.now() + delay * 1000);
        const waiting: ChunkWait | null =
          retry.length > 0
            ? {
                items: retry.length,
                reason: [...reasons].sort(([, a], [, b]) => b - a)[0]?.[0] ?? 'greylisted',
                next_attempt_at: nextAttempt.toISOString(),
              }
            : null;
        const after = await writeResults(tx, current, job.chunk, round, settled, waiting);
        if (deps.hooks?.onResults && after.written > 0) await deps.hooks.onResults(tx, current, after.fresh);
        if (retry.length > 0) {
          await queue.enqueue(tx, CHUNK_QUEUE, [{ batchId: batch.id, chunk: job.chunk, round: round + 1 }], {
            startAfter: nextAttempt,
          });
        }
        if (after.batch.status === 'completed') await deps.hooks?.onFinished?.(tx, after.batch);
        deps.log.info(
          {
            batch_id: batch.id,
            chunk: job.chunk,
            round,
            written: after.written,
            later: retry.length,
            processed: after.batch.processed,
            status: after.batch.status,
          },
          'chunk done',
        );
      });
    },
  };
}

/** A chunk that failed on every attempt fails its batch, which is refunded for what it did not check. */
export function chunkFailedHandler(deps: Pick<BatchWorkerDeps, 'db' | 'hooks'>): JobHandler<typeof CHUNK_FAILED_QUEUE> {
  return {
    queue: CHUNK_FAILED_QUEUE,
    async run(job) {
      await deps.db.transaction(async (tx) => {
        const batch = await getBatch(tx, job.batchId, { forUpdate: true });
        if (!batch || !isActive(batch.status)) return;
        const message =
          `Part of the batch (chunk ${job.chunk}) could not be processed after several attempts; ` +
          `${batch.processed} of ${batch.total} items were checked and the other ${batch.total - batch.processed} credits were refunded`;
        await endBatch(
          tx,
          batch,
          { status: 'failed', error: { code: 'processing_failed', message }, refundReason: 'batch failed: unprocessed items' },
          deps.hooks,
        );
      });
    },
  };
}
