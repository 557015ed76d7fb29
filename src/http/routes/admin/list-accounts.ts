import Type from 'typebox';
import { listAccounts } from '../../../accounts/accounts.js';
import { routes } from '../../route-plugin.js';
import { Nullable, PageLimit } from '../../types.js';
import { Account, AccountId } from './schemas.js';

export default routes((app, { ctx }) => {
  app.get(
    '/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags: ['operator'],
        summary: 'List accounts, oldest first',
        querystring: Type.Object({ limit: PageLimit, cursor: Type.Optional(AccountId) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ data: Type.Array(Account), next_cursor: Nullable(Type.String()) }),
        },
      },
    },
    async (request) => {
      const { accounts, nextCursor } = await listAccounts(ctx.db, request.query.limit, request.query.cursor);
      return { data: accounts, next_cursor: nextCursor };
    },
  );
});
