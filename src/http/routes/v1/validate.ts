import Type from 'typebox';
import type { Context } from '../../../context.js';
import { isSupportedRegion, MAX_PHONE_INPUT, validatePhone } from '../../../phone/phone-engine.js';
import { PhoneResultSchema } from '../../../phone/phone-schema.js';
import { charged } from '../../../validation/charge.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';

export const CountryField = Type.String({
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 country used for numbers written without their country code',
});

/** The fallback country in upper case, or a 422 naming the field when libphonenumber does not know it. */
export function fallbackCountry(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const upper = country.toUpperCase();
  if (!isSupportedRegion(upper)) {
    throw new ApiError('validation_failed', `body.country "${upper}" is not a country code with a numbering plan`, {
      details: [{ field: 'body.country', message: 'is not a country code with a numbering plan' }],
    });
  }
  return upper;
}

export function validateRoute(app: App, ctx: Context): void {
  app.post(
    '/validate',
    {
      schema: {
        tags: ['validation'],
        summary: 'Validate one phone number (1 credit)',
        security: [{ apiKey: [] }],
        body: Type.Object(
          {
            phone: Type.String({ maxLength: MAX_PHONE_INPUT, description: 'The number as written: E.164, international, national, tel: URI, with an extension or letters' }),
            country: Type.Optional(CountryField),
          },
          { additionalProperties: false },
        ),
        response: { 200: PhoneResultSchema, 402: Type.Ref('ErrorResponse'), ...commonErrors },
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const country = fallbackCountry(request.body.country);
      const { value, creditsRemaining } = await charged(
        ctx.db,
        ctx.debits,
        { accountId: principal.accountId, credits: 1, reason: 'validate phone', reference: request.id },
        async () => validatePhone(request.body.phone, country),
      );
      reply.header('X-Credits-Remaining', String(creditsRemaining));
      return value;
    },
  );
}
