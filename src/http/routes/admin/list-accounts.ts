import Type from 'typebox';
import { listAccounts } from '../../../accounts/accounts.js';
import type { Context } from '../../../context.js';
import { commonErrors } from '../../errors.js';
import { type App, Nullable, PageLimit } from '../../types.js';
import { Account, AccountId } from './schemas.js';

export function listAccountsRoute(app: App, ctx: Context): void {
  app.get(
    '/accounts',
    {
      schema: {
        tags: ['operator'],
        summary: 'List accounts, oldest first',
        security: [{ adminToken: [] }],
        querystring: Type.Object({ limit: PageLimit, cursor: Type.Optional(AccountId) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(Account), next_cursor: Nullable(Type.String()) }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { accounts, nextCursor } = await listAccounts(ctx.db, request.query.limit, request.query.cursor);
      return { data: accounts, next_cursor: nextCursor };
    },
  );
}
