// Dashboard sign-in: a browser trades an API key (or the operator token) for an HttpOnly session cookie, so
// that the key is never kept in the browser. The answer carries the CSRF token that writes must send back.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { isWellFormedKey, KEY_PREFIX } from '../../accounts/api-keys.js';
import { endSession, openSession, type Session } from '../../accounts/sessions.js';
import { ApiError } from '../errors.js';
import { routes } from '../route-plugin.js';
import { operatorTokenHash, requireSession, SESSION_COOKIE, sessionToken } from '../session-auth.js';
import { Nullable, Timestamp } from '../types.js';

const SessionInfo = Type.Object({
  kind: Type.Union([Type.Literal('account'), Type.Literal('operator')], {
    description: '`account` (opened with an API key: the customer pages) or `operator` (opened with ADMIN_TOKEN)',
  }),
  account_id: Nullable(Type.String()),
  key_id: Nullable(Type.String({ description: 'The key the session acts as; revoking it ends the session' })),
  csrf_token: Type.String({ description: 'Send it as X-CSRF-Token with every write made with the session cookie' }),
  expires_at: Timestamp,
});

const info = (s: Session) => ({
  kind: s.kind,
  account_id: s.account_id,
  key_id: s.key_id,
  csrf_token: s.csrf_token,
  expires_at: s.expires_at,
});

const digest = (value: string) => createHash('sha256').update(value).digest();

function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https' };
}

function clearCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

export default routes((app, { ctx }) => {
  const adminToken = ctx.config.adminToken;
  const ttlMs = ctx.config.sessionTtlHours * 3_600_000;

  app.post(
    '/session',
    {
      schema: {
        operationId: 'createSession',
        tags: ['session'],
        summary: 'Sign in to the dashboard with an API key or the operator token (sets an HttpOnly cookie)',
        description:
          'The token is checked and forgotten: the browser keeps only a random session cookie (HttpOnly, ' +
          'SameSite=Strict, Secure over HTTPS) that lasts SESSION_TTL_HOURS. An API key opens the customer pages, ' +
          'ADMIN_TOKEN the operator pages.',
        body: Type.Object(
          { token: Type.String({ minLength: 1, maxLength: 500, description: 'An API key (sv_live_…) or ADMIN_TOKEN' }) },
          { additionalProperties: false },
        ),
        response: { 201: SessionInfo },
        errors: ['malformed_api_key', 'invalid_api_key', 'revoked_api_key'],
      },
    },
    async (request, reply) => {
      const token = request.body.token.trim();
      let opened: { token: string; session: Session };
      if (isWellFormedKey(token)) {
        const found = await ctx.keys.lookup(token);
        if (found.status === 'unknown') throw new ApiError('invalid_api_key', 'Unknown API key');
        if (found.status === 'revoked') throw new ApiError('revoked_api_key', 'This API key has been revoked');
        opened = await openSession(ctx.db, { kind: 'account', accountId: found.accountId, keyId: found.keyId }, ttlMs);
      } else if (adminToken && timingSafeEqual(digest(token), digest(adminToken))) {
        opened = await openSession(
          ctx.db,
          { kind: 'operator', operatorTokenHash: operatorTokenHash(adminToken) as string },
          ttlMs,
        );
      } else if (token.startsWith(KEY_PREFIX)) {
        throw new ApiError('malformed_api_key', 'That is not a whole Sieve API key: paste all of it');
      } else {
        throw new ApiError('invalid_api_key', 'That is neither an API key (sv_live_…) nor the operator token');
      }
      request.log.info({ kind: opened.session.kind, account_id: opened.session.account_id }, 'dashboard session opened');
      reply.setCookie(SESSION_COOKIE, opened.token, { ...cookieOptions(request), maxAge: Math.floor(ttlMs / 1000) });
      return reply.code(201).send(info(opened.session));
    },
  );

  app.get(
    '/session',
    {
      schema: {
        operationId: 'getSession',
        security: [{ session: [] }],
        tags: ['session'],
        summary: "The dashboard session of this browser's cookie, with its CSRF token",
        response: { 200: SessionInfo },
        errors: ['invalid_session'],
      },
    },
    async (request) => info(await requireSession(ctx.db, adminToken, request)),
  );

  app.delete(
    '/session',
    {
      schema: {
        operationId: 'deleteSession',
        security: [{ session: [] }],
        tags: ['session'],
        summary: 'Sign out: the session ends in the store and its cookie is cleared',
        response: { 204: Type.Null() },
        errors: ['invalid_session', 'csrf_token_invalid'],
      },
    },
    async (request, reply) => {
      await requireSession(ctx.db, adminToken, request);
      await endSession(ctx.db, sessionToken(request) as string);
      clearCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
});
