import Type from 'typebox';
import { grantCredits } from '../../../accounts/accounts.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { AccountParams } from './schemas.js';

export default routes((app, { ctx }) => {
  app.post(
    '/accounts/:account_id/credits',
    {
      schema: {
        operationId: 'grantCredits',
        tags: ['operator'],
        summary: 'Grant credits to an account (a ledger entry)',
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
        },
        errors: ['not_found', 'duplicate_reference'],
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
});
