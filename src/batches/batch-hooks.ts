// Where others attach to a batch's life (the webhook outbox does): each hook runs inside the transaction of
// the change it tells of, so what it writes commits or rolls back with that change.
import type { Queryable } from '../db/db.js';
import type { BatchRow } from './batch-repo.js';

export interface BatchHooks {
  /** The batch started (its first job began). */
  onStarted?(tx: Queryable, batch: BatchRow): Promise<void>;
  /** The batch ended: completed, failed or cancelled. */
  onFinished?(tx: Queryable, batch: BatchRow): Promise<void>;
  /** Results were written for these items. */
  onResults?(tx: Queryable, batch: BatchRow, results: { seq: number; json: string }[]): Promise<void>;
}
