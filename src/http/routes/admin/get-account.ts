import Type from 'typebox';
import { getAccount } from '../../../accounts/accounts.js';
import { listKeys } from '../../../accounts/api-keys.js';
import type { Context } from '../../../context.js';
import { ApiError, commonErrors } from '../../errors.js';
import type { App } from '../../types.js';
import { Account, AccountParams, KeyInfo } from './schemas.js';

export function getAccountRoute(app: App, ctx: Context): void {
  app.get(
    '/accounts/:account_id',
    {
      schema: {
        tags: ['operator'],
        summary: 'One account, with its keys (never the keys themselves)',
        security: [{ adminToken: [] }],
        params: AccountParams,
        response: {
          200: Type.Object({ ...Account.properties, keys: Type.Array(KeyInfo) }),
          404: Type.Ref('ErrorResponse'),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const account = await getAccount(ctx.db, request.params.account_id);
      if (!account) throw new ApiError('not_found', 'No such account');
      return { ...account, keys: await listKeys(ctx.db, account.account_id) };
    },
  );
}
