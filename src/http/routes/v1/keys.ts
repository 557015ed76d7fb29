// An account's own API keys: list them, create one (shown once), revoke one (at once, in every process).
import Type from 'typebox';
import { createKey, listKeys, revokeOwnKey } from '../../../accounts/api-keys.js';
import { ID_PATTERN } from '../../../lib/ids.js';
import { ApiError } from '../../errors.js';
import { routes } from '../../route-plugin.js';
import { KeyInfo } from '../admin/schemas.js';

const OwnKey = Type.Object({
  ...KeyInfo.properties,
  current: Type.Boolean({ description: 'The key this request was made with' }),
});

export default routes((app, { ctx }) => {
  app.get(
    '/keys',
    {
      schema: {
        operationId: 'listKeys',
        tags: ['keys'],
        summary: "Your account's API keys, revoked ones included (never the keys themselves)",
        response: { 200: Type.Object({ data: Type.Array(OwnKey) }) },
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const keys = await listKeys(ctx.db, principal.accountId);
      return { data: keys.map((k) => ({ ...k, current: k.key_id === principal.keyId })) };
    },
  );

  app.post(
    '/keys',
    {
      // The body is optional: none at all means no name.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'createKey',
        tags: ['keys'],
        summary: 'Create another API key for your account (the key is shown once)',
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
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const key = await createKey(ctx.db, principal.accountId, request.body.name ?? null);
      request.log.info({ account_id: principal.accountId, key_id: key.key_id }, 'key created by its account');
      return reply.code(201).send(key);
    },
  );

  app.delete(
    '/keys/:key_id',
    {
      schema: {
        operationId: 'revokeKey',
        tags: ['keys'],
        summary: 'Revoke one of your API keys: it stops working at once (revoking twice is harmless)',
        description: "Another account's key is not found. The account's last active key cannot be revoked this way.",
        params: Type.Object({ key_id: Type.String({ pattern: ID_PATTERN('key'), description: 'key_ + 32 hex digits' }) }),
        response: { 200: KeyInfo },
        errors: ['not_found', 'last_active_key'],
      },
    },
    async (request) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const outcome = await revokeOwnKey(ctx.db, principal.accountId, request.params.key_id);
      if (outcome.status === 'not_found') throw new ApiError('not_found', 'No such key');
      if (outcome.status === 'last_active') {
        throw new ApiError('last_active_key', 'This is the last active key of your account: create another one first');
      }
      ctx.keys.forget(outcome.keyHash);
      request.log.info({ key_id: outcome.info.key_id }, 'key revoked by its account');
      return outcome.info;
    },
  );
});
