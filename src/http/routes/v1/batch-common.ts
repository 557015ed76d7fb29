import Type from 'typebox';
import { BATCH_STATUSES, type BatchRow, getBatch } from '../../../batches/batch-repo.js';
import type { Db } from '../../../db/db.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { ApiError } from '../../errors.js';
import { Nullable, NullableTimestamp, Timestamp } from '../../types.js';
import { UploadSummary } from '../../upload-options.js';

export const BatchParams = Type.Object({
  batch_id: Type.String({ pattern: ID_PATTERN('bat'), description: 'bat_ + 32 hex digits' }),
});

export const notFound = () => new ApiError('not_found', 'No such batch');
export const expired = () =>
  new ApiError('batch_expired', 'The results of this batch were deleted when its retention period ended');

/** The caller's batch, or 404 (another account's batch is not found either), or 410 once purged. */
export async function ownBatch(db: Db, accountId: string, batchId: string): Promise<BatchRow> {
  const batch = await getBatch(db, batchId);
  if (!batch || batch.account_id !== accountId) throw notFound();
  if (batch.purged_at) throw expired();
  return batch;
}

/** A batch as GET /api/v1/batch/{id} shows it (batchStatus builds it). */
export const BatchStatusSchema = Type.Object({
  batch_id: Type.String(),
  kind: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
  source: Type.Union([Type.Literal('api'), Type.Literal('upload')], {
    description: 'api: a list sent to validate-async; upload: a file sent to uploads',
  }),
  file_name: Nullable(Type.String({ description: "An upload's file name" })),
  upload: Nullable(UploadSummary),
  status: Type.Enum(BATCH_STATUSES),
  total: Type.Integer(),
  processed: Type.Integer(),
  progress: Type.Number({ description: 'processed / total, from 0 to 1' }),
  level: Type.String(),
  created_at: Timestamp,
  started_at: NullableTimestamp,
  completed_at: NullableTimestamp,
  has_webhook: Type.Boolean(),
  webhook_sent_at: NullableTimestamp,
  webhook_status_code: Nullable(Type.Integer()),
  credits_charged: Type.Integer(),
  credits_refunded: Type.Integer(),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  waiting: Nullable(
    Type.Object(
      {
        items: Type.Integer({ description: 'Items waiting for a later attempt' }),
        reason: Type.String({
          description: 'Why, for most of them: greylisted, smtp_temporary (a 4xx reply), smtp_timeout...',
        }),
        next_attempt_at: Timestamp,
      },
      { description: 'Items of an active batch waiting to be tried again (null when none waits)' },
    ),
  ),
  expires_at: Timestamp,
});
