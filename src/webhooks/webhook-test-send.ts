// A test delivery to an endpoint, made and sent by the API process at once: a sample event in the endpoint's
// format (a lookup for `lookup`, a task item for `verification`, a `validation.completed` event otherwise),
// with the endpoint's headers, secret, signature header and timeout. It goes through the one mechanism: an
// event and a delivery are written (claimed by this process, with no retries), the request is built and
// signed as the dispatcher would, and the attempt is recorded in the delivery log. Should this process die
// while sending, the claim expires and a dispatcher sends it once.
import type { BatchRow } from '../batches/batch-repo.js';
import type { Db } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { bareHost } from '../net/webhook-target.js';
import { formatOf } from './formats/index.js';
import { recordOutcomes } from './webhook-deliveries.js';
import type { EndpointRow } from './webhook-endpoints.js';
import { type ItemFacts, type OutgoingEvent, uuidOf } from './webhook-format.js';
import { envelope, type EventType, itemEventData, validationEventData } from './webhook-payloads.js';
import { buildRequest, type RequestContext } from './webhook-request.js';
import { decideNext } from './webhook-retry.js';
import type { SendOutcome, WebhookSender } from './webhook-sender.js';

export interface TestAttempt {
  delivery_id: string;
  event_id: string;
  event_type: EventType;
  status: 'succeeded' | 'failed';
  attempt: { status_code: number | null; error: string | null; duration_ms: number; response_body: string | null };
}

/** A task of one item that exists only in the test body. */
function sampleBatch(endpoint: EndpointRow, now: Date): BatchRow {
  return {
    id: newId('bat'),
    account_id: endpoint.account_id,
    kind: 'phone',
    status: 'processing',
    level: 'basic',
    options: {},
    total: 1,
    processed: 1,
    credits_charged: 0,
    credits_refunded: 0,
    webhook_url: endpoint.url,
    webhook_secret: null,
    webhook_format: endpoint.format,
    webhook_headers: null,
    webhook_sent_at: null,
    webhook_status_code: null,
    error_code: null,
    error_message: null,
    created_at: now,
    started_at: now,
    completed_at: null,
    purged_at: null,
    source: 'api',
    file_name: null,
    upload: null,
    waiting: {},
  };
}

export async function sendTestEvent(
  deps: { db: Db; sender: WebhookSender } & Omit<RequestContext, 'db'>,
  endpoint: EndpointRow,
  /** A sample phone result (the looked-up number of the test). */
  sample: Record<string, unknown>,
): Promise<TestAttempt> {
  const format = formatOf(endpoint.format);
  const now = new Date();
  const type: EventType = format.name === 'verification' ? 'batch.item.completed' : 'validation.completed';
  const requestId = newId('req');
  const batch = type === 'batch.item.completed' ? sampleBatch(endpoint, now) : null;
  const item: ItemFacts = {
    kind: 'phone',
    result: sample,
    accountId: endpoint.account_id,
    batch,
    seq: batch ? 0 : null,
    requestId,
  };
  const data = batch ? itemEventData(batch, 0, sample) : validationEventData('phone', requestId, sample);
  const event: OutgoingEvent = { id: newId('evt'), type, created: now, data: { ...data, test: true }, item };
  const id = newId('msg');
  const plan = format.body(event, { id, uuid: uuidOf(id) });
  const own = plan.kind === 'own' ? plan.body : null;
  const eventPayload = envelope(event.id, type, event.data, now);
  // Claimed by this process from the start: no dispatcher takes it unless this process dies.
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `insert into webhook_events (id, account_id, type, batch_id, payload, created_at) values ($1, $2, $3, null, $4, $5)`,
      [event.id, endpoint.account_id, type, eventPayload, now],
    );
    await tx.query(
      `insert into webhook_deliveries (id, account_id, event_id, event_type, kind, endpoint_id, url, host, schedule, status,
         attempts, next_attempt_at, locked_until, manual, format, payload)
       values ($1, $2, $3, $4, 'endpoint', $5, $6, $7, '{}', 'sending', 1, $8, now() + interval '2 minutes', true, $9, $10)`,
      [
        id,
        endpoint.account_id,
        event.id,
        type,
        endpoint.id,
        endpoint.url,
        bareHost(new URL(endpoint.url)),
        now,
        format.name,
        own,
      ],
    );
  });
  const startedAt = new Date();
  const request = await buildRequest(
    {
      id,
      kind: 'endpoint',
      format: format.name,
      event_type: type,
      payload: own,
      event_payload: eventPayload,
      headers: null,
      endpoint_secret: endpoint.secret,
      endpoint_old_secrets: endpoint.old_secrets,
      endpoint_disabled_at: null, // a test is sent to a disabled endpoint too: that is how one checks it works again
      endpoint_headers: endpoint.headers,
      endpoint_signature_header: endpoint.signature_header,
      endpoint_timeout_seconds: endpoint.timeout_seconds,
    },
    null,
    { db: deps.db, ttlDays: deps.ttlDays, timeoutOverrideMs: deps.timeoutOverrideMs },
    Math.floor(startedAt.getTime() / 1000),
  );
  const outcome: SendOutcome = request
    ? await deps.sender.send(endpoint.url, request)
    : { kind: 'refused', code: 'webhook_url_invalid', message: 'nothing to send', durationMs: 0 };
  const next = decideNext({ attempts: 1, schedule: [], manual: true }, outcome, Date.now(), Math.random, format.classify);
  const status = next.status === 'succeeded' ? 'succeeded' : 'failed';
  const attempt = {
    status_code: outcome.kind === 'response' ? outcome.status : null,
    error: outcome.kind === 'response' ? null : `${outcome.code}: ${outcome.message}`,
    duration_ms: Math.round(outcome.durationMs),
    response_body: outcome.kind === 'response' ? outcome.bodyPrefix : null,
  };
  await recordOutcomes(deps.db, [
    {
      deliveryId: id,
      attempt: 1,
      trigger: 'manual',
      scheduledFor: now,
      startedAt,
      durationMs: attempt.duration_ms,
      statusCode: attempt.status_code,
      error: attempt.error,
      responseBody: attempt.response_body,
      status,
      nextAttemptAt: null,
      batchId: null,
      isCallback: false,
      // A test never disables the endpoint.
      disableEndpoint: null,
    },
  ]);
  return { delivery_id: id, event_id: event.id, event_type: type, status, attempt };
}
