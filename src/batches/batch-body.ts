// The body of GET /api/v1/batch/{id} for an ended batch, as a stream of pieces: the status object, then the
// results in input order. The same pieces are the body of the batch's webhook callback. A batch whose result
// rows are consecutive runs (phones) is read one row at a time and never parsed; otherwise (emails, whose
// chunks follow domains) the results are parsed once and put in order.
import type { Queryable } from '../db/db.js';
import { type BatchRow, placeBySeq, type ResultRow } from './batch-repo.js';
import { batchStatus } from './batch-view.js';

interface RowInfo {
  chunk: number;
  round: number;
  first: number;
  last: number;
  n: number;
}

const GROUP = 500;

export function batchBody(db: Queryable, batch: BatchRow, ttlDays: number, overrides: Record<string, unknown> = {}) {
  const head = JSON.stringify({ ...batchStatus(batch, ttlDays), ...overrides });
  return async function* pieces(): AsyncGenerator<string> {
    yield `${head.slice(0, -1)},"results":[`;
    const { rows } = await db.query<RowInfo>(
      `select chunk, round, seqs[1] as first, seqs[array_length(seqs, 1)] as last, array_length(seqs, 1) as n
       from batch_results where batch_id = $1 and created_at = $2 order by seqs[1]`,
      [batch.id, batch.created_at],
    );
    let next = 0;
    const consecutive = rows.every((r) => {
      const ok = r.first === next && r.last - r.first + 1 === r.n;
      next = r.last + 1;
      return ok;
    });
    let first = true;
    if (consecutive) {
      for (const row of rows) {
        const { rows: found } = await db.query<{ results: string }>(
          'select results from batch_results where batch_id = $1 and created_at = $2 and chunk = $3 and round = $4',
          [batch.id, batch.created_at, row.chunk, row.round],
        );
        const inner = (found[0]?.results ?? '[]').slice(1, -1);
        if (inner === '') continue;
        yield first ? inner : `,${inner}`;
        first = false;
      }
    } else {
      const { rows: all } = await db.query<ResultRow>(
        'select seqs, results from batch_results where batch_id = $1 and created_at = $2',
        [batch.id, batch.created_at],
      );
      const bySeq = placeBySeq(all, batch.total);
      let out: string[] = [];
      for (const result of bySeq) {
        if (result === undefined) continue;
        out.push(JSON.stringify(result));
        if (out.length === GROUP) {
          yield (first ? '' : ',') + out.join(',');
          first = false;
          out = [];
        }
      }
      if (out.length > 0) yield (first ? '' : ',') + out.join(',');
    }
    yield '],"next_offset":null}';
  };
}
