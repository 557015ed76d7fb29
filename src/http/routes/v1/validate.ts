import Type from 'typebox';
import { charged } from '../../../accounts/charge.js';
import { balanceOf } from '../../../accounts/credits.js';
import { identify } from '../../../items/item-dedupe.js';
import { type EmailResult, EmailResultSchema } from '../../../email/index.js';
import { type PhoneResult, PhoneResultSchema } from '../../../phone/phone-schema.js';
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
      const debit = {
        accountId: principal.accountId,
        credits: 1,
        reason: phone !== undefined ? 'validate phone' : 'validate email',
        reference: request.id,
      };
      // The result as JSON text (what is sent), and as an object only when a callback or an event needs it.
      let json: string;
      let value: PhoneResult | EmailResult | undefined;
      let free: boolean;
      let creditsRemaining: number;
      if (phone !== undefined) {
        // A phone is checked first (on a phone thread): it takes microseconds and no I/O, and its result says
        // whether the input is a number at all (reason not_a_number: answered for nothing).
        const checked = await ctx.phones.one(phone, fallback);
        json = checked.json;
        free = checked.garbage;
        creditsRemaining = free
          ? await balanceOf(ctx.db, principal.accountId)
          : (await charged(ctx.db, ctx.debits, debit, async () => null)).creditsRemaining;
      } else {
        // An address is paid for before its (slow) check, and refunded if the check fails.
        free = identify('email', email as string).garbage !== undefined;
        const check = () => ctx.email.validate(email as string, { smtpCheck: smtp_check ?? true, useCache: use_cache ?? true });
        ({ value, creditsRemaining } = free
          ? { value: await check(), creditsRemaining: await balanceOf(ctx.db, principal.accountId) }
          : await charged(ctx.db, ctx.debits, debit, check));
        json = JSON.stringify(value);
      }
      // The callback and the events are written before the answer: once a client has it, they are on their way.
      const { outbox } = ctx.webhooks;
      const events = await outbox.wantsValidations(ctx.db, principal.accountId);
      if (webhook_url !== undefined || events) {
        const result = value ?? (JSON.parse(json) as PhoneResult);
        await ctx.db.transaction(async (tx) => {
          if (webhook_url !== undefined) {
            await outbox.lookupCallback(tx, {
              accountId: principal.accountId,
              url: webhook_url,
              headers,
              kind,
              requestId: request.id,
              result,
            });
          }
          if (events) await outbox.validations(tx, principal.accountId, kind, request.id, [result]);
        });
      }
      reply.header('X-Credits-Charged', free ? '0' : '1');
      reply.header('X-Credits-Remaining', String(creditsRemaining));
      return sendJsonText(reply, json);
    },
  );
});
