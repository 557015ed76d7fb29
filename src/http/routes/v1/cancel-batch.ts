import Type from 'typebox';
import { cancelBatch } from '../../../batches/batch-cancel.js';
import { batchStatus } from '../../../batches/batch-view.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { BatchParams, BatchStatusSchema, expired, notFound } from './batch-common.js';

export default routes((app, { ctx }) => {
  const ttlDays = ctx.config.batches.resultsTtlDays;
  app.post(
    '/batch/:batch_id/cancel',
    {
      schema: {
        operationId: 'cancelBatch',
        tags: ['batches'],
        summary: 'Stop a batch; the items not checked yet are refunded',
        params: BatchParams,
        response: {
          200: Type.Object({
            ...BatchStatusSchema.properties,
            refunded: Type.Integer({ description: 'Credits returned by this cancellation' }),
          }),
        },
        errors: ['not_found', 'batch_expired', 'batch_not_cancellable'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const outcome = await cancelBatch(ctx.db, principal.accountId, request.params.batch_id, ctx.batchHooks, ctx.batchWatch);
      if (outcome.status === 'not_found') throw notFound();
      if (outcome.status === 'expired') throw expired();
      if (outcome.status === 'not_cancellable') {
        throw new ApiError('batch_not_cancellable', `The batch has already ended (${outcome.batch.status})`);
      }
      return { ...batchStatus(outcome.batch, ttlDays), refunded: outcome.refunded };
    },
  );
});
