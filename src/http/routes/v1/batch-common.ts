import Type from 'typebox';
import type { BatchRow } from '../../../batches/batch-repo.js';
import { getBatch } from '../../../batches/batch-repo.js';
import type { Db } from '../../../db/db.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { ApiError } from '../../errors.js';

export const BatchParams = Type.Object({ batch_id: Type.String({ pattern: ID_PATTERN('bat'), description: 'bat_ + 32 hex digits' }) });

export const notFound = () => new ApiError('not_found', 'No such batch');
export const expired = () => new ApiError('batch_expired', 'The results of this batch were deleted when its retention period ended');

/** The caller's batch, or 404 (another account's batch is not found either), or 410 once purged. */
export async function ownBatch(db: Db, accountId: string, batchId: string): Promise<BatchRow> {
  const batch = await getBatch(db, batchId);
  if (!batch || batch.account_id !== accountId) throw notFound();
  if (batch.purged_at) throw expired();
  return batch;
}
