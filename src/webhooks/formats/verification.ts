// `verification`: verification-task webhooks. The envelope `{event_type, task_id, completed_at, data}`: per
// item, `data` is the task (the batch) with the item as `data.job`; at the end, the task with `data.stats` and
// every item in `data.jobs` (built from the batch when sent). Emails say `email_verification_completed`
// and `job.email`, phones `phone_verification_completed` and `job.phone`. Signed `X-Webhook-Signature:
// sha256=<hex>` over the raw body (when there is a secret), `X-Webhook-ID` a UUID per delivery (the same on
// every attempt), `X-Webhook-Timestamp`. Only timeouts, connection errors, 429, 502, 503 and 504 are retried;
// any other failure stops at once.
import type { Queryable } from '../../db/db.js';
import { type BatchRow, placeBySeq, type ResultRow } from '../../batches/batch-repo.js';
import { isSuccess, type ItemFacts, uuidFor, type Verdict, type WebhookFormat } from '../webhook-format.js';
import { signBody } from '../webhook-signing.js';
import { phoneResultV1 } from './lookup.js';
import { standard } from './standard.js';

/** The email status words of verification-task webhooks. */
const EMAIL_STATUS: Record<string, string> = {
  deliverable: 'valid',
  undeliverable: 'invalid',
  risky: 'risky',
  unknown: 'unknown',
};
/** Reasons of an item that could not be a phone number or an address at all: it is skipped, not checked. */
const SKIPPED = new Set(['invalid_syntax', 'not_a_number']);
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

const iso = (at: Date | string | null | undefined) => (at ? new Date(at).toISOString() : null);
const eventType = (kind: 'phone' | 'email') =>
  kind === 'phone' ? 'phone_verification_completed' : 'email_verification_completed';

/** One item as a job of the task. */
export function jobOf(batch: BatchRow, seq: number, r: Record<string, any>, at: Date) {
  const skipped = SKIPPED.has(String(r.reason));
  const created = iso(batch.created_at);
  const updated = iso(r.checked_at ?? at);
  const id = uuidFor(`${batch.id}:${seq}`);
  if (batch.kind === 'phone') {
    return {
      phone_number: r.input,
      status: skipped ? 'skipped' : 'completed',
      created_at: created,
      updated_at: updated,
      ...(skipped ? { skipped: true } : {}),
      phone: {
        id,
        status: r.valid ? 'valid' : 'invalid',
        number: r.format?.e164 ?? r.input,
        ...phoneResultV1(r),
      },
    };
  }
  return {
    email_address: r.email,
    status: skipped ? 'skipped' : 'completed',
    created_at: created,
    updated_at: updated,
    ...(skipped ? { skipped: true } : {}),
    email: {
      id,
      status: EMAIL_STATUS[r.status] ?? 'unknown',
      address: r.normalized ?? r.email,
      local: r.local ?? null,
      domain: r.domain ?? null,
      verification_steps: r.verification_steps ?? [],
    },
  };
}

/** The task as `data` shows it (without the job or jobs). */
function taskData(batch: BatchRow, updated: Date) {
  return {
    id: batch.id,
    user_id: batch.account_id,
    source: batch.source,
    created_at: iso(batch.created_at),
    updated_at: iso(batch.completed_at ?? updated),
  };
}

export function perItemBody(item: ItemFacts & { batch: BatchRow; seq: number }, at: Date): string {
  const { batch } = item;
  const job = jobOf(batch, item.seq, item.result, at);
  return JSON.stringify({
    event_type: eventType(batch.kind),
    task_id: batch.id,
    completed_at: at.toISOString(),
    data: { ...taskData(batch, at), updated_at: job.updated_at, job },
  });
}

/**
 * The task completion: the task, its stats, and every item's job in input order. The pieces are read once to
 * sign and again to send: they must come out the same (the time is fixed here).
 */
export function taskBody(db: Queryable, batch: BatchRow) {
  const now = new Date();
  return async function* pieces(): AsyncGenerator<string> {
    const { rows } = await db.query<ResultRow>(
      'select seqs, results from batch_results where batch_id = $1 and created_at = $2',
      [batch.id, batch.created_at],
    );
    const bySeq = placeBySeq(rows, batch.total);
    let done = 0;
    for (const r of bySeq) if (r !== undefined) done++;
    const stats = { total: batch.total, pending: 0, processing: 0, completed: done, failed: batch.total - done };
    const head = JSON.stringify({
      event_type: eventType(batch.kind),
      task_id: batch.id,
      completed_at: now.toISOString(),
      data: { ...taskData(batch, now), stats },
    });
    // `{…,"data":{…,"stats":{…}}}` opened again for the jobs.
    yield `${head.slice(0, -2)},"jobs":[`;
    let out: string[] = [];
    let first = true;
    for (let seq = 0; seq < bySeq.length; seq++) {
      const r = bySeq[seq];
      if (r === undefined) continue;
      out.push(JSON.stringify(jobOf(batch, seq, r as Record<string, any>, now)));
      if (out.length === 500) {
        yield (first ? '' : ',') + out.join(',');
        first = false;
        out = [];
      }
    }
    if (out.length > 0) yield (first ? '' : ',') + out.join(',');
    yield ']}}';
  };
}

export function classifyVerification(outcome: Parameters<WebhookFormat['classify']>[0]): Verdict {
  if (isSuccess(outcome)) return 'success';
  if (outcome.kind === 'error') return 'retry'; // timeouts, refused or reset connections, TLS and network errors
  if (outcome.kind === 'response' && RETRIED_STATUSES.has(outcome.status)) return 'retry';
  return 'give_up';
}

export const verification: WebhookFormat = {
  name: 'verification',
  summary:
    '`{event_type, task_id, completed_at, data}`: `data.job` per item, `data.stats` and `data.jobs` at the end; `X-Webhook-Signature: sha256=<hex>`',
  schedule: { endpoint: standard.schedule.endpoint, request: [2, 4, 8] },
  timeoutSeconds: 15,
  needsHttps: true,
  eventTypes: ['batch.item.completed', 'batch.completed', 'batch.failed'],
  ownHeaders: () => ['x-webhook-id', 'x-webhook-timestamp', 'x-webhook-signature'],
  defaultHeaders: { 'user-agent': 'EmailVerification/1.0' },
  closeConnection: false,
  body(event) {
    if (event.type === 'batch.item.completed' && event.item?.batch && event.item.seq !== null) {
      return { kind: 'own', body: perItemBody({ ...event.item, batch: event.item.batch, seq: event.item.seq }, event.created) };
    }
    if (event.type === 'batch.completed' || event.type === 'batch.failed') return { kind: 'from_batch' };
    return { kind: 'skip' };
  },
  bodyFromBatch: (db, batch) => taskBody(db, batch),
  async sign(body, input) {
    const signed = await signBody(body, {
      msgId: input.deliveryId,
      timestamp: input.timestamp,
      standardKeys: [],
      bodyKey: input.secrets[0] ? Buffer.from(input.secrets[0], 'utf8') : null,
    });
    const headers: Record<string, string> = { 'x-webhook-id': input.uuid, 'x-webhook-timestamp': String(input.timestamp) };
    if (signed.bodySignature) headers['x-webhook-signature'] = signed.bodySignature;
    return { headers, contentLength: signed.contentLength };
  },
  classify: classifyVerification,
};
