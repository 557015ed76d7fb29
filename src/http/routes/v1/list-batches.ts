import Type from 'typebox';
import { BATCH_STATUSES, listBatches } from '../../../batches/batch-repo.js';
import { batchStatus } from '../../../batches/batch-view.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { routes } from '../../route-plugin.js';
import { Nullable, PageLimit } from '../../types.js';
import { BatchStatusSchema } from './batch-common.js';

export default routes((app, { ctx }) => {
  const ttlDays = ctx.config.batches.resultsTtlDays;
  app.get(
    '/batches',
    {
      schema: {
        operationId: 'listBatches',
        tags: ['batches'],
        summary: 'Your batches, newest first',
        querystring: Type.Object(
          {
            limit: PageLimit,
            cursor: Type.Optional(Type.String({ pattern: ID_PATTERN('bat'), description: 'next_cursor of the previous page' })),
            status: Type.Optional(Type.Enum(BATCH_STATUSES)),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            data: Type.Array(Type.Object({ ...BatchStatusSchema.properties, expired: Type.Boolean() })),
            next_cursor: Nullable(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const { batches, nextCursor } = await listBatches(ctx.db, principal.accountId, {
        limit: request.query.limit,
        before: request.query.cursor,
        status: request.query.status,
      });
      return {
        data: batches.map((b) => ({ ...batchStatus(b, ttlDays), expired: b.purged_at !== null })),
        next_cursor: nextCursor,
      };
    },
  );
});
