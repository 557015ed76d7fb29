// The request of one attempt, whatever the format: the body (the delivery's own, the event's, or built from
// the batch), the format's default headers, the extra headers (an endpoint's, a request's or a batch's),
// the format's signatures and ids, and the deadline. The dispatcher and an endpoint's test send both use it.
import type { BatchRow } from '../batches/batch-repo.js';
import type { Queryable } from '../db/db.js';
import { formatOf } from './formats/index.js';
import type { ClaimedDelivery } from './webhook-deliveries.js';
import { signingSecrets } from './webhook-endpoints.js';
import { uuidOf, type WebhookFormat } from './webhook-format.js';
import type { HeaderPair } from './webhook-headers.js';
import type { WebhookRequest } from './webhook-sender.js';
import type { BodySource } from './webhook-signing.js';

export interface RequestContext {
  db: Queryable;
  ttlDays: number;
  /** WEBHOOK_TIMEOUT_MS when the operator set it: replaces every format's default timeout (not an endpoint's own). */
  timeoutOverrideMs: number | undefined;
}

export type DeliveryToSend = Pick<
  ClaimedDelivery,
  | 'id'
  | 'kind'
  | 'format'
  | 'event_type'
  | 'payload'
  | 'event_payload'
  | 'headers'
  | 'endpoint_secret'
  | 'endpoint_old_secrets'
  | 'endpoint_disabled_at'
  | 'endpoint_headers'
  | 'endpoint_signature_header'
  | 'endpoint_timeout_seconds'
>;

export function timeoutMsOf(format: WebhookFormat, own: number | null, override: number | undefined): number {
  return own !== null ? own * 1000 : (override ?? format.timeoutSeconds * 1000);
}

/** The request for one attempt, or null when there is nothing to send (its endpoint or batch is gone). */
export async function buildRequest(
  d: DeliveryToSend,
  batch: BatchRow | null,
  ctx: RequestContext,
  timestamp: number,
): Promise<(WebhookRequest & { body: BodySource }) | null> {
  const format = formatOf(d.format);
  let secrets: string[] = [];
  let extra: HeaderPair[] | null = d.headers;
  if (d.kind === 'endpoint') {
    // An endpoint deleted or disabled since the delivery was made: nothing is sent.
    if (d.endpoint_secret === null || d.endpoint_disabled_at) return null;
    secrets = signingSecrets({ secret: d.endpoint_secret, old_secrets: d.endpoint_old_secrets ?? [] });
    extra = d.endpoint_headers;
  } else if (batch) {
    if (batch.webhook_secret) secrets = [batch.webhook_secret];
    extra ??= batch.webhook_headers;
  }
  let body: BodySource;
  const completion = d.event_type === 'batch.completed' || d.event_type === 'batch.failed';
  if (d.payload !== null) body = d.payload;
  else if (format.bodyFromBatch && completion) {
    if (!batch) return null;
    body = format.bodyFromBatch(ctx.db, batch, ctx.ttlDays);
  } else if (d.event_payload !== null) body = d.event_payload;
  else return null;
  const signed = await format.sign(body, {
    deliveryId: d.id,
    uuid: uuidOf(d.id),
    timestamp,
    secrets,
    signatureHeader: d.endpoint_signature_header,
    eventType: d.event_type,
    batch,
  });
  const headers: Record<string, string> = { ...format.defaultHeaders, ...signed.headers };
  for (const { name, value } of extra ?? []) headers[name.toLowerCase()] = value;
  return {
    headers,
    body,
    contentLength: signed.contentLength,
    timeoutMs: timeoutMsOf(format, d.endpoint_timeout_seconds, ctx.timeoutOverrideMs),
    closeConnection: format.closeConnection,
  };
}
