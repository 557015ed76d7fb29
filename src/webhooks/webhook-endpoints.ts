// Account webhook endpoints (seed 002): a URL, the event types it wants, a signing secret shown once.
// Rotation keeps the old secret signing beside the new one for a grace period.
import type { Queryable } from '../db/db.js';
import { newId } from '../lib/ids.js';
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
}

/** What clients see: never a secret. */
export function endpointView(e: EndpointRow) {
  return {
    endpoint_id: e.id,
    url: e.url,
    description: e.description,
    event_types: e.event_types,
    enabled: e.disabled_at === null,
    disabled_at: e.disabled_at,
    disabled_reason: e.disabled_reason,
    created_at: e.created_at,
  };
}

export async function createEndpoint(
  db: Queryable,
  input: { accountId: string; url: string; eventTypes: string[]; description: string | null },
): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    `insert into webhook_endpoints (id, account_id, url, description, event_types, secret)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [newId('we'), input.accountId, input.url, input.description, [...new Set(input.eventTypes)], newEndpointSecret()],
  );
  return rows[0] as EndpointRow;
}

export async function getEndpoint(db: Queryable, accountId: string, id: string): Promise<EndpointRow | undefined> {
  const { rows } = await db.query<EndpointRow>('select * from webhook_endpoints where id = $1 and account_id = $2', [id, accountId]);
  return rows[0];
}

export async function listEndpoints(db: Queryable, accountId: string): Promise<EndpointRow[]> {
  const { rows } = await db.query<EndpointRow>('select * from webhook_endpoints where account_id = $1 order by id', [accountId]);
  return rows;
}

/** Deletes an endpoint; its deliveries not sent yet are cancelled (their history stays). */
export async function deleteEndpoint(db: Queryable, accountId: string, id: string): Promise<boolean> {
  await db.query("update webhook_deliveries set status = 'cancelled', locked_until = null where endpoint_id = $1 and status = 'pending'", [id]);
  const res = await db.query('delete from webhook_endpoints where id = $1 and account_id = $2', [id, accountId]);
  return res.rowCount > 0;
}

/** A new secret; the current one keeps signing (beside it) until `graceSeconds` from now. At most 10 old secrets. */
export async function rotateSecret(db: Queryable, endpoint: EndpointRow, graceSeconds: number): Promise<EndpointRow> {
  const now = Date.now();
  const kept = endpoint.old_secrets.filter((s) => Date.parse(s.expires_at) > now);
  const oldSecrets = graceSeconds > 0 ? [{ secret: endpoint.secret, expires_at: new Date(now + graceSeconds * 1000).toISOString() }, ...kept] : kept;
  const { rows } = await db.query<EndpointRow>(
    'update webhook_endpoints set secret = $2, old_secrets = $3 where id = $1 returning *',
    [endpoint.id, newEndpointSecret(), JSON.stringify(oldSecrets.slice(0, 10))],
  );
  return rows[0] as EndpointRow;
}

export async function setEnabled(db: Queryable, endpoint: EndpointRow, enabled: boolean, reason: string | null = null): Promise<EndpointRow> {
  const { rows } = await db.query<EndpointRow>(
    'update webhook_endpoints set disabled_at = $2, disabled_reason = $3 where id = $1 returning *',
    [endpoint.id, enabled ? null : new Date(), enabled ? null : reason],
  );
  return rows[0] as EndpointRow;
}

/** The secrets that sign now: the current one first, then old ones still in their grace period. */
export function signingSecrets(endpoint: Pick<EndpointRow, 'secret' | 'old_secrets'>, now = Date.now()): string[] {
  return [endpoint.secret, ...endpoint.old_secrets.filter((s) => Date.parse(s.expires_at) > now).map((s) => s.secret)];
}
