import Type from 'typebox';
import { grantCredits } from '../../../accounts/accounts.js';
import type { Context } from '../../../context.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { AccountParams } from './schemas.js';

export function grantCreditsRoute(app: App, ctx: Context): void {
  app.post(
    '/accounts/:account_id/credits',
    {
      schema: {
        tags: ['operator'],
        summary: 'Grant credits to an account (a ledger entry)',
        security: [{ adminToken: [] }],
        params: AccountParams,
        body: Type.Object(
          {
            amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
            reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
            reference: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 200,
                description: 'Applied once per account: a retry with the same reference is refused',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ account_id: Type.String(), credits_remaining: Type.Integer(), ledger_entry_id: Type.Integer() }),
          404: Type.Ref('ErrorResponse'),
          409: Type.Ref('ErrorResponse'),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { account_id } = request.params;
      const { amount, reason, reference } = request.body;
      const result = await grantCredits(ctx.db, account_id, amount, reason ?? 'operator grant', reference ?? null);
      if (result.status === 'no_account') throw new ApiError('not_found', 'No such account');
      if (result.status === 'duplicate_reference') {
        throw new ApiError('duplicate_reference', 'A grant with this reference was already applied to this account');
      }
      request.log.info({ account_id, amount }, 'credits granted');
      return { account_id, credits_remaining: result.balance, ledger_entry_id: result.entryId };
    },
  );
}
