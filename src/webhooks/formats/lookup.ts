// `lookup`: per-lookup callbacks. One POST per looked-up item, the result at the top level:
// `{contact, request_id, webhook_id, result_v1}`, the contact in E.164 for phones and lower case for emails,
// `request_id` one per item, `webhook_id` a UUID that stays the same on every retry. Not signed: the receiver
// checks a header it chose (an endpoint's or a request's extra headers, such as Authorization). Only a 200
// succeeds; any other answer is retried 10 times after 30 s, 10 times after 3 min, 10 times after 15 min.
import { signBody } from '../webhook-signing.js';
import { type ItemFacts, uuidOf, type Verdict, type WebhookFormat } from '../webhook-format.js';

const thirty = (seconds: number) => Array.from({ length: 10 }, () => seconds);

/** A phone result as per-lookup callbacks show it (the fields that can be told from the number). */
export function phoneResultV1(r: Record<string, any>) {
  return {
    carrier: { carrier: r.carrier ?? null, number_type: r.line_type ?? null },
    country: r.country
      ? {
          flag: r.country.flag ?? null,
          iso2: r.country.iso2 ?? null,
          iso3: r.country.iso3 ?? null,
          name: r.country.name ?? null,
          description: r.country.description ?? null,
          numeric: r.country.numeric ?? null,
        }
      : null,
    currencies: r.currencies ?? [],
    format: r.format ?? null,
    time_zones: r.time_zones ?? [],
    valid: r.valid,
    reason: r.reason ?? null,
  };
}

/** The contact as per-lookup callbacks write it: E.164 for a phone, lower case for an email. */
export function contactOf(item: ItemFacts): string {
  const r = item.result as Record<string, any>;
  if (item.kind === 'phone') return (r.format?.e164 as string | undefined) ?? String(r.input);
  return String(r.normalized ?? r.email).toLowerCase();
}

export function lookupBody(item: ItemFacts, eventId: string, deliveryUuid: string): string {
  return JSON.stringify({
    contact: contactOf(item),
    request_id: uuidOf(eventId),
    webhook_id: deliveryUuid,
    result_v1: item.kind === 'phone' ? phoneResultV1(item.result) : item.result,
    ...(item.batch ? { batch_id: item.batch.id, seq: item.seq } : {}),
  });
}

export const lookup: WebhookFormat = {
  name: 'lookup',
  summary: 'one POST per item: `{contact, request_id, webhook_id, result_v1}`, unsigned (check your own Authorization header)',
  schedule: {
    endpoint: [...thirty(30), ...thirty(180), ...thirty(900)],
    request: [...thirty(30), ...thirty(180), ...thirty(900)],
  },
  timeoutSeconds: 15,
  needsHttps: false,
  eventTypes: ['validation.completed', 'batch.item.completed'],
  ownHeaders: () => ['x-webhook-id'],
  defaultHeaders: {},
  closeConnection: true,
  body: (event, delivery) =>
    event.item && (event.type === 'validation.completed' || event.type === 'batch.item.completed')
      ? { kind: 'own', body: lookupBody(event.item, event.id, delivery.uuid) }
      : { kind: 'skip' },
  async sign(body, input) {
    const { contentLength } = await signBody(body, {
      msgId: input.deliveryId,
      timestamp: input.timestamp,
      standardKeys: [],
      bodyKey: null,
    });
    return { headers: { 'x-webhook-id': input.uuid }, contentLength };
  },
  classify: (outcome): Verdict => (outcome.kind === 'response' && outcome.status === 200 ? 'success' : 'retry'),
};
