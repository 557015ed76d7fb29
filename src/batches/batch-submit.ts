// Submitting an asynchronous batch. Items are deduplicated by meaning and garbage is answered at once, free
// (src/items); one transaction writes the idempotency key, debits the credits (a ledger row), stores the
// batch and its items, and enqueues its jobs: a batch is never charged and lost, never queued and unpaid,
// and a 402 leaves nothing behind. Uploads (src/uploads) come through acceptBatch too.
import { insufficientCredits } from '../accounts/charge.js';
import { type DebitObserver, debit } from '../accounts/credits.js';
import type { Db, Queryable } from '../db/db.js';
import { creditsFor, type DistinctItem, distinctItems } from '../items/item-dedupe.js';
import { garbageResult } from '../items/item-garbage.js';
import { DomainError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { PhoneChecks } from '../phone/phone-pool.js';
import type { JobQueue } from '../queue/job-queue.js';
import { CHUNK_QUEUE, type ChunkJob } from '../queue/jobs.js';
import type { BatchHooks } from './batch-hooks.js';
import { type PlannedItem, planEmails, planPhones } from './batch-plan.js';
import { type AnsweredChunk, type BatchKind, type BatchSource, insertBatch, type UploadInfo } from './batch-repo.js';

/** What every batch is submitted with, whether its items come as a list or in a file. */
export interface BatchSettings {
  accountId: string;
  kind: BatchKind;
  level: string;
  country?: string;
  smtpCheck?: boolean;
  webhookUrl?: string;
  webhookSecret?: string;
  /** How the webhook_url is called (`batch` unless said) and its extra headers. */
  webhookFormat?: string;
  webhookHeaders?: { name: string; value: string }[];
  /** The Idempotency-Key header and a hash of the request it came with. */
  idempotency?: { key: string; requestHash: string };
  /** Base of status_url (PUBLIC_URL, or the request's own origin). */
  baseUrl: string;
  /** Told of the debit, in its transaction (usage thresholds). */
  onDebit?: DebitObserver;
  /** Told of the results known at submission and of a batch completed at once (webhooks). */
  hooks?: BatchHooks;
}

export interface Submission extends BatchSettings {
  items: string[];
  /** Computes the phones' dedupe keys (on the phone threads); in this thread when absent. */
  phoneKeys?: PhoneChecks['keys'];
  /** Items per job. */
  chunkSizes: { phone: number; email: number };
}

export interface Accepted {
  batch_id: string;
  /** completed when every item was answered at once (all garbage), else queued. */
  status: 'queued' | 'completed';
  total: number;
  level: string;
  credits_charged: number;
  credits_remaining: number;
  webhook_configured: boolean;
  status_url: string;
}

/** A batch ready to be written: its items planned (or written already), its jobs, its charge. */
export interface PreparedBatch {
  id: string;
  createdAt: Date;
  /** Distinct items. */
  total: number;
  credits: number;
  debitReason: string;
  items: PlannedItem[];
  answered: AnsweredChunk[];
  /** The chunks that need a job. */
  jobChunks: number[];
  source?: BatchSource;
  fileName?: string | null;
  upload?: UploadInfo | null;
  /** Added to the answer. */
  extra?: Record<string, unknown>;
}

export type SubmitOutcome = { replayed: false; body: Accepted } | { replayed: true; statusCode: number; body: unknown };

const IDEMPOTENCY_HOURS = 24;

/** Claims the key for this request, or finds the earlier answer to replay. */
async function claimKey(
  tx: Queryable,
  accountId: string,
  key: string,
  requestHash: string,
): Promise<{ claimed: true } | { claimed: false; statusCode: number; body: unknown }> {
  await tx.query(
    `delete from idempotency_keys where account_id = $1 and key = $2 and created_at < now() - make_interval(hours => $3)`,
    [accountId, key, IDEMPOTENCY_HOURS],
  );
  // A concurrent request with the same key waits here until the first one commits or rolls back.
  const claim = await tx.query(
    `insert into idempotency_keys (account_id, key, request_hash, status_code, response)
     values ($1, $2, $3, 0, 'null') on conflict do nothing`,
    [accountId, key, requestHash],
  );
  if (claim.rowCount > 0) return { claimed: true };
  const { rows } = await tx.query<{ request_hash: string; status_code: number; response: unknown }>(
    'select request_hash, status_code, response from idempotency_keys where account_id = $1 and key = $2',
    [accountId, key],
  );
  const earlier = rows[0];
  if (!earlier || earlier.request_hash !== requestHash) {
    throw new DomainError(
      'idempotency_key_reused',
      'This Idempotency-Key was used with a different request in the last 24 hours',
    );
  }
  return { claimed: false, statusCode: earlier.status_code, body: earlier.response };
}

/** Deduplicates the list (by meaning), answers its garbage at once, plans the rest in chunks and writes it all. */
export async function submitBatch(db: Db, queue: JobQueue, s: Submission): Promise<SubmitOutcome> {
  const keys = s.kind === 'phone' && s.phoneKeys ? await s.phoneKeys(s.items, s.country) : undefined;
  const unique = distinctItems(s.kind, s.items, s.country, keys);
  const seqs: number[] = [];
  const garbage: { seq: number; input: string }[] = [];
  unique.forEach((item, seq) => (item.garbage ? garbage.push({ seq, input: item.input }) : seqs.push(seq)));
  const inputs = seqs.map((seq) => (unique[seq] as DistinctItem).input);
  const size = s.kind === 'phone' ? s.chunkSizes.phone : s.chunkSizes.email;
  const plan = s.kind === 'phone' ? planPhones(inputs, size) : planEmails(inputs, size);
  // The plan numbers the items it was given; put back their places among all the distinct items.
  const items = plan.items.map((item) => ({ ...item, seq: seqs[item.seq] as number }));
  const answered: AnsweredChunk[] = [];
  for (let i = 0; i < garbage.length; i += size) {
    const slice = garbage.slice(i, i + size);
    const chunk = plan.chunks + answered.length;
    answered.push({
      chunk,
      results: slice.map((g) => ({
        seq: g.seq,
        json: JSON.stringify(garbageResult(s.kind, g.input, { country: s.country, smtpCheck: s.smtpCheck })),
      })),
    });
    for (const g of slice) items.push({ seq: g.seq, chunk, input: g.input });
  }
  return acceptBatch(db, queue, s, {
    id: newId('bat'),
    createdAt: new Date(),
    total: unique.length,
    credits: creditsFor(unique),
    debitReason: `validate-async ${s.kind}s`,
    items,
    answered,
    jobChunks: Array.from({ length: plan.chunks }, (_, chunk) => chunk),
  });
}

/**
 * One transaction: the idempotency key, the debit (a ledger row), the batch with its items and the results
 * known at once, and its jobs. A batch is never charged and lost, never queued and unpaid, and a 402 leaves
 * nothing behind (but what the caller wrote before, which it removes).
 */
export async function acceptBatch(db: Db, queue: JobQueue, s: BatchSettings, p: PreparedBatch): Promise<SubmitOutcome> {
  return db.transaction(async (tx) => {
    if (s.idempotency) {
      const claim = await claimKey(tx, s.accountId, s.idempotency.key, s.idempotency.requestHash);
      if (!claim.claimed) return { replayed: true, statusCode: claim.statusCode, body: claim.body };
    }
    const charge = await debit(tx, s.accountId, p.credits, p.debitReason, p.id, s.onDebit);
    if (!charge.ok) throw insufficientCredits(p.credits, charge.balance);
    const batch = await insertBatch(
      tx,
      {
        id: p.id,
        accountId: s.accountId,
        kind: s.kind,
        level: s.level,
        options: s.kind === 'phone' ? (s.country ? { country: s.country } : {}) : { smtp_check: s.smtpCheck ?? true },
        total: p.total,
        creditsCharged: p.credits,
        webhookUrl: s.webhookUrl ?? null,
        webhookSecret: s.webhookSecret ?? null,
        webhookFormat: s.webhookFormat,
        webhookHeaders: s.webhookHeaders ?? null,
        createdAt: p.createdAt,
        source: p.source,
        fileName: p.fileName,
        upload: p.upload,
      },
      p.items,
      p.answered,
    );
    const jobs: ChunkJob[] = p.jobChunks.map((chunk) => ({ batchId: p.id, chunk }));
    if (jobs.length > 0) await queue.enqueue(tx, CHUNK_QUEUE, jobs);
    if (batch.status === 'completed') await s.hooks?.onStarted?.(tx, batch);
    for (const answered of p.answered) await s.hooks?.onResults?.(tx, batch, answered.results);
    if (batch.status === 'completed') await s.hooks?.onFinished?.(tx, batch);
    const body: Accepted = {
      batch_id: p.id,
      status: batch.status === 'completed' ? 'completed' : 'queued',
      total: p.total,
      level: s.level,
      credits_charged: p.credits,
      credits_remaining: charge.balance,
      webhook_configured: Boolean(s.webhookUrl),
      status_url: `${s.baseUrl}/api/v1/batch/${p.id}`,
      ...p.extra,
    };
    if (s.idempotency) {
      await tx.query('update idempotency_keys set status_code = 202, response = $3 where account_id = $1 and key = $2', [
        s.accountId,
        s.idempotency.key,
        JSON.stringify(body),
      ]);
    }
    return { replayed: false, body };
  });
}
