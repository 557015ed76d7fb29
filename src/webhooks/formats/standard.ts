// `standard`: the default of account endpoints. The event as `{id, type, created, data}`, signed for Standard
// Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`, one per secret still valid)
// and with the body-only `X-Webhook-Signature: sha256=<hex>`. Any 2xx succeeds; a 410 disables the endpoint;
// anything else is retried after 1 min, 5 min, 30 min and 2 h.
import { EVENT_TYPES } from '../webhook-payloads.js';
import { classifyAny2xx, type SignInput, type WebhookFormat } from '../webhook-format.js';
import { type BodySource, signBody, standardKey } from '../webhook-signing.js';

/** The headers of `standard` (and of `batch`, which adds its own): ids, times and both signature families. */
export async function standardSignature(body: BodySource, input: SignInput) {
  const headers: Record<string, string> = {
    'x-webhook-id': input.deliveryId,
    'x-webhook-timestamp': String(input.timestamp),
    'webhook-id': input.deliveryId,
    'webhook-timestamp': String(input.timestamp),
  };
  const signed = await signBody(body, {
    msgId: input.deliveryId,
    timestamp: input.timestamp,
    standardKeys: input.secrets.map(standardKey),
    bodyKey: input.secrets[0] ? Buffer.from(input.secrets[0], 'utf8') : null,
  });
  if (signed.standardSignature) headers['webhook-signature'] = signed.standardSignature;
  if (signed.bodySignature) headers['x-webhook-signature'] = signed.bodySignature;
  return { headers, contentLength: signed.contentLength, bodySignature: signed.bodySignature };
}

export const STANDARD_HEADERS = [
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-webhook-id',
  'x-webhook-timestamp',
  'x-webhook-signature',
];

export const standard: WebhookFormat = {
  name: 'standard',
  summary: '`{id, type, created, data}` signed for Standard Webhooks and with `X-Webhook-Signature: sha256=<hex>`',
  schedule: { endpoint: [60, 300, 1800, 7200], request: [60, 300, 1800, 7200] },
  timeoutSeconds: 15,
  needsHttps: false,
  eventTypes: EVENT_TYPES,
  ownHeaders: () => STANDARD_HEADERS,
  defaultHeaders: {},
  closeConnection: false,
  body: () => ({ kind: 'event' }),
  async sign(body, input) {
    const { headers, contentLength } = await standardSignature(body, input);
    return { headers, contentLength };
  },
  classify: classifyAny2xx,
};
