// Authentication at the edge: customer API keys for /api/v1, the operator token for /admin/v1.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isWellFormedKey, touchKey } from '../accounts/api-keys.js';
import type { KeyCache } from '../accounts/key-cache.js';
import type { Db } from '../db/db.js';
import type { Logger } from '../lib/logger.js';
import { ApiError } from './errors.js';

export interface Principal {
  accountId: string;
  keyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer' };

/** The bearer token of the request, or an ApiError naming what is wrong with the header. */
function bearerToken(
  request: FastifyRequest,
  missing: 'missing_api_key' | 'missing_admin_token' | 'missing_metrics_token',
): string {
  const header = request.headers.authorization;
  if (!header || header.trim() === '') {
    throw new ApiError(missing, 'Send your credentials as "Authorization: Bearer <token>"', { headers: CHALLENGE });
  }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    const code = (
      {
        missing_api_key: 'malformed_api_key',
        missing_admin_token: 'invalid_admin_token',
        missing_metrics_token: 'invalid_metrics_token',
      } as const
    )[missing];
    throw new ApiError(code, 'The Authorization header must be "Bearer <token>"', { headers: CHALLENGE });
  }
  return match[1];
}

const TOUCH_EVERY_MS = 60_000;

export function apiKeyAuth(db: Db, keys: KeyCache, log: Logger) {
  // When this process last recorded each key's use (the database keeps the real last_used_at).
  const touched = new Map<string, number>();
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = bearerToken(request, 'missing_api_key');
    if (!isWellFormedKey(token)) {
      throw new ApiError('malformed_api_key', 'That is not a Sieve API key (they start with "sv_live_")', {
        headers: CHALLENGE,
      });
    }
    const found = await keys.lookup(token);
    if (found.status === 'unknown') throw new ApiError('invalid_api_key', 'Unknown API key', { headers: CHALLENGE });
    if (found.status === 'revoked') {
      throw new ApiError('revoked_api_key', 'This API key has been revoked', { headers: CHALLENGE });
    }
    request.principal = { accountId: found.accountId, keyId: found.keyId };
    const now = Date.now();
    if ((touched.get(found.keyId) ?? 0) < now - TOUCH_EVERY_MS) {
      if (touched.size > 50_000) touched.clear();
      touched.set(found.keyId, now);
      touchKey(db, found.keyId).catch((err: Error) =>
        log.warn({ err: err.message, key_id: found.keyId }, 'could not record key use'),
      );
    }
  };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export function adminAuth(adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : undefined;
  return async function authenticateAdmin(request: FastifyRequest): Promise<void> {
    if (!expected) {
      throw new ApiError('admin_disabled', 'The operator API is off: start Sieve with ADMIN_TOKEN set to enable it');
    }
    const token = bearerToken(request, 'missing_admin_token');
    // Compare digests, so the comparison takes the same time whatever the length of the guess.
    if (!timingSafeEqual(digest(token), expected)) {
      throw new ApiError('invalid_admin_token', 'The admin token is not valid', { headers: CHALLENGE });
    }
  };
}

/** GET /metrics: open when METRICS_TOKEN is unset (an internal network), else its bearer token. */
export function metricsAuth(metricsToken: string | undefined) {
  const expected = metricsToken ? digest(metricsToken) : undefined;
  return async function authenticateMetrics(request: FastifyRequest): Promise<void> {
    if (!expected) return;
    const token = bearerToken(request, 'missing_metrics_token');
    if (!timingSafeEqual(digest(token), expected)) {
      throw new ApiError('invalid_metrics_token', 'The metrics token is not valid', { headers: CHALLENGE });
    }
  };
}
