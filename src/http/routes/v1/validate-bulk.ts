import Type from 'typebox';
import type { Context } from '../../../context.js';
import { MAX_PHONE_INPUT, validatePhone } from '../../../phone/phone-engine.js';
import { PhoneResultSchema } from '../../../phone/phone-schema.js';
import { charged } from '../../../validation/charge.js';
import { commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { CountryField, fallbackCountry } from './validate.js';

export const BULK_MAX_ITEMS = 200;

export function validateBulkRoute(app: App, ctx: Context): void {
  app.post(
    '/validate-bulk',
    {
      schema: {
        tags: ['validation'],
        summary: `Validate up to ${BULK_MAX_ITEMS} phone numbers at once (1 credit per distinct item)`,
        security: [{ apiKey: [] }],
        body: Type.Object(
          {
            phones: Type.Array(Type.String({ maxLength: MAX_PHONE_INPUT }), {
              minItems: 1,
              maxItems: BULK_MAX_ITEMS,
              description: 'Repeated strings are validated (and charged) once',
            }),
            country: Type.Optional(CountryField),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            batch_size: Type.Integer({ description: 'Items received' }),
            processed: Type.Integer({ description: 'Distinct items validated (and charged)' }),
            credits_remaining: Type.Integer(),
            elapsed_ms: Type.Integer(),
            concurrency: Type.Integer({ description: 'Checks run at once' }),
            results: Type.Array(PhoneResultSchema, { description: 'One per distinct item, in order of first appearance' }),
          }),
          402: Type.Ref('ErrorResponse'),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const started = performance.now();
      const principal = request.principal as NonNullable<typeof request.principal>;
      const country = fallbackCountry(request.body.country);
      const unique = [...new Set(request.body.phones)];
      const { value, creditsRemaining } = await charged(
        ctx.db,
        ctx.debits,
        { accountId: principal.accountId, credits: unique.length, reason: 'validate-bulk phones', reference: request.id },
        async () => unique.map((phone) => validatePhone(phone, country)),
      );
      return {
        batch_size: request.body.phones.length,
        processed: value.length,
        credits_remaining: creditsRemaining,
        elapsed_ms: Math.round(performance.now() - started),
        concurrency: 1,
        results: value,
      };
    },
  );
}
