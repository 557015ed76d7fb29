// One page of a batch's results as rows, filtered by verdict, with the count of every verdict (the
// dashboard's status donut and results table; the same rows as results.csv).
import Type from 'typebox';
import { parseVerdicts, VERDICTS } from '../../../batches/batch-verdict.js';
import { invalidField } from '../../../lib/errors.js';
import { resultPage } from '../../../uploads/result-rows.js';
import { routes } from '../../route-plugin.js';
import { Nullable } from '../../types.js';
import { BatchParams, ownBatch } from './batch-common.js';

export default routes((app, { ctx }) => {
  app.get(
    '/batch/:batch_id/rows',
    {
      schema: {
        operationId: 'getBatchRows',
        tags: ['batches'],
        summary: "A page of a batch's results as rows (those of results.csv), with the count of every verdict",
        description:
          "An upload's rows are its file's, with Sieve's columns after them; a list's are its items. Rows without a " +
          'result yet count as not_checked. `status` keeps the rows of those verdicts (the counts are always of all rows).',
        params: BatchParams,
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', description: `Comma list of: ${VERDICTS.join(', ')}` }),
            ),
            offset: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            columns: Type.Array(Type.String()),
            status_column: Type.Integer({ description: 'Index of the verdict in columns and in every row' }),
            counts: Type.Record(Type.String(), Type.Integer(), { description: 'Rows of each verdict' }),
            total_rows: Type.Integer(),
            matching: Type.Integer({ description: 'Rows of the chosen verdicts' }),
            rows: Type.Array(Type.Object({ row: Type.Integer({ description: '1-based' }), cells: Type.Array(Type.String()) })),
            next_offset: Nullable(Type.Integer()),
          }),
        },
        errors: ['not_found', 'batch_expired'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const batch = await ownBatch(ctx.db, principal.accountId, request.params.batch_id);
      const only = parseVerdicts(request.query.status);
      if (only && 'unknown' in only) {
        throw invalidField('query.status', `"${only.unknown}" is not a verdict; use a comma list of ${VERDICTS.join(', ')}`);
      }
      return resultPage(ctx.db, batch, only, request.query.offset, request.query.limit);
    },
  );
});
