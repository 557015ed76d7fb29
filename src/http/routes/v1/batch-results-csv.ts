import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { type BatchRow, isActive, itemsWithResults } from '../../../batches/batch-repo.js';
import { parseVerdicts, VERDICTS, type Verdict, verdictOf } from '../../../batches/batch-verdict.js';
import { CSV_COLUMNS, csvCell } from '../../../batches/batch-view.js';
import { create as contentDisposition, encodeExtended } from 'content-disposition';
import { invalidField as invalid } from '../../../lib/errors.js';
import { resultsFileName, uploadResultsCsv } from '../../../uploads/upload-results.js';
import Type from 'typebox';
import type { Context } from '../../../context.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { BatchParams, ownBatch } from './batch-common.js';

const PAGE = 1000;

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled. */
const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

async function* csvLines(ctx: Context, batch: BatchRow, only: Set<Verdict> | undefined): AsyncGenerator<string> {
  const columns = CSV_COLUMNS[batch.kind];
  yield `${['seq', ...columns.map(([name]) => name)].join(',')}\r\n`;
  const all = await itemsWithResults(ctx.db, batch);
  const rows = only ? all.filter((row) => only.has(verdictOf(batch.kind, row.result))) : all;
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

/** RFC 6266: a plain `filename` (non-ASCII letters replaced) and always the exact name as `filename*`. */
function attachment(name: string): string {
  const header = contentDisposition(name);
  return header.includes('filename*=') ? header : `${header}; filename*=${encodeExtended(name)}`;
}

/** The results CSV of an ended batch: an upload's rows with their verdicts, or a list's items with their results. */
export function sendResultsCsv(ctx: Context, batch: BatchRow, reply: FastifyReply, status?: string) {
  if (isActive(batch.status)) {
    throw new ApiError('conflict', 'The batch is still running: its results can be downloaded once it has ended');
  }
  const only = parseVerdicts(status);
  if (only && 'unknown' in only) {
    throw invalid('query.status', `"${only.unknown}" is not a verdict; use a comma list of ${VERDICTS.join(', ')}`);
  }
  reply.type('text/csv; charset=utf-8');
  if (batch.source === 'upload') {
    reply.header('Content-Disposition', attachment(resultsFileName(batch.file_name, batch.id)));
    return reply.send(Readable.from(uploadResultsCsv(ctx.db, batch, only)));
  }
  reply.header('Content-Disposition', `attachment; filename="${batch.id}.csv"`);
  return reply.send(Readable.from(csvLines(ctx, batch, only)));
}

export default routes((app, { ctx }) => {
  app.get(
    '/batch/:batch_id/results.csv',
    {
      schema: {
        operationId: 'getBatchResultsCsv',
        tags: ['batches'],
        summary: "A batch's results as CSV, streamed: an upload's every row with Sieve's verdict, or a list's items",
        description:
          'For an upload: every row of the file in order, its header (or column_1, column_2...) and fields as they were ' +
          "(UTF-8, the file's delimiter), then Sieve's columns: status, reason, duplicate_of, normalized, and line_type, " +
          'carrier, country for phones or disposable, role, free, catch_all, mx, suggestion for emails (prefixed sieve_ when ' +
          'the file has a column of one of those names). For a list sent to validate-async: one row per distinct item. ' +
          '`status` keeps the rows of those verdicts: `valid,risky` is the clean list.',
        params: BatchParams,
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.String({
                pattern: '^[a-z_]+(,[a-z_]+)*$',
                description: `Verdicts to keep, comma separated: ${VERDICTS.join(', ')}`,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv' }) },
        errors: ['not_found', 'batch_expired', 'conflict'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const batch = await ownBatch(ctx.db, principal.accountId, request.params.batch_id);
      return sendResultsCsv(ctx, batch, reply, request.query.status);
    },
  );
});
