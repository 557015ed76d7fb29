// Account webhook endpoints (account events): a URL, the event types it wants, a signing secret shown once.
// Rotation keeps the old secret signing beside the new one for a grace period.
import type { Db, Queryable } from '../db/db.js';
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
