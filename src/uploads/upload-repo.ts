// SQL for the rows of uploaded files (upload_rows, a partition per day like batch items). Rows and items are
// written while the file is read, before the batch itself: a failed upload removes them (dropStaged); one
// cut short by a crash leaves them to retention, which drops their day whole.
import type { Queryable } from '../db/db.js';
import { insertItemChunk } from '../batches/batch-repo.js';
import type { PlannedItem } from '../batches/batch-plan.js';
import type { RowIssue, RowPart, UploadSink } from './upload-read.js';

export function stagingSink(db: Queryable, batchId: string, createdAt: Date): UploadSink {
  return {
    async rows(part) {
      await db.query(
        `insert into upload_rows (created_at, batch_id, part, first_row, fields, seqs, duplicate_of, issues)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [createdAt, batchId, part.part, part.firstRow, JSON.stringify(part.fields), part.seqs, part.duplicateOf, part.issues],
      );
    },
    async items(chunk: number, items: PlannedItem[]) {
      await insertItemChunk(db, batchId, createdAt, chunk, items);
    },
  };
}

/** Removes what a failed upload wrote. */
export async function dropStaged(db: Queryable, batchId: string, createdAt: Date): Promise<void> {
  await db.query('delete from upload_rows where batch_id = $1 and created_at = $2', [batchId, createdAt]);
  await db.query('delete from batch_items where batch_id = $1 and created_at = $2', [batchId, createdAt]);
}

/** The parts of an upload in file order, `perQuery` at a time. */
export async function* uploadParts(
  db: Queryable,
  batch: { id: string; created_at: Date },
  perQuery = 8,
): AsyncGenerator<RowPart> {
  for (let from = 0; ; from += perQuery) {
    const { rows } = await db.query<{
      part: number;
      first_row: number;
      fields: string;
      seqs: number[];
      duplicate_of: number[];
      issues: (RowIssue | null)[];
    }>(
      `select part, first_row, fields, seqs, duplicate_of, issues from upload_rows
       where batch_id = $1 and created_at = $2 and part >= $3 and part < $4 order by part`,
      [batch.id, batch.created_at, from, from + perQuery],
    );
    for (const r of rows) {
      yield {
        part: r.part,
        firstRow: r.first_row,
        fields: JSON.parse(r.fields) as string[][],
        seqs: r.seqs,
        duplicateOf: r.duplicate_of,
        issues: r.issues,
      };
    }
    if (rows.length < perQuery) return;
  }
}
