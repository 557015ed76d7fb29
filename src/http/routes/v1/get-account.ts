import Type from 'typebox';
import { getAccount } from '../../../accounts/accounts.js';
import { ledgerPage } from '../../../accounts/credits.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { Nullable, PageLimit, Timestamp } from '../../types.js';

const LedgerEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('grant'), Type.Literal('debit'), Type.Literal('refund')]),
  amount: Type.Integer({ description: 'Negative for debits' }),
  balance_after: Type.Integer(),
  reason: Type.String(),
  reference: Nullable(Type.String()),
  created_at: Timestamp,
});

export default routes((app, { ctx }) => {
  app.get(
    '/account',
    {
      schema: {
        operationId: 'getAccount',
        tags: ['account'],
        summary: 'Your balance and a page of your ledger, newest first',
        querystring: Type.Object(
          {
            limit: PageLimit,
            cursor: Type.Optional(
              Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'next_cursor of the previous page' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            account_id: Type.String(),
            name: Nullable(Type.String()),
            credits_remaining: Type.Integer(),
            created_at: Timestamp,
            ledger: Type.Array(LedgerEntry),
            next_cursor: Nullable(Type.Integer()),
          }),
        },
      },
    },
    async (request) => {
      const accountId = request.principal?.accountId as string;
      const account = await getAccount(ctx.db, accountId);
      if (!account) throw new ApiError('invalid_api_key', 'Unknown API key');
      const page = await ledgerPage(ctx.db, accountId, request.query.limit, request.query.cursor);
      return { ...account, ledger: page.entries, next_cursor: page.nextCursor };
    },
  );
});
