import Type from 'typebox';
import { cancelBatch } from '../../../batches/batch-cancel.js';
import { BatchStatusSchema, batchStatus } from '../../../batches/batch-view.js';
import type { Context } from '../../../context.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { BatchParams, expired, notFound } from './batch-common.js';

export function cancelBatchRoute(app: App, ctx: Context, ttlDays: number): void {
  app.post(
    '/batch/:batch_id/cancel',
    {
      schema: {
        tags: ['batches'],
        summary: 'Stop a batch; the items not checked yet are refunded',
        security: [{ apiKey: [] }],
        params: BatchParams,
        response: {
          200: Type.Object({ ...BatchStatusSchema.properties, refunded: Type.Integer({ description: 'Credits returned by this cancellation' }) }),
          404: Type.Ref('ErrorResponse'),
          409: Type.Ref('ErrorResponse'),
          410: Type.Ref('ErrorResponse'),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const outcome = await cancelBatch(ctx.db, principal.accountId, request.params.batch_id, ctx.batchHooks);
      if (outcome.status === 'not_found') throw notFound();
      if (outcome.status === 'expired') throw expired();
      if (outcome.status === 'not_cancellable') {
        throw new ApiError('batch_not_cancellable', `The batch has already ended (${outcome.batch.status})`);
      }
      return { ...batchStatus(outcome.batch, ttlDays), refunded: outcome.refunded };
    },
  );
}
