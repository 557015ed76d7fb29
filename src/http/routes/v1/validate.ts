import Type from 'typebox';
import { charged } from '../../../accounts/charge.js';
import { EmailResultSchema } from '../../../email/index.js';
import { validatePhone } from '../../../phone/phone-engine.js';
import { PhoneResultSchema } from '../../../phone/phone-schema.js';
import { CountryField, EmailField, fallbackCountry, itemKind, PhoneField } from '../../item-fields.js';
import { routes } from '../../route-plugin.js';
import { sendJsonText } from '../../types.js';

export default routes((app, { ctx }) => {
  app.post(
    '/validate',
    {
      schema: {
        operationId: 'validate',
        tags: ['validation'],
        summary: 'Validate one phone number or one email address (1 credit)',
        description: 'Send `{phone, country?}` or `{email, smtp_check?, use_cache?}`.',
        body: Type.Object(
          {
            phone: Type.Optional(PhoneField),
            country: Type.Optional(CountryField),
            email: Type.Optional(EmailField),
            smtp_check: Type.Optional(Type.Boolean({ description: 'Emails: probe the mail server (default true)' })),
            use_cache: Type.Optional(Type.Boolean({ description: 'Emails: reuse a recent result (default true)' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Union([PhoneResultSchema, EmailResultSchema]) },
        errors: ['insufficient_credits'],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const { phone, email, country, smtp_check, use_cache } = request.body;
      itemKind(request.body, 'phone', 'email');
      const fallback = fallbackCountry(country);
      const { value, creditsRemaining } = await charged(
        ctx.db,
        ctx.debits,
        {
          accountId: principal.accountId,
          credits: 1,
          reason: phone !== undefined ? 'validate phone' : 'validate email',
          reference: request.id,
        },
        async () =>
          phone !== undefined
            ? validatePhone(phone, fallback)
            : ctx.email.validate(email as string, { smtpCheck: smtp_check ?? true, useCache: use_cache ?? true }),
      );
      reply.header('X-Credits-Remaining', String(creditsRemaining));
      // Serialised here: choosing between the two response schemas for every reply would cost more.
      return sendJsonText(reply, JSON.stringify(value));
    },
  );
});
