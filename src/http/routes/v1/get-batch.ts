import Type from 'typebox';
import { Readable } from 'node:stream';
import { batchBody } from '../../../batches/batch-body.js';
import { isActive, resultsPage } from '../../../batches/batch-repo.js';
import { batchStatus } from '../../../batches/batch-view.js';
import { routes } from '../../route-plugin.js';
import { sendJsonText } from '../../types.js';
import { BatchParams, BatchStatusSchema, ownBatch } from './batch-common.js';
import { sendResultsCsv } from './batch-results-csv.js';

/** Past any batch's size, and small enough that offset + limit stays a 32-bit integer in SQL. */
const MAX_OFFSET = 1_000_000_000;

export default routes((app, { ctx }) => {
  const ttlDays = ctx.config.batches.resultsTtlDays;
  app.get(
    '/batch/:batch_id',
    {
      schema: {
        operationId: 'getBatch',
        tags: ['batches'],
        summary: 'Status of a batch and, once it has ended, its results in input order (Accept: text/csv for CSV)',
        params: BatchParams,
        querystring: Type.Object(
          {
            offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0, description: 'First result to return' }),
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 10_000, description: 'Results to return (all by default)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ...BatchStatusSchema.properties,
            results: Type.Optional(Type.Array(Type.Unknown(), { description: 'Present once the batch has ended' })),
            next_offset: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          }),
        },
        errors: ['not_found', 'batch_expired', 'conflict'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const batch = await ownBatch(ctx.db, principal.accountId, request.params.batch_id);
      if (/\btext\/csv\b/.test(request.headers.accept ?? '')) return sendResultsCsv(ctx, batch, reply);
      const head = JSON.stringify(batchStatus(batch, ttlDays));
      if (isActive(batch.status)) return sendJsonText(reply, head);
      // All results (the default): streamed, a row of results at a time.
      if (request.query.offset === 0 && request.query.limit === undefined) {
        return sendJsonText(reply, Readable.from(batchBody(ctx.db, batch, ttlDays)()));
      }
      // A page: the stored JSON texts are spliced in, not parsed and serialised again.
      const { offset } = request.query;
      const limit = request.query.limit ?? batch.total;
      const results = await resultsPage(ctx.db, batch, offset, limit);
      const next = offset + limit < batch.total ? offset + limit : null;
      return sendJsonText(reply, `${head.slice(0, -1)},"results":[${results}],"next_offset":${next}}`);
    },
  );
});
