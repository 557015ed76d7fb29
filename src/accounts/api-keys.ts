// API keys: random, prefixed, shown once. Only a SHA-256 hash and a short visible prefix are stored.
// The keys carry 192 random bits, so a fast hash is enough: there is nothing to brute-force.
import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db/db.js';
import { sha256Hex } from '../lib/canonical-json.js';
import { newId } from '../lib/ids.js';

export const KEY_PREFIX = 'sv_live_';
/** NOTIFY channel on which revocations are announced (payload: the key's hash). */
export const KEY_CHANNEL = 'sieve_keys';
const KEY_PATTERN = /^sv_live_[A-Za-z0-9_-]{32}$/;
const VISIBLE_CHARS = KEY_PREFIX.length + 4;

export const hashKey = sha256Hex;
export const isWellFormedKey = (key: string) => KEY_PATTERN.test(key);

export interface ApiKeyInfo {
  key_id: string;
  account_id: string;
  name: string | null;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface CreatedKey extends ApiKeyInfo {
  /** The whole key: returned once, at creation, and never again. */
  api_key: string;
}

const COLUMNS = 'id as key_id, account_id, name, prefix, created_at, last_used_at, revoked_at';

export async function createKey(db: Queryable, accountId: string, name: string | null): Promise<CreatedKey> {
  const apiKey = KEY_PREFIX + randomBytes(24).toString('base64url');
  const { rows } = await db.query<ApiKeyInfo>(
    `insert into api_keys (id, account_id, name, prefix, key_hash) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [newId('key'), accountId, name, apiKey.slice(0, VISIBLE_CHARS), hashKey(apiKey)],
  );
  return { ...(rows[0] as ApiKeyInfo), api_key: apiKey };
}

export async function listKeys(db: Queryable, accountId: string): Promise<ApiKeyInfo[]> {
  const { rows } = await db.query<ApiKeyInfo>(`select ${COLUMNS} from api_keys where account_id = $1 order by id`, [accountId]);
  return rows;
}

/**
 * Revokes a key (idempotent); undefined when there is no such key. Every process's key cache is told
 * (NOTIFY on the key's hash) once the revocation is committed.
 */
export async function revokeKey(
  db: Queryable,
  keyId: string,
  accountId?: string,
): Promise<{ info: ApiKeyInfo; keyHash: string } | undefined> {
  // One statement: the notice is sent when the revocation commits, never without it.
  const { rows } = await db.query<ApiKeyInfo & { key_hash: string; notified: unknown }>(
    `with revoked as (
       update api_keys set revoked_at = coalesce(revoked_at, now())
       where id = $1 and ($3::text is null or account_id = $3) returning ${COLUMNS}, key_hash
     )
     select revoked.*, pg_notify($2, revoked.key_hash) as notified from revoked`,
    [keyId, KEY_CHANNEL, accountId ?? null],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { key_hash: keyHash, notified: _notified, ...info } = row;
  return { info, keyHash };
}

export type OwnRevocation =
  | { status: 'revoked'; info: ApiKeyInfo; keyHash: string }
  | { status: 'not_found' }
  | { status: 'last_active'; info: ApiKeyInfo };

/**
 * An account revoking one of its own keys (another account's is not found). Its last active key is kept, so
 * that an account cannot lock itself out (the operator can still revoke it). Revocations of one account take
 * turns (its row is locked), so two of them cannot both take the last two keys.
 */
export async function revokeOwnKey(db: Db, accountId: string, keyId: string): Promise<OwnRevocation> {
  return db.transaction(async (tx) => {
    await tx.query('select id from accounts where id = $1 for update', [accountId]);
    const { rows } = await tx.query<ApiKeyInfo & { others: number }>(
      `select ${COLUMNS}, (select count(*)::int from api_keys o where o.account_id = $2 and o.id <> $1 and o.revoked_at is null) as others
       from api_keys where id = $1 and account_id = $2`,
      [keyId, accountId],
    );
    const found = rows[0];
    if (!found) return { status: 'not_found' } as const;
    const { others, ...info } = found;
    if (!info.revoked_at && others === 0) return { status: 'last_active', info } as const;
    const revoked = await revokeKey(tx, keyId, accountId);
    if (!revoked) return { status: 'not_found' } as const;
    return { status: 'revoked', ...revoked } as const;
  });
}

export type KeyLookup =
  { status: 'active'; keyId: string; accountId: string } | { status: 'revoked'; keyId: string } | { status: 'unknown' };

export async function findKey(db: Queryable, apiKey: string): Promise<KeyLookup> {
  const { rows } = await db.query<{ id: string; account_id: string; revoked_at: Date | null }>(
    'select id, account_id, revoked_at from api_keys where key_hash = $1',
    [hashKey(apiKey)],
  );
  const row = rows[0];
  if (!row) return { status: 'unknown' };
  if (row.revoked_at) return { status: 'revoked', keyId: row.id };
  return { status: 'active', keyId: row.id, accountId: row.account_id };
}

/** Records use, at most once a minute per key, so busy keys do not turn every request into a write. */
export async function touchKey(db: Queryable, keyId: string): Promise<void> {
  await db.query(
    "update api_keys set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')",
    [keyId],
  );
}
