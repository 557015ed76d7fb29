import Type from 'typebox';
import { BATCH_STATUSES, listBatches } from '../../../batches/batch-repo.js';
import { BatchStatusSchema, batchStatus } from '../../../batches/batch-view.js';
import type { Context } from '../../../context.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { commonErrors } from '../../errors.js';
import { Nullable, PageLimit, type App } from '../../types.js';

export function listBatchesRoute(app: App, ctx: Context, ttlDays: number): void {
  app.get(
    '/batches',
    {
      schema: {
        tags: ['batches'],
        summary: 'Your batches, newest first',
        security: [{ apiKey: [] }],
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
          ...commonErrors,
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
      return { data: batches.map((b) => ({ ...batchStatus(b, ttlDays), expired: b.purged_at !== null })), next_cursor: nextCursor };
    },
  );
}
