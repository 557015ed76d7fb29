// Ending a batch before all its items are checked: cancelled by its owner, or failed when a chunk gives up.
// The status change, the refund of every item not checked and the webhook events are one transaction.
import { credit } from '../accounts/credits.js';
import type { Db, Queryable } from '../db/db.js';
import { type BatchRow, endUnfinished, getBatch, isActive } from './batch-repo.js';
import type { BatchHooks } from './batch-hooks.js';
import { type BatchCancelWatch, notifyBatchEnded } from './batch-cancel-watch.js';

/** Ends an active batch (locked by the caller) and refunds what it did not check; returns it as ended. */
export async function endBatch(
  tx: Queryable,
  batch: BatchRow,
  end: { status: 'cancelled' | 'failed'; error: { code: string; message: string } | null; refundReason: string },
  hooks: BatchHooks | undefined,
): Promise<{ ended: BatchRow; refunded: number }> {
  const { ended, refund } = await endUnfinished(tx, batch, end.status, end.error);
  if (refund > 0) await credit(tx, batch.account_id, 'refund', refund, end.refundReason, batch.id);
  await hooks?.onFinished?.(tx, ended);
  // Workers of every process stop the batch's running chunks (their SMTP probes) when this commits.
  await notifyBatchEnded(tx, batch.id);
  return { ended, refunded: refund };
}

export type CancelOutcome =
  | { status: 'cancelled'; batch: BatchRow; refunded: number }
  | { status: 'not_found' }
  | { status: 'expired' }
  | { status: 'not_cancellable'; batch: BatchRow };

export async function cancelBatch(
  db: Db,
  accountId: string,
  batchId: string,
  hooks?: BatchHooks,
  watch?: BatchCancelWatch,
): Promise<CancelOutcome> {
  const outcome = await db.transaction(async (tx) => {
    const batch = await getBatch(tx, batchId, { forUpdate: true });
    if (!batch || batch.account_id !== accountId) return { status: 'not_found' } as const;
    if (batch.purged_at) return { status: 'expired' } as const;
    if (!isActive(batch.status)) return { status: 'not_cancellable', batch } as const;
    const { ended, refunded } = await endBatch(
      tx,
      batch,
      { status: 'cancelled', error: null, refundReason: 'batch cancelled: unprocessed items' },
      hooks,
    );
    return { status: 'cancelled', batch: ended, refunded } as const;
  });
  // Committed: this process's own chunks of the batch stop before the cancel answers (others hear the NOTIFY).
  if (outcome.status === 'cancelled') watch?.ended(batchId);
  return outcome;
}
