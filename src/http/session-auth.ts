// Dashboard sessions at the edge: the HttpOnly cookie the browser holds after signing in, checked in place of
// a bearer credential when a request has no Authorization header. Writes made with the cookie must carry the
// session's CSRF token in the X-CSRF-Token header. Requests with an Authorization header are left to the
// bearer checks of auth.ts, unchanged.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSession, type Session } from '../accounts/sessions.js';
import type { Db } from '../db/db.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'sieve_session';
export const CSRF_HEADER = 'x-csrf-token';
/** What a request made with the session cookie can be refused with. */
export const SESSION_ERRORS = ['invalid_session', 'csrf_token_invalid', 'session_not_allowed'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null;
  }
}

type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** The digest an operator session is tied to (undefined when the operator API is off). */
export const operatorTokenHash = (adminToken: string | undefined) =>
  adminToken ? createHash('sha256').update(`sieve-operator-session:${adminToken}`).digest('hex') : undefined;

export const sessionToken = (request: FastifyRequest): string | undefined => {
  const value = request.cookies[SESSION_COOKIE];
  return value && value.length <= 200 ? value : undefined;
};

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's live session, or an ApiError; writes are refused without the session's CSRF token. */
export async function requireSession(db: Db, adminToken: string | undefined, request: FastifyRequest): Promise<Session> {
  const token = sessionToken(request);
  const session = token ? await findSession(db, token, operatorTokenHash(adminToken)) : undefined;
  if (!session) {
    throw new ApiError('invalid_session', 'Your dashboard session has ended or expired: sign in again');
  }
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameText(sent, session.csrf_token)) {
      throw new ApiError('csrf_token_invalid', `Writes made with the session cookie need its ${CSRF_HEADER} header`);
    }
  }
  request.session = session;
  return session;
}

/** The customer API's authentication: the bearer API key, or else an account session. */
export function apiKeyOrSession(db: Db, adminToken: string | undefined, bearer: Hook): Hook {
  return async (request, reply) => {
    if (request.headers.authorization !== undefined || !sessionToken(request)) return bearer(request, reply);
    const session = await requireSession(db, adminToken, request);
    if (session.kind !== 'account' || !session.account_id || !session.key_id) {
      throw new ApiError('session_not_allowed', 'An operator session cannot use the customer API');
    }
    request.principal = { accountId: session.account_id, keyId: session.key_id };
  };
}

/** The operator API's authentication: the bearer ADMIN_TOKEN, or else an operator session. */
export function adminTokenOrSession(db: Db, adminToken: string | undefined, bearer: Hook): Hook {
  return async (request, reply) => {
    if (request.headers.authorization !== undefined || !sessionToken(request) || !adminToken) {
      return bearer(request, reply);
    }
    const session = await requireSession(db, adminToken, request);
    if (session.kind !== 'operator') {
      throw new ApiError('session_not_allowed', 'The operator pages need a session opened with the operator token');
    }
  };
}
