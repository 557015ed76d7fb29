// Sends the outbox. Claims due deliveries (a lease each), sends them concurrently with caps per host and in all,
// and writes the outcomes back in groups (one transaction for many attempts). Sleeps until the next delivery is
// due, a NOTIFY says new ones were committed, or the poll interval passes.
import type { BatchRow } from '../batches/batch-repo.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../lib/logger.js';
import { WorkLoop } from '../lib/work-loop.js';
import {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDue,
  recordOutcomes,
  secondsToNextDue,
  WEBHOOK_CHANNEL,
} from './webhook-deliveries.js';
import { formatOf } from './formats/index.js';
import { buildRequest } from './webhook-request.js';
import { decideNext, type SendOutcome } from './webhook-retry.js';
import type { WebhookSender } from './webhook-sender.js';

export interface DispatcherOptions {
  concurrency: number;
  perHost: number;
  /** WEBHOOK_TIMEOUT_MS when set: replaces every format's default timeout. */
  timeoutOverrideMs: number | undefined;
  pollIntervalMs: number;
  ttlDays: number;
  /** The worker process whose leases these are (src/worker/worker-liveness.ts): if it dies, they are sent again at once. */
  holder?: string;
}

const FLUSH_EVERY_MS = 20;
const FLUSH_AT = 200;

export class WebhookDispatcher {
  private readonly loop: WorkLoop;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly busy = new Map<string, number>();
  private inFlight = 0;
  private readonly sends = new Set<Promise<void>>();
  private buffer: AttemptRecord[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushFailures = 0;
  private stopped = false;
  /** Claims are made for several free slots at once: one claim per finished send would cost a query each. */
  private readonly claimAtLeast: number;

  constructor(
    private readonly db: Db,
    private readonly sender: WebhookSender,
    private readonly options: DispatcherOptions,
    private readonly log: Logger,
  ) {
    this.claimAtLeast = Math.max(1, Math.floor(options.concurrency / 4));
    this.loop = new WorkLoop({
      name: 'webhook dispatcher',
      pollIntervalMs: options.pollIntervalMs,
      log,
      step: () => this.claim(),
    });
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(WEBHOOK_CHANNEL, () => this.loop.wake());
    this.loop.start();
  }

  /** Claims due deliveries for the free slots and starts sending them; says how long to sleep after. */
  private async claim() {
    const free = this.options.concurrency - this.inFlight;
    if (!(free >= this.claimAtLeast || (free > 0 && this.inFlight === 0))) return {};
    const claimed = await claimDue(this.db, {
      limit: free,
      perHost: this.options.perHost,
      busy: this.busy,
      leaseSeconds: this.leaseSeconds(),
      ...(this.options.holder ? { holder: this.options.holder } : {}),
    });
    if (claimed.length > 0) await this.startSends(claimed);
    if (claimed.length > 0 && claimed.length === free) return { again: true }; // more may be waiting
    if (claimed.length > 0) return {};
    // Nothing due now: sleep until the next delivery falls due (a NOTIFY wakes us for new ones).
    const next = await secondsToNextDue(this.db);
    return next === null ? {} : { waitMs: Math.max(next * 1000, 1) };
  }

  /** The batches of the deliveries that need theirs (callbacks, bodies built from the batch); claimDue brought the rest. */
  private async batchesOf(deliveries: ClaimedDelivery[]): Promise<Map<string, BatchRow>> {
    const batchIds = [
      ...new Set(
        deliveries
          .filter((d) => d.batch_id && (d.kind === 'callback' || (d.payload === null && formatOf(d.format).bodyFromBatch)))
          .map((d) => d.batch_id as string),
      ),
    ];
    if (batchIds.length === 0) return new Map();
    const { rows } = await this.db.query<BatchRow>('select * from batches where id = any($1)', [batchIds]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async startSends(deliveries: ClaimedDelivery[]): Promise<void> {
    const batches = await this.batchesOf(deliveries);
    for (const d of deliveries) {
      this.inFlight++;
      this.busy.set(d.host, (this.busy.get(d.host) ?? 0) + 1);
      const p = this.deliver(d, batches)
        .catch((err: unknown) => this.log.error({ err, delivery_id: d.id }, 'webhook delivery crashed'))
        .finally(() => {
          this.inFlight--;
          const left = (this.busy.get(d.host) ?? 1) - 1;
          if (left > 0) this.busy.set(d.host, left);
          else this.busy.delete(d.host);
          this.sends.delete(p);
          this.loop.wake();
        });
      this.sends.add(p);
    }
  }

  private async deliver(d: ClaimedDelivery, batches: Map<string, BatchRow>): Promise<void> {
    const startedAt = new Date();
    const batch = d.batch_id ? (batches.get(d.batch_id) ?? null) : null;
    const request =
      d.kind === 'callback' && d.batch_id && !batch
        ? null
        : await buildRequest(
            d,
            batch,
            { db: this.db, ttlDays: this.options.ttlDays, timeoutOverrideMs: this.options.timeoutOverrideMs },
            Math.floor(startedAt.getTime() / 1000),
          );
    const outcome: SendOutcome = request
      ? await this.sender.send(d.url, request)
      : {
          kind: 'refused',
          code: 'webhook_url_invalid',
          message: d.kind === 'endpoint' ? 'the endpoint was deleted or disabled' : 'the batch of this callback no longer exists',
          durationMs: 0,
        };
    const next = decideNext(d, outcome, Date.now(), Math.random, formatOf(d.format).classify);
    this.record({
      deliveryId: d.id,
      attempt: d.attempts,
      trigger: d.manual ? 'manual' : 'scheduled',
      scheduledFor: d.next_attempt_at,
      startedAt,
      durationMs: Math.round(outcome.durationMs),
      statusCode: outcome.kind === 'response' ? outcome.status : null,
      error: outcome.kind === 'response' ? null : `${outcome.code}: ${outcome.message}`,
      responseBody: outcome.kind === 'response' ? outcome.bodyPrefix : null,
      status: next.status,
      nextAttemptAt: next.status === 'pending' ? next.at : null,
      batchId: d.batch_id,
      // The batch shows when its own completion callback was sent.
      isCallback:
        d.kind === 'callback' && d.batch_id !== null && (d.event_type === 'batch.completed' || d.event_type === 'batch.failed'),
      disableEndpoint: next.status === 'failed' && next.gone && d.endpoint_id ? d.endpoint_id : null,
    });
    if (next.status === 'failed') {
      this.log.warn(
        { delivery_id: d.id, attempts: d.attempts, status: outcome.kind === 'response' ? outcome.status : outcome.code },
        'webhook delivery failed',
      );
    }
  }

  private record(record: AttemptRecord): void {
    this.buffer.push(record);
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /**
   * Writes the buffered outcomes (one transaction); flushes run one after another. When the store is away the
   * outcomes are kept and written again after a growing wait, as long as their claims last (after that, the
   * deliveries are sent again anyway: at least once, with the same webhook-id).
   */
  /** A claim outlasts the longest deadline of a send (30 s, or the operator's WEBHOOK_TIMEOUT_MS). */
  private leaseSeconds(): number {
    return Math.ceil(Math.max(this.options.timeoutOverrideMs ?? 0, 30_000) / 1000) + 60;
  }

  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const records = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      try {
        await recordOutcomes(this.db, records);
        this.flushFailures = 0;
      } catch (err) {
        this.flushFailures++;
        const leaseMs = this.leaseSeconds() * 1000;
        const keep = records.filter((r) => Date.now() - r.startedAt.getTime() < leaseMs);
        if (this.flushFailures === 1 || keep.length < records.length) {
          this.log.error(
            { err, deliveries: records.length, dropped: records.length - keep.length },
            'could not record webhook attempts; will try again (dropped ones are sent again when their claims expire)',
          );
        }
        this.buffer = [...keep, ...this.buffer];
        if (this.buffer.length > 0 && !this.stopped) {
          this.flushTimer ??= setTimeout(() => void this.flush(), Math.min(5000, 100 * 2 ** Math.min(this.flushFailures, 6)));
        }
      }
    });
    return this.flushing;
  }

  /** Stops claiming, lets the sends under way finish (up to `graceMs`), writes their outcomes. */
  async stop(graceMs: number): Promise<void> {
    if (!this.loop.isRunning) return;
    await this.loop.stop();
    this.stopped = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...this.sends]), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    await this.flush();
    await this.unlisten?.();
  }
}
