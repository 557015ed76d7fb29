// Submitting an asynchronous batch. One transaction writes the idempotency key, debits the credits (a ledger
// row), stores the batch and its items, and enqueues its jobs: a batch is never charged and lost, never
// queued and unpaid, and a 402 leaves nothing behind.
import { insufficientCredits } from '../accounts/charge.js';
import { type DebitObserver, debit } from '../accounts/credits.js';
import type { Db, Queryable } from '../db/db.js';
import { distinct } from '../items/item-dedupe.js';
import { DomainError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { JobQueue } from '../queue/job-queue.js';
import { CHUNK_QUEUE, type ChunkJob } from '../queue/jobs.js';
import { planEmails, planPhones } from './batch-plan.js';
import { type BatchKind, insertBatch } from './batch-repo.js';

export interface Submission {
  accountId: string;
  kind: BatchKind;
  items: string[];
  level: string;
  country?: string;
  smtpCheck?: boolean;
  webhookUrl?: string;
  webhookSecret?: string;
  /** The Idempotency-Key header and a hash of the request it came with. */
  idempotency?: { key: string; requestHash: string };
  /** Base of status_url (PUBLIC_URL, or the request's own origin). */
  baseUrl: string;
  /** Items per job. */
  chunkSizes: { phone: number; email: number };
  /** Told of the debit, in its transaction (usage thresholds). */
  onDebit?: DebitObserver;
}

export interface Accepted {
  batch_id: string;
  status: 'queued';
  total: number;
  level: string;
  credits_charged: number;
  credits_remaining: number;
  webhook_configured: boolean;
  status_url: string;
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

export async function submitBatch(db: Db, queue: JobQueue, s: Submission): Promise<SubmitOutcome> {
  const unique = distinct(s.kind, s.items);
  const plan = s.kind === 'phone' ? planPhones(unique, s.chunkSizes.phone) : planEmails(unique, s.chunkSizes.email);
  const id = newId('bat');
  return db.transaction(async (tx) => {
    if (s.idempotency) {
      const claim = await claimKey(tx, s.accountId, s.idempotency.key, s.idempotency.requestHash);
      if (!claim.claimed) return { replayed: true, statusCode: claim.statusCode, body: claim.body };
    }
    const charge = await debit(tx, s.accountId, unique.length, `validate-async ${s.kind}s`, id, s.onDebit);
    if (!charge.ok) throw insufficientCredits(unique.length, charge.balance);
    const createdAt = new Date();
    await insertBatch(
      tx,
      {
        id,
        accountId: s.accountId,
        kind: s.kind,
        level: s.level,
        options: s.kind === 'phone' ? (s.country ? { country: s.country } : {}) : { smtp_check: s.smtpCheck ?? true },
        total: unique.length,
        creditsCharged: unique.length,
        webhookUrl: s.webhookUrl ?? null,
        webhookSecret: s.webhookSecret ?? null,
        createdAt,
      },
      plan.items,
    );
    const jobs: ChunkJob[] = Array.from({ length: plan.chunks }, (_, chunk) => ({ batchId: id, chunk }));
    await queue.enqueue(tx, CHUNK_QUEUE, jobs);
    const body: Accepted = {
      batch_id: id,
      status: 'queued',
      total: unique.length,
      level: s.level,
      credits_charged: unique.length,
      credits_remaining: charge.balance,
      webhook_configured: Boolean(s.webhookUrl),
      status_url: `${s.baseUrl}/api/v1/batch/${id}`,
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
