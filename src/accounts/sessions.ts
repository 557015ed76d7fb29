// Dashboard sessions, kept in the store with an expiry. A session is opened with an API key (it then acts as
// that key, and ends when the key is revoked) or with the operator token (it ends when ADMIN_TOKEN changes).
// The browser holds a random token; only its SHA-256 is stored. Each session has a CSRF token that the
// browser sends back as a header with every write.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { sha256Hex } from '../lib/canonical-json.js';
import { newId } from '../lib/ids.js';

export type SessionKind = 'account' | 'operator';

export interface Session {
  session_id: string;
  kind: SessionKind;
  account_id: string | null;
  key_id: string | null;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
}

export type SessionOwner =
  { kind: 'account'; accountId: string; keyId: string } | { kind: 'operator'; operatorTokenHash: string };

const COLUMNS = 's.id as session_id, s.kind, s.account_id, s.key_id, s.csrf_token, s.created_at, s.expires_at';

/** Opens a session; the token is returned once, for the cookie. Expired sessions are dropped on the way. */
export async function openSession(
  db: Queryable,
  owner: SessionOwner,
  ttlMs: number,
): Promise<{ token: string; session: Session }> {
  await purgeExpiredSessions(db);
  const token = randomBytes(32).toString('base64url');
  const { rows } = await db.query<Session>(
    `insert into sessions as s (id, token_hash, kind, account_id, key_id, operator_token_hash, csrf_token, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8::double precision / 1000))
     returning ${COLUMNS}`,
    [
      newId('ses'),
      sha256Hex(token),
      owner.kind,
      owner.kind === 'account' ? owner.accountId : null,
      owner.kind === 'account' ? owner.keyId : null,
      owner.kind === 'operator' ? owner.operatorTokenHash : null,
      randomBytes(24).toString('base64url'),
      ttlMs,
    ],
  );
  return { token, session: rows[0] as Session };
}

/**
 * The live session of a token: not expired, and for an account session its key still active; for an operator
 * session, only while the operator token is the one it was opened with. Undefined otherwise.
 */
export async function findSession(
  db: Queryable,
  token: string,
  operatorTokenHash: string | undefined,
): Promise<Session | undefined> {
  const { rows } = await db.query<Session & { operator_token_hash: string | null; key_revoked: boolean | null }>(
    `select ${COLUMNS}, s.operator_token_hash, k.revoked_at is not null as key_revoked
     from sessions s left join api_keys k on k.id = s.key_id
     where s.token_hash = $1 and s.expires_at > now()`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { operator_token_hash: tokenHash, key_revoked: keyRevoked, ...session } = row;
  if (session.kind === 'account' && keyRevoked !== false) return undefined;
  if (session.kind === 'operator' && (!operatorTokenHash || tokenHash !== operatorTokenHash)) return undefined;
  return session;
}

/** Ends a session (signing out); false when there was none. */
export async function endSession(db: Queryable, token: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from sessions where token_hash = $1', [sha256Hex(token)]);
  return rowCount > 0;
}

export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const { rowCount } = await db.query('delete from sessions where expires_at <= now()');
  return rowCount;
}
