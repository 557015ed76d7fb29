import Type from 'typebox';
import { getAccount } from '../../../accounts/accounts.js';
import { listKeys } from '../../../accounts/api-keys.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { Account, AccountParams, KeyInfo } from './schemas.js';

export default routes((app, { ctx }) => {
  app.get(
    '/accounts/:account_id',
    {
      schema: {
        operationId: 'showAccount',
        tags: ['operator'],
        summary: 'One account, with its keys (never the keys themselves)',
        params: AccountParams,
        response: {
          200: Type.Object({ ...Account.properties, keys: Type.Array(KeyInfo) }),
        },
        errors: ['not_found'],
      },
    },
    async (request) => {
      const account = await getAccount(ctx.db, request.params.account_id);
      if (!account) throw new ApiError('not_found', 'No such account');
      return { ...account, keys: await listKeys(ctx.db, account.account_id) };
    },
  );
});
