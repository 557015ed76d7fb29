import Type from 'typebox';
import { charged } from '../../../accounts/charge.js';
import { EmailResultSchema } from '../../../email/index.js';
import { balanceOf } from '../../../accounts/credits.js';
import { creditsFor, distinctItems } from '../../../items/item-dedupe.js';
import { validatePhone } from '../../../phone/phone-engine.js';
import { PhoneResultSchema } from '../../../phone/phone-schema.js';
import { CountryField, EmailField, fallbackCountry, itemKind, PhoneField } from '../../item-fields.js';
import { rateLimit } from '../../rate-limit.js';
import { routes } from '../../route-plugin.js';
import { sendJsonText } from '../../types.js';

export default routes((app, { ctx, rateLimits }) => {
  const { bulkMaxItems, bulkPerMinute } = ctx.config.limits;
  app.post(
    '/validate-bulk',
    {
      preHandler: rateLimit(rateLimits, { name: 'validate-bulk', perMinute: bulkPerMinute }),
      schema: {
        operationId: 'validateBulk',
        tags: ['validation'],
        summary: `Validate up to ${bulkMaxItems} phones or emails in one call (1 credit per distinct item)`,
        description:
          'Send `{phones, country?}` or `{emails, smtp_check?, use_cache?}`. Items are deduplicated by meaning: phones with ' +
          'the same E.164 form once read with `country`, emails equal but for case, are one item, checked and charged once ' +
          '(its `input` is the first spelling seen). Results come in order of first appearance. An item that cannot be a ' +
          'phone number or an address at all (reason `not_a_number`, `invalid_syntax`) is answered and costs nothing.',
        body: Type.Object(
          {
            phones: Type.Optional(Type.Array(PhoneField, { minItems: 1, maxItems: bulkMaxItems })),
            emails: Type.Optional(Type.Array(EmailField, { minItems: 1, maxItems: bulkMaxItems })),
            country: Type.Optional(CountryField),
            smtp_check: Type.Optional(Type.Boolean()),
            use_cache: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            batch_size: Type.Integer({ description: 'Items received' }),
            processed: Type.Integer({ description: 'Distinct items answered (one result each)' }),
            credits_charged: Type.Integer({ description: 'Distinct items that could be a phone number or an address' }),
            credits_remaining: Type.Integer(),
            elapsed_ms: Type.Integer(),
            concurrency: Type.Integer({ description: 'Most checks in flight at once (SMTP connections for emails)' }),
            results: Type.Union([Type.Array(PhoneResultSchema), Type.Array(EmailResultSchema)]),
          }),
        },
        errors: ['insufficient_credits', 'rate_limited'],
      },
    },
    async (request, reply) => {
      const started = performance.now();
      const principal = request.principal as NonNullable<typeof request.principal>;
      const { phones, emails, country, smtp_check, use_cache } = request.body;
      const kind = itemKind(request.body, 'phones', 'emails');
      const received = (phones ?? emails) as string[];
      const fallback = fallbackCountry(country);
      const unique = distinctItems(kind, received, fallback);
      const inputs = unique.map((item) => item.input);
      const credits = creditsFor(unique);
      const check = async (): Promise<{ results: unknown[]; concurrency: number }> =>
        kind === 'phone'
          ? { results: inputs.map((p) => validatePhone(p, fallback)), concurrency: 1 }
          : ctx.email.validateMany(inputs, { smtpCheck: smtp_check ?? true, useCache: use_cache ?? true });
      // Nothing to charge (every item is garbage): no debit at all.
      const { value, creditsRemaining } =
        credits > 0
          ? await charged(
              ctx.db,
              ctx.debits,
              { accountId: principal.accountId, credits, reason: `validate-bulk ${kind}s`, reference: request.id },
              check,
            )
          : { value: await check(), creditsRemaining: await balanceOf(ctx.db, principal.accountId) };
      // validation.completed for each result, to the endpoints that asked for it (one request id for the call).
      if (await ctx.webhooks.outbox.wantsValidations(ctx.db, principal.accountId)) {
        await ctx.db.transaction((tx) =>
          ctx.webhooks.outbox.validations(tx, principal.accountId, kind, request.id, value.results),
        );
      }
      const body = {
        batch_size: received.length,
        processed: value.results.length,
        credits_charged: credits,
        credits_remaining: creditsRemaining,
        elapsed_ms: Math.round(performance.now() - started),
        concurrency: value.concurrency,
        results: value.results,
      };
      return sendJsonText(reply, JSON.stringify(body));
    },
  );
});
