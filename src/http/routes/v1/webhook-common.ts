// What the webhook endpoint operations share: the path parameter, the endpoint as shown, the owner check.
import Type from 'typebox';
import type { Queryable } from '../../../db/db.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { FORMATS } from '../../../webhooks/formats/index.js';
import { getEndpoint } from '../../../webhooks/webhook-endpoints.js';
import { ENDPOINT_FORMATS, type FormatName, REQUEST_FORMATS } from '../../../webhooks/webhook-format.js';
import { MAX_EXTRA_HEADERS } from '../../../webhooks/webhook-headers.js';
import { ApiError } from '../../errors.js';
import { Nullable, NullableTimestamp, Timestamp } from '../../types.js';

export const EndpointParams = Type.Object({ endpoint_id: Type.String({ pattern: ID_PATTERN('we') }) });

const waits = (seconds: readonly number[]) => {
  const unit = (s: number) => (s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
  // Runs of one wait are written once with their count (the lookup format's 10 × 30s...).
  const runs: string[] = [];
  for (let i = 0; i < seconds.length;) {
    let j = i;
    while (seconds[j] === seconds[i]) j++;
    runs.push(j - i > 1 ? `${j - i} × ${unit(seconds[i] as number)}` : unit(seconds[i] as number));
    i = j;
  }
  return runs.join(', ');
};

/** Each format's defaults, for the descriptions (docs/webhooks.md has the same table). */
export const formatsDescription = (names: readonly FormatName[], where: 'endpoint' | 'request') =>
  names
    .map((name) => {
      const f = FORMATS[name];
      return `\`${name}\`: ${f.summary}; retries after ${waits(f.schedule[where])}; timeout ${f.timeoutSeconds} s${f.needsHttps ? '; https:// only' : ''}`;
    })
    .join('. ');

export const EndpointFormat = Type.Union(
  ENDPOINT_FORMATS.map((f) => Type.Literal(f)),
  {
    description: `How deliveries look, are signed and retried (default standard). ${formatsDescription(ENDPOINT_FORMATS, 'endpoint')}`,
  },
);
export const RequestFormat = Type.Union(
  REQUEST_FORMATS.map((f) => Type.Literal(f)),
  { description: `How the webhook_url is called (default batch). ${formatsDescription(REQUEST_FORMATS, 'request')}` },
);
export const ExtraHeaders = Type.Record(Type.String(), Type.String(), {
  maxProperties: MAX_EXTRA_HEADERS,
  description:
    'Up to 10 extra headers sent with every delivery, such as Authorization or User-Agent. Host, Content-Length, ' +
    "Content-Type, Connection, Transfer-Encoding and the format's own signature headers are refused. Values are " +
    'write-only: later reads show them masked.',
});
export const RetrySchedule = Type.Array(Type.Union([Type.String({ maxLength: 16 }), Type.Integer()]), {
  maxItems: 30,
  description:
    'The waits between attempts after the first, immediate one (`["30s","5m"]`: three attempts in all), each up to 24 h; replaces the format\'s schedule',
});
export const TimeoutSeconds = Type.Integer({
  minimum: 1,
  maximum: 30,
  description: "Deadline of one attempt; replaces the format's",
});
export const SignatureHeader = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'events format: the header carrying the hex HMAC-SHA256 of the body (default X-Signature)',
});

export const EndpointSchema = Type.Object({
  endpoint_id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  event_types: Type.Array(Type.String()),
  format: Type.String({ description: 'standard, lookup, events or verification' }),
  headers: Type.Record(Type.String(), Type.String(), { description: 'Extra headers, values masked' }),
  signature_header: Nullable(Type.String({ description: 'events format only' })),
  retry_schedule: Nullable(Type.Array(Type.Integer(), { description: "Seconds before each retry; null: the format's" })),
  timeout_seconds: Nullable(Type.Integer({ description: "null: the format's" })),
  enabled: Type.Boolean(),
  disabled_at: NullableTimestamp,
  disabled_reason: Nullable(Type.String()),
  created_at: Timestamp,
});

/** The caller's endpoint or a 404 (another account's endpoint is not found either). */
export async function ownEndpoint(db: Queryable, accountId: string, id: string) {
  const endpoint = await getEndpoint(db, accountId, id);
  if (!endpoint) throw new ApiError('not_found', 'No such webhook endpoint');
  return endpoint;
}
