// Cancelling: stops further work (chunk jobs find the batch no longer active and do nothing) and refunds
// every item not checked yet, in one transaction with the status change.
import { credit } from '../accounts/credits.js';
import type { Db } from '../db/db.js';
import { type BatchRow, endUnfinished, getBatch } from './batch-repo.js';
import type { BatchHooks } from './batch-worker.js';

export type CancelOutcome =
  | { status: 'cancelled'; batch: BatchRow; refunded: number }
  | { status: 'not_found' }
  | { status: 'not_cancellable'; batch: BatchRow };

export async function cancelBatch(db: Db, accountId: string, batchId: string, hooks?: BatchHooks): Promise<CancelOutcome> {
  return db.transaction(async (tx) => {
    const batch = await getBatch(tx, batchId, { forUpdate: true });
    if (!batch || batch.account_id !== accountId) return { status: 'not_found' } as const;
    if (batch.status !== 'queued' && batch.status !== 'processing') return { status: 'not_cancellable', batch } as const;
    const refunded = await endUnfinished(tx, batch, 'cancelled', null);
    if (refunded > 0) await credit(tx, accountId, 'refund', refunded, 'batch cancelled: unprocessed items', batch.id);
    const after = (await getBatch(tx, batchId)) as BatchRow;
    if (hooks?.onFinished) await hooks.onFinished(tx, after);
    return { status: 'cancelled', batch: after, refunded } as const;
  });
}
