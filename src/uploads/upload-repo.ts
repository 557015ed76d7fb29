// SQL for the rows of uploaded files (upload_rows, a partition per day like batch items). Rows and items are
// written while the file is read, before the batch itself: a failed upload removes them (dropStaged); one
// cut short by a crash leaves them to retention, which drops their day whole.
import type { Queryable } from '../db/db.js';
import { insertItemChunk } from '../batches/batch-repo.js';
import type { PlannedItem } from '../batches/batch-plan.js';
import type { RowIssue, RowPart, UploadSink } from './upload-read.js';

/** Writes in flight at once: the file goes on being read while the store writes the parts before. */
const IN_FLIGHT = 4;

export function stagingSink(db: Queryable, batchId: string, createdAt: Date): UploadSink & { settle(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  let failed: unknown;
  const write = async (work: () => Promise<unknown>) => {
    if (failed) throw failed;
    while (pending.size >= IN_FLIGHT) await Promise.race(pending);
    if (failed) throw failed;
    const done: Promise<void> = work().then(
      () => void pending.delete(done),
      (err) => {
        pending.delete(done);
        failed ??= err;
      },
    );
    pending.add(done);
  };
  return {
    rows: (part) =>
      write(() =>
        db.query(
          `insert into upload_rows (created_at, batch_id, part, first_row, fields, seqs, duplicate_of, issues)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [createdAt, batchId, part.part, part.firstRow, part.fields, part.seqs, part.duplicateOf, part.issues],
        ),
      ),
    items: (chunk: number, items: PlannedItem[]) => write(() => insertItemChunk(db, batchId, createdAt, chunk, items)),
    async flush() {
      await Promise.all(pending);
      if (failed) throw failed;
    },
    async settle() {
      await Promise.allSettled(pending);
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
): AsyncGenerator<Omit<RowPart, 'fields'> & { fields: string[][] }> {
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
