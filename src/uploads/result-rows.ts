// A batch's results as the dashboard's table shows them: one page of rows, filtered by verdict, with the
// count of every verdict over the whole batch (the status donut). An upload's rows are exactly those of its
// results.csv (the same generator); a list's are its items with their results, as its CSV has them.
import { type BatchRow, itemsWithResults } from '../batches/batch-repo.js';
import { VERDICTS, type Verdict, verdictOf } from '../batches/batch-verdict.js';
import { CSV_COLUMNS, csvCell } from '../batches/batch-view.js';
import type { Queryable } from '../db/db.js';
import { uploadResultColumns, uploadResultRecords } from './upload-results.js';

export interface ResultPage {
  columns: string[];
  /** Index in `columns` (and in every row's cells) of the verdict. */
  status_column: number;
  /** Rows of every verdict, over the whole batch (items without a result yet are `not_checked`). */
  counts: Record<Verdict, number>;
  total_rows: number;
  /** Rows of the chosen verdicts. */
  matching: number;
  rows: { row: number; cells: string[] }[];
  next_offset: number | null;
}

export async function resultPage(
  db: Queryable,
  batch: BatchRow,
  only: Set<Verdict> | undefined,
  offset: number,
  limit: number,
): Promise<ResultPage> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  const rows: ResultPage['rows'] = [];
  let total = 0;
  let matching = 0;
  const take = (cells: string[], statusAt: number) => {
    total++;
    const verdict = cells[statusAt] as Verdict;
    counts[verdict] = (counts[verdict] ?? 0) + 1;
    if (only && !only.has(verdict)) return;
    if (matching >= offset && rows.length < limit) rows.push({ row: total, cells });
    matching++;
  };

  if (batch.source === 'upload' && batch.upload) {
    const columns = uploadResultColumns(batch);
    const statusAt = batch.upload.columns.length;
    for await (const part of uploadResultRecords(db, batch)) for (const cells of part) take(cells, statusAt);
    return { columns, status_column: statusAt, counts, total_rows: total, matching, rows, next_offset: next() };
  }
  const csv = CSV_COLUMNS[batch.kind];
  for (const item of await itemsWithResults(db, batch)) {
    const result = (item.result ?? { input: item.input }) as Record<string, unknown>;
    take([verdictOf(batch.kind, item.result), String(item.seq), ...csv.map(([, get]) => csvCell(get(result)))], 0);
  }
  return {
    columns: ['status', 'seq', ...csv.map(([name]) => name)],
    status_column: 0,
    counts,
    total_rows: total,
    matching,
    rows,
    next_offset: next(),
  };

  function next() {
    return offset + rows.length < matching ? offset + rows.length : null;
  }
}
