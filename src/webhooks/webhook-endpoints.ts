// Account webhook endpoints (account events): a URL, the event types it wants, a signing secret shown once.
// Rotation keeps the old secret signing beside the new one for a grace period.
import type { Db, Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
import { DomainError } from '../lib/errors.js';
import { bareHost } from '../net/webhook-target.js';
import { formatOf } from './formats/index.js';
import { ENDPOINT_FORMATS } from './webhook-format.js';
import { checkExtraHeaders, type HeaderPair, maskedHeaders, plainHeaders } from './webhook-headers.js';
import { parseSchedule } from './webhook-retry.js';
import { newEndpointSecret } from './webhook-signing.js';

export interface EndpointRow {
  id: string;
  account_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  secret: string;
  old_secrets: { secret: string; expires_at: string }[];
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  format: string;
  headers: HeaderPair[];
  signature_header: string | null;
  retry_schedule: number[] | null;
  timeout_seconds: number | null;
}

/** What an endpoint can be created with or changed to (besides its URL, event types and description). */
export interface EndpointDelivery {
  format: string;
  headers: HeaderPair[];
  signatureHeader: string | null;
  retrySchedule: number[] | null;
  timeoutSeconds: number | null;
}

/** What clients see: never a secret, extra headers with their values masked. */
export function endpointView(e: EndpointRow) {
  const format = formatOf(e.format);
  return {
    endpoint_id: e.id,
    url: e.url,
    description: e.description,
    event_types: e.event_types,
    format: format.name,
    headers: maskedHeaders(e.headers),
    signature_header: format.name === 'events' ? (e.signature_header ?? 'X-Signature') : null,
    retry_schedule: e.retry_schedule,
    timeout_seconds: e.timeout_seconds,
    enabled: e.disabled_at === null,
    disabled_at: e.disabled_at,
    disabled_reason: e.disabled_reason,
    created_at: e.created_at,
  };
}

export async function createEndpoint(
  db: Queryable,
  input: { accountId: string; url: string; eventTypes: string[]; description: string | null } & EndpointDelivery,
): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `insert into webhook_endpoints (id, account_id, url, description, event_types, secret, format, headers, signature_header,
       retry_schedule, timeout_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
    [
      newId('we'),
      input.accountId,
      input.url,
      input.description,
      [...new Set(input.eventTypes)],
      newEndpointSecret(),
      input.format,
      JSON.stringify(input.headers),
      input.signatureHeader,
      input.retrySchedule,
      input.timeoutSeconds,
    ],
  );
  return rows[0] as EndpointRow;
}

/**
 * Writes an endpoint's new settings (the caller merged and checked them; call inside a transaction); undefined
 * when it is gone. Deliveries not sent yet go to the new URL; their bodies keep the format they were made in.
 */
export async function updateEndpoint(
  db: Queryable,
  accountId: string,
  id: string,
  next: { url: string; eventTypes: string[]; description: string | null } & EndpointDelivery,
): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `update webhook_endpoints set url = $3, event_types = $4, description = $5, format = $6, headers = $7,
       signature_header = $8, retry_schedule = $9, timeout_seconds = $10
     where id = $1 and account_id = $2 returning *`,
    [
      id,
      accountId,
      next.url,
      [...new Set(next.eventTypes)],
      next.description,
      next.format,
      JSON.stringify(next.headers),
      next.signatureHeader,
      next.retrySchedule,
      next.timeoutSeconds,
    ],
  );
  if (rows[0]) {
    await db.query(
      "update webhook_deliveries set url = $2, host = $3 where endpoint_id = $1 and status = 'pending' and url <> $2",
      [id, next.url, bareHost(new URL(next.url))],
    );
  }
  return rows[0];
}

export async function getEndpoint(db: Queryable, accountId: string, id: string): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>('select * from webhook_endpoints where id = $1 and account_id = $2', [
    id,
    accountId,
  ]);
  return rows[0];
}

export async function listEndpoints(db: Queryable, accountId: string): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>('select * from webhook_endpoints where account_id = $1 order by id', [accountId]);
  return rows;
}

/**
 * Deletes the account's endpoint (call inside a transaction); its deliveries not sent yet are cancelled,
 * including one being sent right now (its outcome is recorded, its state stays cancelled). History stays.
 */
export async function deleteEndpoint(tx: Queryable, accountId: string, id: string): Promise<boolean> {
  // Locked first: a delivery being added for it (which takes a key-share lock on the row) is committed
  // before the cancel below reads, and none can be added after it until the endpoint is gone.
  const { rows } = await tx.query('select 1 from webhook_endpoints where id = $1 and account_id = $2 for update', [
    id,
    accountId,
  ]);
  if (rows.length === 0) return false;
  // Before the delete, while the deliveries still name it (the delete sets their endpoint_id to null).
  await tx.query(
    "update webhook_deliveries set status = 'cancelled', locked_until = null where endpoint_id = $1 and status in ('pending', 'sending')",
    [id],
  );
  await tx.query('delete from webhook_endpoints where id = $1', [id]);
  return true;
}

/**
 * A new secret for the account's endpoint (undefined when it has none of that id); the current one keeps
 * signing (beside it) until `graceSeconds` from now. At most 10 old secrets. Rotations of one endpoint take
 * turns (the row is locked), so none loses a secret already shown.
 */
export async function rotateSecret(
  db: Db,
  accountId: string,
  id: string,
  graceSeconds: number,
): Promise<EndpointRow | undefined> {
  return db.transaction(async (tx) => {
    const { rows: locked } = await tx.query<EndpointRow>(
      'select * from webhook_endpoints where id = $1 and account_id = $2 for update',
      [id, accountId],
    );
    const endpoint = locked[0];
    if (!endpoint) return undefined;
    const now = Date.now();
    const kept = endpoint.old_secrets.filter((s) => Date.parse(s.expires_at) > now);
    const oldSecrets =
      graceSeconds > 0
        ? [{ secret: endpoint.secret, expires_at: new Date(now + graceSeconds * 1000).toISOString() }, ...kept]
        : kept;
    const { rows } = await tx.query<EndpointRow>(
      'update webhook_endpoints set secret = $2, old_secrets = $3 where id = $1 returning *',
      [endpoint.id, newEndpointSecret(), JSON.stringify(oldSecrets.slice(0, 10))],
    );
    return rows[0] as EndpointRow;
  });
}

/** Enables the account's endpoint again (after a 410 disabled it); undefined when it has none of that id. */
export async function enableEndpoint(db: Queryable, accountId: string, id: string): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>(
    'update webhook_endpoints set disabled_at = null, disabled_reason = null where id = $1 and account_id = $2 returning *',
    [id, accountId],
  );
  return rows[0];
}

/** The secrets that sign now: the current one first, then old ones still in their grace period. */
export function signingSecrets(endpoint: Pick<EndpointRow, 'secret' | 'old_secrets'>, now = Date.now()): string[] {
  return [endpoint.secret, ...endpoint.old_secrets.filter((s) => Date.parse(s.expires_at) > now).map((s) => s.secret)];
}

/** An endpoint's settings as asked for (a create, or a change merged over the current ones). */
export interface EndpointSettingsInput {
  eventTypes: string[];
  format: string;
  /** New extra headers as sent, or the current ones kept (already checked once, checked again for the format). */
  headers: { given: Record<string, string> } | { kept: HeaderPair[] };
  signatureHeader: string | null;
  /** `30s`, `5m`, `2h` or seconds, before each retry. */
  retrySchedule: (string | number)[] | null;
  timeoutSeconds: number | null;
}

const MAX_RETRIES = 30;
const MAX_WAIT = 86_400;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

/** The settings checked together (the format decides what the others may be); a domain error naming the field otherwise. */
export function checkEndpointSettings(input: EndpointSettingsInput): EndpointDelivery & { eventTypes: string[] } {
  const format = formatOf(input.format);
  if (format.name !== input.format || !(ENDPOINT_FORMATS as readonly string[]).includes(format.name)) {
    throw invalid('body.format', `must be one of ${ENDPOINT_FORMATS.join(', ')}`);
  }
  const unsent = input.eventTypes.filter((t) => !(format.eventTypes as readonly string[]).includes(t));
  if (unsent.length > 0) {
    throw invalid(
      'body.event_types',
      `the ${format.name} format does not send ${unsent.join(', ')} (it sends ${format.eventTypes.join(', ')})`,
    );
  }
  if (input.signatureHeader !== null) {
    if (format.name !== 'events') throw invalid('body.signature_header', 'is only for the events format');
    if (!TOKEN.test(input.signatureHeader)) throw invalid('body.signature_header', 'is not a header name');
    const lower = input.signatureHeader.toLowerCase();
    if (
      [
        'host',
        'content-length',
        'content-type',
        'connection',
        'transfer-encoding',
        'x-webhook-id',
        'x-webhook-timestamp',
      ].includes(lower)
    ) {
      throw invalid('body.signature_header', 'names a header Sieve sets itself');
    }
  }
  const headers =
    'given' in input.headers
      ? checkExtraHeaders(input.headers.given, format, input.signatureHeader, 'body.headers')
      : checkExtraHeaders(plainHeaders(input.headers.kept), format, input.signatureHeader, 'body.headers');
  let retrySchedule: number[] | null = null;
  if (input.retrySchedule !== null) {
    if (input.retrySchedule.length > MAX_RETRIES) throw invalid('body.retry_schedule', `at most ${MAX_RETRIES} retries`);
    retrySchedule = input.retrySchedule.map((wait, i) => {
      const seconds = typeof wait === 'number' ? wait : (parseSchedule(wait)?.[0] ?? null);
      const single = typeof wait === 'number' || !wait.includes(',');
      if (seconds === null || !single || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_WAIT) {
        throw invalid(`body.retry_schedule[${i}]`, 'must be a wait such as 30s, 5m or 2h (or seconds), from 1 s to 24 h');
      }
      return seconds;
    });
  }
  if (
    input.timeoutSeconds !== null &&
    !(Number.isInteger(input.timeoutSeconds) && input.timeoutSeconds >= 1 && input.timeoutSeconds <= 30)
  ) {
    throw invalid('body.timeout_seconds', 'must be a whole number from 1 to 30');
  }
  return {
    eventTypes: input.eventTypes,
    format: format.name,
    headers,
    signatureHeader: format.name === 'events' ? input.signatureHeader : null,
    retrySchedule,
    timeoutSeconds: input.timeoutSeconds,
  };
}
