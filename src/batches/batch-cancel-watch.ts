// How a worker learns that a batch it is working on has ended (cancelled by its owner, failed), wherever that
// happened: the transaction that ends a batch sends NOTIFY sieve_batches with its id, every process LISTENs,
// and the chunks of that batch running here are aborted at once (their SMTP sessions closed). A notification
// missed (a reconnect) or a store without them is covered by a look at the batches' states every few seconds,
// and the cancel itself aborts the chunks of its own process before it answers.
import type { Db, Queryable } from '../db/db.js';
import type { Logger } from '../lib/logger.js';

export const BATCHES_CHANNEL = 'sieve_batches';

/** In the transaction that ends a batch: tells every process (delivered at commit). */
export async function notifyBatchEnded(tx: Queryable, batchId: string): Promise<void> {
  await tx.query('select pg_notify($1, $2)', [BATCHES_CHANNEL, batchId]);
}

export interface BatchWatch {
  /** Aborts when the batch ends elsewhere (its reason: an Error naming the batch). */
  readonly signal: AbortSignal;
  /** Stops watching (the chunk is done). */
  release(): void;
}

export class BatchCancelWatch {
  private readonly watched = new Map<string, Set<AbortController>>();
  private unlisten: (() => Promise<void>) | undefined;
  private listening: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly checkEveryMs = 2000,
  ) {}

  /** Watches `batchId` for the time of one chunk. */
  async watch(batchId: string): Promise<BatchWatch> {
    await this.ensureListening();
    const controller = new AbortController();
    let set = this.watched.get(batchId);
    if (!set) this.watched.set(batchId, (set = new Set()));
    set.add(controller);
    this.ensureTimer();
    return {
      signal: controller.signal,
      release: () => {
        const current = this.watched.get(batchId);
        current?.delete(controller);
        if (current?.size === 0) this.watched.delete(batchId);
        if (this.watched.size === 0) this.stopTimer();
      },
    };
  }

  /** The batch has ended: abort its chunks running in this process. */
  ended(batchId: string): void {
    const set = this.watched.get(batchId);
    if (!set) return;
    this.watched.delete(batchId);
    const reason = new Error(`batch ${batchId} has ended`);
    for (const controller of set) controller.abort(reason);
    if (this.watched.size === 0) this.stopTimer();
  }

  async stop(): Promise<void> {
    this.stopTimer();
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    this.listening = undefined;
    await unlisten?.().catch(() => {});
  }

  private ensureListening(): Promise<void> {
    this.listening ??= this.db
      .listen(BATCHES_CHANNEL, (payload) => {
        // '' after a reconnect: some may have been missed, look at every batch watched.
        if (payload === '') void this.check();
        else this.ended(payload);
      })
      .then((unlisten) => {
        this.unlisten = unlisten;
      })
      .catch((err: Error) => {
        // Without notifications the periodic look still finds ended batches.
        this.log.warn({ err: err.message }, 'could not listen for ended batches; checking their states instead');
        this.listening = undefined;
      });
    return this.listening;
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<void> {
    if (this.checking || this.watched.size === 0) return;
    this.checking = true;
    try {
      const { rows } = await this.db.query<{ id: string }>(
        `select id from batches where id = any($1::text[]) and status not in ('queued', 'processing')`,
        [[...this.watched.keys()]],
      );
      for (const row of rows) this.ended(row.id);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not check the states of running batches');
    } finally {
      this.checking = false;
    }
  }
}
