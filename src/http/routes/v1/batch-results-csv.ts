import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { type BatchRow, isActive, itemsWithResults } from '../../../batches/batch-repo.js';
import { CSV_COLUMNS, csvCell } from '../../../batches/batch-view.js';
import Type from 'typebox';
import type { Context } from '../../../context.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { BatchParams, ownBatch } from './batch-common.js';

const PAGE = 1000;

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled. */
const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

async function* csvLines(ctx: Context, batch: BatchRow): AsyncGenerator<string> {
  const columns = CSV_COLUMNS[batch.kind];
  yield `${['seq', ...columns.map(([name]) => name)].join(',')}\r\n`;
  const rows = await itemsWithResults(ctx.db, batch);
  for (let i = 0; i < rows.length; i += PAGE) {
    let out = '';
    for (const row of rows.slice(i, i + PAGE)) {
      // An item without a result (a cancelled batch) still gets its row, with only its input.
      const result = (row.result ?? { [columns[0]?.[0] ?? 'input']: row.input }) as Record<string, unknown>;
      out += `${[String(row.seq), ...columns.map(([, get]) => quote(csvCell(get(result))))].join(',')}\r\n`;
    }
    yield out;
  }
}

export function sendResultsCsv(ctx: Context, batch: BatchRow, reply: FastifyReply) {
  if (isActive(batch.status)) {
    throw new ApiError('conflict', 'The batch is still running: its results can be downloaded once it has ended');
  }
  reply.type('text/csv; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="${batch.id}.csv"`);
  return reply.send(Readable.from(csvLines(ctx, batch)));
}

export default routes((app, { ctx }) => {
  app.get(
    '/batch/:batch_id/results.csv',
    {
      schema: {
        operationId: 'getBatchResultsCsv',
        tags: ['batches'],
        summary: "A batch's results as CSV, one row per item in input order, streamed",
        params: BatchParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv' }) },
        errors: ['not_found', 'batch_expired', 'conflict'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      return sendResultsCsv(ctx, await ownBatch(ctx.db, principal.accountId, request.params.batch_id), reply);
    },
  );
});
