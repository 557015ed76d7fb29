import Type from 'typebox';
import { getAccount } from '../../../accounts/accounts.js';
import { createKey } from '../../../accounts/api-keys.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { AccountParams, KeyInfo } from './schemas.js';

export default routes((app, { ctx }) => {
  app.post(
    '/accounts/:account_id/keys',
    {
      // The body is optional: none at all means no name.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'createAccountKey',
        tags: ['operator'],
        summary: 'Create another API key for an account',
        params: AccountParams,
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...KeyInfo.properties,
            api_key: Type.String({ description: 'Shown once: store it now, it cannot be read again' }),
          }),
        },
        errors: ['not_found'],
      },
    },
    async (request, reply) => {
      const account = await getAccount(ctx.db, request.params.account_id);
      if (!account) throw new ApiError('not_found', 'No such account');
      const key = await createKey(ctx.db, account.account_id, request.body.name ?? null);
      request.log.info({ account_id: account.account_id, key_id: key.key_id }, 'key created');
      return reply.code(201).send(key);
    },
  );
});
