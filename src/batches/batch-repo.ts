// SQL for batches, their items and results. Every function takes a Queryable, so callers choose the
// transaction. Items and results are always looked up with the batch's created_at, which names the partition.
import type { Queryable } from '../db/db.js';
import type { PlannedItem } from './batch-plan.js';

export type BatchKind = 'phone' | 'email';
/** How the batch came: a list sent to validate-async, or an uploaded file. */
export type BatchSource = 'api' | 'upload';

/** What an upload batch keeps of its file (written by src/uploads). */
export interface UploadInfo {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  bom: boolean;
  /** null: one value a line. */
  delimiter: 'comma' | 'semicolon' | 'tab' | 'pipe' | null;
  header: boolean;
  /** The names of the output's columns: the header's, or column_1, column_2... */
  columns: string[];
  column: { index: number; name: string };
  kind: BatchKind;
  country: string | null;
  country_column: { index: number; name: string } | null;
  rows: number;
  distinct: number;
  duplicates: number;
  malformed: number;
  empty: number;
}
export const BATCH_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** Still running: waiting for its first job, or being worked on. */
export const isActive = (status: BatchStatus) => status === 'queued' || status === 'processing';

export interface BatchRow {
  id: string;
  account_id: string;
  kind: BatchKind;
  status: BatchStatus;
  level: string;
  options: { country?: string; smtp_check?: boolean };
  total: number;
  processed: number;
  credits_charged: number;
  credits_refunded: number;
  webhook_url: string | null;
  webhook_secret: string | null;
  /** How the webhook_url is called: `batch` (the batch APIs' callback), `lookup` or `verification`. */
  webhook_format: string;
  /** Extra headers for the webhook_url ([{name, value}]). */
  webhook_headers: { name: string; value: string }[] | null;
  webhook_sent_at: Date | null;
  webhook_status_code: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  purged_at: Date | null;
  source: BatchSource;
  /** An upload's file name, as sent. */
  file_name: string | null;
  /** An upload's options as detected or given, and its counts. */
  upload: UploadInfo | null;
  /** Items waiting for a later round, by chunk (see ChunkWait). */
  waiting: Record<string, ChunkWait>;
}

/** Items of one chunk waiting for their next round, and why. */
export interface ChunkWait {
  items: number;
  /** The commonest reason among them: greylisted, smtp_temporary, smtp_timeout... */
  reason: string;
  /** When the next round is scheduled (ISO 8601). */
  next_attempt_at: string;
}

export interface NewBatch {
  id: string;
  accountId: string;
  kind: BatchKind;
  level: string;
  options: BatchRow['options'];
  total: number;
  creditsCharged: number;
  webhookUrl: string | null;
  webhookSecret: string | null;
  webhookFormat?: string;
  webhookHeaders?: { name: string; value: string }[] | null;
  createdAt: Date;
  source?: BatchSource;
  fileName?: string | null;
  upload?: UploadInfo | null;
}

/** Results known at submission (garbage), written with the batch: a row per chunk, under round -1. */
export interface AnsweredChunk {
  chunk: number;
  results: { seq: number; json: string }[];
}

/**
 * Writes the batch, its items (unless written already: an upload writes them as it reads the file) and the
 * results known at once. A batch whose every item is answered so is completed from the start.
 */
export async function insertBatch(
  tx: Queryable,
  batch: NewBatch,
  items: PlannedItem[],
  answered: AnsweredChunk[] = [],
): Promise<BatchRow> {
  const processed = answered.reduce((n, a) => n + a.results.length, 0);
  const { rows } = await tx.query<BatchRow>(
    `insert into batches (id, account_id, kind, level, options, total, credits_charged, webhook_url, webhook_secret, created_at,
       source, file_name, upload, processed, status, started_at, completed_at, webhook_format, webhook_headers)
     values ($1, $2, $3, $4, $5, $6::int, $7, $8, $9, $10, $11, $12, $13, $14::int,
       case when $14::int >= $6::int then 'completed' else 'queued' end,
       case when $14::int >= $6::int then now() end, case when $14::int >= $6::int then now() end, $15, $16::jsonb)
     returning *`,
    [
      batch.id,
      batch.accountId,
      batch.kind,
      batch.level,
      JSON.stringify(batch.options),
      batch.total,
      batch.creditsCharged,
      batch.webhookUrl,
      batch.webhookSecret,
      batch.createdAt,
      batch.source ?? 'api',
      batch.fileName ?? null,
      batch.upload ? JSON.stringify(batch.upload) : null,
      processed,
      batch.webhookFormat ?? 'batch',
      batch.webhookHeaders ? JSON.stringify(batch.webhookHeaders) : null,
    ],
  );
  const chunks = new Map<number, PlannedItem[]>();
  for (const item of items) {
    const list = chunks.get(item.chunk);
    if (list) list.push(item);
    else chunks.set(item.chunk, [item]);
  }
  for (const [chunk, list] of chunks) await insertItemChunk(tx, batch.id, batch.createdAt, chunk, list);
  for (const { chunk, results } of answered) {
    await tx.query(
      `insert into batch_results (created_at, batch_id, chunk, round, seqs, results) values ($1, $2, $3, -1, $4, $5)`,
      [batch.createdAt, batch.id, chunk, results.map((r) => r.seq), `[${results.map((r) => r.json).join(',')}]`],
    );
  }
  return rows[0] as BatchRow;
}

/** One chunk's items, in ascending seq order; `countries` only when some item has a country of its own. */
export async function insertItemChunk(
  db: Queryable,
  batchId: string,
  createdAt: Date,
  chunk: number,
  items: PlannedItem[],
): Promise<void> {
  const countries = items.some((x) => x.country) ? items.map((x) => x.country ?? null) : null;
  await db.query(
    'insert into batch_items (created_at, batch_id, chunk, seqs, inputs, countries) values ($1, $2, $3, $4, $5, $6)',
    [createdAt, batchId, chunk, items.map((x) => x.seq), items.map((x) => x.input), countries],
  );
}

export async function getBatch(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<BatchRow | undefined> {
  const { rows } = await db.query<BatchRow>(`select * from batches where id = $1${options.forUpdate ? ' for update' : ''}`, [id]);
  return rows[0];
}

/** Items of a chunk that have no result yet, in input order, with their own country if they have one. */
export async function pendingItems(
  db: Queryable,
  batch: BatchRow,
  chunk: number,
): Promise<{ seq: number; input: string; country: string | null }[]> {
  const { rows } = await db.query<{ seq: number; input: string; country: string | null }>(
    `select t.seq, t.input, t.country from batch_items i, unnest(i.seqs, i.inputs, i.countries) as t(seq, input, country)
     where i.batch_id = $1 and i.created_at = $2 and i.chunk = $3
       and t.seq <> all (coalesce(
         (select array_agg(s) from batch_results r, unnest(r.seqs) as s
          where r.batch_id = $1 and r.created_at = $2 and r.chunk = $3), '{}'))
     order by t.seq`,
    [batch.id, batch.created_at, chunk],
  );
  return rows;
}

/** Marks the batch started if it was waiting; the started batch when this call did it. */
export async function markStarted(db: Queryable, id: string): Promise<BatchRow | undefined> {
  const { rows } = await db.query<BatchRow>(
    "update batches set status = 'processing', started_at = now() where id = $1 and status = 'queued' returning *",
    [id],
  );
  return rows[0];
}

/**
 * Writes one round of a chunk's results (JSON texts, in `seqs` order) as one row. A round written already
 * (the same job run twice) is not written again and counts for nothing. Returns the batch as it stands after.
 */
export async function writeResults(
  tx: Queryable,
  batch: BatchRow,
  chunk: number,
  round: number,
  results: { seq: number; json: string }[],
  /** The chunk's items left for a later round (null: none, the chunk's entry goes). */
  waiting: ChunkWait | null = null,
): Promise<{ written: number; fresh: { seq: number; json: string }[]; batch: BatchRow }> {
  // Only items of the chunk with no result yet, whatever round wrote the others: a round run twice, or
  // beside the next one (after a crash between commit and completion), must not count an item twice.
  const { rows: done } = await tx.query<{ seq: number }>(
    `select s as seq from batch_results r, unnest(r.seqs) as s where r.batch_id = $1 and r.created_at = $2 and r.chunk = $3`,
    [batch.id, batch.created_at, chunk],
  );
  const already = new Set(done.map((d) => d.seq));
  const fresh = results.filter((r) => !already.has(r.seq));
  let written = 0;
  if (fresh.length > 0) {
    const res = await tx.query(
      `insert into batch_results (created_at, batch_id, chunk, round, seqs, results)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [batch.created_at, batch.id, chunk, round, fresh.map((r) => r.seq), `[${fresh.map((r) => r.json).join(',')}]`],
    );
    if (res.rowCount > 0) written = fresh.length;
  }
  const { rows } = await tx.query<BatchRow>(
    `update batches set
       processed = processed + $2,
       status = case when processed + $2 >= total then 'completed' else 'processing' end,
       started_at = coalesce(started_at, now()),
       completed_at = case when processed + $2 >= total then now() else completed_at end,
       waiting = case when $4::jsonb is null then waiting - $3::text else waiting || jsonb_build_object($3::text, $4::jsonb) end
     where id = $1
     returning *`,
    [batch.id, written, String(chunk), waiting ? JSON.stringify(waiting) : null],
  );
  return { written, fresh: written > 0 ? fresh : [], batch: rows[0] as BatchRow };
}

/** Ends a batch that has not finished (cancelled or failed); returns it as ended and the credits to refund. */
export async function endUnfinished(
  tx: Queryable,
  batch: BatchRow,
  status: 'cancelled' | 'failed',
  error: { code: string; message: string } | null,
): Promise<{ ended: BatchRow; refund: number }> {
  const refund = batch.total - batch.processed;
  const { rows } = await tx.query<BatchRow>(
    `update batches set status = $2, completed_at = now(), credits_refunded = credits_refunded + $3,
       error_code = $4, error_message = $5
     where id = $1 returning *`,
    [batch.id, status, refund, error?.code ?? null, error?.message ?? null],
  );
  return { ended: rows[0] as BatchRow, refund };
}

export interface ResultRow {
  seqs: number[];
  results: string;
}

/**
 * Parses result rows (a JSON array each, in `seqs` order) and puts every result at its item's place; a
 * sparse array of `size`, where items without a result (a cancelled or failed batch) stay empty.
 */
export function placeBySeq(rows: ResultRow[], size: number): unknown[] {
  const bySeq = new Array<unknown>(size);
  for (const row of rows) {
    const parsed = JSON.parse(row.results) as unknown[];
    row.seqs.forEach((seq, i) => {
      bySeq[seq] = parsed[i];
    });
  }
  return bySeq;
}

/**
 * The results of the items in [offset, offset + limit), in input order, as the inside of a JSON array
 * (items without a result are left out). Only the rows that hold some of them are read.
 */
export async function resultsPage(db: Queryable, batch: BatchRow, offset: number, limit: number): Promise<string> {
  const end = Math.min(offset + limit, batch.total);
  // A row's seqs are in ascending order: its first and last bound it.
  const { rows } = await db.query<ResultRow>(
    `select seqs, results from batch_results
     where batch_id = $1 and created_at = $2 and seqs[array_length(seqs, 1)] >= $3 and seqs[1] < $4`,
    [batch.id, batch.created_at, offset, end],
  );
  const bySeq = placeBySeq(rows, batch.total);
  const texts: string[] = [];
  for (let seq = offset; seq < end; seq++) if (bySeq[seq] !== undefined) texts.push(JSON.stringify(bySeq[seq]));
  return texts.join(',');
}

/** Every item with its result (or null), in input order, for the CSV download. */
export async function itemsWithResults(
  db: Queryable,
  batch: BatchRow,
): Promise<{ seq: number; input: string; result: unknown }[]> {
  const { rows } = await db.query<ResultRow>('select seqs, results from batch_results where batch_id = $1 and created_at = $2', [
    batch.id,
    batch.created_at,
  ]);
  const bySeq = placeBySeq(rows, batch.total);
  const items = await db.query<{ seq: number; input: string }>(
    `select t.seq, t.input from batch_items i, unnest(i.seqs, i.inputs) as t(seq, input)
     where i.batch_id = $1 and i.created_at = $2 order by t.seq`,
    [batch.id, batch.created_at],
  );
  return items.rows.map((item) => ({ ...item, result: bySeq[item.seq] ?? null }));
}

/** A chunk's result rows (every round). */
export async function chunkResults(db: Queryable, batch: BatchRow, chunk: number): Promise<ResultRow[]> {
  const { rows } = await db.query<ResultRow>(
    'select seqs, results from batch_results where batch_id = $1 and created_at = $2 and chunk = $3',
    [batch.id, batch.created_at, chunk],
  );
  return rows;
}

/** The chunk of every item, by seq. */
export async function chunkOfItems(db: Queryable, batch: BatchRow): Promise<Int32Array> {
  const out = new Int32Array(batch.total).fill(-1);
  const { rows } = await db.query<{ chunk: number; seqs: number[] }>(
    'select chunk, seqs from batch_items where batch_id = $1 and created_at = $2',
    [batch.id, batch.created_at],
  );
  for (const row of rows) for (const seq of row.seqs) if (seq < out.length) out[seq] = row.chunk;
  return out;
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
