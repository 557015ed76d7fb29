// SQL for batches, their items and results. Every function takes a Queryable, so callers choose the
// transaction. Items and results are always looked up with the batch's created_at, which names the partition.
import type { Queryable } from '../db/db.js';
import type { PlannedItem } from './batch-plan.js';

export type BatchKind = 'phone' | 'email';
export type BatchStatus = 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled';

export interface BatchRow {
  id: string;
  account_id: string;
  kind: BatchKind;
  status: BatchStatus;
  level: string;
  options: { country?: string; smtp_check?: boolean };
  total: number;
  processed: number;
  chunks: number;
  credits_charged: number;
  credits_refunded: number;
  webhook_url: string | null;
  webhook_secret: string | null;
  webhook_sent_at: Date | null;
  webhook_status_code: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  purged_at: Date | null;
}

export interface NewBatch {
  id: string;
  accountId: string;
  kind: BatchKind;
  level: string;
  options: BatchRow['options'];
  total: number;
  chunks: number;
  creditsCharged: number;
  webhookUrl: string | null;
  webhookSecret: string | null;
  createdAt: Date;
}

/** Rows per INSERT when writing items: keeps each statement short on the embedded store. */
const WRITE_SLICE = 2000;

export async function insertBatch(tx: Queryable, batch: NewBatch, items: PlannedItem[]): Promise<void> {
  await tx.query(
    `insert into batches (id, account_id, kind, level, options, total, chunks, credits_charged, webhook_url, webhook_secret, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      batch.id,
      batch.accountId,
      batch.kind,
      batch.level,
      JSON.stringify(batch.options),
      batch.total,
      batch.chunks,
      batch.creditsCharged,
      batch.webhookUrl,
      batch.webhookSecret,
      batch.createdAt,
    ],
  );
  for (let i = 0; i < items.length; i += WRITE_SLICE) {
    const slice = items.slice(i, i + WRITE_SLICE);
    await tx.query(
      `insert into batch_items (created_at, batch_id, seq, chunk, input)
       select $1, $2, seq, chunk, input from unnest($3::int[], $4::int[], $5::text[]) as t(seq, chunk, input)`,
      [batch.createdAt, batch.id, slice.map((x) => x.seq), slice.map((x) => x.chunk), slice.map((x) => x.input)],
    );
  }
}

export async function getBatch(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<BatchRow | undefined> {
  const { rows } = await db.query<BatchRow>(`select * from batches where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0];
}

/** Items of a chunk that have no result yet, in input order. */
export async function pendingItems(db: Queryable, batch: BatchRow, chunk: number): Promise<{ seq: number; input: string }[]> {
  const { rows } = await db.query<{ seq: number; input: string }>(
    `select i.seq, i.input from batch_items i
     where i.batch_id = $1 and i.created_at = $2 and i.chunk = $3
       and not exists (select 1 from batch_results r where r.batch_id = i.batch_id and r.created_at = i.created_at and r.seq = i.seq)
     order by i.seq`,
    [batch.id, batch.created_at, chunk],
  );
  return rows;
}

/** Marks the batch started if it was waiting; true when this call did it. */
export async function markStarted(db: Queryable, id: string): Promise<boolean> {
  const res = await db.query("update batches set status = 'processing', started_at = now() where id = $1 and status = 'queued'", [id]);
  return res.rowCount > 0;
}

/**
 * Writes results (a result that exists already is kept: a chunk run twice writes each item once) and
 * counts only what was newly written. Returns the batch as it stands after the write.
 */
export async function writeResults(
  tx: Queryable,
  batch: BatchRow,
  results: { seq: number; json: string }[],
): Promise<{ written: number; status: BatchStatus; processed: number }> {
  let written = 0;
  for (let i = 0; i < results.length; i += WRITE_SLICE) {
    const slice = results.slice(i, i + WRITE_SLICE);
    const res = await tx.query(
      `insert into batch_results (created_at, batch_id, seq, result)
       select $1, $2, seq, result::json from unnest($3::int[], $4::text[]) as t(seq, result)
       on conflict do nothing`,
      [batch.created_at, batch.id, slice.map((r) => r.seq), slice.map((r) => r.json)],
    );
    written += res.rowCount;
  }
  const { rows } = await tx.query<{ status: BatchStatus; processed: number }>(
    `update batches set
       processed = processed + $2,
       status = case when processed + $2 >= total then 'completed' else 'processing' end,
       started_at = coalesce(started_at, now()),
       completed_at = case when processed + $2 >= total then now() else completed_at end
     where id = $1
     returning status, processed`,
    [batch.id, written],
  );
  const row = rows[0] as { status: BatchStatus; processed: number };
  return { written, ...row };
}

/** Ends a batch that has not finished (cancelled or failed) and returns the credits to refund. */
export async function endUnfinished(
  tx: Queryable,
  batch: BatchRow,
  status: 'cancelled' | 'failed',
  error: { code: string; message: string } | null,
): Promise<number> {
  const refund = batch.total - batch.processed;
  await tx.query(
    `update batches set status = $2, completed_at = now(), credits_refunded = credits_refunded + $3,
       error_code = $4, error_message = $5
     where id = $1`,
    [batch.id, status, refund, error?.code ?? null, error?.message ?? null],
  );
  return refund;
}

export async function resultsPage(db: Queryable, batch: BatchRow, offset: number, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ result: string }>(
    `select result::text as result from batch_results
     where batch_id = $1 and created_at = $2 and seq >= $3 and seq < $4 order by seq`,
    [batch.id, batch.created_at, offset, offset + limit],
  );
  return rows.map((r) => r.result);
}

export async function countResults(db: Queryable, batch: BatchRow): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from batch_results where batch_id = $1 and created_at = $2',
    [batch.id, batch.created_at],
  );
  return rows[0]?.n ?? 0;
}

/** Results with the input they answer, by seq from `afterSeq`, for streaming (CSV). */
export async function resultsAfter(
  db: Queryable,
  batch: BatchRow,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; input: string; result: unknown }[]> {
  const { rows } = await db.query<{ seq: number; input: string; result: unknown }>(
    `select i.seq, i.input, r.result from batch_items i
     left join batch_results r on r.batch_id = i.batch_id and r.created_at = i.created_at and r.seq = i.seq
     where i.batch_id = $1 and i.created_at = $2 and i.seq > $3
     order by i.seq limit $4`,
    [batch.id, batch.created_at, afterSeq, limit],
  );
  return rows;
}

export async function listBatches(
  db: Queryable,
  accountId: string,
  options: { limit: number; before?: string; status?: BatchStatus },
): Promise<{ batches: BatchRow[]; nextCursor: string | null }> {
  const { rows } = await db.query<BatchRow>(
    `select * from batches where account_id = $1
       and ($2::text is null or id < $2) and ($3::text is null or status = $3)
     order by id desc limit $4`,
    [accountId, options.before ?? null, options.status ?? null, options.limit + 1],
  );
  const batches = rows.slice(0, options.limit);
  return { batches, nextCursor: rows.length > options.limit ? (batches[batches.length - 1]?.id ?? null) : null };
}
