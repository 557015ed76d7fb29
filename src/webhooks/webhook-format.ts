// What a webhook format is: data the one delivery mechanism (outbox, dispatcher, sender, retries) reads. Each
// format, one module under formats/, builds the bodies of its deliveries, signs them, sets its default headers,
// tells success from a retry from giving up, and has its default schedule and timeout.
import { createHash } from 'node:crypto';
import type { BatchRow } from '../batches/batch-repo.js';
import type { Queryable } from '../db/db.js';
import type { EventType } from './webhook-payloads.js';
import type { SendOutcome } from './webhook-sender.js';
import type { BodySource } from './webhook-signing.js';

export const FORMAT_NAMES = ['standard', 'batch', 'lookup', 'events', 'verification'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
/** Formats an account endpoint can have. */
export const ENDPOINT_FORMATS = ['standard', 'lookup', 'events', 'verification'] as const;
/** Formats of a batch's own webhook_url. */
export const REQUEST_FORMATS = ['batch', 'lookup', 'verification'] as const;

/** What an attempt's answer means: done, try again on the schedule, stop, or stop and disable the endpoint. */
export type Verdict = 'success' | 'retry' | 'give_up' | 'gone';

/** One checked item (an item of a batch, or a lookup of /validate or /validate-bulk). */
export interface ItemFacts {
  kind: 'phone' | 'email';
  /** The result as the API answers it. */
  result: Record<string, unknown>;
  accountId: string;
  /** The batch and the item's place in it; null for /validate and /validate-bulk. */
  batch: BatchRow | null;
  seq: number | null;
  /** The id of the call (the batch's, or the request's) the item came in. */
  requestId: string;
}

/** An event as the formats see it: its id and type, its standard data, and what it is about. */
export interface OutgoingEvent {
  id: string;
  type: EventType;
  created: Date;
  data: unknown;
  item?: ItemFacts;
  batch?: BatchRow;
}

/** What a format makes of an event for one delivery. */
export type BodyPlan =
  /** The event's own payload (`{id, type, created, data}`). */
  | { kind: 'event' }
  /** A body of its own, written with the delivery. */
  | { kind: 'own'; body: string }
  /** Built from the batch when sent (it holds every result). */
  | { kind: 'from_batch' }
  /** This format does not send this event. */
  | { kind: 'skip' };

export interface SignInput {
  /** The delivery's id (`msg_…`), the same on every attempt. */
  deliveryId: string;
  /** The delivery's id as a UUID, the same on every attempt. */
  uuid: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** Signing secrets, current first; none: unsigned. */
  secrets: string[];
  /** The events format's header name (the endpoint's `signature_header`). */
  signatureHeader: string | null;
  eventType: string;
  batch: BatchRow | null;
}

export interface SignedRequest {
  headers: Record<string, string>;
  contentLength: number;
}

export interface WebhookFormat {
  name: FormatName;
  /** One line for the docs and the API's descriptions. */
  summary: string;
  /** Seconds between attempts after the first, immediate one: on an endpoint, and on a request's own URL. */
  schedule: { endpoint: readonly number[]; request: readonly number[] };
  timeoutSeconds: number;
  /** http:// URLs are refused unless the operator allows them (WEBHOOK_ALLOW_HTTP). */
  needsHttps: boolean;
  /** Event types an endpoint of this format can subscribe to. */
  eventTypes: readonly EventType[];
  /** Headers the format sets itself (lower case): extra headers may not. */
  ownHeaders(signatureHeader: string | null): readonly string[];
  /** Headers every request of the format has; an endpoint's extra headers may replace them. */
  defaultHeaders: Readonly<Record<string, string>>;
  /** Each request on a connection of its own (`Connection: close`). */
  closeConnection: boolean;
  body(event: OutgoingEvent, delivery: { id: string; uuid: string }): BodyPlan;
  /** The body of a `from_batch` delivery. */
  bodyFromBatch?(db: Queryable, batch: BatchRow, ttlDays: number): BodySource;
  /** Signs one attempt: the headers of the format (signatures, ids, times). */
  sign(body: BodySource, input: SignInput): Promise<SignedRequest>;
  classify(outcome: SendOutcome): Verdict;
}

/** A `msg_…`/`evt_…` id (32 hex digits after the prefix) as a UUID (version 4 form), the same every time. */
export function uuidOf(id: string): string {
  const hex = id.slice(id.indexOf('_') + 1).padEnd(32, '0');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A UUID that always comes out the same for the same text (an item's id within its batch). */
export function uuidFor(text: string): string {
  return uuidOf(`x_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`);
}

export const isSuccess = (outcome: SendOutcome) => outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;

/** 2xx succeeds, 410 Gone disables the endpoint, anything else is tried again. */
export function classifyAny2xx(outcome: SendOutcome): Verdict {
  if (isSuccess(outcome)) return 'success';
  if (outcome.kind === 'response' && outcome.status === 410) return 'gone';
  return 'retry';
}
