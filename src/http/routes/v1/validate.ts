import Type from 'typebox';
import { charged } from '../../../accounts/charge.js';
import { balanceOf } from '../../../accounts/credits.js';
import { identify } from '../../../items/item-dedupe.js';
import { EmailResultSchema } from '../../../email/index.js';
import { validatePhone } from '../../../phone/phone-engine.js';
import { PhoneResultSchema } from '../../../phone/phone-schema.js';
import { CountryField, EmailField, fallbackCountry, itemKind, PhoneField } from '../../item-fields.js';
import { FORMATS } from '../../../webhooks/formats/index.js';
import { checkExtraHeaders } from '../../../webhooks/webhook-headers.js';
import { invalidField } from '../../../lib/errors.js';
import { routes } from '../../route-plugin.js';
import { sendJsonText } from '../../types.js';
import { ExtraHeaders } from './webhook-common.js';

export default routes((app, { ctx }) => {
  app.post(
    '/validate',
    {
      schema: {
        operationId: 'validate',
        tags: ['validation'],
        summary: 'Validate one phone number or one email address (1 credit)',
        description:
          'Send `{phone, country?}` or `{email, smtp_check?, use_cache?}`. An input that cannot be a phone number or an ' +
          'address at all (reason `not_a_number`, `invalid_syntax`) is answered for nothing. The `X-Credits-Charged` header ' +
          'says what the call cost (0 or 1), `X-Credits-Remaining` the balance after it. With `webhook_url` (and ' +
          '`webhook_headers`), the result is also POSTed there as a per-lookup callback (`{contact, request_id, webhook_id, ' +
          'result_v1}`, retried until a 200). Endpoints subscribed to `validation.completed` get the result as an event.',
        body: Type.Object(
          {
            phone: Type.Optional(PhoneField),
            country: Type.Optional(CountryField),
            email: Type.Optional(EmailField),
            smtp_check: Type.Optional(Type.Boolean({ description: 'Emails: probe the mail server (default true)' })),
            use_cache: Type.Optional(Type.Boolean({ description: 'Emails: reuse a recent result (default true)' })),
            webhook_url: Type.Optional(
              Type.String({ minLength: 1, maxLength: 2048, description: 'Also POST the result here (format lookup)' }),
            ),
            webhook_headers: Type.Optional(ExtraHeaders),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Union([PhoneResultSchema, EmailResultSchema]) },
        errors: [
          'insufficient_credits',
          'webhook_url_invalid',
          'webhook_url_forbidden',
          'webhook_url_unresolvable',
          'webhook_url_insecure',
        ],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const { phone, email, country, smtp_check, use_cache, webhook_url, webhook_headers } = request.body;
      const kind = itemKind(request.body, 'phone', 'email');
      if (webhook_headers !== undefined && webhook_url === undefined)
        throw invalidField('body.webhook_headers', 'needs a webhook_url');
      const headers = checkExtraHeaders(webhook_headers ?? {}, FORMATS.lookup, null, 'body.webhook_headers');
      if (webhook_url !== undefined) await ctx.webhooks.vetUrl(webhook_url, 'body.webhook_url', 'lookup');
      const fallback = fallbackCountry(country);
      const check = async () =>
        phone !== undefined
          ? validatePhone(phone, fallback)
          : ctx.email.validate(email as string, { smtpCheck: smtp_check ?? true, useCache: use_cache ?? true });
      // An input that cannot be a phone number or an address at all is answered for nothing.
      const free = identify(phone !== undefined ? 'phone' : 'email', (phone ?? email) as string, fallback).garbage !== undefined;
      const { value, creditsRemaining } = free
        ? { value: await check(), creditsRemaining: await balanceOf(ctx.db, principal.accountId) }
        : await charged(
            ctx.db,
            ctx.debits,
            {
              accountId: principal.accountId,
              credits: 1,
              reason: phone !== undefined ? 'validate phone' : 'validate email',
              reference: request.id,
            },
            check,
          );
      // The callback and the events are written before the answer: once a client has it, they are on their way.
      const { outbox } = ctx.webhooks;
      const events = await outbox.wantsValidations(ctx.db, principal.accountId);
      if (webhook_url !== undefined || events) {
        await ctx.db.transaction(async (tx) => {
          if (webhook_url !== undefined) {
            await outbox.lookupCallback(tx, {
              accountId: principal.accountId,
              url: webhook_url,
              headers,
              kind,
              requestId: request.id,
              result: value,
            });
          }
          if (events) await outbox.validations(tx, principal.accountId, kind, request.id, [value]);
        });
      }
      reply.header('X-Credits-Charged', free ? '0' : '1');
      reply.header('X-Credits-Remaining', String(creditsRemaining));
      // Serialised here: choosing between the two response schemas for every reply would cost more.
      return sendJsonText(reply, JSON.stringify(value));
    },
  );
});
