// The per-key request limits of the HTTP API: a preHandler that counts the request in the shared store
// (src/limits) and answers 429 with Retry-After and the RateLimit headers when the key is over its limit.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decide, type RateLimitStore } from '../limits/rate-limit-store.js';
import { ApiError } from './errors.js';

export type { RateLimitStore };

export interface LimitRule {
  /** Names the counter: one per key and rule. */
  name: string;
  perMinute: number;
}

/** A preHandler that applies `rule` to the authenticated key and sets the RateLimit headers. */
export function rateLimit(store: RateLimitStore, rule: LimitRule, clock: () => number = Date.now) {
  const windowMs = 60_000;
  return async function limitRequests(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const keyId = request.principal?.keyId;
    if (!keyId) return;
    const now = clock();
    const decision = decide(
      rule.perMinute,
      windowMs,
      now,
      await store.take(`${keyId}:${rule.name}`, rule.perMinute, windowMs, now),
    );
    reply.header('RateLimit-Limit', String(decision.limit));
    reply.header('RateLimit-Remaining', String(decision.remaining));
    reply.header('RateLimit-Reset', String(decision.resetSeconds));
    reply.header('RateLimit-Policy', `${rule.perMinute};w=60`);
    if (!decision.allowed) {
      throw new ApiError(
        'rate_limited',
        `At most ${rule.perMinute} requests a minute to this endpoint per API key; retry in ${decision.retryAfterSeconds} s`,
        {
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        },
      );
    }
  };
}
