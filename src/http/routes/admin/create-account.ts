import Type from 'typebox';
import { createAccount } from '../../../accounts/accounts.js';
import { routes } from '../../route-plugin.js';
import { Account, Credits } from './schemas.js';

export default routes((app, { ctx }) => {
  app.post(
    '/accounts',
    {
      schema: {
        operationId: 'createAccount',
        tags: ['operator'],
        summary: 'Create an account with an opening balance and its first API key',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            credits: Type.Optional({ ...Credits, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...Account.properties,
            key_id: Type.String(),
            api_key: Type.String({ description: 'Shown once: store it now, it cannot be read again' }),
          }),
        },
      },
    },
    async (request, reply) => {
      const { account, key } = await createAccount(ctx.db, {
        name: request.body.name ?? null,
        credits: request.body.credits ?? 0,
      });
      request.log.info({ account_id: account.account_id, key_id: key.key_id }, 'account created');
      return reply.code(201).send({ ...account, key_id: key.key_id, api_key: key.api_key });
    },
  );
});
