import Type from 'typebox';
import { submitBatch } from '../../../batches/batch-submit.js';
import { canonicalJson, sha256Hex } from '../../../lib/canonical-json.js';
import { invalidField as invalid } from '../../../lib/errors.js';
import { ApiError } from '../../errors.js';
import { CountryField, EmailField, fallbackCountry, itemKind, PhoneField } from '../../item-fields.js';
import { rateLimit } from '../../rate-limit.js';
import { routes } from '../../route-plugin.js';
import { FORMATS } from '../../../webhooks/formats/index.js';
import { checkExtraHeaders } from '../../../webhooks/webhook-headers.js';
import { ExtraHeaders, RequestFormat } from './webhook-common.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export default routes((app, { ctx, rateLimits }) => {
  const { limits } = ctx.config;
  app.post(
    '/validate-async',
    {
      preHandler: rateLimit(rateLimits, { name: 'validate-async', perMinute: limits.asyncPerMinute }),
      schema: {
        operationId: 'createBatch',
        tags: ['batches'],
        summary: `Submit up to ${limits.batchMaxItems} phones or emails for background checking (credits for the whole batch up front)`,
        description:
          'Send `phones` or `emails` (not both). Items are deduplicated by meaning (phones by their E.164 form with `country`, ' +
          'emails ignoring case): one result and one credit per distinct item, its `input` the first spelling seen. An item ' +
          'that cannot be a phone number or an address at all (reason `not_a_number`, `invalid_syntax`) is answered at once ' +
          'and costs nothing: `credits_charged` says what was charged. Poll `status_url`, or give `webhook_url` to be called ' +
          'when the batch completes (`webhook_format` batch), or once per item as it is checked (lookup; verification, which ' +
          'also calls at the end), with `webhook_headers` on every call. An `Idempotency-Key` header makes retries safe for 24 hours.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 255 })) }),
        body: Type.Object(
          {
            phones: Type.Optional(Type.Array(PhoneField, { minItems: 1, maxItems: limits.batchMaxItems })),
            emails: Type.Optional(Type.Array(EmailField, { minItems: 1, maxItems: limits.batchMaxItems })),
            country: Type.Optional(CountryField),
            level: Type.Optional(Type.String({ maxLength: 32, description: 'basic (the default); hlr is not offered' })),
            smtp_check: Type.Optional(Type.Boolean({ description: 'Emails: probe the mail server (default true)' })),
            webhook_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
            webhook_secret: Type.Optional(
              Type.String({ minLength: 1, maxLength: 256, description: 'Signs the callback (HMAC-SHA256)' }),
            ),
            webhook_format: Type.Optional(RequestFormat),
            webhook_headers: Type.Optional(ExtraHeaders),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            batch_id: Type.String(),
            status: Type.Union([Type.Literal('queued'), Type.Literal('completed')], {
              description: 'completed when every item was answered at once (none could be a phone number or an address)',
            }),
            total: Type.Integer({ description: 'Distinct items' }),
            level: Type.String(),
            credits_charged: Type.Integer(),
            credits_remaining: Type.Integer(),
            webhook_configured: Type.Boolean(),
            status_url: Type.String(),
          }),
        },
        errors: [
          'insufficient_credits',
          'idempotency_key_reused',
          'rate_limited',
          'level_not_supported',
          'webhook_url_invalid',
          'webhook_url_forbidden',
          'webhook_url_unresolvable',
          'webhook_url_insecure',
        ],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const body = request.body;
      const kind = itemKind(body, 'phones', 'emails');
      const level = body.level ?? 'basic';
      if (level === 'hlr') {
        throw new ApiError('level_not_supported', 'level "hlr" (a live network look-up) is not offered; use "basic"', {
          details: [{ field: 'body.level', message: 'hlr is not offered' }],
        });
      }
      if (level !== 'basic') throw invalid('body.level', 'must be "basic"');
      if (body.webhook_secret !== undefined && body.webhook_url === undefined) {
        throw invalid('body.webhook_secret', 'needs a webhook_url');
      }
      for (const field of ['webhook_format', 'webhook_headers'] as const) {
        if (body[field] !== undefined && body.webhook_url === undefined) throw invalid(`body.${field}`, 'needs a webhook_url');
      }
      const webhookFormat = body.webhook_format ?? 'batch';
      const webhookHeaders = checkExtraHeaders(body.webhook_headers ?? {}, FORMATS[webhookFormat], null, 'body.webhook_headers');
      if (body.webhook_url !== undefined) await ctx.webhooks.vetUrl(body.webhook_url, 'body.webhook_url', webhookFormat);
      const key = request.headers['idempotency-key'];
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw invalid('headers.idempotency-key', 'must be 1 to 255 visible ASCII characters');
      }
      const outcome = await submitBatch(ctx.db, ctx.queue, {
        accountId: principal.accountId,
        kind,
        items: (body.phones ?? body.emails) as string[],
        phoneKeys: ctx.phones.keys,
        level,
        country: fallbackCountry(body.country),
        smtpCheck: body.smtp_check,
        webhookUrl: body.webhook_url,
        webhookSecret: body.webhook_secret,
        webhookFormat,
        webhookHeaders,
        idempotency: key ? { key, requestHash: sha256Hex(canonicalJson(body)) } : undefined,
        baseUrl: ctx.config.publicUrl ?? `${request.protocol}://${request.host}`,
        chunkSizes: { phone: ctx.config.batches.phoneChunk, email: ctx.config.batches.emailChunk },
        onDebit: ctx.webhooks.outbox.usageObserver(),
        hooks: ctx.batchHooks,
      });
      if (outcome.replayed) {
        reply.header('Idempotent-Replayed', 'true');
        return reply.code(outcome.statusCode as 202).send(outcome.body as never);
      }
      request.log.info({ batch_id: outcome.body.batch_id, kind, total: outcome.body.total }, 'batch accepted');
      return reply.code(202).send(outcome.body);
    },
  );
});
