// `events`: account events. `{id: "evt_…", type, created, data}` for every event type, signed with the hex
// HMAC-SHA256 of the exact body bytes (no prefix) in the header the endpoint names (`X-Signature` unless set).
// Bodies are plain `JSON.stringify` output, so a receiver that re-serialises the parsed body gets the same bytes.
// Any 2xx succeeds; a 410 disables the endpoint; anything else is retried after 1 min, 5 min, 30 min and 2 h.
import { createHmac } from 'node:crypto';
import { EVENT_TYPES } from '../webhook-payloads.js';
import { classifyAny2xx, type WebhookFormat } from '../webhook-format.js';

export const DEFAULT_SIGNATURE_HEADER = 'X-Signature';

export const events: WebhookFormat = {
  name: 'events',
  summary: '`{id, type, created, data}` signed with the hex HMAC-SHA256 of the body in `signature_header` (X-Signature)',
  schedule: { endpoint: [60, 300, 1800, 7200], request: [60, 300, 1800, 7200] },
  timeoutSeconds: 30,
  needsHttps: true,
  eventTypes: EVENT_TYPES,
  ownHeaders: (signatureHeader) => [
    (signatureHeader ?? DEFAULT_SIGNATURE_HEADER).toLowerCase(),
    'x-webhook-id',
    'x-webhook-timestamp',
  ],
  defaultHeaders: {},
  closeConnection: false,
  body: () => ({ kind: 'event' }),
  async sign(body, input) {
    const hmac = input.secrets[0] ? createHmac('sha256', Buffer.from(input.secrets[0], 'utf8')) : null;
    let contentLength = 0;
    const feed = (piece: string) => {
      const bytes = Buffer.from(piece, 'utf8');
      contentLength += bytes.length;
      hmac?.update(bytes);
    };
    if (typeof body === 'string') feed(body);
    else for await (const piece of body()) feed(piece);
    const headers: Record<string, string> = { 'x-webhook-id': input.deliveryId, 'x-webhook-timestamp': String(input.timestamp) };
    if (hmac) headers[(input.signatureHeader ?? DEFAULT_SIGNATURE_HEADER).toLowerCase()] = hmac.digest('hex');
    return { headers, contentLength };
  },
  classify: classifyAny2xx,
};
